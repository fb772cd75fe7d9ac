"""Golden fit cases (issue 6): strong, knocked out with the reason, needs interview evidence."""

from __future__ import annotations

import pytest

from servicefit.domain.competency_scores import CompetencyScore, Norm, level_probabilities
from servicefit.domain.fit import Status, evaluate_fit, rank
from servicefit.domain.job_profiles import Channel, JobProfile, Requirement, evaluate_qualifications
from servicefit.domain.qualifications import CefrLevel, LanguageRequirement, Qualifications

PROFILE = JobProfile(
    name="inbound agent",
    requirements=(
        Requirement("empathy", 4.0, 3, 2),
        Requirement("tolerance", 3.0, 3),
        Requirement("active_listening", 2.0, 3),
        Requirement("problem_solving", 1.0, 2),
    ),
    qualifications=(LanguageRequirement(language="pl", minimum=CefrLevel.B2, knockout=True),),
    languages=("pl",),
    channels=(Channel.PHONE,),
    time_budget_minutes=30,
)


def score(
    competency_id: str, theta: float, se: float, *, provisional: bool = True
) -> CompetencyScore:
    return CompetencyScore(
        competency_id=competency_id,
        theta=theta,
        se=se,
        level=1,
        level_probabilities=level_probabilities(theta, se),
        percentile=Norm().percentile(theta, se),
        responses=10,
        provisional=provisional,
        parameter_version="prior",
        contributions=(),
        evidence=(),
    )


def scores(theta: float, se: float) -> list[CompetencyScore]:
    return [score(r.competency_id, theta, se) for r in PROFILE.requirements]


def test_a_candidate_above_target_everywhere_is_strong() -> None:
    result = evaluate_fit(PROFILE, scores(1.6, 0.25))
    assert result.decision == "strong"
    assert result.fit > 90
    assert result.low <= result.fit <= result.high
    assert all(r.status is Status.MET for r in result.requirements)
    assert not result.knocked_out


def test_a_candidate_below_a_minimum_is_knocked_out_with_the_reason() -> None:
    found = scores(1.0, 0.3)
    found[0] = score("empathy", -1.9, 0.3)
    result = evaluate_fit(PROFILE, found)
    assert result.decision == "knocked out"
    (reason,) = result.knockout_reasons
    assert reason.startswith("empathy: below the minimum level 2 (P(level ≥ 2) = ")


def test_a_missing_knockout_qualification_knocks_out() -> None:
    verdicts = evaluate_qualifications(PROFILE, Qualifications())
    result = evaluate_fit(PROFILE, scores(1.6, 0.25), verdicts)
    assert result.knockout_reasons == ("language: no level stated for pl",)


def test_wide_standard_errors_need_interview_evidence() -> None:
    result = evaluate_fit(PROFILE, scores(0.0, 0.9))
    assert result.decision == "needs interview evidence"
    assert result.high - result.low > 40
    assert any("not yet decided" in reason for reason in result.reasons)


def test_an_unmeasured_requirement_is_not_guessed() -> None:
    result = evaluate_fit(PROFILE, scores(1.6, 0.25)[1:])
    empathy = result.requirements[0]
    assert (empathy.status, empathy.p_target) == (Status.NOT_MEASURED, None)
    assert result.needs_interview_evidence


def test_the_fit_is_the_weighted_probability_of_meeting_targets() -> None:
    result = evaluate_fit(PROFILE, scores(0.5, 0.4))
    expected = 100 * sum(r.relative_weight * (r.p_target or 0) for r in result.requirements)
    assert result.fit == pytest.approx(expected, abs=0.05)


def test_the_shortlist_puts_knockouts_last_and_ranks_by_fit() -> None:
    strong = evaluate_fit(PROFILE, scores(1.6, 0.25))
    middling = evaluate_fit(PROFILE, scores(0.3, 0.3))
    knocked = scores(2.0, 0.2)
    knocked[0] = score("empathy", -2.0, 0.2)
    out = evaluate_fit(PROFILE, knocked)
    ranked = rank([("c", out), ("b", middling), ("a", strong)])
    assert [name for name, _ in ranked] == ["a", "b", "c"]
