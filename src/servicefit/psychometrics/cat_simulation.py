"""How much shorter is adaptive testing? A simulation against a fixed form.

Simulees θ ~ N(0, 1) take a CAT from a bank until the SE target (or the
length cap). The fixed form is the bank's most informative items for the
population (by expected information), lengthened until its mean SE is at
most the CAT's mean SE: the two are compared at equal precision.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from servicefit.psychometrics.cat import ItemArrays, StoppingRule, next_step
from servicefit.psychometrics.information import expected_information
from servicefit.psychometrics.irt import ItemParameters, eap_many, simulate_responses


@dataclass(frozen=True)
class CatComparison:
    people: int
    bank_items: int
    target_se: float
    cat_mean_length: float
    cat_max_length: int
    cat_mean_se: float
    cat_rmse: float
    fixed_length: int
    fixed_mean_se: float
    fixed_rmse: float


def simulated_bank(size: int, *, model: str, rng: np.random.Generator) -> list[ItemParameters]:
    """Items with a ~ lognormal(0, 0.3) and difficulties ~ N(0, 1)."""
    items = []
    for _ in range(size):
        a = float(rng.lognormal(0.0, 0.3))
        if model == "2pl":
            items.append(ItemParameters(a, (float(rng.normal()),)))
        else:
            centre = float(rng.normal(0.0, 0.5))
            items.append(
                ItemParameters(a, tuple(sorted(centre + np.array([-1.5, -0.5, 0.5, 1.5]))))
            )
    return items


def compare_cat_with_fixed(
    items: list[ItemParameters],
    *,
    people: int,
    rule: StoppingRule,
    rng: np.random.Generator,
    randomesque: int = 5,
) -> CatComparison:
    bank = ItemArrays.of(items)
    theta = rng.normal(size=people)
    answers = simulate_responses(items, theta, rng)
    lengths, estimates, errors = [], [], []
    for person in range(people):
        administered: list[int] = []
        categories: list[int] = []
        while True:
            step = next_step(
                bank, administered, categories, rng=rng, rule=rule, randomesque=randomesque
            )
            if step.next_item is None:
                break
            administered.append(step.next_item)
            categories.append(int(answers[person, step.next_item]))
        lengths.append(len(administered))
        estimates.append(step.estimate.theta)
        errors.append(step.estimate.se)
    cat_se = float(np.mean(errors))
    order = np.argsort([-expected_information(item) for item in items])
    fixed_length, fixed_se, fixed_rmse = len(items), float("nan"), float("nan")
    for length in range(1, len(items) + 1):
        chosen = order[:length]
        est, se = eap_many([items[i] for i in chosen], answers[:, chosen])
        if float(se.mean()) <= cat_se:
            fixed_length, fixed_se = length, float(se.mean())
            fixed_rmse = float(np.sqrt(np.mean((est - theta) ** 2)))
            break
    return CatComparison(
        people=people,
        bank_items=len(items),
        target_se=rule.target_se,
        cat_mean_length=float(np.mean(lengths)),
        cat_max_length=int(max(lengths)),
        cat_mean_se=cat_se,
        cat_rmse=float(np.sqrt(np.mean((np.array(estimates) - theta) ** 2))),
        fixed_length=fixed_length,
        fixed_mean_se=fixed_se,
        fixed_rmse=fixed_rmse,
    )
