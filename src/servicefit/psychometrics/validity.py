"""Criterion validity: correlations with intervals, range restriction, shrunken weights.

- Pearson's r with the Fisher z interval: z = atanh(r), SE = 1 / sqrt(n - 3),
  back-transformed with tanh.
- Spearman's rho with the Fisher z interval using Bonett & Wright's (2000)
  SE = sqrt((1 + rho^2 / 2) / (n - 3)).
- Thorndike's (1949) Case II correction for direct range restriction on the
  predictor: r_c = r u / sqrt(1 + r^2 (u^2 - 1)), u = SD(applicants) /
  SD(selected). It applies only when outcomes exist for the selected people
  alone and the applicant pool's SD of the predictor is known; the interval is
  the corrected ends of r's interval (Forsyth & Feldt's approximation).
- Regression weights for re-weighting a profile: ridge regression of the
  standardised outcome on the standardised predictors, the penalty chosen by
  generalised cross-validation, with percentile bootstrap intervals. A
  suggestion with its uncertainty; nothing here changes a profile.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats

CONFIDENCE = 0.95
MIN_PEOPLE = 10
PENALTIES = tuple(float(x) for x in np.logspace(-3, 3, 61))


@dataclass(frozen=True)
class Correlation:
    n: int
    r: float
    ci: tuple[float, float]
    p: float
    spearman: float
    spearman_ci: tuple[float, float]


@dataclass(frozen=True)
class RangeCorrection:
    u: float  # SD(applicants) / SD(selected)
    r: float
    ci: tuple[float, float]


@dataclass(frozen=True)
class Weight:
    predictor: str
    beta: float  # standardised ridge weight
    ci: tuple[float, float]  # percentile bootstrap
    relative: float  # max(beta, 0) / sum: the suggested relative weight
    relative_ci: tuple[float, float]


@dataclass(frozen=True)
class WeightSuggestion:
    n: int
    penalty: float
    r2: float  # in-sample R^2 of the ridge fit (optimistic)
    weights: tuple[Weight, ...]
    bootstrap: int


def _z_interval(r: float, se: float) -> tuple[float, float]:
    z = float(stats.norm.ppf(0.5 + CONFIDENCE / 2))
    centre = math.atanh(max(min(r, 0.999999), -0.999999))
    return math.tanh(centre - z * se), math.tanh(centre + z * se)


def correlation(x: Sequence[float], y: Sequence[float]) -> Correlation | None:
    """Pearson and Spearman correlations of paired values; None below 10 pairs or no spread."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = np.isfinite(xs) & np.isfinite(ys)
    xs, ys = xs[keep], ys[keep]
    n = int(xs.size)
    if n < MIN_PEOPLE or xs.std() == 0 or ys.std() == 0:
        return None
    pearson = stats.pearsonr(xs, ys)
    r = float(pearson.statistic)
    rho = float(stats.spearmanr(xs, ys).statistic)
    return Correlation(
        n=n,
        r=r,
        ci=_z_interval(r, 1 / math.sqrt(n - 3)),
        p=float(pearson.pvalue),
        spearman=rho,
        spearman_ci=_z_interval(rho, math.sqrt((1 + rho**2 / 2) / (n - 3))),
    )


def thorndike_case_ii(r: float, u: float) -> float:
    """r corrected for direct range restriction; u = SD(applicants) / SD(selected)."""
    if u <= 0:
        raise ValueError("u must be positive")
    return r * u / math.sqrt(1 + r**2 * (u**2 - 1))


def corrected(found: Correlation, applicant_sd: float, selected_sd: float) -> RangeCorrection:
    u = applicant_sd / selected_sd
    low, high = found.ci
    return RangeCorrection(
        u=u,
        r=thorndike_case_ii(found.r, u),
        ci=(thorndike_case_ii(low, u), thorndike_case_ii(high, u)),
    )


def _standardise(values: NDArray[np.float64]) -> NDArray[np.float64]:
    sd = values.std(axis=0)
    result: NDArray[np.float64] = (values - values.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
    return result


def _ridge(x: NDArray[np.float64], y: NDArray[np.float64], penalty: float) -> NDArray[np.float64]:
    k = x.shape[1]
    return np.asarray(np.linalg.solve(x.T @ x + penalty * np.eye(k), x.T @ y), dtype=np.float64)


def _gcv_penalty(x: NDArray[np.float64], y: NDArray[np.float64]) -> float:
    """The penalty minimising generalised cross-validation error (Golub et al., 1979)."""
    u, s, _ = np.linalg.svd(x, full_matrices=False)
    uy = u.T @ y
    n = x.shape[0]
    best, best_score = PENALTIES[0], math.inf
    for penalty in PENALTIES:
        shrink = s**2 / (s**2 + penalty)
        fitted = u @ (shrink * uy)
        dof = float(shrink.sum())
        score = float(np.sum((y - fitted) ** 2)) / (n * (1 - dof / n) ** 2)
        if score < best_score:
            best, best_score = penalty, score
    return best


def _relative(beta: NDArray[np.float64]) -> NDArray[np.float64]:
    positive = np.clip(beta, 0, None)
    total = float(positive.sum())
    if total <= 0:
        return np.full(beta.shape, 1 / beta.size, dtype=np.float64)
    return np.asarray(positive / total, dtype=np.float64)


def suggest_weights(
    predictors: NDArray[np.float64],
    outcome: Sequence[float],
    names: Sequence[str],
    *,
    bootstrap: int = 500,
    seed: int = 1,
) -> WeightSuggestion | None:
    """Shrunken regression weights of the predictors (people x predictors) for the outcome."""
    y_all = np.asarray(outcome, dtype=float)
    keep = np.isfinite(y_all) & np.isfinite(predictors).all(axis=1)
    n = int(keep.sum())
    if n < max(MIN_PEOPLE, 2 * len(names)) or y_all[keep].std() == 0:
        return None
    x, y = _standardise(predictors[keep]), y_all[keep]
    y = (y - y.mean()) / y.std()
    penalty = _gcv_penalty(x, y)
    beta = _ridge(x, y, penalty)
    r2 = 1 - float(np.sum((y - x @ beta) ** 2)) / float(np.sum(y**2))
    rng = np.random.default_rng(seed)
    draws, relatives = [], []
    for _ in range(bootstrap):
        rows = rng.integers(0, n, n)
        xb, yb = _standardise(predictors[keep][rows]), y_all[keep][rows]
        if yb.std() == 0:
            continue
        b = _ridge(xb, (yb - yb.mean()) / yb.std(), penalty)
        draws.append(b)
        relatives.append(_relative(b))
    low, high = 50 * (1 - CONFIDENCE), 50 * (1 + CONFIDENCE)
    beta_ci = np.percentile(np.array(draws), [low, high], axis=0)
    rel_ci = np.percentile(np.array(relatives), [low, high], axis=0)
    relative = _relative(beta)
    weights = tuple(
        Weight(
            predictor=name,
            beta=float(beta[i]),
            ci=(float(beta_ci[0, i]), float(beta_ci[1, i])),
            relative=float(relative[i]),
            relative_ci=(float(rel_ci[0, i]), float(rel_ci[1, i])),
        )
        for i, name in enumerate(names)
    )
    return WeightSuggestion(n=n, penalty=penalty, r2=r2, weights=weights, bootstrap=len(draws))
