from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicefit.psychometrics.irt import (
    ItemParameters,
    category_probabilities,
    eap,
    eap_many,
    information,
    simulate_responses,
)

GRM = ItemParameters(1.3, (-1.2, -0.2, 0.6, 1.7))
TWO_PL = ItemParameters(0.9, (0.4,))


def test_category_probabilities_sum_to_one_and_match_the_2pl_formula() -> None:
    theta = np.linspace(-3, 3, 7)
    assert np.allclose(category_probabilities(GRM, theta).sum(axis=1), 1.0)
    p = 1 / (1 + np.exp(-0.9 * (theta - 0.4)))
    assert np.allclose(category_probabilities(TWO_PL, theta)[:, 1], p)


def test_2pl_information_is_a_squared_p_q() -> None:
    theta = np.array([-1.0, 0.4, 2.0])
    p = 1 / (1 + np.exp(-0.9 * (theta - 0.4)))
    assert np.allclose(information(TWO_PL, theta), 0.81 * p * (1 - p))


def test_no_answers_give_the_prior() -> None:
    estimate = eap([], [])
    assert estimate.theta == pytest.approx(0.0, abs=1e-9)
    assert estimate.se == pytest.approx(1.0, abs=1e-3)


def test_parameters_are_checked() -> None:
    with pytest.raises(ValueError, match="thresholds must increase"):
        ItemParameters(1.0, (0.5, 0.1))
    with pytest.raises(ValueError, match="slope must be positive"):
        ItemParameters(0.0, (0.0,))


def test_many_patterns_score_as_one_by_one() -> None:
    rng = np.random.default_rng(3)
    items = [GRM, TWO_PL, GRM]
    responses = simulate_responses(items, rng.normal(size=20), rng)
    responses[0, 1] = -1
    theta, se = eap_many(items, responses)
    for row in range(20):
        single = eap(items, [int(x) for x in responses[row]])
        assert (theta[row], se[row]) == pytest.approx((single.theta, single.se))


def test_reported_standard_errors_match_the_actual_error() -> None:
    rng = np.random.default_rng(7)
    items = [ItemParameters(1.2, (-1.5, -0.5, 0.5, 1.5))] * 15
    true = rng.normal(size=4000)
    theta, se = eap_many(items, simulate_responses(items, true, rng))
    ratio = float(se.mean() / np.sqrt(np.mean((theta - true) ** 2)))
    assert 0.93 < ratio < 1.07


@settings(max_examples=60, deadline=None)
@given(
    a=st.floats(0.3, 2.5),
    low=st.floats(-2.5, 0.0),
    width=st.floats(0.2, 2.0),
    others=st.lists(st.integers(0, 4), min_size=0, max_size=6),
    category=st.integers(0, 3),
)
def test_a_higher_category_never_lowers_the_estimate(
    a: float, low: float, width: float, others: list[int], category: int
) -> None:
    item = ItemParameters(a, tuple(low + width * k for k in range(4)))
    rest = [GRM] * len(others)
    lower = eap([item, *rest], [category, *others])
    higher = eap([item, *rest], [category + 1, *others])
    assert higher.theta >= lower.theta - 1e-9


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), extra=st.integers(1, 10))
def test_more_items_never_widen_the_standard_error_on_average(seed: int, extra: int) -> None:
    rng = np.random.default_rng(seed)
    items = [
        ItemParameters(float(rng.uniform(0.5, 2)), (float(rng.normal()),)) for _ in range(5 + extra)
    ]
    responses = simulate_responses(items, rng.normal(size=300), rng)
    _, short = eap_many(items[:5], responses[:, :5])
    _, long = eap_many(items, responses)
    assert long.mean() <= short.mean() + 1e-9
