"""A candidate taking an assessment through their invitation link.

Every step is a short transaction: an answer is acknowledged only after it is
committed, so an acknowledged answer survives a closed browser, a lost network
or a killed server. Saving the same answer again changes nothing.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from servicefit.domain.answers import ChatAnswer, ChatTurnAnswer, Response
from servicefit.domain.attempts import Attempt
from servicefit.domain.chat_flow import current_turn, reply_level
from servicefit.domain.invitations import Invitation, Stage, token_hash
from servicefit.domain.items import ChatSimulationItem, ChatTurn, Item, ItemBank, ItemRef
from servicefit.domain.job_profiles import Channel
from servicefit.domain.language import Language
from servicefit.domain.organisations import Organisation
from servicefit.domain.section_timing import (
    SectionClock,
    TimedSection,
    earliest_open_deadline,
    open_clock,
    sections_of,
)
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.services.content import packaged_content
from servicefit.services.items import assemble_for_profile, organisation_bank, packaged_bank
from servicefit.services.scoring import default_rater, score_stored_attempt
from servicefit.services.webhooks import completion_payload
from servicefit.storage.account_repository import OrganisationSettings
from servicefit.storage.unit_of_work import UnitOfWork

BANK_SECONDS = 60.0  # how long a merged item bank is reused before it is read again
_banks: dict[str, tuple[float, ItemBank]] = {}
_banks_lock = threading.Lock()


def bank_of(uow: UnitOfWork, organisation: str) -> ItemBank:
    """The organisation's bank, reused for a while (an item version never changes; a new
    employer item reaches new forms within BANK_SECONDS). One thread rebuilds it; the
    others keep using the previous bank meanwhile, or wait on a cold start."""
    cached = _banks.get(organisation)
    if cached and time.monotonic() - cached[0] < BANK_SECONDS:
        return cached[1]
    if cached and not _banks_lock.acquire(blocking=False):
        return cached[1]  # another thread is rebuilding it
    if not cached:
        _banks_lock.acquire()
    try:
        fresh = _banks.get(organisation)
        if fresh and time.monotonic() - fresh[0] < BANK_SECONDS:
            return fresh[1]
        bank = organisation_bank(uow, organisation=organisation)
        _banks[organisation] = (time.monotonic(), bank)
        return bank
    finally:
        _banks_lock.release()


def warm_up() -> None:
    """Load what the first candidate would otherwise wait for: content, bank, text scorer."""
    packaged_content()
    packaged_bank()
    default_rater().rate(
        "Hello, thank you for writing. I will check it today.",
        customer_message="Where is my order?",
        channel=Channel.CHAT,
        language="en",
        rubric=None,
    )


class LinkProblem(NotFound):
    """An unknown or expired link."""


class SectionClosed(InvalidInput):
    """An answer arrived after its section's time ran out."""


@dataclass(frozen=True)
class Step:
    """Where the candidate is, and what the page needs to show."""

    kind: str  # language, consent, practice, item, finish, finished, expired
    invitation: Invitation
    organisation: Organisation
    settings: OrganisationSettings
    attempt: Attempt | None = None
    sections: tuple[TimedSection, ...] = ()
    section: TimedSection | None = None
    clock: SectionClock | None = None
    item: Item | None = None
    chat_turn: ChatTurn | None = None
    answered: int = 0
    total: int = 0
    now: datetime | None = None


def _find(uow: UnitOfWork, token: str) -> tuple[Invitation, Organisation]:
    found = uow.directory().invitation_by_token(token_hash(token))
    if found is None:
        raise LinkProblem("invitation link", "this link is not valid")
    return found


@dataclass(frozen=True)
class _Link:
    """What never changes about a link once known: its organisation and, once consent
    bound it, its attempt (without responses) and where each item sits."""

    organisation: Organisation
    attempt: Attempt | None = None
    placement: dict[str, tuple[ItemRef, int]] = field(default_factory=dict)  # id: ref, section


MAX_LINKS = 5_000  # links remembered per process (~15 KB each): the most recently used
_links: OrderedDict[str, _Link] = OrderedDict()  # token hash -> what is known
_links_lock = threading.Lock()


def _remember(key: str, link: _Link) -> None:
    with _links_lock:
        _links[key] = link
        _links.move_to_end(key)
        while len(_links) > MAX_LINKS:
            _links.popitem(last=False)


