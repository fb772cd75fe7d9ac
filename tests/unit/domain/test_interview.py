from __future__ import annotations

from datetime import date

import pytest

from servicefit.domain.fit import evaluate_fit
from servicefit.domain.interview import (
    INTERVIEW_RATING_SE,
    apply_interview_ratings,
    development_plan,
    interview_focus,
    level_midpoint,
    with_interview_rating,
)

from .builders import small_framework
from .test_fit import PROFILE, score


def test_the_interview_probes_the_weakest_and_least_certain_first() -> None:
    result = evaluate_fit(
        PROFILE,
        [
            score("empathy", 1.5, 0.2),  # clearly met: not probed
            score("tolerance", -0.9, 0.3),  # clearly below target, heavy weight
            score("active_listening", 0.0, 0.9),  # uncertain
            score("problem_solving", 1.0, 0.3),
        ],
    )
    focus = [r.competency_id for r in interview_focus(result, count=2)]
    assert focus == ["tolerance", "active_listening"]


def test_an_interview_rating_joins_the_estimate_by_precision() -> None:
    assert level_midpoint(3) == pytest.approx(0.125)
    theta, se = with_interview_rating(-1.0, 0.6, 3)
    assert theta == pytest.approx((-1.0 + 0.125) / 2)
    assert se == pytest.approx(INTERVIEW_RATING_SE / 2**0.5)
    with pytest.raises(ValueError, match="1-5"):
        with_interview_rating(0.0, 0.5, 6)


def test_the_development_plan_targets_gaps_with_indicators_and_a_review_date() -> None:
    result = evaluate_fit(
        PROFILE,
        [
            score("empathy", -0.6, 0.3),
            score("tolerance", 1.5, 0.2),
            score("active_listening", 1.5, 0.2),
        ],
    )
    plan = development_plan(result, small_framework(), {}, today=date(2026, 11, 22))
    assert [a.competency_id for a in plan] == ["empathy"]
    action = plan[0]
    assert action.review_on == date(2027, 2, 20)
    assert len(action.behaviours) == 3
    assert action.target == 3


def test_ratings_join_measured_and_unmeasured_competencies() -> None:
    joined = {
        s.competency_id: s
        for s in apply_interview_ratings(
            [score("empathy", -1.0, 0.6)], [("empathy", 3), ("tolerance", 5)]
        )
    }
    assert joined["empathy"].theta == pytest.approx((-1.0 + 0.125) / 2)
    assert joined["tolerance"].se < 1
    assert joined["tolerance"].theta > 0.5
    assert joined["tolerance"].provisional
