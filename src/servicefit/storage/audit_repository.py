"""The audit log of one organisation, and rate-limit counters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from servicefit.domain.organisations import Organisation
from servicefit.storage.web_rows import AuditEventRow, RateEventRow, as_utc


@dataclass(frozen=True)
class AuditEvent:
    actor: str
    action: str  # e.g. "viewed", "invited", "overrode", "erased"
    subject: str  # e.g. "attempt:12", "invitation:4", "profile:inbound"
    detail: str
    at: datetime


class SqlAuditLog:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def record(self, *, actor: str, action: str, subject: str, detail: str = "") -> None:
        self._session.add(
            AuditEventRow(
                organisation_id=self._organisation.id,
                actor=actor,
                action=action,
                subject=subject,
                detail=detail[:4000],
            )
        )
        self._session.flush()

    def events(self, *, subject: str | None = None, limit: int = 200) -> list[AuditEvent]:
        query = select(AuditEventRow).filter_by(organisation_id=self._organisation.id)
        if subject is not None:
            query = query.filter_by(subject=subject)
        query = query.order_by(AuditEventRow.id.desc()).limit(limit)
        return [
            AuditEvent(row.actor, row.action, row.subject, row.detail, as_utc(row.at))
            for row in self._session.scalars(query)
        ]


class SqlRateLimits:
    """Counted events in a sliding window, shared by every server process."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def count(self, key: str, since: datetime) -> int:
        query = select(func.count()).where(RateEventRow.key == key, RateEventRow.at >= since)
        return int(self._session.scalar(query) or 0)

    def add(self, key: str) -> None:
        self._session.add(RateEventRow(key=key))
        self._session.flush()

    def clear(self, key: str) -> None:
        self._session.execute(delete(RateEventRow).where(RateEventRow.key == key))

    def prune(self, before: datetime) -> None:
        self._session.execute(delete(RateEventRow).where(RateEventRow.at < before))
