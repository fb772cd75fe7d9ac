"""Users, API tokens and settings of one organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from servicefit.domain.accounts import Role, User
from servicefit.domain.organisations import Organisation
from servicefit.storage.rows import utc_now
from servicefit.storage.web_rows import ApiTokenRow, OrganisationSettingsRow, UserRow


@dataclass(frozen=True)
class OrganisationSettings:
    candidate_report: bool = False  # candidates may see their own report after finishing
    retention_days: int = 365  # candidate data older than this is purged
    privacy_contact: str = ""
    invitation_days: int = 14


@dataclass(frozen=True)
class ApiToken:
    id: int
    name: str
    created_at: datetime
    revoked_at: datetime | None


def user_of(row: UserRow) -> User:
    return User(row.id, row.organisation_id, row.email, row.name, Role(row.role), row.active)


class SqlAccountRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def add_user(self, *, email: str, name: str, role: Role, password_hash: str) -> User:
        row = UserRow(
            organisation_id=self._organisation.id,
            email=email,
            name=name,
            role=role.value,
            password_hash=password_hash,
        )
        self._session.add(row)
        self._session.flush()
        return user_of(row)

    def _user_row(self, user_id: int) -> UserRow | None:
        query = select(UserRow).filter_by(id=user_id, organisation_id=self._organisation.id)
        return self._session.scalars(query).one_or_none()

    def user(self, user_id: int) -> User | None:
        row = self._user_row(user_id)
        return user_of(row) if row else None

    def users(self) -> list[User]:
        query = (
            select(UserRow).filter_by(organisation_id=self._organisation.id).order_by(UserRow.id)
        )
        return [user_of(row) for row in self._session.scalars(query)]

    def update_user(self, user_id: int, *, role: Role, active: bool) -> User | None:
        row = self._user_row(user_id)
        if row is None:
            return None
        row.role, row.active = role.value, active
        self._session.flush()
        return user_of(row)

    def settings(self) -> OrganisationSettings:
        row = self._session.get(OrganisationSettingsRow, self._organisation.id)
        if row is None:
            return OrganisationSettings()
        return OrganisationSettings(
            row.candidate_report, row.retention_days, row.privacy_contact, row.invitation_days
        )

    def save_settings(self, settings: OrganisationSettings) -> None:
        row = self._session.get(OrganisationSettingsRow, self._organisation.id)
        if row is None:
            row = OrganisationSettingsRow(organisation_id=self._organisation.id)
            self._session.add(row)
        row.candidate_report = settings.candidate_report
        row.retention_days = settings.retention_days
        row.privacy_contact = settings.privacy_contact
        row.invitation_days = settings.invitation_days
        self._session.flush()

    def add_token(self, *, name: str, token_hash: str) -> ApiToken:
        row = ApiTokenRow(organisation_id=self._organisation.id, name=name, token_hash=token_hash)
        self._session.add(row)
        self._session.flush()
        return ApiToken(row.id, row.name, row.created_at, row.revoked_at)

    def tokens(self) -> list[ApiToken]:
        query = (
            select(ApiTokenRow)
            .filter_by(organisation_id=self._organisation.id)
            .order_by(ApiTokenRow.id)
        )
        return [
            ApiToken(row.id, row.name, row.created_at, row.revoked_at)
            for row in self._session.scalars(query)
        ]

    def revoke_token(self, token_id: int) -> bool:
        query = select(ApiTokenRow).filter_by(id=token_id, organisation_id=self._organisation.id)
        row = self._session.scalars(query).one_or_none()
        if row is None:
            return False
        row.revoked_at = row.revoked_at or utc_now()
        self._session.flush()
        return True
