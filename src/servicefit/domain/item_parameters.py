"""Prior item parameters derived from an item's key, before any calibration.

Until an item has been calibrated on real responses, servicefit uses these
priors to plan assessments (expected information) and, in the scoring issue,
to score; everything that depends on them is labelled *provisional*. The
values are documented in docs/scoring.md, section "Prior parameters".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from servicefit.domain.items import (
    CalculationItem,
    ChatSimulationItem,
    InBasketItem,
    Item,
    KnowledgeItem,
    QuestionnaireItem,
    SituationalItem,
    TypingItem,
    WrittenItem,
)
from servicefit.psychometrics.information import expected_information
from servicefit.psychometrics.irt import ItemParameters

FIVE_CATEGORY_THRESHOLDS = (-1.5, -0.5, 0.5, 1.5)
QUESTIONNAIRE_THRESHOLDS = (-2.0, -0.8, 0.4, 1.6)  # agreement is common: lower thresholds
CHAT_TURNS_EXPECTED = 3  # turns along a typical path through a simulation
IN_BASKET_EVIDENCE = 2.0  # a ranking of 8 tickets ~ two polytomous items per competency


@dataclass(frozen=True)
class PriorParameters:
    model: Literal["2pl", "grm"]
    a: float
    thresholds: tuple[float, ...]  # 2PL: (b,); GRM: K-1 increasing thresholds

    def to_engine(self) -> ItemParameters:
        return ItemParameters(self.a, self.thresholds)

    def expected_information(self) -> float:
        return expected_information(self.to_engine())


def evenly_spaced(count: int, *, low: float = -1.5, high: float = 1.5) -> tuple[float, ...]:
    if count == 1:
        return (0.0,)
    step = (high - low) / (count - 1)
    return tuple(round(low + i * step, 6) for i in range(count))


_BY_TYPE: dict[type, PriorParameters] = {
    KnowledgeItem: PriorParameters("2pl", 1.0, (-0.5,)),
    CalculationItem: PriorParameters("2pl", 1.2, (0.0,)),
    WrittenItem: PriorParameters("grm", 1.5, FIVE_CATEGORY_THRESHOLDS),
    ChatSimulationItem: PriorParameters("grm", 1.0, FIVE_CATEGORY_THRESHOLDS),
    InBasketItem: PriorParameters("grm", 1.0, FIVE_CATEGORY_THRESHOLDS),
    TypingItem: PriorParameters("grm", 1.0, FIVE_CATEGORY_THRESHOLDS),
}


def prior_parameters(item: Item) -> PriorParameters | None:
    """The prior for one scored response to *item*; None for unscored items."""
    if isinstance(item, SituationalItem):
        categories = len({o.effectiveness for o in item.options})
        return PriorParameters("grm", 1.0, evenly_spaced(categories - 1))
    if isinstance(item, QuestionnaireItem):
        if item.is_attention_check:
            return None
        return PriorParameters("grm", 1.2, QUESTIONNAIRE_THRESHOLDS)
    return _BY_TYPE.get(type(item))  # qualification questions are not scored on a scale


def planned_information(item: Item) -> dict[str, float]:
    """Expected information the item adds to each competency it measures (planning only).

    Single-response items share their information equally among their
    competencies. A written sample is scored on a rubric dimension per
    competency, so each gets a full item's worth; a chat simulation gives one
    response per turn; an in-basket ranking counts as two responses.
    """
    prior = prior_parameters(item)
    if prior is None or not item.competencies:
        return {}
    per_response = prior.expected_information()
    if isinstance(item, WrittenItem):
        return dict.fromkeys(item.competencies, per_response)
    if isinstance(item, ChatSimulationItem):
        total = per_response * CHAT_TURNS_EXPECTED
    elif isinstance(item, InBasketItem):
        return dict.fromkeys(item.competencies, per_response * IN_BASKET_EVIDENCE)
    else:
        total = per_response
    share = total / len(item.competencies)
    return dict.fromkeys(item.competencies, share)