def _known(key: str) -> _Link | None:
    with _links_lock:
        link = _links.get(key)
        if link is not None:
            _links.move_to_end(key)
        return link


def _remember_attempt(
    key: str, organisation: Organisation, attempt: Attempt, sections: tuple[TimedSection, ...]
) -> None:
    placement = {ref.id: (ref, s.position) for s in sections for ref in s.items}
    _remember(key, _Link(organisation, replace(attempt, responses={}), placement))


def organisation_of_link(uow: UnitOfWork, token: str) -> str:
    """The slug of the link's organisation (remembered: an invitation never moves)."""
    key = token_hash(token)
    known = _known(key)
    if known is None:
        with uow:
            known = _Link(_find(uow, token)[1])
        _remember(key, known)
    return known.organisation.slug


def _level(turn: ChatTurn, answer: ChatTurnAnswer, language: Language) -> int:
    chosen = reply_level(turn, answer)
    if chosen is not None:
        return chosen
    return _own_reply_level(answer.text or "", turn.customer.in_language(language), language)


@lru_cache(maxsize=4096)
def _own_reply_level(text: str, customer_message: str, language: Language) -> int:
    """The overall level of a candidate's own chat reply (the branch it takes; deterministic)."""
    rating = default_rater().rate(
        text,
        customer_message=customer_message,
        channel=Channel.CHAT,
        language=language,
        rubric=None,
    )
    return rating.overall() or 1


def _turn_now(
    item: ChatSimulationItem, so_far: ChatAnswer | None, language: Language
) -> str | None:
    """The id of the chat's current turn after *so_far*; None when it has ended."""
    return current_turn(item, so_far, lambda turn, given: _level(turn, given, language))


def _chat_turn(item: ChatSimulationItem, attempt: Attempt) -> ChatTurn | None:
    response = attempt.responses.get(item.id)
    answer = response.answer if response else None
    turn_id = _turn_now(item, answer if isinstance(answer, ChatAnswer) else None, attempt.language)
    return item.turn(turn_id) if turn_id else None


def _done(item: Item, attempt: Attempt) -> bool:
    if isinstance(item, ChatSimulationItem):
        return item.id in attempt.responses and _chat_turn(item, attempt) is None
    return item.id in attempt.responses


def _before_items(invitation: Invitation, now: datetime) -> str | None:
    """The step before any item (or after the last one), if the candidate is there."""
    stage = invitation.stage(now)
    if stage is Stage.COMPLETED:
        return "finished"
    if stage is Stage.EXPIRED:
        return "expired"
    if invitation.language is None:
        return "language"
    if invitation.consent_at is None or invitation.attempt_id is None:
        return "consent"
    if not invitation.practice_done:
        return "practice"
    return None


def _attempt_now(
    uow: UnitOfWork, token: str, invitation: Invitation, organisation: Organisation, bank: ItemBank
) -> tuple[Attempt, dict[str, Item], tuple[TimedSection, ...]]:
    """The link's attempt with its responses as stored now, its items and sections (the
    attempt itself never changes while it is taken: it is remembered, responses are not)."""
    if invitation.attempt_id is None:  # consent binds it; callers check that first
        raise LinkProblem("invitation link", "there is no assessment on this link")
    key = token_hash(token)
    known = _known(key)
    attempts = uow.attempts_of(organisation)
    if known and known.attempt and known.attempt.id == invitation.attempt_id:
        attempt = replace(known.attempt, responses=attempts.responses(invitation.attempt_id))
    else:
        found = attempts.get(invitation.attempt_id)
        if found is None:
            raise LinkProblem("invitation link", "there is no assessment on this link")
        attempt = found
    items = {ref.id: bank.item(ref.id) for ref in attempt.items}
    sections = tuple(sections_of(attempt.items, items))
    if known is None or known.attempt is None:
        _remember_attempt(key, organisation, attempt, sections)
    return attempt, items, sections


