"""The schema of item-bank files (Pydantic), and conversion to domain items."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from servicefit.domain.items import (
    CalculationItem,
    ChatReply,
    ChatSimulationItem,
    ChatTurn,
    Effect,
    InBasketItem,
    Instrument,
    Keying,
    KnowledgeItem,
    KnowledgeTopic,
    Option,
    Passage,
    QualificationQuestion,
    QuestionnaireItem,
    RatedOption,
    Rubric,
    SituationalItem,
    Ticket,
    TypingItem,
    WrittenItem,
)
from servicefit.domain.job_profiles import Channel
from servicefit.domain.qualifications import QualificationType
from servicefit.storage.framework_files import TextModel

ItemId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=80)]
ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]{1,12}$")]
Level = Annotated[int, Field(ge=1, le=5)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ItemModel(_Strict):
    id: ItemId
    version: Annotated[int, Field(ge=1)]
    competencies: list[str] = []
    channel: Channel | None = None
    seconds: Annotated[int, Field(ge=5, le=3600)]

    def base(self, owner: str | None) -> dict[str, object]:
        return {
            "id": self.id,
            "version": self.version,
            "competencies": tuple(self.competencies),
            "channel": self.channel,
            "seconds": self.seconds,
            "owner": owner,
        }


class RatedOptionModel(_Strict):
    id: ChoiceId
    text: TextModel
    effectiveness: Level
    rationale: TextModel


class SituationalModel(ItemModel):
    stem: TextModel
    options: Annotated[list[RatedOptionModel], Field(min_length=4, max_length=5)]

    def to_domain(self, owner: str | None) -> SituationalItem:
        return SituationalItem(
            **self.base(owner),  # type: ignore[arg-type]
            stem=self.stem.to_domain(),
            options=tuple(
                RatedOption(o.id, o.text.to_domain(), o.effectiveness, o.rationale.to_domain())
                for o in self.options
            ),
        )


class QuestionnaireModel(ItemModel):
    text: TextModel
    keying: Keying = Keying.POSITIVE
    expected: Level | None = None
    similar_to: ItemId | None = None

    def to_domain(self, owner: str | None) -> QuestionnaireItem:
        return QuestionnaireItem(
            **self.base(owner),  # type: ignore[arg-type]
            text=self.text.to_domain(),
            keying=self.keying,
            expected=self.expected,
            similar_to=self.similar_to,
        )


class OptionModel(_Strict):
    id: ChoiceId
    text: TextModel


class KnowledgeModel(ItemModel):
    topic: KnowledgeTopic
    activity: str
    stem: TextModel
    options: Annotated[list[OptionModel], Field(min_length=3, max_length=6)]
    correct: ChoiceId
    passage: ItemId | None = None
    exhibit: TextModel | None = None

    def to_domain(self, owner: str | None) -> KnowledgeItem:
        return KnowledgeItem(
            **self.base(owner),  # type: ignore[arg-type]
            topic=self.topic,
            activity=self.activity,
            stem=self.stem.to_domain(),
            options=tuple(Option(o.id, o.text.to_domain()) for o in self.options),
            correct=self.correct,
            passage=self.passage,
            exhibit=self.exhibit.to_domain() if self.exhibit else None,
        )


class AnswersModel(_Strict):
    en: float
    es: float
    pl: float


class CalculationModel(ItemModel):
    activity: str = "calculating_costs"
    stem: TextModel
    answer: float | AnswersModel
    tolerance: Annotated[float, Field(ge=0)]
    unit: TextModel

    def to_domain(self, owner: str | None) -> CalculationItem:
        return CalculationItem(
            **self.base(owner),  # type: ignore[arg-type]
            activity=self.activity,
            stem=self.stem.to_domain(),
            answers=(
                {"en": self.answer, "es": self.answer, "pl": self.answer}
                if isinstance(self.answer, float)
                else {"en": self.answer.en, "es": self.answer.es, "pl": self.answer.pl}
            ),
            tolerance=self.tolerance,
            unit=self.unit.to_domain(),
        )


class RubricModel(_Strict):
    acknowledgement: TextModel
    apology_warranted: bool
    questions: list[TextModel] = []
    solution: TextModel
    next_steps: TextModel
    follow_up: TextModel | None = None
    tone: TextModel
    min_words: Annotated[int, Field(ge=5)]
    max_words: Annotated[int, Field(le=1000)]

    @model_validator(mode="after")
    def _length(self) -> RubricModel:
        if self.min_words >= self.max_words:
            raise ValueError("min_words must be below max_words")
        return self


class WrittenModel(ItemModel):
    customer_name: TextModel
    customer_message: TextModel
    facts: TextModel
    task: TextModel
    rubric: RubricModel

    def to_domain(self, owner: str | None) -> WrittenItem:
        r = self.rubric
        return WrittenItem(
            **self.base(owner),  # type: ignore[arg-type]
            customer_name=self.customer_name.to_domain(),
            customer_message=self.customer_message.to_domain(),
            facts=self.facts.to_domain(),
            task=self.task.to_domain(),
            rubric=Rubric(
                acknowledgement=r.acknowledgement.to_domain(),
                apology_warranted=r.apology_warranted,
                questions=tuple(q.to_domain() for q in r.questions),
                solution=r.solution.to_domain(),
                next_steps=r.next_steps.to_domain(),
                follow_up=r.follow_up.to_domain() if r.follow_up else None,
                tone=r.tone.to_domain(),
                min_words=r.min_words,
                max_words=r.max_words,
            ),
        )


class ChatReplyModel(_Strict):
    id: ChoiceId
    text: TextModel
    effectiveness: Level
    rationale: TextModel


class ChatTurnModel(_Strict):
    id: ChoiceId
    customer: TextModel
    replies: Annotated[list[ChatReplyModel], Field(min_length=3, max_length=5)]
    next: dict[Effect, ChoiceId]
    free_text: bool = True


class ChatSimulationModel(ItemModel):
    customer_name: TextModel
    scenario: TextModel
    start: ChoiceId
    turns: Annotated[list[ChatTurnModel], Field(min_length=2)]
    endings: dict[ChoiceId, TextModel]

    def to_domain(self, owner: str | None) -> ChatSimulationItem:
        return ChatSimulationItem(
            **self.base(owner),  # type: ignore[arg-type]
            customer_name=self.customer_name.to_domain(),
            scenario=self.scenario.to_domain(),
            start=self.start,
            turns=tuple(
                ChatTurn(
                    id=t.id,
                    customer=t.customer.to_domain(),
                    replies=tuple(
                        ChatReply(
                            r.id, r.text.to_domain(), r.effectiveness, r.rationale.to_domain()
                        )
                        for r in t.replies
                    ),
                    next=dict(t.next),
                    free_text=t.free_text,
                )
                for t in self.turns
            ),
            endings={key: text.to_domain() for key, text in self.endings.items()},
        )


class TicketModel(_Strict):
    id: ChoiceId
    received: Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    subject: TextModel
    body: TextModel
    reason: TextModel


class InBasketModel(ItemModel):
    context: TextModel
    tickets: Annotated[list[TicketModel], Field(min_length=6, max_length=12)]
    expert_order: list[ChoiceId]

    def to_domain(self, owner: str | None) -> InBasketItem:
        return InBasketItem(
            **self.base(owner),  # type: ignore[arg-type]
            context=self.context.to_domain(),
            tickets=tuple(
                Ticket(
                    t.id,
                    t.received,
                    t.subject.to_domain(),
                    t.body.to_domain(),
                    t.reason.to_domain(),
                )
                for t in self.tickets
            ),
            expert_order=tuple(self.expert_order),
        )


class TypingModel(ItemModel):
    language: Literal["en", "es", "pl"]
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=120)]

    def to_domain(self, owner: str | None) -> TypingItem:
        return TypingItem(
            **self.base(owner),  # type: ignore[arg-type]
            language=self.language,
            text=" ".join(self.text.split()),
        )


class QualificationQuestionModel(ItemModel):
    type: QualificationType
    prompt: TextModel
    help: TextModel

    def to_domain(self, owner: str | None) -> QualificationQuestion:
        return QualificationQuestion(
            **self.base(owner),  # type: ignore[arg-type]
            type=self.type,
            prompt=self.prompt.to_domain(),
            help=self.help.to_domain(),
        )


class PassageModel(_Strict):
    id: ItemId
    version: Annotated[int, Field(ge=1)]
    title: TextModel
    text: TextModel

    def to_domain(self) -> Passage:
        return Passage(self.id, self.version, self.title.to_domain(), self.text.to_domain())


ITEM_MODELS: dict[Instrument, type[ItemModel]] = {
    Instrument.SITUATIONAL_JUDGEMENT: SituationalModel,
    Instrument.QUESTIONNAIRE: QuestionnaireModel,
    Instrument.KNOWLEDGE: KnowledgeModel,
    Instrument.CALCULATION: CalculationModel,
    Instrument.WRITTEN_SAMPLE: WrittenModel,
    Instrument.CHAT_SIMULATION: ChatSimulationModel,
    Instrument.IN_BASKET: InBasketModel,
    Instrument.TYPING: TypingModel,
    Instrument.QUALIFICATIONS: QualificationQuestionModel,
}


class ItemFileModel(_Strict):
    instrument: Instrument
    passages: list[PassageModel] = []
    items: list[dict[str, object]]
