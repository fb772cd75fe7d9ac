"""Lookups that find the organisation from a credential: a login, a link, a token."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from servicefit.domain.accounts import User
from servicefit.domain.invitations import Invitation
from servicefit.domain.organisations import Organisation
from servicefit.storage.account_repository import user_of
from servicefit.storage.invitation_repository import invitation_of
from servicefit.storage.repositories import organisation_of
from servicefit.storage.rows import AttemptRow, OrganisationRow
from servicefit.storage.web_rows import ApiTokenRow, InvitationRow, UserRow

_invitations, _attempts = InvitationRow.__table__, AttemptRow.__table__
_organisations = OrganisationRow.__table__
_BY_TOKEN = (  # Core, built once: only the token's hash is bound per call
    select(
        *_invitations.c,
        _attempts.c.finished_at.label("finished_at"),
        _organisations.c.slug.label("organisation_slug"),
        _organisations.c.name.label("organisation_name"),
    )
    .join(_organisations, _organisations.c.id == _invitations.c.organisation_id)
    .outerjoin(_attempts, _attempts.c.id == _invitations.c.attempt_id)
    .where(_invitations.c.token_hash == bindparam("token_hash"))
)


@dataclass(frozen=True)
class Login:
    user: User
    organisation: Organisation
    password_hash: str


class SqlDirectory:
    def __init__(self, session: Session) -> None:
        self._session = session

    def login(self, email: str) -> Login | None:
        query = (
            select(UserRow, OrganisationRow)
            .join(OrganisationRow, OrganisationRow.id == UserRow.organisation_id)
            .where(UserRow.email == email)
        )
        found = self._session.execute(query).one_or_none()
        if found is None:
            return None
        user, organisation = found
        return Login(user_of(user), organisation_of(organisation), user.password_hash)

    def user(self, user_id: int) -> tuple[User, Organisation] | None:
        query = (
            select(UserRow, OrganisationRow)
            .join(OrganisationRow, OrganisationRow.id == UserRow.organisation_id)
            .where(UserRow.id == user_id)
        )
        found = self._session.execute(query).one_or_none()
        return (user_of(found[0]), organisation_of(found[1])) if found else None

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        row = self._session.get(UserRow, user_id)
        if row is not None:
            row.password_hash = password_hash
            self._session.flush()

    def email_taken(self, email: str) -> bool:
        return self._session.scalar(select(UserRow.id).where(UserRow.email == email)) is not None

    def invitation_by_token(self, token_hash: str) -> tuple[Invitation, Organisation] | None:
        """The invitation (with its attempt's finish time) and organisation: one query,
        built once and read as plain columns (the candidate's hot path)."""
        row = self._session.execute(_BY_TOKEN, {"token_hash": token_hash}).one_or_none()
        if row is None:
            return None
        organisation = Organisation(
            row.organisation_id, row.organisation_slug, row.organisation_name
        )
        return invitation_of(row, row.finished_at), organisation

    def api_token(self, token_hash: str) -> tuple[str, Organisation] | None:
        """The token's name and organisation, if the token exists and is not revoked."""
        query = (
            select(ApiTokenRow.name, OrganisationRow)
            .join(OrganisationRow, OrganisationRow.id == ApiTokenRow.organisation_id)
            .where(ApiTokenRow.token_hash == token_hash, ApiTokenRow.revoked_at.is_(None))
        )
        found = self._session.execute(query).one_or_none()
        return (found[0], organisation_of(found[1])) if found else None
