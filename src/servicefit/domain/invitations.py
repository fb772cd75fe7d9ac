"""Invitations: one link per candidate, bound to one attempt, with an expiry.

The link carries a random token of 256 bits; only its SHA-256 is stored, so a
database leak does not leak working links. Resending a link that was never
opened issues a new token (the old link stops working); once the candidate has
started, the same attempt is resumed from whichever valid link they hold.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from servicefit.domain.language import Language

TOKEN_BYTES = 32  # 256 random bits (at least 128 are required)


class Stage(Enum):
    INVITED = "invited"
    STARTED = "started"
    COMPLETED = "completed"
    EXPIRED = "expired"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Invitation:
    id: int
    organisation_id: int
    profile_key: str
    candidate_name: str
    candidate_email: str
    minutes: int
    expires_at: datetime
    created_at: datetime
    created_by: str
    attempt_id: int | None = None
    language: Language | None = None
    consent_at: datetime | None = None
    practice_done: bool = False
    finished_at: datetime | None = None
    sent_at: datetime | None = None
    send_count: int = 0
    demo: bool = False

    def stage(self, now: datetime) -> Stage:
        if self.finished_at is not None:
            return Stage.COMPLETED
        if now >= self.expires_at:
            return Stage.EXPIRED
        if self.attempt_id is not None:
            return Stage.STARTED
        return Stage.INVITED

    @property
    def candidate(self) -> str:
        """How the candidate is named on their attempt."""
        return f"{self.candidate_name} <{self.candidate_email}>"


def expiry(now: datetime, days: int) -> datetime:
    return now + timedelta(days=days)
