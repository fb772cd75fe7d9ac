"""The seam between scoring and the written-communication scorer.

Scoring asks a `ReplyRater` for rubric levels (1-5, or None where the
situation did not call for the dimension). The real rater is the offline
text-scoring engine (its own issue); `KeywordReplyRater` is a deterministic
stand-in for tests and demo data, and says so in its name: it counts a few
marker phrases and is not a measure of writing quality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from servicefit.domain.items import Rubric
from servicefit.domain.job_profiles import Channel
from servicefit.domain.language import Language

DIMENSIONS = (
    "empathy",
    "politeness",
    "clarity",
    "active_listening",
    "ownership",
    "language_quality",
    "personalisation",
)

# Which competency each rubric dimension is evidence about.
DIMENSION_COMPETENCY = {
    "empathy": "empathy",
    "politeness": "positive_attitude",
    "clarity": "written_communication",
    "active_listening": "active_listening",
    "ownership": "ownership",
    "language_quality": "written_communication",
    "personalisation": "customer_psychology",
}


@dataclass(frozen=True)
class ReplyRating:
    levels: dict[str, int | None]  # dimension -> 1..5, or None = not applicable
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rater: str = "unknown"

    def overall(self) -> int | None:
        """The rounded mean of the applicable levels (for a chat turn as a whole)."""
        applicable = [level for level in self.levels.values() if level is not None]
        if not applicable:
            return None
        return round(sum(applicable) / len(applicable))


class ReplyRater(Protocol):
    def rate(
        self,
        reply: str,
        *,
        customer_message: str | None,
        channel: Channel,
        language: Language,
        rubric: Rubric | None,
    ) -> ReplyRating: ...


_MARKERS: dict[str, tuple[str, ...]] = {
    "empathy": ("sorry", "understand", "lo siento", "entiendo", "przykro", "rozumiem"),
    "politeness": ("please", "thank", "por favor", "gracias", "proszę", "dziękuj"),
    "ownership": ("i will", "i'll", "voy a", "me encargo", "sprawdzę", "zajmę się"),
}
_RUDE = ("calm down", "not our problem", "cálmese", "no es nuestro problema", "proszę się uspokoić")


class KeywordReplyRater:
    """Deterministic stand-in rater for tests and demo data (not a quality measure)."""

    name = "keyword-stand-in"

    def rate(
        self,
        reply: str,
        *,
        customer_message: str | None,
        channel: Channel,
        language: Language,
        rubric: Rubric | None,
    ) -> ReplyRating:
        text = reply.casefold()
        words = len(re.findall(r"\w+", text))
        levels: dict[str, int | None] = {}
        for dimension, markers in _MARKERS.items():
            hits = sum(1 for marker in markers if marker in text)
            levels[dimension] = min(5, 1 + 2 * hits)
        if any(phrase in text for phrase in _RUDE):
            levels["politeness"] = 1
        levels["clarity"] = 1 if words < 5 else (3 if words < 25 else 4)
        levels["language_quality"] = 3
        levels["active_listening"] = 3 if customer_message else None
        levels["personalisation"] = 3
        if rubric is not None and not rubric.apology_warranted and levels["empathy"] == 1:
            levels["empathy"] = None  # no apology owed and none given: not applicable
        return ReplyRating(levels=levels, rater=self.name)
