from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from servicefit.psychometrics.dif import category, logistic_dif, mirt_wald_screen, rest_scores

ITEMS = 30
NAMES = [f"item{i:02d}" for i in range(ITEMS)]
UNIFORM, NON_UNIFORM = 3, 17


def _simulated(
    seed: int, *, per_group: int = 1000, planted: bool = True
) -> tuple[NDArray[np.int_], list[str | None]]:
    """2PL responses; the focal group is 0.3 SD lower (impact, not DIF) and two items have DIF."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.8, 2.0, ITEMS)
    b = rng.normal(0.0, 1.0, ITEMS)
    theta = np.concatenate([rng.normal(0, 1, per_group), rng.normal(-0.3, 1, per_group)])
    focal = np.arange(2 * per_group) >= per_group
    slopes = np.tile(a, (2 * per_group, 1))
    locations = np.tile(b, (2 * per_group, 1))
    if planted:
        locations[focal, UNIFORM] += 0.6  # uniform: harder for the focal group
        slopes[focal, NON_UNIFORM] = a[NON_UNIFORM] * 0.35  # non-uniform: flatter curve
    p = 1 / (1 + np.exp(-slopes * (theta[:, None] - locations)))
    responses = (rng.random(p.shape) < p).astype(np.int_)
    groups: list[str | None] = ["reference" if not f else "focal" for f in focal]
    return responses, groups


def test_two_planted_dif_items_are_found_with_at_most_one_false_alarm() -> None:
    responses, groups = _simulated(seed=1)
    result = logistic_dif(responses, groups, NAMES)
    flagged = set(result.flagged)
    planted = {NAMES[UNIFORM], NAMES[NON_UNIFORM]}
    assert planted <= flagged
    assert len(flagged - planted) <= 1
    by_name = {item.item: item for item in result.items}
    uniform, nonuniform = by_name[NAMES[UNIFORM]], by_name[NAMES[NON_UNIFORM]]
    assert uniform.uniform_p is not None
    assert uniform.uniform_p < 0.001
    assert nonuniform.nonuniform_p is not None
    assert nonuniform.nonuniform_p < 0.001
    assert nonuniform.delta_r2 is not None
    assert nonuniform.delta_r2 > 0
    assert result.reference in {"reference", "focal"}
    assert result.people == 2000


def test_adjusted_p_values_control_the_false_discovery_rate() -> None:
    responses, groups = _simulated(seed=2, per_group=600, planted=False)
    result = logistic_dif(responses, groups, NAMES)
    for item in result.items:
        assert item.adjusted_p is not None
        assert item.overall_p is not None
        assert item.adjusted_p >= item.overall_p
        assert item.flagged == (item.adjusted_p < 0.05)
    assert len(result.flagged) <= 1


def test_polytomous_items_use_the_ordinal_model() -> None:
    rng = np.random.default_rng(3)
    n = 800
    theta = rng.normal(0, 1, n)
    focal = np.arange(n) >= n // 2
    thresholds = np.array([-1.0, 0.0, 1.0])
    columns = []
    for item in range(6):
        shift = np.where(focal, 0.8, 0.0) if item == 0 else 0.0
        latent = 1.4 * (theta - shift) + rng.logistic(size=n)
        columns.append(np.searchsorted(thresholds * 1.4, latent))
    responses = np.column_stack(columns).astype(np.int_)
    groups: list[str | None] = ["f" if f else "r" for f in focal]
    result = logistic_dif(responses, groups, [f"p{i}" for i in range(6)])
    assert {item.model for item in result.items} == {"ordinal"}
    assert "p0" in result.flagged


def test_people_without_a_group_are_left_out_and_counted() -> None:
    responses, groups = _simulated(seed=4, per_group=300, planted=False)
    groups[:50] = [None] * 50
    result = logistic_dif(responses[:, :5], groups, NAMES[:5])
    assert result.missing_group == 50
    assert result.people == 550
    assert all(item.people == 550 for item in result.items)


def test_items_are_not_tested_when_a_group_is_too_small() -> None:
    responses, groups = _simulated(seed=5, per_group=300, planted=False)
    groups = ["focal" if i < 10 else "reference" for i in range(len(groups))]
    result = logistic_dif(responses[:, :4], groups, NAMES[:4])
    assert all(item.overall_p is None for item in result.items)
    assert all(not item.flagged for item in result.items)
    assert all(item.note == "too few people in a second group" for item in result.items)


def test_rest_scores_are_prorated_over_answered_items() -> None:
    responses = np.array([[1, 1, 0, 1], [1, -1, 1, -1], [0, -1, -1, -1]])
    rest = rest_scores(responses, 0)
    assert rest[0] == pytest.approx(2.0)
    assert rest[1] == pytest.approx(3.0)  # one of one answered, times three others
    assert np.isnan(rest[2])


def test_effect_size_classes_follow_jodoin_and_gierl() -> None:
    assert [category(x) for x in (0.0, 0.034, 0.035, 0.069, 0.07, 0.2)] == list("AABBCC")


def test_the_mirt_wald_screen_finds_the_non_uniform_item_without_false_alarms() -> None:
    responses, groups = _simulated(seed=1)
    screens = mirt_wald_screen(responses, [g or "" for g in groups], NAMES, categories=2, threads=1)
    assert len(screens) == ITEMS
    flagged = {s.item for s in screens if s.flagged}
    assert NAMES[NON_UNIFORM] in flagged
    assert len(flagged - {NAMES[UNIFORM], NAMES[NON_UNIFORM]}) <= 1


def test_the_mirt_wald_screen_needs_two_groups() -> None:
    responses, _ = _simulated(seed=1, per_group=50)
    with pytest.raises(ValueError, match="exactly two groups"):
        mirt_wald_screen(responses, ["a"] * 100, NAMES, categories=2)
