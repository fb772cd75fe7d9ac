"""People who use servicefit inside an organisation, and what each role may do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Role(Enum):
    OWNER = "owner"  # everything, including users, settings, tokens and erasure
    RECRUITER = "recruiter"  # jobs, invitations, shortlists, reports
    REVIEWER = "reviewer"  # reads and scores written answers


class Permission(Enum):
    MANAGE_USERS = "manage users"
    MANAGE_SETTINGS = "manage settings"
    EDIT_JOBS = "edit jobs"
    INVITE = "invite candidates"
    VIEW_RESULTS = "view results"
    REVIEW_WRITTEN = "review written answers"
    ERASE_CANDIDATE = "export or erase a candidate's data"
    VIEW_AUDIT = "view the audit log"
    VIEW_DEMOGRAPHICS = "view demographics and fairness audits"


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.RECRUITER: frozenset(
        {
            Permission.EDIT_JOBS,
            Permission.INVITE,
            Permission.VIEW_RESULTS,
            Permission.REVIEW_WRITTEN,
        }
    ),
    Role.REVIEWER: frozenset({Permission.VIEW_RESULTS, Permission.REVIEW_WRITTEN}),
}

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 12


def may(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]


@dataclass(frozen=True)
class User:
    id: int
    organisation_id: int
    email: str
    name: str
    role: Role
    active: bool = True

    def may(self, permission: Permission) -> bool:
        return self.active and may(self.role, permission)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_problem(email: str) -> str | None:
    if not EMAIL.match(email.strip()):
        return f"{email.strip()!r} is not an e-mail address"
    return None


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"use at least {MIN_PASSWORD} characters"
    return None
