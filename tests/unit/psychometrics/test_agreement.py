from __future__ import annotations

import pytest

from servicefit.psychometrics.agreement import quadratic_weighted_kappa


def test_perfect_agreement_is_one_and_reversal_is_negative() -> None:
    assert quadratic_weighted_kappa([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], 5) == pytest.approx(1.0)
    assert quadratic_weighted_kappa([0, 1, 2, 3, 4], [4, 3, 2, 1, 0], 5) == pytest.approx(-1.0)


def test_a_known_value() -> None:
    # worked by hand: O = [[1,1],[0,2]], E = [[0.5,1.5],[0.5,1.5]], w = [[0,1],[1,0]]
    # kappa = 1 - (1) / (1.5 + 0.5) = 0.5
    assert quadratic_weighted_kappa([0, 0, 1, 1], [0, 1, 1, 1], 2) == pytest.approx(0.5)
