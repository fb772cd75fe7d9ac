"""Structured behavioural interviews and development plans, built on the fit result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from servicefit.domain.competencies import PROFICIENCY_LEVELS, Framework
from servicefit.domain.competency_scores import (
    LEVEL_CUTS,
    CompetencyScore,
    Norm,
    level_of,
    level_probabilities,
)
from servicefit.domain.fit import FitResult, RequirementFit, Status
from servicefit.domain.language import LocalizedText

INTERVIEW_RATING_SE = 0.6  # assumed SE of one structured-interview rating on the θ scale
REVIEW_AFTER_DAYS = 90


@dataclass(frozen=True)
class InterviewQuestion:
    id: str
    question: LocalizedText
    probes: tuple[LocalizedText, ...]
    look_for: LocalizedText


@dataclass(frozen=True)
class CompetencyGuide:
    """Interview questions and practice suggestions for one competency."""

    competency_id: str
    questions: tuple[InterviewQuestion, ...]
    practice: tuple[LocalizedText, ...]


def interview_focus(fit: FitResult, *, count: int = 4) -> list[RequirementFit]:
    """The requirements an interview should probe: weakest and least certain first.

    Priority = weight * (1 - P(met)) + weight * SE (unmeasured: P = 0.5, SE = 1).
    """

    def priority(r: RequirementFit) -> float:
        p = r.p_target if r.p_target is not None else 0.5
        se = r.se if r.se is not None else 1.0
        return r.relative_weight * (1.0 - p) + r.relative_weight * se

    candidates = [r for r in fit.requirements if r.status is not Status.MET]
    return sorted(candidates or list(fit.requirements), key=priority, reverse=True)[:count]


def level_midpoint(level: int) -> float:
    """The θ in the middle of a level's band (levels 1 and 5: 0.5 beyond the outer cut)."""
    edges = [LEVEL_CUTS[0] - 1.0, *LEVEL_CUTS, LEVEL_CUTS[-1] + 1.0]
    return (edges[level - 1] + edges[level]) / 2


def with_interview_rating(theta: float, se: float, rating: int) -> tuple[float, float]:
    """Combine an assessment estimate with an interview rating (1-5, anchored on the levels).

    The rating is read as a measurement of θ at the middle of the rated level
    with SE 0.6 (an assumption until interview ratings are calibrated); the two
    are combined by precision weighting: θ = Σ θ_i/SE_i² / Σ 1/SE_i².
    """
    if rating not in PROFICIENCY_LEVELS:
        raise ValueError(f"an interview rating is 1-5, got {rating}")
    weights = (1 / se**2, 1 / INTERVIEW_RATING_SE**2)
    values = (theta, level_midpoint(rating))
    total = sum(weights)
    return sum(w * v for w, v in zip(weights, values, strict=True)) / total, (1 / total) ** 0.5


@dataclass(frozen=True)
class DevelopmentAction:
    competency_id: str
    current_level: int | None
    target: int
    behaviours: tuple[LocalizedText, ...]  # positive indicators to practise
    avoid: tuple[LocalizedText, ...]  # negative indicators to stop
    practice: tuple[LocalizedText, ...]
    review_on: date


def development_plan(
    fit: FitResult,
    framework: Framework,
    guides: Mapping[str, CompetencyGuide],
    *,
    today: date,
    limit: int = 5,
) -> list[DevelopmentAction]:
    """Concrete actions for each gap, from the competency's behavioural indicators."""
    gaps: Sequence[RequirementFit] = [
        r for r in fit.requirements if r.status in (Status.NOT_MET, Status.UNDECIDED)
    ]
    ordered = sorted(gaps, key=lambda r: r.relative_weight * (r.gap or 1), reverse=True)[:limit]
    plan = []
    for requirement in ordered:
        competency = framework.competency(requirement.competency_id)
        guide = guides.get(requirement.competency_id)
        plan.append(
            DevelopmentAction(
                competency_id=requirement.competency_id,
                current_level=requirement.level,
                target=requirement.target,
                behaviours=tuple(i.text for i in competency.positive_indicators[:3]),
                avoid=tuple(i.text for i in competency.negative_indicators[:2]),
                practice=guide.practice if guide else (),
                review_on=today + timedelta(days=REVIEW_AFTER_DAYS),
            )
        )
    return plan


def apply_interview_ratings(
    scores: Sequence[CompetencyScore], ratings: Sequence[tuple[str, int]]
) -> list[CompetencyScore]:
    """Scores with each interview rating joined in (`with_interview_rating`), in order.

    A competency the assessment did not measure gets its estimate from the
    ratings alone (a N(0, 1) prior joined with each rating).
    """
    by_id = {score.competency_id: score for score in scores}
    for competency_id, rating in ratings:
        current = by_id.get(competency_id)
        theta, se = (current.theta, current.se) if current else (0.0, 1.0)
        theta, se = with_interview_rating(theta, se, rating)
        if current is None:
            current = CompetencyScore(
                competency_id=competency_id,
                theta=theta,
                se=se,
                level=level_of(theta),
                level_probabilities=level_probabilities(theta, se),
                percentile=Norm().percentile(theta, se),
                responses=0,
                provisional=True,
                parameter_version="interview",
                contributions=(),
                evidence=(),
            )
        by_id[competency_id] = replace(
            current,
            theta=theta,
            se=se,
            level=level_of(theta),
            level_probabilities=level_probabilities(theta, se),
            percentile=Norm().percentile(theta, se),
            provisional=True,  # the interview rating's SE is an assumption until calibrated
        )
    return list(by_id.values())
