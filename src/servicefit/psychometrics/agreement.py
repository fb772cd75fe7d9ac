"""Agreement between two raters on an ordinal scale.

Quadratic weighted kappa (Cohen, 1968): with O the observed K x K confusion
matrix of the two raters, E the matrix expected from their marginals, and
weights w_ij = (i - j)² / (K - 1)², κ_w = 1 - Σ w O / Σ w E. 1 is perfect
agreement, 0 chance level; negative is worse than chance.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def quadratic_weighted_kappa(first: Sequence[int], second: Sequence[int], categories: int) -> float:
    """κ_w for two ratings of the same cases, each coded 0 .. categories-1."""
    if len(first) != len(second):
        raise ValueError("both raters must rate the same cases")
    if not first:
        return float("nan")
    observed = np.zeros((categories, categories))
    for a, b in zip(first, second, strict=True):
        observed[int(a), int(b)] += 1
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0)) / observed.sum()
    index = np.arange(categories)
    weights = (index[:, None] - index[None, :]) ** 2 / max(1, (categories - 1) ** 2)
    denominator = float((weights * expected).sum())
    if denominator == 0:
        return 1.0 if float((weights * observed).sum()) == 0 else 0.0
    return 1.0 - float((weights * observed).sum()) / denominator
