"""What the scorer returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DIMENSIONS = (
    "empathy",
    "politeness",
    "clarity",
    "active_listening",
    "ownership",
    "language_quality",
    "personalisation",
)
Channel = Literal["email", "chat", "social"]


@dataclass(frozen=True)
class ReplyContext:
    """What the scorer may know about the situation a reply answers."""

    customer_message: str | None = None
    channel: Channel = "email"
    expected_language: str | None = None  # "en", "es" or "pl"
    apology_warranted: bool | None = None  # None: judge from the customer message
    customer_name: str | None = None
    points_to_answer: tuple[str, ...] = ()  # the customer's questions, from a rubric
    suggestions: bool = True  # spelling suggestions cost ~20 ms a word: batches may skip them


@dataclass(frozen=True)
class Evidence:
    """A sentence that earned (+) or cost (-) a dimension, and the indicator it matched."""

    sentence: str
    start: int  # character offsets of the sentence in the reply
    end: int
    indicator: str
    effect: Literal["+", "-"]


@dataclass(frozen=True)
class LanguageIssue:
    kind: Literal["spelling", "grammar"]
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class DimensionResult:
    name: str
    level: int | None  # 1-5; None = not applicable here
    score: float | None  # 0-1, finer than the level
    confidence: float  # 0-1, heuristic: grows with the evidence found
    evidence: tuple[Evidence, ...] = ()
    issues: tuple[LanguageIssue, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class ChannelConventions:
    channel: Channel
    greeting: bool
    closing: bool
    signature: bool  # e-mail only; False elsewhere
    length_ok: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReplyAssessment:
    language: str | None  # detected: "en", "es", "pl", or None when unsure
    expected_language: str | None
    language_confidence: float
    words: int
    sentences: int
    dimensions: dict[str, DimensionResult]
    conventions: ChannelConventions
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def language_matches(self) -> bool | None:
        if self.expected_language is None or self.language is None:
            return None
        return self.language == self.expected_language
