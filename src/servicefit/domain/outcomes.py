"""Criterion outcomes: what an organisation measured about people after hiring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# measure -> (description, higher is better)
MEASURES: dict[str, tuple[str, bool]] = {
    "quality_score": ("quality-assurance score", True),
    "csat": ("customer satisfaction", True),
    "handle_time": ("average handle time (lower is better)", False),
    "retention_90d": ("still employed after 90 days (1 yes, 0 no)", True),
    "supervisor_rating": ("supervisor rating", True),
}


@dataclass(frozen=True)
class Outcome:
    candidate: str  # the attempt's candidate identifier
    measure: str
    value: float
    source: str  # the uploaded file's name
    uploaded_at: datetime | None = None


def check_outcome(measure: str, value: float) -> str | None:
    """Why a value cannot be a *measure*, or None."""
    if measure not in MEASURES:
        return f"unknown measure {measure!r}"
    if measure == "retention_90d" and value not in (0.0, 1.0):
        return "retention_90d must be 0 or 1"
    if measure == "handle_time" and value <= 0:
        return "handle_time must be positive"
    return None
