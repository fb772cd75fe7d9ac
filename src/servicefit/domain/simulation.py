"""Simulated candidates: answers drawn from the measurement model, and extreme answers.

Used for demo data, norms, golden cases and benchmarks; never for a real
candidate. A simulated person has a true θ per competency; each item is
answered by drawing its category from the item's (prior) GRM at the mean θ of
the competencies it measures, then turning the category into an answer.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

import numpy as np

from servicefit.domain.answers import (
    AgreementAnswer,
    Answer,
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
from servicefit.domain.item_parameters import prior_parameters
from servicefit.domain.items import (
    CalculationItem,
    ChatSimulationItem,
    Effect,
    InBasketItem,
    Item,
    Keying,
    KnowledgeItem,
    QualificationQuestion,
    QuestionnaireItem,
    SituationalItem,
    TypingItem,
    WrittenItem,
)
from servicefit.domain.language import Language
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
from servicefit.psychometrics.irt import category_probabilities

# Replies written for simulation only; the stand-in rater reads their markers.
GOOD_REPLY = {
    "en": "Hello, thank you for writing and I am sorry about this. I understand how frustrating"
    " it is. I will check your order today and I'll call you back tomorrow with the result.",
    "es": "Hola, gracias por escribirnos y lo siento mucho. Entiendo su malestar. Voy a revisar"
    " su pedido hoy y me encargo de llamarle mañana con el resultado.",
    "pl": "Dzień dobry, dziękuję za wiadomość i przykro mi z tego powodu. Rozumiem, że to"
    " frustrujące. Sprawdzę zamówienie dzisiaj i zajmę się tym, oddzwonię jutro.",
}
POOR_REPLY = {
    "en": "Calm down. Not our problem.",
    "es": "Cálmese. No es nuestro problema.",
    "pl": "Proszę się uspokoić.",
}


def _category(item: Item, theta: float, rng: random.Random) -> int:
    prior = prior_parameters(item)
    if prior is None:
        return 0
    probabilities = category_probabilities(prior.to_engine(), np.array([theta]))[0]
    draw, total = rng.random(), 0.0
    for category, probability in enumerate(probabilities):
        total += float(probability)
        if draw < total:
            return category
    return len(probabilities) - 1


def _ranked_choice(options: list[tuple[str, int]], category: int, categories: int) -> str:
    """The option whose rating has rank *category* (scaled to the distinct ratings)."""
    ratings = sorted({rating for _, rating in options})
    index = round(category * (len(ratings) - 1) / max(1, categories - 1))
    wanted = ratings[index]
    return next(option for option, rating in options if rating == wanted)


def simulated_answer(item: Item, theta: float, language: Language, rng: random.Random) -> Answer:
    """An answer of a simulated person with ability *theta*."""
    category = _category(item, theta, rng)
    return _answer_for_category(item, category, language, rng)


def extreme_answer(item: Item, *, best: bool, language: Language) -> Answer:
    """The most (or least) effective answer the item allows."""
    rng = random.Random(0)  # noqa: S311 - only picks a wrong option deterministically
    prior = prior_parameters(item)
    top = prior.to_engine().categories - 1 if prior else 0
    return _answer_for_category(item, top if best else 0, language, rng)


def _answer_for_category(
    item: Item, category: int, language: Language, rng: random.Random
) -> Answer:
    if isinstance(item, SituationalItem):
        options = [(o.id, o.effectiveness) for o in item.options]
        return ChoiceAnswer(_ranked_choice(options, category, len({r for _, r in options})))
    if isinstance(item, QuestionnaireItem):
        if item.expected is not None:
            return AgreementAnswer(item.expected)
        value = category + 1 if item.keying is Keying.POSITIVE else 5 - category
        return AgreementAnswer(value)
    if isinstance(item, KnowledgeItem):
        wrong = [o.id for o in item.options if o.id != item.correct]
        return ChoiceAnswer(item.correct if category == 1 else rng.choice(wrong))
    if isinstance(item, CalculationItem):
        right = item.answers[language]
        return NumberAnswer(right if category == 1 else round(right * 1.1 + 1, 2))
    if isinstance(item, InBasketItem):
        order = list(item.expert_order)
        for _ in range((4 - category) * 3):
            i = rng.randrange(len(order) - 1)
            order[i], order[i + 1] = order[i + 1], order[i]
        if category == 0:
            order.reverse()
        return OrderAnswer(tuple(order))
    if isinstance(item, TypingItem):
        return TypedAnswer(_typed(item.text, category, rng))
    if isinstance(item, WrittenItem):
        return WrittenAnswer(GOOD_REPLY[language] if category >= 3 else POOR_REPLY[language])
    if isinstance(item, ChatSimulationItem):
        return _chat(item, category)
    if isinstance(item, QualificationQuestion):
        return QualificationAnswer(_stated(item.type))
    raise TypeError(type(item))


def _typed(text: str, category: int, rng: random.Random) -> str:
    """Part of the passage, with typos; higher categories type more and better."""
    share = 0.35 + 0.15 * category
    typed = list(text[: int(len(text) * share)])
    for _ in range((4 - category) * 2):
        if typed:
            typed[rng.randrange(len(typed))] = "x"
    return "".join(typed)


def _chat(item: ChatSimulationItem, category: int) -> ChatAnswer:
    turns = []
    turn_id: str | None = item.start
    seen: set[str] = set()
    while turn_id is not None and turn_id not in item.endings and turn_id not in seen:
        seen.add(turn_id)
        turn = item.turn(turn_id)
        options = [(r.id, r.effectiveness) for r in turn.replies]
        reply_id = _ranked_choice(options, category, 5)
        reply = next(r for r in turn.replies if r.id == reply_id)
        turns.append(ChatTurnAnswer(turn=turn.id, reply=reply.id))
        turn_id = turn.next.get(Effect.of(reply.effectiveness))
    return ChatAnswer(tuple(turns))


def _stated(kind: QualificationType) -> Qualifications:
    if kind is QualificationType.EDUCATION:
        return Qualifications(education=EducationLevel.SECONDARY)
    if kind is QualificationType.EXPERIENCE:
        return Qualifications(experience=(Experience(ExperienceKind.RETAIL, 1.5),))
    if kind is QualificationType.LANGUAGE:
        return Qualifications(
            languages=tuple(LanguageSkill(code, CefrLevel.C1) for code in ("en", "es", "pl"))
        )
    return Qualifications(availability=frozenset(Availability))


def simulate_responses(
    items: list[Item],
    true_theta: Mapping[str, float],
    *,
    language: Language,
    rng: random.Random,
) -> list[Response]:
    """Responses of one simulated person (true θ per competency; missing = 0)."""
    responses = []
    for item in items:
        thetas = [true_theta.get(c, 0.0) for c in item.competencies] or [0.0]
        answer = simulated_answer(item, sum(thetas) / len(thetas), language, rng)
        seconds = item.seconds * rng.lognormvariate(0.0, 0.3)
        responses.append(Response(item=item.ref, answer=answer, seconds=seconds))
    return responses


def extreme_responses(items: list[Item], *, best: bool, language: Language) -> list[Response]:
    return [
        Response(
            item=item.ref,
            answer=extreme_answer(item, best=best, language=language),
            seconds=item.seconds,
        )
        for item in items
    ]
