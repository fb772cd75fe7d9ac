"""The demo job's candidates (simulated, labelled as demo data) and the first login."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from servicefit.domain.accounts import Role
from servicefit.domain.invitations import new_token, token_hash
from servicefit.services.accounts import create_user
from servicefit.services.content import Content
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.scoring import simulate_attempts
from servicefit.storage.unit_of_work import UnitOfWork

DEMO_JOB = "inbound-call-centre"
DEMO_CANDIDATES = 30
FIRST_LOGIN = "owner@demo.servicefit.test"


@dataclass(frozen=True)
class DemoPeople:
    candidates_created: int
    candidates_total: int
    login_email: str
    login_password: str | None  # only when the login was created now: it is shown once


def set_up_demo_people(
    uow: UnitOfWork,
    content: Content,
    *,
    organisation: str = "demo",
    candidates: int = DEMO_CANDIDATES,
) -> DemoPeople:
    """About 30 simulated, scored candidates for the demo job, and an owner login."""
    with uow:
        owner = organisation_by_slug(uow, organisation)
        existing = [i for i in uow.invitations_of(owner).all(DEMO_JOB) if i.demo]
        has_login = uow.directory().email_taken(FIRST_LOGIN)
    created = 0
    if not existing and candidates > 0:
        ids = simulate_attempts(
            uow,
            content,
            organisation=organisation,
            profile_key=DEMO_JOB,
            count=candidates,
            minutes=30,
            seed=2026,
        )
        now = datetime.now(UTC)
        with uow:
            attempts = uow.attempts_of(owner)
            invitations = uow.invitations_of(owner)
            for number, attempt_id in enumerate(ids, start=1):
                attempt = attempts.get(attempt_id)
                assert attempt is not None
                invitation = invitations.add(
                    profile_key=DEMO_JOB,
                    name=f"Demo candidate {number:02d}",
                    email=f"demo-candidate-{number:02d}@example.invalid",
                    minutes=30,
                    expires_at=now + timedelta(days=30),
                    token_hash=token_hash(new_token()),  # demo links are never handed out
                    created_by="demo set-up",
                    demo=True,
                )
                invitations.update(
                    invitation.id,
                    attempt_id=attempt_id,
                    language="en",
                    consent_at=now,
                    practice_done=True,
                )
                created += 1
            uow.commit()
    password = None
    if not has_login:
        _user, password = create_user(
            uow,
            organisation=organisation,
            email=FIRST_LOGIN,
            name="Demo owner",
            role=Role.OWNER,
        )
    return DemoPeople(created, len(existing) + created, FIRST_LOGIN, password)
