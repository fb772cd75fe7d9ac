"""What a candidate gave for each item: answers, with time and browser events."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from servicefit.domain.items import ItemRef
from servicefit.domain.qualifications import Qualifications


@dataclass(frozen=True)
class ChoiceAnswer:
    """A chosen option: situational judgement and knowledge items."""

    option: str


@dataclass(frozen=True)
class AgreementAnswer:
    """A point on the 5-point agreement scale (1 = strongly disagree)."""

    value: int

    def __post_init__(self) -> None:
        if not 1 <= self.value <= 5:
            raise ValueError(f"agreement must be 1-5, got {self.value}")


@dataclass(frozen=True)
class NumberAnswer:
    value: float


@dataclass(frozen=True)
class OrderAnswer:
    """In-basket: ticket ids, most urgent first."""

    order: tuple[str, ...]


@dataclass(frozen=True)
class TypedAnswer:
    """Typing test: what was typed."""

    text: str


@dataclass(frozen=True)
class WrittenAnswer:
    text: str


@dataclass(frozen=True)
class ChatTurnAnswer:
    """One reply in a chat simulation: an offered reply, or the candidate's own text."""

    turn: str
    reply: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if (self.reply is None) == (self.text is None):
            raise ValueError("a chat turn is answered by a chosen reply or by text, not both")


@dataclass(frozen=True)
class ChatAnswer:
    turns: tuple[ChatTurnAnswer, ...]


@dataclass(frozen=True)
class QualificationAnswer:
    stated: Qualifications


Answer = (
    ChoiceAnswer
    | AgreementAnswer
    | NumberAnswer
    | OrderAnswer
    | TypedAnswer
    | WrittenAnswer
    | ChatAnswer
    | QualificationAnswer
)


class BrowserEvent(Enum):
    PASTE = "paste"
    FOCUS_LOST = "focus_lost"


@dataclass(frozen=True)
class Response:
    """One item's answer in an attempt, with the time spent and browser events seen."""

    item: ItemRef
    answer: Answer
    seconds: float
    events: tuple[BrowserEvent, ...] = ()
