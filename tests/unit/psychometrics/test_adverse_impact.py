from __future__ import annotations

import numpy as np
import pytest

from servicefit.psychometrics.adverse_impact import (
    above_median,
    adverse_impact,
    intersectional_labels,
)


def _simulated(rates: dict[str, float], per_group: int, seed: int) -> tuple[list[str], list[bool]]:
    rng = np.random.default_rng(seed)
    groups: list[str] = []
    selected: list[bool] = []
    for group, rate in rates.items():
        groups += [group] * per_group
        selected += [bool(x) for x in rng.random(per_group) < rate]
    return groups, selected


def test_a_planted_ratio_of_0_70_is_flagged_and_one_of_0_95_is_not() -> None:
    groups, selected = _simulated({"a": 0.50, "b": 0.35, "c": 0.475}, per_group=4000, seed=8)
    result = adverse_impact(groups, selected)
    by_group = {g.group: g for g in result.groups}
    assert result.reference == "a"
    assert by_group["a"].reference
    b, c = by_group["b"], by_group["c"]
    assert b.impact_ratio is not None
    assert c.impact_ratio is not None
    assert b.ratio_ci is not None
    assert c.ratio_ci is not None
    assert b.ratio_ci[0] < 0.70 < b.ratio_ci[1]
    assert c.ratio_ci[0] < 0.95 < c.ratio_ci[1]
    assert b.four_fifths_flag
    assert b.significant
    assert not c.four_fifths_flag
    assert result.flagged == ("b",)
    assert b.difference is not None
    assert b.difference_ci is not None
    assert b.difference_ci[0] < -0.15 < b.difference_ci[1]
    assert b.z is not None
    assert b.z < 0


def test_nobody_selected_gives_no_ratios_and_no_flags() -> None:
    result = adverse_impact(["a"] * 50 + ["b"] * 50, [False] * 100)
    assert all(g.impact_ratio is None for g in result.groups)
    assert result.flagged == ()
    assert any("nobody was selected" in note for note in result.notes)
    assert result.selected == 0


def test_a_single_group_is_its_own_reference_and_nothing_is_compared() -> None:
    result = adverse_impact(["a"] * 30, [True] * 10 + [False] * 20)
    assert result.reference == "a"
    assert [g.group for g in result.groups] == ["a"]
    assert result.groups[0].rate == pytest.approx(1 / 3)
    assert result.groups[0].impact_ratio is None
    assert any("fewer than two groups" in note for note in result.notes)


def test_groups_under_two_percent_are_reported_apart_and_not_flagged() -> None:
    groups = ["a"] * 500 + ["b"] * 480 + ["tiny"] * 10  # tiny: 1 % of the known total
    selected = [True] * 250 + [False] * 250 + [True] * 230 + [False] * 250 + [False] * 10
    result = adverse_impact(groups, selected)
    assert [g.group for g in result.small_groups] == ["tiny"]
    tiny = result.small_groups[0]
    assert tiny.small
    assert tiny.rate == 0
    assert tiny.impact_ratio is None
    assert not tiny.four_fifths_flag
    assert "tiny" not in {g.group for g in result.groups}
    assert result.flagged == ()


def test_missing_demographics_are_counted_not_guessed() -> None:
    groups: list[str | None] = ["a"] * 40 + ["b"] * 40 + [None] * 20
    selected = [True] * 20 + [False] * 20 + [True] * 8 + [False] * 32 + [True] * 20
    result = adverse_impact(groups, selected)
    assert (result.total, result.known, result.missing) == (100, 80, 20)
    assert result.selected == 48
    assert {g.group: g.applicants for g in result.groups} == {"a": 40, "b": 40}
    assert result.flagged == ("b",)  # 0.2 / 0.5 = 0.4


def test_a_group_with_nobody_selected_has_a_finite_interval() -> None:
    result = adverse_impact(["a"] * 100 + ["b"] * 100, [True] * 50 + [False] * 150)
    b = next(g for g in result.groups if g.group == "b")
    assert b.impact_ratio == 0
    assert b.ratio_ci is not None
    assert 0 < b.ratio_ci[0] < b.ratio_ci[1] < 0.2
    assert b.four_fifths_flag


def test_the_decisions_need_one_group_each() -> None:
    with pytest.raises(ValueError, match="one group label"):
        adverse_impact(["a"], [True, False])


def test_intersectional_labels_join_fields_and_keep_missing_missing() -> None:
    people: list[dict[str, str | None]] = [
        {"sex": "female", "age": "40+"},
        {"sex": "male", "age": None},
        {"sex": "male", "age": "under 40"},
    ]
    assert intersectional_labels(people, ["sex", "age"]) == [
        "female & 40+",
        None,
        "male & under 40",
    ]


def test_the_scoring_rate_is_the_share_above_the_sample_median() -> None:
    assert above_median([1.0, 2.0, 3.0, 4.0]) == [False, False, True, True]
    assert above_median([]) == []
    groups = ["a"] * 4 + ["b"] * 4
    result = adverse_impact(groups, above_median([5, 6, 7, 8, 1, 2, 3, 9]))
    assert {g.group: g.rate for g in result.groups} == {"a": 0.75, "b": 0.25}
