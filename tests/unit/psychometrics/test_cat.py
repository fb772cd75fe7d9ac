from __future__ import annotations

import numpy as np
import pytest

from servicefit.psychometrics.cat import ItemArrays, StoppingRule, next_step
from servicefit.psychometrics.cat_simulation import compare_cat_with_fixed, simulated_bank
from servicefit.psychometrics.irt import ItemParameters, eap, information

RNG = np.random.default_rng(4)
ITEMS = [ItemParameters(float(RNG.uniform(0.6, 2.0)), (float(RNG.normal()),)) for _ in range(40)]
ITEMS += [ItemParameters(1.3, (-1.0, 0.0, 1.0))] * 5
BANK = ItemArrays.of(ITEMS)


def test_the_vectorised_estimate_and_information_equal_the_reference() -> None:
    chosen, categories = [0, 41, 7, 44], [1, 2, 0, 3]
    reference = eap([ITEMS[i] for i in chosen], categories)
    assert BANK.estimate(chosen, categories) == pytest.approx(reference)
    expected = [float(information(item, np.array([0.3]))[0]) for item in ITEMS]
    assert BANK.information(0.3) == pytest.approx(expected)


def test_the_first_item_is_among_the_most_informative_at_the_prior_mean() -> None:
    step = next_step(BANK, [], [], rng=np.random.default_rng(0), randomesque=3)
    top = np.argsort(-BANK.information(0.0))[:3]
    assert step.next_item in top
    assert step.stop_reason is None


def test_it_stops_on_precision_length_and_time() -> None:
    rng = np.random.default_rng(0)
    assert (
        next_step(BANK, [0, 1], [1, 1], rng=rng, rule=StoppingRule(target_se=0.99)).stop_reason
        == "precision"
    )
    assert (
        next_step(BANK, [0, 1], [1, 0], rng=rng, rule=StoppingRule(max_items=2)).stop_reason
        == "length"
    )
    timed = next_step(
        BANK,
        [0],
        [1],
        rng=rng,
        rule=StoppingRule(max_seconds=100),
        item_seconds=[60] * 45,
        elapsed_seconds=60,
    )
    assert timed.stop_reason == "time"


def test_content_balancing_serves_the_group_furthest_below_target() -> None:
    groups = ["a"] * 20 + ["b"] * 25
    step = next_step(
        BANK,
        [0, 1, 2],
        [1, 0, 1],
        rng=np.random.default_rng(0),
        groups=groups,
        targets={"a": 0.5, "b": 0.5},
    )
    assert step.next_item is not None
    assert groups[step.next_item] == "b"


def test_cat_is_shorter_than_a_fixed_form_at_equal_precision() -> None:
    rng = np.random.default_rng(9)
    result = compare_cat_with_fixed(
        simulated_bank(150, model="2pl", rng=rng),
        people=80,
        rule=StoppingRule(target_se=0.35),
        rng=rng,
    )
    assert result.fixed_mean_se <= result.cat_mean_se
    assert result.cat_mean_length < result.fixed_length
