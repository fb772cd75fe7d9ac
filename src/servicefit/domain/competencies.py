"""The competency framework: clusters, competencies, indicators and levels.

A *competency* is an observable capability a customer-service job needs
(empathy, active listening, cross-selling...). Each one is defined once, in the
three product languages, with behavioural indicators (what good and poor look
like), five proficiency levels with behavioural anchors, the aliases the seed
documents use for it, the O*NET elements it relates to, and the seed files it
comes from. Any term a seed uses resolves to exactly one competency.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from servicefit.domain.language import LANGUAGES, LocalizedText
from servicefit.domain.qualifications import QualificationTypeInfo

PROFICIENCY_LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)


class IndicatorPolarity(Enum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


class OnetBasis(Enum):
    """Why a competency links to an O*NET element."""

    NAMED_IN_SEED = "named_in_seed"  # seed 001 names the O*NET element itself
    RELATED = "related"  # servicefit's own mapping to the closest O*NET element


@dataclass(frozen=True, slots=True)
class Seed:
    """One of the source documents the framework is built from."""

    code: str  # "000".."004"
    file_name: str
    title: str
    language: str


@dataclass(frozen=True, slots=True)
class SeedTerm:
    """A term as a seed document uses it, traced to that seed."""

    term: str
    seed_code: str


@dataclass(frozen=True, slots=True)
class OnetLink:
    element_id: str
    element_name: str
    domain: str  # skill, work_activity, work_style, knowledge
    basis: OnetBasis


@dataclass(frozen=True, slots=True)
class Indicator:
    """A behavioural indicator: an observable behaviour, good or poor."""

    id: str  # "<competency id>.<p|n><number>", unique in the framework
    polarity: IndicatorPolarity
    text: LocalizedText
    seed_code: str | None = None  # the seed that operationalises it, if any


@dataclass(frozen=True, slots=True)
class LevelAnchor:
    level: int
    anchor: LocalizedText


@dataclass(frozen=True, slots=True)
class ProficiencyLevel:
    """The framework-wide meaning of a level (1 = basic ... 5 = expert)."""

    level: int
    name: LocalizedText
    description: LocalizedText


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    name: LocalizedText
    description: LocalizedText


@dataclass(frozen=True, slots=True)
class Competency:
    id: str
    cluster_id: str
    name: LocalizedText
    definition: LocalizedText
    aliases: dict[str, tuple[str, ...]]  # language -> aliases in that language
    indicators: tuple[Indicator, ...]
    levels: tuple[LevelAnchor, ...]
    onet: tuple[OnetLink, ...]
    seed_terms: tuple[SeedTerm, ...]

    @property
    def positive_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.polarity is IndicatorPolarity.POSITIVE)

    @property
    def negative_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.polarity is IndicatorPolarity.NEGATIVE)

    @property
    def seed_codes(self) -> tuple[str, ...]:
        """The seed documents this competency comes from, in order."""
        codes = {term.seed_code for term in self.seed_terms}
        codes.update(i.seed_code for i in self.indicators if i.seed_code)
        return tuple(sorted(codes))

    def anchor(self, level: int) -> LocalizedText:
        for anchor in self.levels:
            if anchor.level == level:
                return anchor.anchor
        raise KeyError(level)

    def terms(self) -> Iterator[str]:
        """Every name and alias, in every language, by which it can be found."""
        yield self.id
        for language in LANGUAGES:
            yield self.name.in_language(language)
            yield from self.aliases.get(language, ())
        for seed_term in self.seed_terms:
            yield seed_term.term


@dataclass(frozen=True, slots=True)
class WorkActivity:
    """A core activity of customer-service work (O*NET, seed 001)."""

    id: str
    name: LocalizedText
    onet_element_ids: tuple[str, ...]
    competency_ids: tuple[str, ...]
    seed_code: str


def normalize_term(term: str) -> str:
    """Fold a term for lookup: case, accents kept, spacing and dashes unified.

    "Problem-solving", "problem solving" and "PROBLEM  SOLVING" are one term;
    accents stay significant because they distinguish words in es and pl.
    """
    text = unicodedata.normalize("NFC", term).casefold()
    for dash in ("-", "\u2010", "\u2011", "\u2013", "\u2014", "_", "/"):
        text = text.replace(dash, " ")
    return " ".join(text.split())


@dataclass(frozen=True)
class FrameworkProblem:
    """Something that makes a framework inconsistent."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Framework:
    """The whole competency framework, loaded and consistent."""

    version: str
    seeds: tuple[Seed, ...]
    levels: tuple[ProficiencyLevel, ...]
    clusters: tuple[Cluster, ...]
    competencies: tuple[Competency, ...]
    work_activities: tuple[WorkActivity, ...]
    qualification_types: tuple[QualificationTypeInfo, ...]
    _index: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems = list(check_framework(self))
        if problems:
            raise FrameworkInconsistent(problems)
        for competency in self.competencies:
            for term in competency.terms():
                self._index[normalize_term(term)] = competency.id

    def competency(self, competency_id: str) -> Competency:
        for competency in self.competencies:
            if competency.id == competency_id:
                return competency
        raise UnknownCompetency(competency_id)

    def has_competency(self, competency_id: str) -> bool:
        return any(c.id == competency_id for c in self.competencies)

    def cluster(self, cluster_id: str) -> Cluster:
        for cluster in self.clusters:
            if cluster.id == cluster_id:
                return cluster
        raise KeyError(cluster_id)

    def resolve(self, term: str) -> Competency:
        """The one competency whose id, name or alias is *term*, in any language."""
        key = normalize_term(term)
        competency_id = self._index.get(key)
        if competency_id is None:
            raise UnknownCompetency(term)
        return self.competency(competency_id)

    def suggest(self, term: str, *, limit: int = 3) -> list[str]:
        """Competency ids whose terms look like *term* (for error messages)."""
        key = normalize_term(term)
        close = difflib.get_close_matches(key, list(self._index), n=limit * 3, cutoff=0.6)
        ids: list[str] = []
        for match in close:
            competency_id = self._index[match]
            if competency_id not in ids:
                ids.append(competency_id)
        return ids[:limit]


