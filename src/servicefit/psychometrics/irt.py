"""IRT scoring: category probabilities, likelihoods and EAP estimates (numpy).

One function family covers both models servicefit uses: the 2PL is the graded
response model (GRM) with two categories.

GRM (Samejima, 1969), categories k = 0..K-1, slope a > 0 (typically 0.5-2.5)
and increasing thresholds b_1..b_{K-1} (typically -3..3):

    P*_k(θ) = 1 / (1 + exp(-a(θ - b_k))),  P*_0 = 1,  P*_K = 0
    P(X = k | θ) = P*_k(θ) - P*_{k+1}(θ)

EAP (Bock & Mislevy, 1982): with a N(0, 1) prior evaluated on a fixed grid of
Q points, posterior weights w_q ∝ φ(θ_q) Π_i P(x_i | θ_q); the estimate is
Σ w_q θ_q and its standard error the posterior standard deviation
sqrt(Σ w_q (θ_q - θ̂)²). The grid has 61 points on [-6, 6]: fewer points bias
GRM estimates (see shared notes on mirt's 21-point default).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

QUADRATURE_POINTS = 61
GRID: NDArray[np.float64] = np.linspace(-6.0, 6.0, QUADRATURE_POINTS)
LOG_PRIOR: NDArray[np.float64] = -0.5 * GRID**2
LOG_PRIOR -= np.log(np.exp(LOG_PRIOR).sum())
FLOOR = 1e-300


@dataclass(frozen=True)
class ItemParameters:
    """GRM parameters; a 2PL item has exactly one threshold (its difficulty b)."""

    a: float
    thresholds: tuple[float, ...]

    def __post_init__(self) -> None:
        if not self.a > 0:
            raise ValueError(f"slope must be positive, got {self.a}")
        if not self.thresholds:
            raise ValueError("an item needs at least one threshold")
        if any(b2 <= b1 for b1, b2 in itertools.pairwise(self.thresholds)):
            raise ValueError(f"thresholds must increase, got {self.thresholds}")

    @property
    def categories(self) -> int:
        return len(self.thresholds) + 1


@dataclass(frozen=True)
class Estimate:
    theta: float
    se: float


def category_probabilities(item: ItemParameters, theta: NDArray[np.float64]) -> NDArray[np.float64]:
    """P(X = k | θ) for every θ (rows) and category k (columns)."""
    b = np.asarray(item.thresholds)
    cumulative = 1.0 / (1.0 + np.exp(-item.a * (theta[:, None] - b[None, :])))
    ones = np.ones((theta.shape[0], 1))
    zeros = np.zeros((theta.shape[0], 1))
    bounded = np.hstack([ones, cumulative, zeros])
    probabilities: NDArray[np.float64] = bounded[:, :-1] - bounded[:, 1:]
    return np.clip(probabilities, FLOOR, 1.0)


def log_likelihood(
    items: Sequence[ItemParameters], categories: Sequence[int], theta: NDArray[np.float64] = GRID
) -> NDArray[np.float64]:
    """log Π_i P(x_i | θ) on *theta*; a negative category means "not answered"."""
    total = np.zeros(theta.shape[0])
    for item, category in zip(items, categories, strict=True):
        if category < 0:
            continue
        if category >= item.categories:
            raise ValueError(f"category {category} outside 0..{item.categories - 1}")
        total += np.log(category_probabilities(item, theta)[:, category])
    return total


def eap(items: Sequence[ItemParameters], categories: Sequence[int]) -> Estimate:
    """The EAP estimate and posterior SD for one response pattern (N(0, 1) prior)."""
    log_posterior = LOG_PRIOR + log_likelihood(items, categories)
    weights = np.exp(log_posterior - log_posterior.max())
    weights /= weights.sum()
    theta = float(weights @ GRID)
    se = float(np.sqrt(weights @ (GRID - theta) ** 2))
    return Estimate(theta, se)


def eap_many(
    items: Sequence[ItemParameters], responses: NDArray[np.int_]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """EAP estimates and SDs for many response patterns (rows; -1 = not answered)."""
    people = responses.shape[0]
    log_posterior = np.tile(LOG_PRIOR, (people, 1))
    for column, item in enumerate(items):
        table = np.log(category_probabilities(item, GRID))  # Q x K
        answered = responses[:, column] >= 0
        if answered.any():
            log_posterior[answered] += table[:, responses[answered, column]].T
    log_posterior -= log_posterior.max(axis=1, keepdims=True)
    weights = np.exp(log_posterior)
    weights /= weights.sum(axis=1, keepdims=True)
    theta = weights @ GRID
    se = np.sqrt(np.einsum("pq,pq->p", weights, (GRID[None, :] - theta[:, None]) ** 2))
    return theta, se


def information(item: ItemParameters, theta: NDArray[np.float64]) -> NDArray[np.float64]:
    """Fisher information of one item at each θ (GRM; reduces to a²P(1-P) for the 2PL)."""
    b = np.asarray(item.thresholds)
    cumulative = 1.0 / (1.0 + np.exp(-item.a * (theta[:, None] - b[None, :])))
    ones = np.ones((theta.shape[0], 1))
    zeros = np.zeros((theta.shape[0], 1))
    bounded = np.hstack([ones, cumulative, zeros])
    derivative = item.a * bounded * (1.0 - bounded)
    probabilities = np.clip(bounded[:, :-1] - bounded[:, 1:], FLOOR, 1.0)
    slope_diff = derivative[:, :-1] - derivative[:, 1:]
    result: NDArray[np.float64] = (slope_diff**2 / probabilities).sum(axis=1)
    return result


def simulate_responses(
    items: Sequence[ItemParameters], theta: NDArray[np.float64], rng: np.random.Generator
) -> NDArray[np.int_]:
    """Responses of people with abilities *theta* to *items*, drawn from the model."""
    columns = []
    for item in items:
        probabilities = category_probabilities(item, theta)
        cumulative = probabilities.cumsum(axis=1)
        draws: NDArray[np.float64] = rng.random(size=(theta.shape[0], 1))
        columns.append((draws > cumulative[:, :-1]).sum(axis=1))
    return np.column_stack(columns).astype(np.int_)
