"""Item scoring: every answer becomes evidence, an ordered category per competency.

The rules (docs/scoring.md, "Item scoring"):

- situational judgement: the category is the rank of the chosen option's expert
  rating among the item's distinct ratings (0 = the least effective kind);
- questionnaire: agreement 1-5 becomes 0-4, reversed for reverse-keyed items;
  attention checks give no evidence (they feed a quality flag);
- knowledge: 1 if the keyed option was chosen, else 0;
- calculation: 1 if the number is within the item's tolerance, else 0;
- in-basket: Kendall's tau-b between the candidate's order and the expert's,
  cut at 0.2 / 0.4 / 0.6 / 0.8 into categories 0-4;
- typing: net words per minute cut at 15 / 25 / 35 / 45 into categories 0-4,
  one category lower when accuracy is below 90 %;
- written sample: each rubric dimension's level (1-5 -> 0-4) is evidence about
  the dimension's competency, for the competencies the item measures;
- chat simulation: each turn is evidence for the item's competencies: the
  chosen reply's effectiveness (1-5 -> 0-4), or a written reply's overall level;
- qualifications: no evidence on a scale; met / not met against the profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from rapidfuzz.distance import Levenshtein

from servicefit.domain.answers import (
    AgreementAnswer,
    Answer,
    ChatAnswer,
    ChoiceAnswer,
    NumberAnswer,
    OrderAnswer,
    Response,
    TypedAnswer,
    WrittenAnswer,
)
from servicefit.domain.item_parameters import (
    FIVE_CATEGORY_THRESHOLDS,
    PriorParameters,
    prior_parameters,
)
from servicefit.domain.items import (
    CalculationItem,
    ChatSimulationItem,
    InBasketItem,
    Instrument,
    Item,
    Keying,
    KnowledgeItem,
    QualificationQuestion,
    QuestionnaireItem,
    SituationalItem,
    TypingItem,
    WrittenItem,
)
from servicefit.domain.job_profiles import Channel
from servicefit.domain.language import Language
from servicefit.domain.reply_rating import DIMENSION_COMPETENCY, ReplyRater

A = TypeVar("A")
TAU_CUTS = (0.2, 0.4, 0.6, 0.8)
WPM_CUTS = (15.0, 25.0, 35.0, 45.0)
MIN_TYPING_ACCURACY = 0.90
ALIGN_WINDOW = 10  # characters either side of the typed length
RUBRIC_PRIOR = PriorParameters("grm", 1.5, FIVE_CATEGORY_THRESHOLDS)
TURN_PRIOR = PriorParameters("grm", 1.0, FIVE_CATEGORY_THRESHOLDS)


class AnswerMismatch(ValueError):
    """An answer of the wrong kind, or naming something the item does not have."""


@dataclass(frozen=True)
class Evidence:
    """One scored response about one competency."""

    competency_id: str
    key: str  # the parameter key: "item@version", or "item@version#part"
    instrument: Instrument
    category: int  # 0 .. categories - 1
    categories: int
    prior: PriorParameters
    detail: str  # what was scored, in plain words


@dataclass(frozen=True)
class TypingResult:
    gross_wpm: float
    net_wpm: float
    accuracy: float


def typing_result(target: str, typed: str, seconds: float) -> TypingResult:
    """Gross and net words per minute and accuracy (docs/scoring.md, "Typing")."""
    minutes = max(seconds, 1.0) / 60.0
    typed_chars = len(typed)
    if typed_chars == 0:
        return TypingResult(0.0, 0.0, 0.0)
    # compare with the passage prefix that aligns best, so that one missed or
    # doubled character costs one error, not a shift of everything after it
    lengths = range(
        max(0, typed_chars - ALIGN_WINDOW), min(len(target), typed_chars + ALIGN_WINDOW) + 1
    )
    errors = min(Levenshtein.distance(typed, target[:length]) for length in lengths)
    gross = typed_chars / 5.0 / minutes
    net = max(0.0, (typed_chars / 5.0 - errors) / minutes)
    accuracy = max(0.0, (typed_chars - errors) / typed_chars)
    return TypingResult(gross, net, accuracy)


def _band(value: float, cuts: tuple[float, ...]) -> int:
    return sum(1 for cut in cuts if value >= cut)


def _expect(answer: Answer, kind: type[A], item: Item) -> A:
    if not isinstance(answer, kind):
        raise AnswerMismatch(f"{item.id}: expected {kind.__name__}, got {type(answer).__name__}")
    return answer


def score_response(
    item: Item,
    response: Response,
    *,
    language: Language,
    rater: ReplyRater,
    overrides: Mapping[str, int | None] | None = None,
) -> list[Evidence]:
    """The evidence one response gives; empty for unscored items."""
    key = str(item.ref)
    if isinstance(item, SituationalItem):
        return _situational(item, _expect(response.answer, ChoiceAnswer, item), key)
    if isinstance(item, QuestionnaireItem):
        return _questionnaire(item, _expect(response.answer, AgreementAnswer, item), key)
    if isinstance(item, KnowledgeItem):
        chosen = _expect(response.answer, ChoiceAnswer, item).option
        if chosen not in {o.id for o in item.options}:
            raise AnswerMismatch(f"{item.id}: no option {chosen!r}")
        correct = int(chosen == item.correct)
        return _same(item, key, correct, 2, f"chose {chosen}; key {item.correct}")
    if isinstance(item, CalculationItem):
        value = _expect(response.answer, NumberAnswer, item).value
        right = int(item.is_correct(value, language))
        return _same(item, key, right, 2, f"answered {value:g}; key {item.answers[language]:g}")
    if isinstance(item, InBasketItem):
        return _in_basket(item, _expect(response.answer, OrderAnswer, item), key)
    if isinstance(item, TypingItem):
        typed = _expect(response.answer, TypedAnswer, item).text
        result = typing_result(item.text, typed, response.seconds)
        category = _band(result.net_wpm, WPM_CUTS)
        if result.accuracy < MIN_TYPING_ACCURACY:
            category = max(0, category - 1)
        detail = f"net {result.net_wpm:.1f} wpm, accuracy {result.accuracy:.0%}"
        return _same(item, key, category, 5, detail)
    if isinstance(item, WrittenItem):
        answer = _expect(response.answer, WrittenAnswer, item)
        return _written(
            item, answer, key=key, language=language, rater=rater, overrides=overrides or {}
        )
    if isinstance(item, ChatSimulationItem):
        return _chat(item, _expect(response.answer, ChatAnswer, item), key, language, rater)
    if isinstance(item, QualificationQuestion):
        return []
    raise TypeError(type(item))


def _same(item: Item, key: str, category: int, categories: int, detail: str) -> list[Evidence]:
    prior = prior_parameters(item)
    if prior is None:
        return []
    return [
        Evidence(c, key, item.instrument, category, categories, prior, detail)
        for c in item.competencies
    ]


def _situational(item: SituationalItem, answer: ChoiceAnswer, key: str) -> list[Evidence]:
    ratings = sorted({o.effectiveness for o in item.options})
    chosen = next((o for o in item.options if o.id == answer.option), None)
    if chosen is None:
        raise AnswerMismatch(f"{item.id}: no option {answer.option!r}")
    category = ratings.index(chosen.effectiveness)
    detail = f"chose {chosen.id}, rated {chosen.effectiveness}/5 by experts"
    return _same(item, key, category, len(ratings), detail)


def _questionnaire(item: QuestionnaireItem, answer: AgreementAnswer, key: str) -> list[Evidence]:
    if item.is_attention_check:
        return []
    category = answer.value - 1 if item.keying is Keying.POSITIVE else 5 - answer.value
    keyed = "reverse-keyed" if item.keying is Keying.NEGATIVE else "keyed"
    return _same(item, key, category, 5, f"agreement {answer.value}/5 ({keyed})")


def _in_basket(item: InBasketItem, answer: OrderAnswer, key: str) -> list[Evidence]:
    expert = list(item.expert_order)
    if sorted(answer.order) != sorted(expert):
        raise AnswerMismatch(f"{item.id}: the order must list every ticket once")
    from scipy.stats import kendalltau  # noqa: PLC0415 - 1 s to import; only ordering items

    tau = float(kendalltau([expert.index(t) for t in answer.order], range(len(expert))).statistic)
    return _same(item, key, _band(tau, TAU_CUTS), 5, f"Kendall tau {tau:.2f} with the expert order")


def _written(
    item: WrittenItem,
    answer: WrittenAnswer,
    *,
    key: str,
    language: Language,
    rater: ReplyRater,
    overrides: Mapping[str, int | None],
) -> list[Evidence]:
    """Rubric levels from the rater; a reviewer's level (human review) wins."""
    if item.channel is None:
        raise AnswerMismatch(f"{item.id}: a written sample needs a channel")
    rating = rater.rate(
        answer.text,
        customer_message=item.customer_message.in_language(language),
        channel=item.channel,
        language=language,
        rubric=item.rubric,
    )
    evidence: list[Evidence] = []
    for dimension, machine_level in rating.levels.items():
        competency = DIMENSION_COMPETENCY.get(dimension)
        reviewed = dimension in overrides
        level = overrides[dimension] if reviewed else machine_level
        if level is None or competency not in item.competencies:
            continue
        source = "human review" if reviewed else rating.rater
        evidence.append(
            Evidence(
                competency,
                f"{key}#{dimension}",
                item.instrument,
                level - 1,
                5,
                RUBRIC_PRIOR,
                f"{dimension} level {level}/5 ({source})",
            )
        )
    return evidence


