"""Invitations of one organisation, and the section clocks of their attempts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from servicefit.domain.invitations import Invitation
from servicefit.domain.language import Language
from servicefit.domain.organisations import Organisation
from servicefit.domain.section_timing import SectionClock
from servicefit.storage.rows import AttemptRow
from servicefit.storage.web_rows import InvitationRow, SectionTimingRow, as_utc, as_utc_or_none


def invitation_of(row: Any, finished_at: datetime | None) -> Invitation:
    """An invitation from an `InvitationRow` or a result row with the same columns."""
    return Invitation(
        id=row.id,
        organisation_id=row.organisation_id,
        profile_key=row.profile_key,
        candidate_name=row.candidate_name,
        candidate_email=row.candidate_email,
        minutes=row.minutes,
        expires_at=as_utc(row.expires_at),
        created_at=as_utc(row.created_at),
        created_by=row.created_by,
        attempt_id=row.attempt_id,
        language=cast(Language | None, row.language),
        consent_at=as_utc_or_none(row.consent_at),
        practice_done=row.practice_done,
        finished_at=as_utc_or_none(finished_at),
        sent_at=as_utc_or_none(row.sent_at),
        send_count=row.send_count,
        demo=row.demo,
    )


def _joined() -> Any:
    return select(InvitationRow, AttemptRow.finished_at).outerjoin(
        AttemptRow, AttemptRow.id == InvitationRow.attempt_id
    )


class SqlInvitationRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def add(
        self,
        *,
        profile_key: str,
        name: str,
        email: str,
        minutes: int,
        expires_at: datetime,
        token_hash: str,
        created_by: str,
        demo: bool = False,
    ) -> Invitation:
        row = InvitationRow(
            organisation_id=self._organisation.id,
            profile_key=profile_key,
            candidate_name=name,
            candidate_email=email,
            minutes=minutes,
            expires_at=expires_at,
            token_hash=token_hash,
            created_by=created_by,
            demo=demo,
        )
        self._session.add(row)
        self._session.flush()
        return invitation_of(row, None)

    def _row(self, invitation_id: int) -> InvitationRow | None:
        query = select(InvitationRow).filter_by(
            id=invitation_id, organisation_id=self._organisation.id
        )
        return self._session.scalars(query).one_or_none()

    def get(self, invitation_id: int) -> Invitation | None:
        query = _joined().where(
            InvitationRow.id == invitation_id,
            InvitationRow.organisation_id == self._organisation.id,
        )
        found = self._session.execute(query).one_or_none()
        return invitation_of(found[0], found[1]) if found else None

    def by_attempt(self, attempt_id: int) -> Invitation | None:
        query = _joined().where(
            InvitationRow.attempt_id == attempt_id,
            InvitationRow.organisation_id == self._organisation.id,
        )
        found = self._session.execute(query).one_or_none()
        return invitation_of(found[0], found[1]) if found else None

    def all(self, profile_key: str | None = None) -> list[Invitation]:
        query = _joined().where(InvitationRow.organisation_id == self._organisation.id)
        if profile_key is not None:
            query = query.where(InvitationRow.profile_key == profile_key)
        rows = self._session.execute(query.order_by(InvitationRow.id))
        return [invitation_of(row, finished) for row, finished in rows]

    def update(self, invitation_id: int, **changes: Any) -> Invitation:
        """Change columns of one invitation (token_hash, language, consent_at, ...)."""
        row = self._row(invitation_id)
        if row is None:
            raise KeyError(invitation_id)
        for name, value in changes.items():
            if not hasattr(InvitationRow, name) or name in ("id", "organisation_id"):
                raise AttributeError(name)
            setattr(row, name, value)
        self._session.flush()
        updated = self.get(invitation_id)
        assert updated is not None
        return updated

    def delete(self, invitation_id: int) -> None:
        row = self._row(invitation_id)
        if row is not None:
            self._session.delete(row)
            self._session.flush()


_timings = SectionTimingRow.__table__
_CLOCKS = select(
    _timings.c.position, _timings.c.started_at, _timings.c.deadline_at, _timings.c.closed_at
).where(_timings.c.attempt_id == bindparam("attempt_id"))


class SqlSectionClocks:
    """Section clocks of attempts (reached through their invitation, which is scoped)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def of(self, attempt_id: int) -> dict[int, SectionClock]:
        """The attempt's clocks by section position (a statement built once: hot path)."""
        return {
            row.position: SectionClock(
                row.position,
                as_utc(row.started_at),
                as_utc(row.deadline_at),
                as_utc_or_none(row.closed_at),
            )
            for row in self._session.execute(_CLOCKS, {"attempt_id": attempt_id})
        }

    def start(self, attempt_id: int, clock: SectionClock) -> None:
        self._session.add(
            SectionTimingRow(
                attempt_id=attempt_id,
                position=clock.position,
                started_at=clock.started_at,
                deadline_at=clock.deadline_at,
            )
        )
        self._session.flush()

    def close(self, attempt_id: int, position: int, at: datetime) -> None:
        query = select(SectionTimingRow).filter_by(attempt_id=attempt_id, position=position)
        row = self._session.scalars(query).one_or_none()
        if row is not None and row.closed_at is None:
            row.closed_at = at
            self._session.flush()

    def delete(self, attempt_id: int) -> None:
        for row in self._session.scalars(select(SectionTimingRow).filter_by(attempt_id=attempt_id)):
            self._session.delete(row)
        self._session.flush()
