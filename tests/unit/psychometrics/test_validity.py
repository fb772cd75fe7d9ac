from __future__ import annotations

import math

import numpy as np
import pytest

from servicefit.psychometrics.validity import (
    corrected,
    correlation,
    suggest_weights,
    thorndike_case_ii,
)


def test_a_planted_validity_of_0_30_is_recovered_inside_its_interval() -> None:
    rng = np.random.default_rng(30)
    x = rng.normal(size=500)
    y = 0.30 * x + math.sqrt(1 - 0.30**2) * rng.normal(size=500)
    found = correlation(x.tolist(), y.tolist())
    assert found is not None
    assert found.n == 500
    assert found.ci[0] < 0.30 < found.ci[1]
    assert found.ci[0] < found.r < found.ci[1]
    assert found.ci[1] - found.ci[0] == pytest.approx(0.16, abs=0.02)  # about 2 x 1.96 / sqrt(497)
    assert found.spearman_ci[0] < 0.30 < found.spearman_ci[1]
    assert found.p < 0.001


def test_too_few_pairs_or_no_spread_give_no_correlation() -> None:
    assert correlation([1.0] * 9, list(range(9))) is None
    assert correlation([1.0] * 20, [float(x) for x in range(20)]) is None
    found = correlation([float(x) for x in range(12)] + [math.nan], [*range(12), 4])
    assert found is not None
    assert found.n == 12


def test_thorndike_case_ii_matches_the_formula_and_undoes_selection() -> None:
    assert thorndike_case_ii(0.3, 1.5) == pytest.approx(0.45 / math.sqrt(1 + 0.09 * 1.25))
    assert thorndike_case_ii(0.3, 1.0) == pytest.approx(0.3)
    with pytest.raises(ValueError, match="positive"):
        thorndike_case_ii(0.3, 0.0)
    rng = np.random.default_rng(7)
    x = rng.normal(size=20_000)
    y = 0.30 * x + math.sqrt(1 - 0.09) * rng.normal(size=20_000)
    hired = x > np.quantile(x, 0.7)  # outcomes exist for the top 30 % only
    restricted = correlation(x[hired].tolist(), y[hired].tolist())
    assert restricted is not None
    assert restricted.r < 0.25
    fixed = corrected(restricted, applicant_sd=float(x.std()), selected_sd=float(x[hired].std()))
    assert fixed.u > 1
    assert fixed.ci[0] < 0.30 < fixed.ci[1]


def test_weights_are_suggested_with_their_uncertainty() -> None:
    rng = np.random.default_rng(11)
    predictors = rng.normal(size=(600, 3))
    outcome = predictors @ np.array([0.5, 0.2, 0.0]) + rng.normal(size=600)
    suggestion = suggest_weights(predictors, outcome.tolist(), ["a", "b", "c"], bootstrap=200)
    assert suggestion is not None
    weights = {w.predictor: w for w in suggestion.weights}
    assert weights["a"].relative > weights["b"].relative > weights["c"].relative
    for w in suggestion.weights:
        assert w.ci[0] <= w.beta <= w.ci[1]
        assert 0 <= w.relative_ci[0] <= w.relative_ci[1] <= 1
    assert weights["c"].ci[0] < 0 < weights["c"].ci[1]
    assert sum(w.relative for w in suggestion.weights) == pytest.approx(1)
    assert suggestion.penalty > 0
    assert suggestion.bootstrap == 200


def test_no_weights_are_suggested_from_too_few_people() -> None:
    predictors = np.random.default_rng(1).normal(size=(8, 3))
    assert suggest_weights(predictors, [1.0] * 8, ["a", "b", "c"]) is None
