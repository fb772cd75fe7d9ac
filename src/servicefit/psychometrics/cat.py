"""A stateless computerized-adaptive-testing (CAT) core.

Given the item parameters of a bank and the answers so far, `next_step`
returns the current EAP estimate and the next item, or why to stop. Selection
is maximum Fisher information at the current estimate (Lord, 1980) with

- content balancing: the next item comes from the content group (for
  servicefit, a competency) furthest below its target share of the test
  (Kingsbury & Zara, 1989);
- randomesque exposure control: a random pick among the `randomesque` most
  informative items of that group (Kingsbury & Zara, 1989).

It stops when the standard error reaches the target, the item count reaches
its maximum, or the time budget would be exceeded by the next item.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from servicefit.psychometrics.irt import FLOOR, GRID, LOG_PRIOR, Estimate, ItemParameters, eap


@dataclass(frozen=True)
class ItemArrays:
    """A bank's parameters as arrays, for vectorised information (built once per bank)."""

    items: tuple[ItemParameters, ...]
    a: NDArray[np.float64]
    thresholds: NDArray[np.float64]  # padded with +inf where an item has fewer

    @staticmethod
    def of(items: Sequence[ItemParameters]) -> ItemArrays:
        width = max(len(item.thresholds) for item in items)
        padded = np.full((len(items), width), np.inf)
        for row, item in enumerate(items):
            padded[row, : len(item.thresholds)] = item.thresholds
        return ItemArrays(tuple(items), np.array([i.a for i in items]), padded)

    def estimate(self, indices: Sequence[int], categories: Sequence[int]) -> Estimate:
        """EAP after answers to the items at *indices* (vectorised `irt.eap`)."""
        if not indices:
            return eap([], [])
        rows = np.asarray(indices)
        a = self.a[rows][:, None, None]
        b = self.thresholds[rows][:, None, :]
        cumulative = 1.0 / (1.0 + np.exp(-a * (GRID[None, :, None] - b)))
        n, q = rows.shape[0], GRID.shape[0]
        bounded = np.concatenate([np.ones((n, q, 1)), cumulative, np.zeros((n, q, 1))], axis=2)
        chosen = np.asarray(categories)
        picked = bounded[np.arange(n), :, chosen] - bounded[np.arange(n), :, chosen + 1]  # n x q
        log_posterior = LOG_PRIOR + np.log(np.clip(picked, FLOOR, 1.0)).sum(axis=0)
        weights = np.exp(log_posterior - log_posterior.max())
        weights /= weights.sum()
        theta = float(weights @ GRID)
        return Estimate(theta, float(np.sqrt(weights @ (GRID - theta) ** 2)))

    def information(self, theta: float) -> NDArray[np.float64]:
        """Fisher information of every item at *theta* (GRM; 2PL included)."""
        cumulative = 1.0 / (1.0 + np.exp(-self.a[:, None] * (theta - self.thresholds)))
        rows = self.a.shape[0]
        bounded = np.hstack([np.ones((rows, 1)), cumulative, np.zeros((rows, 1))])
        derivative = self.a[:, None] * bounded * (1.0 - bounded)
        probability = bounded[:, :-1] - bounded[:, 1:]
        numerator = (derivative[:, :-1] - derivative[:, 1:]) ** 2
        safe = np.where(probability > 1e-12, probability, 1.0)
        result: NDArray[np.float64] = np.where(probability > 1e-12, numerator / safe, 0.0).sum(
            axis=1
        )
        return result


@dataclass(frozen=True)
class StoppingRule:
    target_se: float = 0.30
    max_items: int = 40
    max_seconds: float = math.inf
    min_items: int = 1


@dataclass(frozen=True)
class CatStep:
    estimate: Estimate
    next_item: int | None  # index into the bank, or None when the test should stop
    stop_reason: str | None  # "precision", "length", "time", "bank exhausted"


def next_step(
    bank: ItemArrays,
    administered: Sequence[int],
    categories: Sequence[int],
    *,
    rng: np.random.Generator,
    rule: StoppingRule = StoppingRule(),
    groups: Sequence[str] | None = None,
    targets: Mapping[str, float] | None = None,
    item_seconds: Sequence[float] | None = None,
    elapsed_seconds: float = 0.0,
    randomesque: int = 5,
) -> CatStep:
    """The estimate after the answers so far, and which item to give next."""
    estimate = bank.estimate(administered, categories)
    count = len(administered)
    if count >= rule.min_items and estimate.se <= rule.target_se:
        return CatStep(estimate, None, "precision")
    if count >= rule.max_items:
        return CatStep(estimate, None, "length")
    available = np.ones(len(bank.items), dtype=bool)
    available[list(administered)] = False
    if item_seconds is not None:
        fits = elapsed_seconds + np.asarray(item_seconds) <= rule.max_seconds
        if not (available & fits).any() and available.any():
            return CatStep(estimate, None, "time")
        available &= fits
    if groups is not None and targets:
        available &= _balanced_group_mask(groups, administered, targets, available)
    candidates = np.flatnonzero(available)
    if candidates.size == 0:
        return CatStep(estimate, None, "bank exhausted")
    info = bank.information(estimate.theta)[candidates]
    best = candidates[np.argsort(-info)[:randomesque]]
    return CatStep(estimate, int(rng.choice(best)), None)


def _balanced_group_mask(
    groups: Sequence[str],
    administered: Sequence[int],
    targets: Mapping[str, float],
    available: NDArray[np.bool_],
) -> NDArray[np.bool_]:
    """Items of the group furthest below its target share (among groups with items left)."""
    labels = np.asarray(groups)
    total = max(1, len(administered))
    given = dict.fromkeys(targets, 0)
    for index in administered:
        if labels[index] in given:
            given[labels[index]] += 1
    open_groups = [g for g in targets if (available & (labels == g)).any()]
    if not open_groups:
        return available
    neediest = max(open_groups, key=lambda g: targets[g] - given[g] / total)
    mask: NDArray[np.bool_] = labels == neediest
    return mask
