"""Calibrating one unidimensional scale with `mirt` (pinned), and classical item analysis.

A small wrapper that enforces the settings that matter (shared notes on mirt 1.2.0):

- 61 quadrature points (the 21-point default biases GRM slopes);
- categories must already be 0..K-1 and K is passed per item (mirt would
  otherwise infer K from the largest observed code);
- item standard errors only when asked for (they are expensive);
- a bounded thread count (RAYON_NUM_THREADS, read once when mirt starts its pool).

Models: 2PL for right/wrong items (K = 2), GRM otherwise (Samejima, 1969).
Parameters come back in servicefit's (a, b) form: slope and difficulty or
thresholds. Item fit is Orlando & Thissen's (2000) S-X2 with Holm-adjusted
p-values when complete response patterns exist, otherwise infit and outfit
mean squares (misfit outside 0.5-1.5); reliability is Cronbach's alpha (pingouin) and IRT marginal
reliability (mirt's `marginal_rxx`).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from servicefit.psychometrics.irt import ItemParameters

QUADRATURE_POINTS = 61
MISFIT_P = 0.01
MEAN_SQUARE_RANGE = (0.5, 1.5)  # infit/outfit outside it: misfit (Linacre's usual guide)


@dataclass(frozen=True)
class FitStatistic:
    name: str  # "S_X2" or "outfit"
    value: float | None
    df: float | None
    p: float | None  # Holm-adjusted (S_X2 only)
    misfit: bool


@dataclass(frozen=True)
class CalibratedItem:
    name: str
    parameters: ItemParameters
    slope_se: float | None
    threshold_se: tuple[float, ...] | None
    responses: int
    mean: float  # mean category / (K - 1): 0 = always lowest, 1 = always highest
    item_rest: float | None  # correlation of the item with the sum of the other items
    fit: FitStatistic | None


@dataclass(frozen=True)
class ScaleCalibration:
    items: tuple[CalibratedItem, ...]
    people: int
    cronbach_alpha: float | None
    alpha_ci: tuple[float, float] | None
    marginal_reliability: float
    converged: bool
    iterations: int


class CalibrationDataError(ValueError):
    """The response matrix cannot be calibrated as given."""


def _mirt(threads: int) -> Any:
    os.environ.setdefault("RAYON_NUM_THREADS", str(threads))
    import mirt  # noqa: PLC0415 - imported on first use, after the thread bound is set

    return mirt


def check_categories(responses: NDArray[np.int_], categories: Sequence[int]) -> None:
    if responses.shape[1] != len(categories):
        raise CalibrationDataError("one category count per item is needed")
    for column, count in enumerate(categories):
        observed = responses[:, column][responses[:, column] >= 0]
        if observed.size and (observed.max() >= count):
            raise CalibrationDataError(
                f"item {column}: code {observed.max()} outside 0..{count - 1}; recode first"
            )
        if set(np.unique(observed).tolist()) != set(range(count)):
            raise CalibrationDataError(f"item {column}: not every category 0..{count - 1} observed")


def calibrate_scale(
    responses: NDArray[np.int_],
    categories: Sequence[int],
    names: Sequence[str],
    *,
    standard_errors: bool = False,
    threads: int = 2,
    item_fit: bool = True,
) -> ScaleCalibration:
    """Fit one scale (people x items, -1 = not answered) and analyse its items."""
    check_categories(responses, categories)
    mirt = _mirt(threads)
    families = ["2PL" if k == 2 else "GRM" for k in categories]
    model: str | list[str] = families[0] if len(set(families)) == 1 else families
    data = np.where(responses >= 0, responses, -1)
    result = mirt.fit_mirt(
        data,
        model=model,
        n_categories=list(categories),
        n_quadpts=QUADRATURE_POINTS,
        compute_standard_errors=standard_errors,
        item_names=list(names),
    )
    parameters, slope_se, threshold_se = _parameters(result, families, categories, standard_errors)
    fit = _item_fit(mirt, result, data) if item_fit else None
    alpha, alpha_ci = cronbach_alpha(data)
    rest = item_rest_correlations(data)
    items = []
    for column, name in enumerate(names):
        observed = data[:, column][data[:, column] >= 0]
        items.append(
            CalibratedItem(
                name=name,
                parameters=parameters[column],
                slope_se=slope_se[column] if slope_se else None,
                threshold_se=threshold_se[column] if threshold_se else None,
                responses=int(observed.size),
                mean=float(observed.mean() / (categories[column] - 1)),
                item_rest=rest[column],
                fit=fit[column] if fit is not None else None,
            )
        )
    return ScaleCalibration(
        items=tuple(items),
        people=int(data.shape[0]),
        cronbach_alpha=alpha,
        alpha_ci=alpha_ci,
        marginal_reliability=float(mirt.marginal_rxx(result)),
        converged=bool(result.converged),
        iterations=int(result.n_iterations),
    )


def _parameters(
    result: Any, families: Sequence[str], categories: Sequence[int], standard_errors: bool
) -> tuple[list[ItemParameters], list[float] | None, list[tuple[float, ...]] | None]:
    values = result.model.parameters
    errors = result.standard_errors if standard_errors else None
    mixed = len(set(families)) > 1
    position = {"2PL": 0, "GRM": 0}
    parameters, slope_se, threshold_se = [], [], []
    for family, count in zip(families, categories, strict=True):
        prefix = f"{family}." if mixed else ""
        index = position[family]
        position[family] += 1
        a = float(values[f"{prefix}discrimination"][index])
        if family == "2PL":
            b: tuple[float, ...] = (float(values[f"{prefix}difficulty"][index]),)
            b_se_key = f"{prefix}difficulty"
        else:
            b = tuple(float(x) for x in values[f"{prefix}thresholds"][index][: count - 1])
            b_se_key = f"{prefix}thresholds"
        parameters.append(ItemParameters(a, b))
        if errors is not None:
            slope_se.append(float(errors[f"{prefix}discrimination"][index]))
            b_se = np.atleast_1d(errors[b_se_key][index]).astype(float)[: len(b)]
            threshold_se.append(tuple(float(x) for x in b_se))
    if errors is None:
        return parameters, None, None
    return parameters, slope_se, threshold_se


def _item_fit(mirt: Any, result: Any, data: NDArray[np.int_]) -> list[FitStatistic]:
    """S-X2 on complete response patterns; infit/outfit mean squares when there are none."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            table = mirt.itemfit(result, data, statistics=["S_X2"], p_adjust="holm", na_rm=True)
        except ValueError:
            table = None
        if table is not None:
            rows = []
            for _, row in table.iterrows():
                p = float(row["p_value"])
                rows.append(
                    FitStatistic("S_X2", float(row["S_X2"]), float(row["df"]), p, p < MISFIT_P)
                    if np.isfinite(p)
                    else FitStatistic("S_X2", None, None, None, False)
                )
            return rows
        squares = mirt.itemfit(result, data, statistics=["infit", "outfit"])
    return [
        FitStatistic(
            "outfit",
            float(row["outfit"]),
            None,
            None,
            not (MEAN_SQUARE_RANGE[0] <= float(row["outfit"]) <= MEAN_SQUARE_RANGE[1])
            or not (MEAN_SQUARE_RANGE[0] <= float(row["infit"]) <= MEAN_SQUARE_RANGE[1]),
        )
        for _, row in squares.iterrows()
    ]


def cronbach_alpha(data: NDArray[np.int_]) -> tuple[float | None, tuple[float, float] | None]:
    """Cronbach's alpha with its 95 % CI (pingouin; pairwise deletion of missing answers)."""
    import pandas as pd  # noqa: PLC0415 - heavy imports kept out of module import
    import pingouin  # noqa: PLC0415

    if data.shape[1] < 2:
        return None, None
    frame = pd.DataFrame(np.where(data >= 0, data, np.nan).astype(float))
    alpha, ci = pingouin.cronbach_alpha(data=frame, nan_policy="pairwise")
    return float(alpha), (float(ci[0]), float(ci[1]))


def item_rest_correlations(data: NDArray[np.int_]) -> list[float | None]:
    """Correlation of each item with the sum of the other items (complete rows)."""
    complete = data[(data >= 0).all(axis=1)].astype(float)
    result: list[float | None] = []
    for column in range(data.shape[1]):
        if complete.shape[0] < 3 or data.shape[1] < 2:
            result.append(None)
            continue
        rest = complete.sum(axis=1) - complete[:, column]
        item = complete[:, column]
        if item.std() == 0 or rest.std() == 0:
            result.append(None)
            continue
        result.append(float(np.corrcoef(item, rest)[0, 1]))
    return result
