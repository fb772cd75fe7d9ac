"""Rules behind the web application: invitations, section clocks, roles, webhooks, chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from servicefit.domain.accounts import Permission, Role, may, password_problem
from servicefit.domain.chat_flow import current_turn, reply_level
from servicefit.domain.invitations import Invitation, Stage, new_token, token_hash
from servicefit.domain.items import ChatSimulationItem, Instrument
from servicefit.domain.section_timing import GRACE, open_clock, sections_of
from servicefit.domain.webhook_signing import MAX_TRIES, next_try, signature, verify
from servicefit.services.items import packaged_bank

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def _invitation(**changes: object) -> Invitation:
    values: dict[str, object] = {
        "id": 1,
        "organisation_id": 1,
        "profile_key": "job",
        "candidate_name": "Ana",
        "candidate_email": "ana@example.com",
        "minutes": 20,
        "expires_at": NOW + timedelta(days=1),
        "created_at": NOW,
        "created_by": "owner@example.com",
    }
    values.update(changes)
    return Invitation(**values)  # type: ignore[arg-type]


def test_an_invitation_moves_through_the_pipeline_stages() -> None:
    assert _invitation().stage(NOW) is Stage.INVITED
    assert _invitation(attempt_id=3).stage(NOW) is Stage.STARTED
    assert _invitation(attempt_id=3, finished_at=NOW).stage(NOW + timedelta(days=9)) is (
        Stage.COMPLETED
    )
    assert _invitation(attempt_id=3).stage(NOW + timedelta(days=2)) is Stage.EXPIRED


def test_link_tokens_carry_at_least_128_random_bits_and_are_stored_hashed() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(t) >= 43 for t in tokens)  # 32 bytes in URL-safe base64
    token = next(iter(tokens))
    assert token_hash(token) != token
    assert len(token_hash(token)) == 64


def test_a_section_accepts_answers_until_its_deadline_plus_grace() -> None:
    bank = packaged_bank()
    refs = tuple(item.ref for item in bank.by_instrument(Instrument.QUESTIONNAIRE)[:6])
    refs += tuple(item.ref for item in bank.by_instrument(Instrument.SITUATIONAL_JUDGEMENT)[:2])
    sections = sections_of(refs, {ref.id: bank.item(ref.id) for ref in refs})
    assert [s.instrument for s in sections] == [
        Instrument.QUESTIONNAIRE,
        Instrument.SITUATIONAL_JUDGEMENT,
    ]
    assert all(s.limit_seconds >= 120 and s.limit_seconds % 60 == 0 for s in sections)
    clock = open_clock(sections[0], NOW)
    deadline = NOW + timedelta(seconds=sections[0].limit_seconds)
    assert clock.accepts(deadline + GRACE)
    assert not clock.accepts(deadline + GRACE + timedelta(seconds=1))
    assert clock.remaining_seconds(NOW) == sections[0].limit_seconds


def test_roles_grant_what_the_issue_describes() -> None:
    assert all(may(Role.OWNER, p) for p in Permission)
    assert may(Role.RECRUITER, Permission.INVITE)
    assert not may(Role.RECRUITER, Permission.MANAGE_USERS)
    assert may(Role.REVIEWER, Permission.REVIEW_WRITTEN)
    assert not may(Role.REVIEWER, Permission.INVITE)
    assert not may(Role.REVIEWER, Permission.ERASE_CANDIDATE)
    assert password_problem("short") is not None
    assert password_problem("a long enough passphrase") is None


def test_webhook_signatures_verify_and_reject_tampering_and_replays() -> None:
    body = b'{"event": "assessment.completed"}'
    signed = signature("secret", 1_000, body)
    assert verify("secret", 1_000, body, signed, now=1_010)
    assert not verify("secret", 1_000, body + b" ", signed, now=1_010)
    assert not verify("other", 1_000, body, signed, now=1_010)
    assert not verify("secret", 1_000, body, signed, now=1_000 + 301)


def test_webhook_retries_back_off_and_stop() -> None:
    delays = [next_try(n, NOW) for n in range(1, MAX_TRIES + 1)]
    waits = [(d - NOW).total_seconds() for d in delays[:-1] if d is not None]
    assert waits[:3] == [60, 120, 240]
    assert waits == sorted(waits)
    assert max(waits) <= 6 * 3600
    assert delays[-1] is None


def test_a_chat_replays_to_the_current_turn_and_ends() -> None:
    chat = next(
        i
        for i in packaged_bank().by_instrument(Instrument.CHAT_SIMULATION)
        if isinstance(i, ChatSimulationItem)
    )
    assert current_turn(chat, None, lambda t, a: 5) == chat.start
    from servicefit.domain.answers import ChatAnswer, ChatTurnAnswer  # noqa: PLC0415

    turns = []
    turn_id: str | None = chat.start
    while turn_id is not None:
        turn = chat.turn(turn_id)
        best = max(turn.replies, key=lambda r: r.effectiveness)
        turns.append(ChatTurnAnswer(turn=turn.id, reply=best.id))
        level = reply_level(turn, turns[-1])
        assert level == best.effectiveness
        turn_id = current_turn(chat, ChatAnswer(tuple(turns)), lambda t, a: reply_level(t, a) or 1)
        assert len(turns) < 20
    assert len(turns) >= 2


def test_written_answers_are_highlighted_where_the_evidence_is() -> None:
    from servicefit.web.pages_candidates import highlighted  # noqa: PLC0415

    text = "I am so sorry. Calm down. I will call you tomorrow."
    segments = highlighted(
        text,
        {
            "empathy": ("+apology: I am so sorry.",),
            "politeness": ("-dismissive: Calm down.",),
            "ownership": ("+commitment: I will call you tomorrow.", "+x: not in the text"),
        },
    )
    assert "".join(piece for piece, _ in segments) == text
    assert ("I am so sorry.", "earned") in segments
    assert ("Calm down.", "cost") in segments
    assert ("I will call you tomorrow.", "earned") in segments