class FrameworkInconsistent(ValueError):
    def __init__(self, problems: Iterable[FrameworkProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class UnknownCompetency(KeyError):
    def __init__(self, term: str) -> None:
        self.term = term
        super().__init__(term)

    def __str__(self) -> str:
        return f"no competency is called {self.term!r}"


MIN_POSITIVE_INDICATORS = 3
MIN_NEGATIVE_INDICATORS = 2


def check_framework(framework: Framework) -> Iterator[FrameworkProblem]:
    """Every rule that makes the framework usable; yields what breaks them."""
    seed_codes = {seed.code for seed in framework.seeds}
    cluster_ids = {cluster.id for cluster in framework.clusters}
    if tuple(level.level for level in framework.levels) != PROFICIENCY_LEVELS:
        yield FrameworkProblem("levels", "the framework must define levels 1 to 5 in order")
    seen_ids: set[str] = set()
    owner_of_term: dict[str, str] = {}
    indicator_ids: set[str] = set()
    for competency in framework.competencies:
        where = f"competency {competency.id}"
        if competency.id in seen_ids:
            yield FrameworkProblem(where, "id is defined twice")
        seen_ids.add(competency.id)
        if competency.cluster_id not in cluster_ids:
            yield FrameworkProblem(where, f"unknown cluster {competency.cluster_id!r}")
        yield from _competency_problems(competency, where, seed_codes)
        for indicator in competency.indicators:
            if indicator.id in indicator_ids:
                yield FrameworkProblem(where, f"indicator id {indicator.id!r} is used twice")
            indicator_ids.add(indicator.id)
        for term in sorted(set(map(normalize_term, competency.terms()))):
            other = owner_of_term.setdefault(term, competency.id)
            if other != competency.id:
                yield FrameworkProblem(where, f"term {term!r} also names competency {other}")
    for activity in framework.work_activities:
        for competency_id in activity.competency_ids:
            if competency_id not in seen_ids:
                yield FrameworkProblem(
                    f"work activity {activity.id}", f"unknown competency {competency_id!r}"
                )


def _competency_problems(
    competency: Competency, where: str, seed_codes: set[str]
) -> Iterator[FrameworkProblem]:
    if len(competency.positive_indicators) < MIN_POSITIVE_INDICATORS:
        yield FrameworkProblem(
            where, f"needs at least {MIN_POSITIVE_INDICATORS} positive indicators"
        )
    if len(competency.negative_indicators) < MIN_NEGATIVE_INDICATORS:
        yield FrameworkProblem(
            where, f"needs at least {MIN_NEGATIVE_INDICATORS} negative indicators"
        )
    if tuple(a.level for a in competency.levels) != PROFICIENCY_LEVELS:
        yield FrameworkProblem(where, "needs one anchor for each level 1 to 5, in order")
    if not competency.seed_terms:
        yield FrameworkProblem(where, "must name the seed term(s) it comes from")
    cited = [t.seed_code for t in competency.seed_terms]
    cited += [i.seed_code for i in competency.indicators if i.seed_code is not None]
    for code in sorted(set(cited) - seed_codes):
        yield FrameworkProblem(where, f"cites unknown seed {code}")
