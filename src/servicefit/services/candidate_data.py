"""One candidate's data: export it, erase it, and purge what is past retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from servicefit.domain.organisations import Organisation
from servicefit.errors import NotFound
from servicefit.storage.answer_documents import answer_to_document
from servicefit.storage.unit_of_work import UnitOfWork


def export_candidate(
    uow: UnitOfWork, organisation: Organisation, invitation_id: int, *, actor: str
) -> dict[str, Any]:
    """Everything servicefit holds about the candidate of one invitation, as JSON."""
    with uow:
        invitation = uow.invitations_of(organisation).get(invitation_id)
        if invitation is None:
            raise NotFound("invitation", str(invitation_id))
        document: dict[str, Any] = {
            "invitation": {
                "id": invitation.id,
                "name": invitation.candidate_name,
                "email": invitation.candidate_email,
                "job": invitation.profile_key,
                "created_at": invitation.created_at.isoformat(),
                "expires_at": invitation.expires_at.isoformat(),
                "language": invitation.language,
                "consent_at": invitation.consent_at.isoformat() if invitation.consent_at else None,
            },
            "attempt": None,
        }
        if invitation.attempt_id is not None:
            attempts = uow.attempts_of(organisation)
            attempt = attempts.get(invitation.attempt_id)
            if attempt is not None:
                document["attempt"] = {
                    "id": attempt.id,
                    "items": [str(ref) for ref in attempt.items],
                    "finished_at": attempt.finished_at.isoformat() if attempt.finished_at else None,
                    "responses": [
                        {
                            "item": str(r.item),
                            "answer": answer_to_document(r.answer),
                            "seconds": r.seconds,
                            "events": [e.value for e in r.events],
                        }
                        for r in attempt.responses.values()
                    ],
                    "scores": attempts.scores(invitation.attempt_id),
                    "reviews": [
                        {
                            "item": r.item_id,
                            "dimension": r.dimension,
                            "machine_level": r.machine_level,
                            "human_level": r.human_level,
                            "reviewer": r.reviewer,
                            "reason": r.reason,
                        }
                        for r in uow.reviews_of(organisation).for_attempt(invitation.attempt_id)
                    ],
                }
        uow.audit_of(organisation).record(
            actor=actor, action="exported", subject=f"invitation:{invitation_id}"
        )
        uow.commit()
    return document


def erase_candidate(
    uow: UnitOfWork, organisation: Organisation, invitation_id: int, *, actor: str
) -> None:
    """Delete the invitation, its attempt, answers, scores, reviews, demographics and
    outcomes; the audit log keeps that it happened (without the candidate's name)."""
    with uow:
        _erase(uow, organisation, invitation_id)
        uow.audit_of(organisation).record(
            actor=actor, action="erased", subject=f"invitation:{invitation_id}"
        )
        uow.commit()


def _erase(uow: UnitOfWork, organisation: Organisation, invitation_id: int) -> None:
    invitations = uow.invitations_of(organisation)
    invitation = invitations.get(invitation_id)
    if invitation is None:
        raise NotFound("invitation", str(invitation_id))
    invitations.delete(invitation_id)
    uow.demographics_of(organisation).erase(invitation.candidate)
    uow.outcomes_of(organisation).erase(invitation.candidate)
    if invitation.attempt_id is not None:
        uow.section_clocks().delete(invitation.attempt_id)
        uow.attempts_of(organisation).erase(invitation.attempt_id)


def purge_expired(
    uow: UnitOfWork, organisation: Organisation, *, now: datetime | None = None
) -> int:
    """Erase candidates whose invitation is older than the retention period; how many."""
    moment = now or datetime.now(UTC)
    with uow:
        days = uow.accounts_of(organisation).settings().retention_days
        cutoff = moment - timedelta(days=days)
        old = [i.id for i in uow.invitations_of(organisation).all() if i.created_at < cutoff]
        for invitation_id in old:
            _erase(uow, organisation, invitation_id)
        if old:
            uow.audit_of(organisation).record(
                actor="system",
                action="purged",
                subject="retention",
                detail=f"{len(old)} candidates older than {days} days",
            )
        uow.commit()
    return len(old)