def where(uow: UnitOfWork, token: str, now: datetime) -> Step:
    """The candidate's current step; opens the next section's clock when one starts."""
    bank = bank_of(uow, organisation_of_link(uow, token))
    with uow.autocommit():  # reads, and a clock's one-statement start or close
        invitation, organisation = _find(uow, token)
        base: dict[str, Any] = {
            "invitation": invitation,
            "organisation": organisation,
            "settings": OrganisationSettings(),  # item pages do not need them
            "now": now,
        }
        early = _before_items(invitation, now)
        if early is not None:
            base["settings"] = uow.accounts_of(organisation).settings()
            return Step(early, **base)
        attempt, items, sections = _attempt_now(uow, token, invitation, organisation, bank)
        clocks = uow.section_clocks().of(attempt.id or 0)
        done = {ref.id for ref in attempt.items if _done(items[ref.id], attempt)}
        base |= {"attempt": attempt, "sections": sections, "answered": len(done)}
        base["total"] = len(attempt.items)
        for section in sections:
            pending = [ref for ref in section.items if ref.id not in done]
            clock = clocks.get(section.position)
            if not pending or (clock is not None and not clock.accepts(now)):
                if clock is not None and clock.closed_at is None:
                    uow.section_clocks().close(attempt.id or 0, section.position, now)
                    uow.commit()
                continue
            if clock is None:
                clock = open_clock(section, now)
                uow.section_clocks().start(attempt.id or 0, clock)
                uow.commit()
            item = items[pending[0].id]
            turn = _chat_turn(item, attempt) if isinstance(item, ChatSimulationItem) else None
            return Step("item", section=section, clock=clock, item=item, chat_turn=turn, **base)
        base["settings"] = uow.accounts_of(organisation).settings()
        return Step("finish", **base)


def choose_language(uow: UnitOfWork, token: str, language: Language) -> None:
    with uow:
        invitation, organisation = _find(uow, token)
        if invitation.attempt_id is None:  # the form is assembled in the chosen language
            uow.invitations_of(organisation).update(invitation.id, language=language)
            uow.commit()


def give_consent(uow: UnitOfWork, token: str, now: datetime) -> None:
    """Consent given: assemble the candidate's form and bind the attempt to the invitation."""
    bank = bank_of(uow, organisation_of_link(uow, token))
    with uow:
        invitation, organisation = _find(uow, token)
        if invitation.attempt_id is not None:
            return  # already given (a second click, or a resend)
        if invitation.stage(now) is not Stage.INVITED or invitation.language is None:
            raise LinkProblem("invitation link", "this link can no longer be used")
        stored = uow.profiles_of(organisation).latest(invitation.profile_key)
        if stored is None:
            raise NotFound("job profile", invitation.profile_key)
        form = assemble_for_profile(
            stored.profile, bank, minutes=invitation.minutes, language=invitation.language
        )
        attempt = uow.attempts_of(organisation).add(
            Attempt(
                organisation_id=organisation.id,
                profile_key=invitation.profile_key,
                profile_version=stored.version,
                candidate=invitation.candidate,
                language=invitation.language,
                items=form.item_refs,
            )
        )
        uow.invitations_of(organisation).update(
            invitation.id, attempt_id=attempt.id, consent_at=now
        )
        uow.audit_of(organisation).record(
            actor=f"candidate:{invitation.id}",
            action="consented",
            subject=f"invitation:{invitation.id}",
            detail=f"language {invitation.language}; attempt {attempt.id}",
        )
        uow.commit()


def finish_practice(uow: UnitOfWork, token: str) -> None:
    with uow:
        invitation, organisation = _find(uow, token)
        uow.invitations_of(organisation).update(invitation.id, practice_done=True)
        uow.commit()


