"""Turning a candidate's submitted form into an answer, naming the field when it is wrong."""

from __future__ import annotations

import math

from servicefit.domain.answers import (
    AgreementAnswer,
    Answer,
    BrowserEvent,
    ChatAnswer,
    ChatTurnAnswer,
    ChoiceAnswer,
    NumberAnswer,
    OrderAnswer,
    QualificationAnswer,
    Response,
    TypedAnswer,
    WrittenAnswer,
)
from servicefit.domain.items import (
    CalculationItem,
    ChatSimulationItem,
    InBasketItem,
    Item,
    KnowledgeItem,
    QualificationQuestion,
    QuestionnaireItem,
    SituationalItem,
    TypingItem,
    WrittenItem,
)
from servicefit.domain.qualifications import (
    Availability,
    CefrLevel,
    EducationLevel,
    Experience,
    ExperienceKind,
    LanguageSkill,
    Qualifications,
    QualificationType,
)
from servicefit.errors import InvalidInput, InvalidInputProblem

MAX_TEXT = 10_000
MAX_SECONDS = 4 * 3600.0


def _problem(field: str, message: str) -> InvalidInput:
    return InvalidInput([InvalidInputProblem("answer form", field, message)])


def _required(form: dict[str, str], field: str, message: str) -> str:
    value = form.get(field, "").strip()
    if not value:
        raise _problem(field, message)
    if len(value) > MAX_TEXT:
        raise _problem(field, f"at most {MAX_TEXT} characters")
    return value


def _number(form: dict[str, str], field: str) -> float:
    raw = _required(form, field, "give a number").replace(" ", "").replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        raise _problem(field, f"{raw!r} is not a number") from None
    if not math.isfinite(value):
        raise _problem(field, "give a finite number")
    return value


def answer_from_form(item: Item, form: dict[str, str]) -> Answer:
    """The answer in *form* for *item*; InvalidInput naming the form field otherwise."""
    if isinstance(item, SituationalItem | KnowledgeItem):
        option = _required(form, "option", "choose one answer")
        if option not in {o.id for o in item.options}:
            raise _problem("option", f"{option!r} is not one of the choices")
        return ChoiceAnswer(option)
    if isinstance(item, QuestionnaireItem):
        value = _required(form, "value", "choose a point on the scale")
        if value not in {"1", "2", "3", "4", "5"}:
            raise _problem("value", "must be 1-5")
        return AgreementAnswer(int(value))
    if isinstance(item, CalculationItem):
        return NumberAnswer(_number(form, "value"))
    if isinstance(item, InBasketItem):
        return _order(item, form)
    if isinstance(item, TypingItem):
        return TypedAnswer(_required(form, "text", "type the text"))
    if isinstance(item, WrittenItem):
        return WrittenAnswer(_required(form, "text", "write your reply"))
    if isinstance(item, ChatSimulationItem):
        turn = _required(form, "turn", "the chat turn is missing")
        text = form.get("text", "").strip()
        if text:
            return ChatAnswer((ChatTurnAnswer(turn=turn, text=text[:MAX_TEXT]),))
        reply = _required(form, "reply", "choose a reply or write your own")
        return ChatAnswer((ChatTurnAnswer(turn=turn, reply=reply),))
    if isinstance(item, QualificationQuestion):
        return QualificationAnswer(_qualifications(item.type, form))
    raise _problem("item", f"{item.id} cannot be answered here")


def _order(item: InBasketItem, form: dict[str, str]) -> OrderAnswer:
    positions = {}
    for ticket in item.tickets:
        field = f"rank_{ticket.id}"
        raw = _required(form, field, "give every ticket a place")
        if not raw.isdigit() or not 1 <= int(raw) <= len(item.tickets):
            raise _problem(field, f"must be 1-{len(item.tickets)}")
        positions[ticket.id] = int(raw)
    if len(set(positions.values())) != len(positions):
        raise _problem("rank", "give each ticket a different place")
    return OrderAnswer(tuple(sorted(positions, key=positions.__getitem__)))


def _qualifications(kind: QualificationType, form: dict[str, str]) -> Qualifications:
    try:
        if kind is QualificationType.EDUCATION:
            return Qualifications(education=EducationLevel(_required(form, "education", "choose")))
        if kind is QualificationType.EXPERIENCE:
            years = _number(form, "years")
            if not 0 <= years <= 60:
                raise _problem("years", "must be 0-60")
            experience = ExperienceKind(_required(form, "experience", "choose a kind of work"))
            return Qualifications(experience=(Experience(experience, years),))
        if kind is QualificationType.LANGUAGE:
            code = _required(form, "language", "choose a language").lower()[:3]
            level = CefrLevel(_required(form, "cefr", "choose a level"))
            return Qualifications(languages=(LanguageSkill(code, level),))
        chosen = [v for v in Availability if form.get(f"availability_{v.value}")]
        return Qualifications(availability=frozenset(chosen))
    except ValueError as error:
        if isinstance(error, InvalidInput):
            raise
        raise _problem(kind.value, "choose one of the offered values") from None


def response_from_form(item: Item, form: dict[str, str]) -> Response:
    """The response: answer, the seconds the page reports (clamped), and browser events."""
    try:
        seconds = min(max(float(form.get("seconds", "0") or 0), 0.0), MAX_SECONDS)
    except ValueError:
        seconds = 0.0
    if not math.isfinite(seconds):
        seconds = 0.0
    events = []
    if form.get("pasted") == "1":
        events.append(BrowserEvent.PASTE)
    if form.get("focus_lost") == "1":
        events.append(BrowserEvent.FOCUS_LOST)
    return Response(item.ref, answer_from_form(item, form), seconds, tuple(events))
