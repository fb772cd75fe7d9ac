"""Human review of written answers: a reviewer's level wins over the machine's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from servicefit.domain.reply_rating import DIMENSIONS
from servicefit.psychometrics.agreement import quadratic_weighted_kappa


class InvalidReview(ValueError):
    pass


@dataclass(frozen=True)
class Review:
    attempt_id: int
    item_id: str
    dimension: str
    machine_level: int | None
    human_level: int | None  # None: the reviewer says the dimension does not apply
    reviewer: str
    reason: str
    at: datetime

    def __post_init__(self) -> None:
        if self.dimension not in DIMENSIONS:
            raise InvalidReview(
                f"unknown dimension {self.dimension!r}; use one of {', '.join(DIMENSIONS)}"
            )
        if self.human_level is not None and not 1 <= self.human_level <= 5:
            raise InvalidReview(f"level must be 1-5 (or none), got {self.human_level}")
        if not self.reviewer.strip():
            raise InvalidReview("the reviewer must be named")
        if not self.reason.strip():
            raise InvalidReview("give a reason for the level")


Overrides = dict[str, dict[str, int | None]]  # item id -> dimension -> human level


def latest_overrides(reviews: Iterable[Review]) -> Overrides:
    """The newest human level per item and dimension."""
    overrides: Overrides = defaultdict(dict)
    for review in sorted(reviews, key=lambda r: r.at):
        overrides[review.item_id][review.dimension] = review.human_level
    return dict(overrides)


@dataclass(frozen=True)
class DimensionAgreement:
    dimension: str
    pairs: int  # reviews where both the machine and the human gave a level
    exact: float | None
    within_one: float | None
    quadratic_weighted_kappa: float | None


def agreement(reviews: Iterable[Review]) -> list[DimensionAgreement]:
    """Machine-human agreement per dimension, over every review with both levels."""
    pairs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for review in reviews:
        if review.machine_level is not None and review.human_level is not None:
            pairs[review.dimension].append((review.machine_level, review.human_level))
    result = []
    for dimension in DIMENSIONS:
        found = pairs.get(dimension, [])
        if not found:
            result.append(DimensionAgreement(dimension, 0, None, None, None))
            continue
        machine = [m - 1 for m, _ in found]
        human = [h - 1 for _, h in found]
        result.append(
            DimensionAgreement(
                dimension,
                len(found),
                sum(1 for m, h in found if m == h) / len(found),
                sum(1 for m, h in found if abs(m - h) <= 1) / len(found),
                quadratic_weighted_kappa(machine, human, 5),
            )
        )
    return result