def record_answer(
    uow: UnitOfWork,
    token: str,
    item_id: str,
    read: Callable[[Item], Response],
    now: datetime,
) -> bool:
    """Keep the answer to *item_id* read from the candidate's form; False when it was a
    chat turn already kept (other answers are simply written again). The hot path: once
    the process knows the link's attempt, one statement that writes the answer only if
    the link, the attempt and the section's clock still accept it; otherwise (and for
    chat turns) a few short queries that say exactly why not.

    An answer is taken while its section's clock accepts answers (the clock starts when
    the section's first item is shown); a chat turn must be the conversation's current
    turn. `read` turns the form into a response for the item (InvalidInput names the
    field); it runs before anything is stored.
    """
    bank = bank_of(uow, organisation_of_link(uow, token))
    try:
        item = bank.item(item_id)
    except KeyError:
        raise _closed(f"{item_id} is not on this assessment") from None
    response = read(item)
    if not isinstance(item, ChatSimulationItem) and _kept_at_once(uow, token, response, now):
        return True
    with uow:
        invitation, organisation = _find(uow, token)
        attempt_id = invitation.attempt_id
        if attempt_id is None or invitation.stage(now) is not Stage.STARTED:
            raise _closed("this assessment takes no more answers")
        attempts = uow.attempts_of(organisation)
        refs = attempts.item_refs(attempt_id)
        given = next((ref for ref in refs if ref.id == item_id), None)
        if given is None:
            raise _closed(f"{item_id} is not on this assessment")
        response = replace(response, item=given)
        sections = tuple(sections_of(refs, {ref.id: bank.item(ref.id) for ref in refs}))
        position = next(s.position for s in sections if given in s.items)
        clock = uow.section_clocks().of(attempt_id).get(position)
        if clock is None or not clock.accepts(now):
            raise _closed(f"{item_id} is not in an open section (its time may have run out)")
        if isinstance(response.answer, ChatAnswer) and isinstance(item, ChatSimulationItem):
            extended = _next_chat_turn(
                item, attempts.response(attempt_id, item_id), response, invitation.language
            )
            if extended is None:
                return False
            response = extended
        attempts.save_response(attempt_id, response)
        uow.commit()
    return True


def _kept_at_once(uow: UnitOfWork, token: str, response: Response, now: datetime) -> bool:
    """Keep *response* in one statement if the link's attempt is known here and it is
    still open to this answer; False when not known or not open (nothing written)."""
    key = token_hash(token)
    known = _known(key)
    placed = known.placement.get(response.item.id) if known and known.attempt else None
    if known is None or known.attempt is None or known.attempt.id is None or placed is None:
        return False
    ref, section = placed
    with uow.autocommit():
        return uow.attempts_of(known.organisation).save_response_if_open(
            token_hash=key,
            attempt_id=known.attempt.id,
            section=section,
            response=replace(response, item=ref),
            now=now,
            deadline_from=earliest_open_deadline(now),
        )


def _closed(message: str) -> SectionClosed:
    return SectionClosed([InvalidInputProblem("answer", "item", message)])


def _next_chat_turn(
    item: ChatSimulationItem, kept: Response | None, response: Response, language: Language | None
) -> Response | None:
    """The conversation with the new turn appended; None if the turn was already kept."""
    assert isinstance(response.answer, ChatAnswer)
    before = kept.answer if kept and isinstance(kept.answer, ChatAnswer) else None
    if before and all(turn in before.turns for turn in response.answer.turns):
        return None
    current = _turn_now(item, before, language or "en")
    given = response.answer.turns[-1]
    if current is None or given.turn != current:
        raise InvalidInput(
            [InvalidInputProblem("answer", "turn", f"turn {given.turn} is not the current turn")]
        )
    seconds = (kept.seconds if kept else 0.0) + response.seconds
    events = tuple(dict.fromkeys((*(kept.events if kept else ()), *response.events)))
    turns = (*(before.turns if before else ()), given)
    return Response(response.item, ChatAnswer(turns), seconds, events)


def finish(uow: UnitOfWork, token: str, now: datetime) -> int:
    """Close the attempt, score it, queue the completion webhook; the attempt id."""
    step = where(uow, token, now)
    if step.kind == "finished" and step.invitation.attempt_id is not None:
        return step.invitation.attempt_id
    if step.attempt is None or step.attempt.id is None:
        raise LinkProblem("invitation link", "there is no assessment to finish")
    attempt_id = step.attempt.id
    with uow:
        uow.attempts_of(step.organisation).finish(attempt_id, now)
        uow.audit_of(step.organisation).record(
            actor=f"candidate:{step.invitation.id}",
            action="finished",
            subject=f"attempt:{attempt_id}",
            detail=f"{step.answered} of {step.total} items answered",
        )
        uow.commit()
    score_stored_attempt(uow, organisation=step.organisation.slug, attempt_id=attempt_id)
    with uow:
        payload = completion_payload(uow, step.organisation, step.invitation.id)
        uow.webhooks_of(step.organisation).enqueue("assessment.completed", payload)
        uow.commit()
    return attempt_id
