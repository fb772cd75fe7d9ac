"""Adverse impact of a selection decision: rates, impact ratios, tests and intervals.

Numbers in, numbers out. Each person has a group label (None: not reported)
and a yes/no outcome (selected, or scored above the median). Per group:

- the selection rate s_g = selected_g / applicants_g;
- the impact ratio IR_g = s_g / s_ref against the highest-rate group (the
  reference), the Uniform Guidelines' comparison (29 CFR 1607.4(D));
- the four-fifths flag, IR_g < 0.8: a screening rule, not proof of anything;
- Fisher's exact test of the 2 x 2 table group vs reference (two-sided), and
  the pooled two-proportion z-test;
- a 95 % interval for IR_g on the log scale (Katz et al., 1978):
  ln IR ± z sqrt(1/a - 1/n_g + 1/c - 1/n_ref), with 0.5 added to every cell
  when a count is zero (Haldane), and a Wald interval for s_g - s_ref.

Groups with fewer than ``min_share`` (2 %) of the people whose group is known
are reported apart: their rate is shown but they are neither the reference
nor compared, as NYC's bias-audit rules allow (6 RCNY 5-301). People without a
group are counted as missing, never guessed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

FOUR_FIFTHS = 0.8
MIN_SHARE = 0.02
CONFIDENCE = 0.95
INTERSECTION = " & "


_STANDARD_NORMAL = NormalDist()


@dataclass(frozen=True)
class GroupComparison:
    group: str
    applicants: int
    selected: int
    rate: float
    small: bool  # under min_share of the known total: reported apart, not compared
    reference: bool
    impact_ratio: float | None  # rate / reference rate; None when not compared or undefined
    ratio_ci: tuple[float, float] | None
    difference: float | None  # rate - reference rate
    difference_ci: tuple[float, float] | None
    fisher_p: float | None
    z: float | None
    z_p: float | None
    four_fifths_flag: bool  # impact ratio below 0.8

    @property
    def significant(self) -> bool:
        return self.fisher_p is not None and self.fisher_p < 1 - CONFIDENCE


@dataclass(frozen=True)
class ImpactAnalysis:
    total: int  # everyone, with or without a group
    known: int  # people with a group
    missing: int  # people without a group (not reported, declined, no consent)
    selected: int
    reference: str | None  # the highest-rate group among those compared
    groups: tuple[GroupComparison, ...]  # compared groups, reference first
    small_groups: tuple[GroupComparison, ...]  # reported apart
    min_share: float
    notes: tuple[str, ...]

    @property
    def flagged(self) -> tuple[str, ...]:
        return tuple(g.group for g in self.groups if g.four_fifths_flag)


def _katz_interval(a: int, n1: int, c: int, n2: int) -> tuple[float, tuple[float, float]] | None:
    """Impact ratio (a/n1)/(c/n2) with its log-scale interval, or None if undefined."""
    if c == 0:
        return None
    ratio = (a / n1) / (c / n2)
    if a in (0, n1) or c == n2:  # a zero cell: Haldane's 0.5 on every cell
        a_, b_, c_, d_ = a + 0.5, n1 - a + 0.5, c + 0.5, n2 - c + 0.5
        n1_, n2_ = a_ + b_, c_ + d_
    else:
        a_, c_, n1_, n2_ = float(a), float(c), float(n1), float(n2)
    log_ratio = math.log((a_ / n1_) / (c_ / n2_))
    se = math.sqrt(1 / a_ - 1 / n1_ + 1 / c_ - 1 / n2_)
    z = _STANDARD_NORMAL.inv_cdf(0.5 + CONFIDENCE / 2)
    return ratio, (math.exp(log_ratio - z * se), math.exp(log_ratio + z * se))


def _two_proportion_z(a: int, n1: int, c: int, n2: int) -> tuple[float | None, float | None]:
    pooled = (a + c) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return None, None
    z = (a / n1 - c / n2) / se
    return z, 2 * _STANDARD_NORMAL.cdf(-abs(z))


def _difference_interval(a: int, n1: int, c: int, n2: int) -> tuple[float, tuple[float, float]]:
    p1, p2 = a / n1, c / n2
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    z = _STANDARD_NORMAL.inv_cdf(0.5 + CONFIDENCE / 2)
    return p1 - p2, (max(-1.0, p1 - p2 - z * se), min(1.0, p1 - p2 + z * se))


def _compare(
    group: str, a: int, n1: int, reference: tuple[str, int, int] | None, small: bool
) -> GroupComparison:
    rate = a / n1
    if small or reference is None or reference[0] == group:
        is_reference = reference is not None and reference[0] == group
        return GroupComparison(
            group, n1, a, rate, small, is_reference, *(None,) * 7, four_fifths_flag=False
        )
    _, c, n2 = reference
    katz = _katz_interval(a, n1, c, n2)
    difference, difference_ci = _difference_interval(a, n1, c, n2)
    from scipy.stats import fisher_exact  # noqa: PLC0415 - 1 s to import: not at web start-up

    _, fisher_p = fisher_exact(np.array([[a, n1 - a], [c, n2 - c]]), alternative="two-sided")
    z, z_p = _two_proportion_z(a, n1, c, n2)
    ratio = katz[0] if katz else None
    return GroupComparison(
        group=group,
        applicants=n1,
        selected=a,
        rate=rate,
        small=False,
        reference=False,
        impact_ratio=ratio,
        ratio_ci=katz[1] if katz else None,
        difference=difference,
        difference_ci=difference_ci,
        fisher_p=float(fisher_p),
        z=z,
        z_p=z_p,
        four_fifths_flag=ratio is not None and ratio < FOUR_FIFTHS,
    )


def adverse_impact(
    groups: Sequence[str | None], selected: Sequence[bool], *, min_share: float = MIN_SHARE
) -> ImpactAnalysis:
    """Selection rates and impact ratios of every group against the highest-rate group."""
    if len(groups) != len(selected):
        raise ValueError("one group label per decision is needed")
    applicants: Counter[str] = Counter()
    chosen: Counter[str] = Counter()
    for group, picked in zip(groups, selected, strict=True):
        if group is None:
            continue
        applicants[group] += 1
        chosen[group] += int(bool(picked))
    known = sum(applicants.values())
    small = {g for g, n in applicants.items() if n < min_share * known}
    large = sorted(g for g in applicants if g not in small)
    notes = []
    reference: tuple[str, int, int] | None = None
    if large:
        best = max(large, key=lambda g: (chosen[g] / applicants[g], applicants[g]))
        reference = (best, chosen[best], applicants[best])
    if len(large) < 2:
        notes.append("fewer than two groups large enough to compare: no impact ratios")
    if reference is not None and reference[1] == 0:
        notes.append("nobody was selected: impact ratios are undefined")
    if small:
        notes.append(
            f"{len(small)} group(s) under {min_share:.0%} of the known total are reported apart"
        )
    compared = [_compare(g, chosen[g], applicants[g], reference, small=False) for g in large]
    compared.sort(key=lambda c: (not c.reference, c.group))
    apart = [_compare(g, chosen[g], applicants[g], None, small=True) for g in sorted(small)]
    return ImpactAnalysis(
        total=len(groups),
        known=known,
        missing=len(groups) - known,
        selected=int(sum(bool(s) for s in selected)),
        reference=reference[0] if reference else None,
        groups=tuple(compared),
        small_groups=tuple(apart),
        min_share=min_share,
        notes=tuple(notes),
    )


def above_median(scores: Sequence[float]) -> list[bool]:
    """Whether each score is above the sample median: the 'scoring rate' of a bias audit."""
    values = np.asarray(scores, dtype=float)
    if values.size == 0:
        return []
    median = float(np.median(values))
    return [bool(v > median) for v in values]


def intersectional_labels(
    people: Sequence[Mapping[str, str | None]], fields: Sequence[str]
) -> list[str | None]:
    """One label per person joining *fields* ('female & 35-44'); None when any is missing."""
    labels: list[str | None] = []
    for person in people:
        values = [person.get(field) for field in fields]
        labels.append(
            None if any(v is None for v in values) else INTERSECTION.join(str(v) for v in values)
        )
    return labels
