"""Items: the questions, scenarios and tasks a candidate answers, per instrument.

Every item has an id and a version, which are immutable once the item has been
used: a change to what a candidate sees or to how it is scored needs a new
version. Every candidate-facing string exists in en, es and pl (typing passages
are written per language instead). Items carry the competencies they measure,
the channel they are set in (or none), and an estimated answering time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from servicefit.domain.job_profiles import Channel
from servicefit.domain.language import Language, LocalizedText
from servicefit.domain.qualifications import QualificationType


class Instrument(Enum):
    SITUATIONAL_JUDGEMENT = "situational_judgement"
    QUESTIONNAIRE = "questionnaire"
    KNOWLEDGE = "knowledge"
    CALCULATION = "calculation"
    WRITTEN_SAMPLE = "written_sample"
    CHAT_SIMULATION = "chat_simulation"
    IN_BASKET = "in_basket"
    TYPING = "typing"
    QUALIFICATIONS = "qualifications"


class KnowledgeTopic(Enum):
    READING = "reading"  # questions on a policy or product passage
    REFERRAL = "referral"  # which department or person handles this
    RECORD_ACCURACY = "record_accuracy"  # find the discrepancy in an account record
    PRODUCT = "product"  # product knowledge (employer-authored items, mostly)


class Keying(Enum):
    POSITIVE = "positive"
    NEGATIVE = "negative"  # reverse-keyed: agreeing shows less of the competency


@dataclass(frozen=True)
class ItemRef:
    """Exactly which item an assessment or attempt used."""

    id: str
    version: int

    def __str__(self) -> str:
        return f"{self.id}@{self.version}"


@dataclass(frozen=True)
class ItemBase:
    id: str
    version: int
    competencies: tuple[str, ...]
    channel: Channel | None
    seconds: int  # estimated answering time
    owner: str | None = field(default=None, kw_only=True)  # organisation slug; None = built in

    @property
    def ref(self) -> ItemRef:
        return ItemRef(self.id, self.version)


@dataclass(frozen=True)
class Option:
    id: str
    text: LocalizedText


@dataclass(frozen=True)
class RatedOption:
    """A response option with the expert effectiveness rating (1 = very poor, 5 = very good)."""

    id: str
    text: LocalizedText
    effectiveness: int
    rationale: LocalizedText


@dataclass(frozen=True)
class SituationalItem(ItemBase):
    stem: LocalizedText
    options: tuple[RatedOption, ...]
    instrument: Instrument = field(default=Instrument.SITUATIONAL_JUDGEMENT, kw_only=True)

    @property
    def best_option(self) -> RatedOption:
        return max(self.options, key=lambda option: option.effectiveness)


@dataclass(frozen=True)
class QuestionnaireItem(ItemBase):
    """A statement on the 5-point agreement scale.

    An attention check has no competency and an expected answer; a statement
    that is a near synonym of another names it in `similar_to`.
    """

    text: LocalizedText
    keying: Keying
    expected: int | None = None  # attention checks: the answer an attentive person gives
    similar_to: str | None = None
    instrument: Instrument = field(default=Instrument.QUESTIONNAIRE, kw_only=True)

    @property
    def is_attention_check(self) -> bool:
        return self.expected is not None


@dataclass(frozen=True)
class Passage:
    """A policy or product text that reading questions refer to."""

    id: str
    version: int
    title: LocalizedText
    text: LocalizedText


@dataclass(frozen=True)
class KnowledgeItem(ItemBase):
    topic: KnowledgeTopic
    activity: str  # work activity id (O*NET core activity of seed 001)
    stem: LocalizedText
    options: tuple[Option, ...]
    correct: str
    passage: str | None = None
    exhibit: LocalizedText | None = None  # e.g. an account record shown with the question
    instrument: Instrument = field(default=Instrument.KNOWLEDGE, kw_only=True)


@dataclass(frozen=True)
class CalculationItem(ItemBase):
    """A cost calculation with a numeric answer, right within an absolute tolerance."""

    activity: str
    stem: LocalizedText
    answers: dict[Language, float]  # per language: prices and tax rates are localised
    tolerance: float
    unit: LocalizedText  # e.g. £ / € / zł
    instrument: Instrument = field(default=Instrument.CALCULATION, kw_only=True)

    def is_correct(self, value: float, language: Language) -> bool:
        return abs(value - self.answers[language]) <= self.tolerance + 1e-9


@dataclass(frozen=True)
class Rubric:
    """What a strong written reply contains."""

    acknowledgement: LocalizedText
    apology_warranted: bool
    questions: tuple[LocalizedText, ...]  # every question the customer asked
    solution: LocalizedText
    next_steps: LocalizedText
    follow_up: LocalizedText | None
    tone: LocalizedText
    min_words: int
    max_words: int


@dataclass(frozen=True)
class WrittenItem(ItemBase):
    """A written work sample: reply to one customer e-mail or chat message."""

    customer_name: LocalizedText
    customer_message: LocalizedText
    facts: LocalizedText  # facts and policy the candidate may use
    task: LocalizedText
    rubric: Rubric
    instrument: Instrument = field(default=Instrument.WRITTEN_SAMPLE, kw_only=True)


class Effect(Enum):
    """How a reply moves a scripted conversation on."""

    GOOD = "good"  # effectiveness 4-5
    MIXED = "mixed"  # 3
    POOR = "poor"  # 1-2

    @staticmethod
    def of(effectiveness: int) -> Effect:
        if effectiveness >= 4:
            return Effect.GOOD
        if effectiveness == 3:
            return Effect.MIXED
        return Effect.POOR


@dataclass(frozen=True)
class ChatReply:
    id: str
    text: LocalizedText
    effectiveness: int
    rationale: LocalizedText


@dataclass(frozen=True)
class ChatTurn:
    """One customer message, the replies offered, and where each kind of reply leads."""

    id: str
    customer: LocalizedText
    replies: tuple[ChatReply, ...]
    next: dict[Effect, str]  # the id of the next turn, or of an ending
    free_text: bool = True  # the candidate may write their own reply instead


@dataclass(frozen=True)
class ChatSimulationItem(ItemBase):
    customer_name: LocalizedText
    scenario: LocalizedText  # what the candidate is told before the chat starts
    start: str
    turns: tuple[ChatTurn, ...]
    endings: dict[str, LocalizedText]  # ending id -> how the conversation ended
    instrument: Instrument = field(default=Instrument.CHAT_SIMULATION, kw_only=True)

    def turn(self, turn_id: str) -> ChatTurn:
        for turn in self.turns:
            if turn.id == turn_id:
                return turn
        raise KeyError(turn_id)


@dataclass(frozen=True)
class Ticket:
    id: str
    received: str  # "HH:MM"
    subject: LocalizedText
    body: LocalizedText
    reason: LocalizedText  # why the expert put it where they did


@dataclass(frozen=True)
class InBasketItem(ItemBase):
    context: LocalizedText
    tickets: tuple[Ticket, ...]
    expert_order: tuple[str, ...]
    instrument: Instrument = field(default=Instrument.IN_BASKET, kw_only=True)


@dataclass(frozen=True)
class TypingItem(ItemBase):
    """A passage to copy; written in one language (not translated)."""

    language: Language
    text: str
    instrument: Instrument = field(default=Instrument.TYPING, kw_only=True)


@dataclass(frozen=True)
class QualificationQuestion(ItemBase):
    """One question of the qualifications questionnaire."""

    type: QualificationType
    prompt: LocalizedText
    help: LocalizedText
    instrument: Instrument = field(default=Instrument.QUALIFICATIONS, kw_only=True)


Item = (
    SituationalItem
    | QuestionnaireItem
    | KnowledgeItem
    | CalculationItem
    | WrittenItem
    | ChatSimulationItem
    | InBasketItem
    | TypingItem
    | QualificationQuestion
)


@dataclass(frozen=True)
class ItemBank:
    """Every item and passage available to one organisation (built-in plus its own)."""

    items: tuple[Item, ...]
    passages: tuple[Passage, ...] = ()
    _by_id: dict[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Item] = {}
        for item in self.items:
            by_id.setdefault(item.id, item)  # the first of a duplicated id, as before
        object.__setattr__(self, "_by_id", by_id)

    def by_instrument(self, instrument: Instrument) -> list[Item]:
        return [item for item in self.items if item.instrument is instrument]

    def item(self, item_id: str) -> Item:
        found = self._by_id.get(item_id)
        if found is None:
            raise KeyError(item_id)
        return found

    def passage(self, passage_id: str) -> Passage:
        for passage in self.passages:
            if passage.id == passage_id:
                return passage
        raise KeyError(passage_id)

    def available_in(self, language: Language) -> list[Item]:
        """Items a candidate working in *language* can take."""
        return [
            item
            for item in self.items
            if not isinstance(item, TypingItem) or item.language == language
        ]

    def without(self, item_ids: set[str]) -> ItemBank:
        """This bank less the items (and passages) with these ids."""
        return ItemBank(
            items=tuple(i for i in self.items if i.id not in item_ids),
            passages=tuple(p for p in self.passages if p.id not in item_ids),
        )


def merge_banks(*banks: ItemBank) -> ItemBank:
    return ItemBank(
        items=tuple(item for bank in banks for item in bank.items),
        passages=tuple(passage for bank in banks for passage in bank.passages),
    )
