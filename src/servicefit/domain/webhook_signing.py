"""Webhook signatures and the retry schedule.

Each delivery carries `X-Servicefit-Timestamp` (Unix seconds) and
`X-Servicefit-Signature: sha256=HEX`, the HMAC-SHA256 of "TIMESTAMP.BODY" under
the webhook's secret. A receiver recomputes it, compares in constant time and
rejects timestamps more than five minutes old (replays). Failed deliveries are
retried after 1, 2, 4, ... minutes (doubling, at most 6 hours apart), 10 tries
in all.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

MAX_TRIES = 10
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=6)
TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(secret: str, timestamp: int, body: bytes, given: str, now: int) -> bool:
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), given)


def next_try(tries_so_far: int, now: datetime) -> datetime | None:
    """When to try again after *tries_so_far* failed tries; None: give up."""
    if tries_so_far >= MAX_TRIES:
        return None
    delay: timedelta = min(FIRST_DELAY * (2 ** (tries_so_far - 1)), LONGEST_DELAY)
    return now + delay
