"""Item information for the 2PL and the graded response model (GRM).

2PL (Birnbaum, 1968): P(θ) = 1 / (1 + exp(-a(θ - b))), information
I(θ) = a² P(θ) (1 - P(θ)). Typical ranges: slope a in 0.5-2.5, difficulty b in -3..3.

GRM (Samejima, 1969): for K ordered categories and thresholds b_1 < ... < b_{K-1},
the cumulative curves P*_k(θ) = 1 / (1 + exp(-a(θ - b_k))) with P*_0 = 1 and
P*_K = 0; category probabilities P_k = P*_k - P*_{k+1}; information
I(θ) = Σ_k (P*'_k - P*'_{k+1})² / P_k with P*'_k = a P*_k (1 - P*_k).

Expected information averages I(θ) over a standard normal population on a fixed
quadrature grid (Baker & Kim, 2004, ch. 6 for the quadrature). It is used to
plan assessments before items are calibrated.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

QUADRATURE_POINTS = 41
_GRID = [-5.0 + 10.0 * i / (QUADRATURE_POINTS - 1) for i in range(QUADRATURE_POINTS)]
_DENSITY = [math.exp(-0.5 * t * t) for t in _GRID]
_WEIGHTS = [d / sum(_DENSITY) for d in _DENSITY]


def _logistic(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def information_2pl(theta: float, *, a: float, b: float) -> float:
    p = _logistic(a * (theta - b))
    return a * a * p * (1.0 - p)


def information_grm(theta: float, *, a: float, thresholds: Sequence[float]) -> float:
    if any(later <= earlier for earlier, later in itertools.pairwise(thresholds)):
        raise ValueError("GRM thresholds must increase")
    cumulative = [1.0] + [_logistic(a * (theta - b)) for b in thresholds] + [0.0]
    derivative = [a * p * (1.0 - p) for p in cumulative]
    total = 0.0
    for k in range(len(cumulative) - 1):
        probability = cumulative[k] - cumulative[k + 1]
        if probability > 1e-12:
            total += (derivative[k] - derivative[k + 1]) ** 2 / probability
    return total


def expected_information_2pl(*, a: float, b: float) -> float:
    return sum(w * information_2pl(t, a=a, b=b) for t, w in zip(_GRID, _WEIGHTS, strict=True))


def expected_information_grm(*, a: float, thresholds: Sequence[float]) -> float:
    return sum(
        w * information_grm(t, a=a, thresholds=thresholds)
        for t, w in zip(_GRID, _WEIGHTS, strict=True)
    )


def posterior_standard_error(information: float) -> float:
    """SE of an EAP-like estimate with a N(0, 1) prior: 1 / sqrt(1 + I)."""
    return 1.0 / math.sqrt(1.0 + information)
