"""From evidence to competency scores: estimate, SE, level, percentile, contributions.

Combination across instruments: all evidence about one competency, from every
instrument, enters one likelihood (a unidimensional IRT scale per
competency), so the EAP estimate and its posterior SD combine the
instruments exactly as their items' information warrants. The contribution
of each instrument stays visible: its own EAP and SE from its evidence alone,
and its share of the test information at the combined estimate.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np

from servicefit.domain.item_scoring import Evidence
from servicefit.domain.items import Instrument
from servicefit.psychometrics.irt import ItemParameters, eap, information

# θ cut points between levels 1|2, 2|3, 3|4, 4|5 (docs/scoring.md, "Levels").
LEVEL_CUTS: tuple[float, ...] = (-1.0, -0.25, 0.5, 1.25)
PRIOR_VERSION = "prior"


_STANDARD_NORMAL = NormalDist()  # the standard library's: importing scipy.stats takes 1 s


def scale_key(competency_id: str, key: str) -> str:
    """Items are calibrated per competency scale: an item in two scales has two sets."""
    return f"{competency_id}|{key}"


@dataclass(frozen=True)
class ParameterSet:
    """Calibrated item parameters under one version; anything missing uses its prior."""

    version: str
    parameters: Mapping[str, ItemParameters] = field(default_factory=dict)  # by scale_key()

    def for_evidence(self, evidence: Evidence) -> tuple[ItemParameters, bool]:
        """The parameters to score *evidence* with, and whether they are calibrated."""
        calibrated = self.parameters.get(scale_key(evidence.competency_id, evidence.key))
        if calibrated is not None and calibrated.categories == evidence.categories:
            return calibrated, True
        prior = evidence.prior.to_engine()
        if prior.categories != evidence.categories:
            raise ValueError(f"{evidence.key}: prior has {prior.categories} categories")
        return prior, False


PRIORS_ONLY = ParameterSet(PRIOR_VERSION)


@dataclass(frozen=True)
class Contribution:
    instrument: Instrument
    responses: int
    theta: float
    se: float
    information_share: float  # share of the test information at the combined estimate


@dataclass(frozen=True)
class NormResult:
    percentile: float  # 0-100
    label: str
    provisional: bool


class Norm:
    """A provisional norm: a simulated population with θ ~ N(0, 1).

    No real norm group exists yet. For EAP estimates with a correct N(0, 1)
    prior, Var(θ̂) = 1 - E[SE²]; the percentile of an estimate θ̂ with standard
    error s is therefore Φ(θ̂ / sqrt(1 - s²)) among simulated people measured
    as precisely as this candidate.
    """

    label = "provisional norm: simulated population, θ ~ N(0, 1); no real norm group yet"

    def percentile(self, theta: float, se: float) -> NormResult:
        spread = math.sqrt(max(1.0 - se * se, 0.05))
        return NormResult(
            100.0 * float(_STANDARD_NORMAL.cdf(theta / spread)), self.label, provisional=True
        )


@dataclass(frozen=True)
class CompetencyScore:
    competency_id: str
    theta: float
    se: float
    level: int
    level_probabilities: tuple[float, ...]  # P(level 1..5 | estimate, SE), normal approximation
    percentile: NormResult
    responses: int
    provisional: bool  # some evidence used prior (uncalibrated) parameters
    parameter_version: str
    contributions: tuple[Contribution, ...]
    evidence: tuple[Evidence, ...]


def level_of(theta: float) -> int:
    return 1 + sum(1 for cut in LEVEL_CUTS if theta >= cut)


def level_probabilities(theta: float, se: float) -> tuple[float, ...]:
    edges = [-math.inf, *LEVEL_CUTS, math.inf]
    cdf = [float(_STANDARD_NORMAL.cdf((edge - theta) / se)) for edge in edges]
    return tuple(cdf[i + 1] - cdf[i] for i in range(5))


def probability_at_least(level: int, theta: float, se: float) -> float:
    """P(true level >= *level*) given the estimate and its SE (normal approximation)."""
    if level <= 1:
        return 1.0
    cut = LEVEL_CUTS[level - 2]
    return float(1.0 - _STANDARD_NORMAL.cdf((cut - theta) / se))


def score_competencies(
    evidence: Iterable[Evidence],
    *,
    parameters: ParameterSet = PRIORS_ONLY,
    norm_group: Norm | None = None,
) -> list[CompetencyScore]:
    """One score per competency with evidence, combining every instrument."""
    by_competency: dict[str, list[Evidence]] = defaultdict(list)
    for item in evidence:
        by_competency[item.competency_id].append(item)
    group = norm_group or Norm()
    return [
        _score(competency_id, items, parameters, group)
        for competency_id, items in sorted(by_competency.items())
    ]


def _score(
    competency_id: str, evidence: Sequence[Evidence], parameters: ParameterSet, group: Norm
) -> CompetencyScore:
    resolved = [parameters.for_evidence(e) for e in evidence]
    items = [p for p, _ in resolved]
    categories = [e.category for e in evidence]
    combined = eap(items, categories)
    grid = np.array([combined.theta])
    total_information = sum(float(information(p, grid)[0]) for p in items) or 1.0
    by_instrument: dict[Instrument, list[int]] = defaultdict(list)
    for index, e in enumerate(evidence):
        by_instrument[e.instrument].append(index)
    contributions = []
    for instrument, indexes in sorted(by_instrument.items(), key=lambda kv: kv[0].value):
        own = eap([items[i] for i in indexes], [categories[i] for i in indexes])
        share = sum(float(information(items[i], grid)[0]) for i in indexes) / total_information
        contributions.append(Contribution(instrument, len(indexes), own.theta, own.se, share))
    return CompetencyScore(
        competency_id=competency_id,
        theta=combined.theta,
        se=combined.se,
        level=level_of(combined.theta),
        level_probabilities=level_probabilities(combined.theta, combined.se),
        percentile=group.percentile(combined.theta, combined.se),
        responses=len(evidence),
        provisional=not all(calibrated for _, calibrated in resolved),
        parameter_version=parameters.version,
        contributions=tuple(contributions),
        evidence=tuple(evidence),
    )