def _chat(
    item: ChatSimulationItem, answer: ChatAnswer, key: str, language: Language, rater: ReplyRater
) -> list[Evidence]:
    evidence: list[Evidence] = []
    for turn_answer in answer.turns:
        try:
            turn = item.turn(turn_answer.turn)
        except KeyError:
            raise AnswerMismatch(f"{item.id}: no turn {turn_answer.turn!r}") from None
        if turn_answer.reply is not None:
            reply = next((r for r in turn.replies if r.id == turn_answer.reply), None)
            if reply is None:
                raise AnswerMismatch(
                    f"{item.id}: turn {turn.id} has no reply {turn_answer.reply!r}"
                )
            level: int | None = reply.effectiveness
            detail = f"turn {turn.id}: chose {reply.id}, rated {reply.effectiveness}/5"
        else:
            rating = rater.rate(
                turn_answer.text or "",
                customer_message=turn.customer.in_language(language),
                channel=item.channel or Channel.CHAT,
                language=language,
                rubric=None,
            )
            level = rating.overall()
            detail = f"turn {turn.id}: own reply, overall level {level} ({rating.rater})"
        if level is None:
            continue
        evidence.extend(
            Evidence(c, f"{key}#{turn.id}", item.instrument, level - 1, 5, TURN_PRIOR, detail)
            for c in item.competencies
        )
    return evidence
