"""Job fit: competency scores against a job profile, with their uncertainty.

Per requirement (docs/scoring.md, "Job fit"): the probability that the
candidate's true level reaches the target, p_c = P(level ≥ target | θ̂, SE),
and, when the profile sets a minimum, P(level ≥ minimum). The overall fit is
the weighted expected share of requirements met, 100 · Σ w_c p_c (relative
weights), with a 95 % interval from Var = Σ w_c² p_c (1 - p_c). Bands: strong
≥ 75, good ≥ 55, borderline ≥ 35, weak below. A knock-out (a minimum not met
with 95 % confidence, or a knock-out qualification not met) overrides the band
with its reason. A result whose interval spans more than one band, or whose
top-half requirements are unmeasured or undecided, needs interview evidence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from servicefit.domain.competency_scores import CompetencyScore, level_of, probability_at_least
from servicefit.domain.job_profiles import JobProfile, QualificationVerdict

BAND_CUTS = (("strong", 75.0), ("good", 55.0), ("borderline", 35.0), ("weak", 0.0))
MET = 0.8  # P(level ≥ target) at or above: met; at or below 1 - MET: not met; between: undecided
KNOCKOUT_CONFIDENCE = 0.95


class Status(Enum):
    MET = "met"
    NOT_MET = "not met"
    UNDECIDED = "undecided"
    NOT_MEASURED = "not measured"


@dataclass(frozen=True)
class RequirementFit:
    competency_id: str
    relative_weight: float
    target: int
    minimum: int | None
    theta: float | None
    se: float | None
    level: int | None
    p_target: float | None  # P(true level ≥ target)
    p_minimum: float | None  # P(true level ≥ minimum)
    gap: int | None  # target - estimated level (positive: below target)
    status: Status
    provisional: bool


@dataclass(frozen=True)
class FitResult:
    fit: float  # 0-100
    low: float  # 95 % interval
    high: float
    band: str  # strong, good, borderline, weak
    knocked_out: bool
    knockout_reasons: tuple[str, ...]
    needs_interview_evidence: bool
    reasons: tuple[str, ...]
    requirements: tuple[RequirementFit, ...]
    provisional: bool

    @property
    def decision(self) -> str:
        if self.knocked_out:
            return "knocked out"
        if self.needs_interview_evidence:
            return "needs interview evidence"
        return self.band


def band_of(fit: float) -> str:
    return next(name for name, cut in BAND_CUTS if fit >= cut)


def _requirement(
    profile: JobProfile, competency_id: str, score: CompetencyScore | None
) -> RequirementFit:
    requirement = profile.requirement(competency_id)
    weight = profile.relative_weights()[competency_id]
    if score is None:
        return RequirementFit(
            competency_id,
            weight,
            requirement.target,
            requirement.minimum,
            None,
            None,
            None,
            None,
            None,
            None,
            Status.NOT_MEASURED,
            True,
        )
    p_target = probability_at_least(requirement.target, score.theta, score.se)
    p_minimum = (
        probability_at_least(requirement.minimum, score.theta, score.se)
        if requirement.minimum is not None
        else None
    )
    status = (
        Status.MET
        if p_target >= MET
        else Status.NOT_MET
        if p_target <= 1 - MET
        else Status.UNDECIDED
    )
    level = level_of(score.theta)
    return RequirementFit(
        competency_id,
        weight,
        requirement.target,
        requirement.minimum,
        score.theta,
        score.se,
        level,
        p_target,
        p_minimum,
        requirement.target - level,
        status,
        score.provisional,
    )


def evaluate_fit(
    profile: JobProfile,
    scores: Sequence[CompetencyScore],
    qualifications: Sequence[QualificationVerdict] = (),
) -> FitResult:
    """The candidate's fit to *profile*, explained, with its uncertainty."""
    by_id = {score.competency_id: score for score in scores}
    requirements = tuple(
        _requirement(profile, r.competency_id, by_id.get(r.competency_id))
        for r in profile.requirements
    )
    fit = variance = 0.0
    for r in requirements:
        p = r.p_target if r.p_target is not None else 0.5  # unmeasured: as likely as not
        fit += r.relative_weight * p
        variance += r.relative_weight**2 * (p * (1 - p) if r.p_target is not None else 0.25)
    fit *= 100
    half = 196 * math.sqrt(variance)
    low, high = max(0.0, fit - half), min(100.0, fit + half)
    knockouts = [
        f"{r.competency_id}: below the minimum level {r.minimum}"
        f" (P(level ≥ {r.minimum}) = {r.p_minimum:.2f})"
        for r in requirements
        if r.p_minimum is not None
        and r.minimum is not None
        and r.p_minimum <= 1 - KNOCKOUT_CONFIDENCE
    ]
    knockouts += [f"{v.requirement.type.value}: {v.reason}" for v in qualifications if v.knocks_out]
    top = set(profile.top_half())
    open_top = [
        r.competency_id
        for r in requirements
        if r.competency_id in top and r.status in (Status.UNDECIDED, Status.NOT_MEASURED)
    ]
    uncertain_minimum = [
        r.competency_id
        for r in requirements
        if r.p_minimum is not None and 1 - KNOCKOUT_CONFIDENCE < r.p_minimum < 0.5
    ]
    needs_interview = band_of(low) != band_of(high) or bool(open_top) or bool(uncertain_minimum)
    reasons = _reasons(requirements, open_top, uncertain_minimum, band_of(low), band_of(high))
    return FitResult(
        fit=round(fit, 1),
        low=round(low, 1),
        high=round(high, 1),
        band=band_of(fit),
        knocked_out=bool(knockouts),
        knockout_reasons=tuple(knockouts),
        needs_interview_evidence=needs_interview and not knockouts,
        reasons=tuple(reasons),
        requirements=requirements,
        provisional=any(r.provisional for r in requirements),
    )


def _reasons(
    requirements: Sequence[RequirementFit],
    open_top: Sequence[str],
    uncertain_minimum: Sequence[str],
    low_band: str,
    high_band: str,
) -> list[str]:
    reasons = []
    strengths = [r.competency_id for r in requirements if r.status is Status.MET]
    gaps = [r.competency_id for r in requirements if r.status is Status.NOT_MET]
    if strengths:
        reasons.append("at or above target: " + ", ".join(strengths))
    if gaps:
        reasons.append("below target: " + ", ".join(gaps))
    if open_top:
        reasons.append("not yet decided for key requirements: " + ", ".join(open_top))
    if uncertain_minimum:
        reasons.append("possibly below a minimum: " + ", ".join(uncertain_minimum))
    if low_band != high_band:
        reasons.append(f"the fit interval spans {low_band} to {high_band}")
    return reasons


def rank(results: Sequence[tuple[str, FitResult]]) -> list[tuple[str, FitResult]]:
    """Shortlist order: knocked-out candidates last, then by fit, then by interval width."""
    return sorted(
        results, key=lambda item: (item[1].knocked_out, -item[1].fit, item[1].high - item[1].low)
    )
