"""Inviting candidates: one at a time or from a CSV file, resending, the pipeline."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from servicefit.config import Settings
from servicefit.domain.accounts import email_problem, normalise_email
from servicefit.domain.invitations import Invitation, Stage, expiry, new_token, token_hash
from servicefit.domain.organisations import Organisation
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.services.mail import mail_configured, send_mail
from servicefit.storage.unit_of_work import UnitOfWork

MIN_MINUTES, MAX_MINUTES = 10, 90
CSV_COLUMNS = ("name", "email")


@dataclass(frozen=True)
class NewCandidate:
    name: str
    email: str


@dataclass(frozen=True)
class Sent:
    invitation: Invitation
    link: str
    emailed: bool  # False: show the link to copy (no SMTP, or it failed)
    mail_error: str = ""


def link_for(settings: Settings, token: str) -> str:
    return f"{settings.base_url.rstrip('/')}/take/{token}"


def _checked(candidate: NewCandidate, source: str, line: int | None) -> list[InvalidInputProblem]:
    problems = []
    if not candidate.name.strip():
        problems.append(InvalidInputProblem(source, "name", "give the candidate's name", line))
    if (problem := email_problem(candidate.email)) is not None:
        problems.append(InvalidInputProblem(source, "email", problem, line))
    return problems


def read_candidates_csv(text: str, source: str) -> list[NewCandidate]:
    """Candidates from a CSV file with columns name,email; every problem with its line."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InvalidInput([InvalidInputProblem(source, ", ".join(missing), "missing column", 1)])
    candidates, problems, seen = [], [], set()
    for row in reader:
        line = reader.line_num
        candidate = NewCandidate((row.get("name") or "").strip(), (row.get("email") or "").strip())
        found = _checked(candidate, source, line)
        address = normalise_email(candidate.email)
        if not found and address in seen:
            found.append(InvalidInputProblem(source, "email", f"{address} appears twice", line))
        seen.add(address)
        problems += found
        candidates.append(candidate)
    if problems:
        raise InvalidInput(problems)
    if not candidates:
        raise InvalidInput([InvalidInputProblem(source, "rows", "the file lists no candidates")])
    return candidates


def invite(
    uow: UnitOfWork,
    settings: Settings,
    organisation: Organisation,
    *,
    profile_key: str,
    candidates: list[NewCandidate],
    actor: str,
    minutes: int | None = None,
    source: str = "invitation form",
    now: datetime | None = None,
) -> list[Sent]:
    """Invite every candidate (all or nothing), then e-mail the links when SMTP is set."""
    moment = now or datetime.now(UTC)
    problems = [p for c in candidates for p in _checked(c, source, None)]
    if minutes is not None and not MIN_MINUTES <= minutes <= MAX_MINUTES:
        problems.append(
            InvalidInputProblem(source, "minutes", f"must be {MIN_MINUTES}-{MAX_MINUTES}")
        )
    if problems:
        raise InvalidInput(problems)
    issued: list[tuple[Invitation, str]] = []
    with uow:
        stored = uow.profiles_of(organisation).latest(profile_key)
        if stored is None:
            raise NotFound("job profile", profile_key)
        days = uow.accounts_of(organisation).settings().invitation_days
        for candidate in candidates:
            token = new_token()
            invitation = uow.invitations_of(organisation).add(
                profile_key=profile_key,
                name=candidate.name.strip(),
                email=normalise_email(candidate.email),
                minutes=minutes or stored.profile.time_budget_minutes,
                expires_at=expiry(moment, days),
                token_hash=token_hash(token),
                created_by=actor,
            )
            uow.audit_of(organisation).record(
                actor=actor,
                action="invited",
                subject=f"invitation:{invitation.id}",
                detail=f"{invitation.candidate} to {profile_key}",
            )
            issued.append((invitation, token))
        uow.commit()
    return [_send(uow, settings, organisation, invitation, token) for invitation, token in issued]


def resend(
    uow: UnitOfWork,
    settings: Settings,
    organisation: Organisation,
    invitation_id: int,
    *,
    actor: str,
    now: datetime | None = None,
) -> Sent:
    """A fresh link for the same invitation (the old link stops working); a started
    attempt is resumed from the new link. An expired invitation gets a new expiry."""
    moment = now or datetime.now(UTC)
    token = new_token()
    with uow:
        invitations = uow.invitations_of(organisation)
        invitation = invitations.get(invitation_id)
        if invitation is None:
            raise NotFound("invitation", str(invitation_id))
        if invitation.stage(moment) is Stage.COMPLETED:
            raise InvalidInput(
                [InvalidInputProblem("invitation", "status", "the assessment is already completed")]
            )
        days = uow.accounts_of(organisation).settings().invitation_days
        invitation = invitations.update(
            invitation_id, token_hash=token_hash(token), expires_at=expiry(moment, days)
        )
        uow.audit_of(organisation).record(
            actor=actor, action="resent", subject=f"invitation:{invitation_id}"
        )
        uow.commit()
    return _send(uow, settings, organisation, invitation, token)


def _send(
    uow: UnitOfWork,
    settings: Settings,
    organisation: Organisation,
    invitation: Invitation,
    token: str,
) -> Sent:
    link = link_for(settings, token)
    if not mail_configured(settings):
        return Sent(invitation, link, emailed=False)
    body = (
        f"Hello {invitation.candidate_name},\n\n{organisation.name} invites you to an assessment"
        f" for the job {invitation.profile_key}. It takes about {invitation.minutes} minutes and"
        f" you can answer in English, Spanish or Polish.\n\nStart here: {link}\n\n"
        f"The link works until {invitation.expires_at:%Y-%m-%d %H:%M} UTC.\n"
    )
    try:
        send_mail(settings, to=invitation.candidate_email, subject="Your assessment", body=body)
    except (OSError, RuntimeError) as error:
        return Sent(invitation, link, emailed=False, mail_error=str(error))
    with uow:
        updated = uow.invitations_of(organisation).update(
            invitation.id, sent_at=datetime.now(UTC), send_count=invitation.send_count + 1
        )
        uow.commit()
    return Sent(updated, link, emailed=True)


def pipeline(invitations: list[Invitation], now: datetime | None = None) -> dict[str, int]:
    """How many invitations are at each stage."""
    moment = now or datetime.now(UTC)
    counts = Counter(invitation.stage(moment).value for invitation in invitations)
    return {stage.value: counts.get(stage.value, 0) for stage in Stage}
