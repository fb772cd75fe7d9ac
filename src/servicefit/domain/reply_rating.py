"""The seam between scoring and the written-communication scorer.

Scoring asks a `ReplyRater` for rubric levels (1-5, or None where the
situation did not call for the dimension). `EngineReplyRater` is the real
rater: the offline written-communication scorer (`text_scoring`).
`KeywordReplyRater` is a small deterministic stand-in for fast unit tests and
says so in its name: it counts a few marker phrases and is not a measure of
writing quality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Protocol

from servicefit.domain.items import Rubric
from servicefit.domain.job_profiles import Channel
from servicefit.domain.language import Language
from servicefit.text_scoring.results import ReplyContext
from servicefit.text_scoring.scorer import score_reply

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


# The engine's indicator names, mapped onto the framework's behavioural indicators.
ENGINE_INDICATORS = {
    "acknowledges_feelings": "empathy.p1",
    "shows_understanding": "empathy.p3",
    "apologises": "empathy.p1",
    "dismisses_feelings": "empathy.n2",
    "says_please": "positive_attitude.p1",
    "thanks_customer": "positive_attitude.p2",
    "greets": "positive_attitude.p2",
    "asks_indirectly": "positive_attitude.p1",
    "blames_customer": "positive_attitude.n3",
    "sarcastic": "positive_attitude.n1",
    "rude_words": "positive_attitude.n3",
    "tells_customer_to_calm_down": "empathy.n2",
    "confronting_question": "positive_attitude.n3",
    "bare_command": "positive_attitude.n3",
    "shouting": "positive_attitude.n1",
    "exclamation_marks": "positive_attitude.n1",
    "long_sentence": "written_communication.n2",
    "jargon": "written_communication.n3",
    "concrete_details": "written_communication.p2",
    "answers_point": "written_communication.p5",
    "refers_to_customer_words": "active_listening.p5",
    "commits_personally": "ownership.p1",
    "offers_solution": "ownership.p5",
    "gives_next_steps": "written_communication.p4",
    "commits_to_follow_up": "follow_up.p3",
    "pushes_work_to_customer": "ownership.n1",
    "spelling_or_grammar_error": "written_communication.n1",
    "uses_customer_name": "customer_psychology.p5",
    "uses_customer_specifics": "active_listening.p6",
    "generic_salutation": "customer_psychology.n1",
}

_CHANNELS: dict[Channel, Literal["email", "chat", "social"]] = {
    Channel.EMAIL: "email",
    Channel.CHAT: "chat",
    Channel.SOCIAL_MEDIA: "social",
    Channel.PHONE: "chat",
    Channel.COUNTER: "chat",
}


class EngineReplyRater:
    """The offline written-communication scorer (`text_scoring`) behind the rater seam."""

    name = "text-scoring-rules-v1"

    def rate(
        self,
        reply: str,
        *,
        customer_message: str | None,
        channel: Channel,
        language: Language,
        rubric: Rubric | None,
    ) -> ReplyRating:
        context = ReplyContext(
            customer_message=customer_message,
            channel=_CHANNELS[channel],
            expected_language=language,
            apology_warranted=rubric.apology_warranted if rubric else None,
            points_to_answer=tuple(q.in_language(language) for q in rubric.questions)
            if rubric
            else (),
        )
        assessment = score_reply(reply, context)
        levels = {name: result.level for name, result in assessment.dimensions.items()}
        evidence = {
            name: tuple(
                f"{e.effect}{ENGINE_INDICATORS.get(e.indicator, e.indicator)}: {e.sentence}"
                for e in result.evidence
            )
            for name, result in assessment.dimensions.items()
        }
        return ReplyRating(levels=levels, evidence=evidence, rater=self.name)
