from __future__ import annotations

import numpy as np
import pytest

from servicefit.psychometrics.calibration import (
    CalibrationDataError,
    calibrate_scale,
    check_categories,
    item_rest_correlations,
)
from servicefit.psychometrics.irt import ItemParameters, simulate_responses

TRUE = [
    ItemParameters(1.2, (-0.5,)),
    ItemParameters(0.8, (0.5,)),
    ItemParameters(1.5, (-1.5, -0.5, 0.5, 1.5)),
    ItemParameters(1.0, (-1.0, 0.0, 1.0)),
    ItemParameters(1.6, (0.2,)),
]


def test_a_mixed_2pl_and_grm_scale_recovers_its_parameters() -> None:
    rng = np.random.default_rng(11)
    data = simulate_responses(TRUE, rng.normal(size=4000), rng)
    result = calibrate_scale(
        data, [i.categories for i in TRUE], [f"i{k}" for k in range(5)], standard_errors=True
    )
    for fitted, true in zip(result.items, TRUE, strict=True):
        assert fitted.parameters.a == pytest.approx(true.a, abs=0.2)
        assert len(fitted.parameters.thresholds) == len(true.thresholds)
        assert fitted.parameters.thresholds == pytest.approx(true.thresholds, abs=0.25)
        assert fitted.slope_se is not None
        assert 0 < fitted.slope_se < 0.2
    assert result.converged
    assert 0.3 < result.marginal_reliability < 0.9
    assert result.cronbach_alpha is not None


def test_categories_must_be_recoded_and_all_observed() -> None:
    data = np.array([[0, 1], [1, 2], [0, 0]])
    with pytest.raises(CalibrationDataError, match=r"code 2 outside 0\.\.1"):
        check_categories(data, [2, 2])
    with pytest.raises(CalibrationDataError, match="not every category"):
        check_categories(data, [2, 4])


def test_item_rest_correlation() -> None:
    data = np.array([[0, 0, 0], [1, 1, 1], [1, 1, 0], [0, 0, 1]])
    correlations = item_rest_correlations(data)
    assert correlations[0] == pytest.approx(np.corrcoef([0, 1, 1, 0], [0, 2, 1, 1])[0, 1])
