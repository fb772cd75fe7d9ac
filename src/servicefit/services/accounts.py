"""Users, logging in (argon2, rate-limited), API tokens and organisation settings."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from servicefit.domain.accounts import (
    Role,
    User,
    email_problem,
    normalise_email,
    password_problem,
)
from servicefit.domain.invitations import token_hash
from servicefit.domain.organisations import Organisation
from servicefit.errors import InvalidInput, InvalidInputProblem
from servicefit.services.organisations import organisation_by_slug
from servicefit.storage.unit_of_work import UnitOfWork

LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_FAILURES_ALLOWED = 5  # per e-mail address and per client address, per window
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("servicefit: a password nobody has")


class TooManyAttempts(Exception):
    """The rate limit was reached; try again later."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(
    uow: UnitOfWork,
    *,
    organisation: str,
    email: str,
    name: str,
    role: Role,
    password: str | None = None,
) -> tuple[User, str | None]:
    """A new user; when no password is given one is generated and returned (shown once)."""
    address = normalise_email(email)
    generated = None
    if password is None:
        generated = password = secrets.token_urlsafe(15)
    problems = []
    if (problem := email_problem(address)) is not None:
        problems.append(InvalidInputProblem("user", "email", problem))
    if (problem := password_problem(password)) is not None:
        problems.append(InvalidInputProblem("user", "password", problem))
    if not name.strip():
        problems.append(InvalidInputProblem("user", "name", "give the person's name"))
    with uow:
        if not problems and uow.directory().email_taken(address):
            problems.append(
                InvalidInputProblem("user", "email", f"{address} already has an account")
            )
        if problems:
            raise InvalidInput(problems)
        owner = organisation_by_slug(uow, organisation)
        user = uow.accounts_of(owner).add_user(
            email=address, name=name.strip(), role=role, password_hash=hash_password(password)
        )
        uow.audit_of(owner).record(
            actor="system", action="user created", subject=f"user:{user.id}", detail=role.value
        )
        uow.commit()
    return user, generated


def authenticate(
    uow: UnitOfWork, *, email: str, password: str, client: str, now: datetime | None = None
) -> tuple[User, Organisation] | None:
    """The user, or None for a wrong e-mail or password; raises TooManyAttempts when limited."""
    moment = now or datetime.now(UTC)
    address = normalise_email(email)
    keys = (f"login:{address}", f"login-client:{client}")
    with uow:
        limits = uow.rate_limits()
        if any(limits.count(key, moment - LOGIN_WINDOW) >= LOGIN_FAILURES_ALLOWED for key in keys):
            raise TooManyAttempts("too many failed logins; wait 15 minutes")
        login = uow.directory().login(address)
        try:
            _hasher.verify(login.password_hash if login else _DUMMY_HASH, password)
            valid = login is not None and login.user.active
        except (VerificationError, InvalidHashError):
            valid = False
        if not valid or login is None:
            for key in keys:
                limits.add(key)
            uow.commit()
            return None
        if _hasher.check_needs_rehash(login.password_hash):
            uow.directory().set_password_hash(login.user.id, hash_password(password))
        limits.clear(keys[0])
        uow.audit_of(login.organisation).record(
            actor=login.user.email, action="logged in", subject=f"user:{login.user.id}"
        )
        uow.commit()
        return login.user, login.organisation


def prune_rate_events(uow: UnitOfWork, *, now: datetime | None = None) -> None:
    """Forget rate-limit events older than the longest window (run every half minute)."""
    with uow:
        uow.rate_limits().prune((now or datetime.now(UTC)) - 2 * LOGIN_WINDOW)
        uow.commit()


def create_api_token(uow: UnitOfWork, organisation: Organisation, name: str) -> str:
    """A new API token for *organisation*; returned once, stored only as a hash."""
    if not name.strip():
        raise InvalidInput([InvalidInputProblem("API token", "name", "name the token")])
    token = "sf_" + secrets.token_urlsafe(32)
    with uow:
        uow.accounts_of(organisation).add_token(name=name.strip(), token_hash=token_hash(token))
        uow.commit()
    return token


def organisation_for_token(uow: UnitOfWork, token: str) -> tuple[str, Organisation] | None:
    with uow:
        return uow.directory().api_token(token_hash(token))
