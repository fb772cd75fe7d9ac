"""Job profiles: the ideal profile of a customer-service job (seed 000).

A profile says, per competency, how important it is (a positive weight), the
level the ideal holder shows (target, 1-5) and optionally a minimum below which
a candidate is knocked out. Seed 004 says the importance of the same
competencies varies with the organisation's mission, so every organisation
edits its own copy, starting from a template. Profiles also state qualification
requirements (seed 002), the languages and channels the job is done in, and how
many minutes a candidate may be asked to spend.

Profiles are versioned: editing one creates a new version; anything scored
earlier keeps the version it was scored against.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from servicefit.domain.competencies import PROFICIENCY_LEVELS, Framework
from servicefit.domain.qualifications import QualificationRequirement, Qualifications

MIN_TIME_BUDGET_MINUTES = 5
MAX_TIME_BUDGET_MINUTES = 240
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class Channel(Enum):
    PHONE = "phone"
    COUNTER = "counter"
    CHAT = "chat"
    EMAIL = "email"
    SOCIAL_MEDIA = "social_media"


@dataclass(frozen=True)
class Requirement:
    """One competency the job needs: its weight, target level and optional minimum."""

    competency_id: str
    weight: float
    target: int
    minimum: int | None = None
    rationale: str = ""

    @property
    def is_knockout(self) -> bool:
        return self.minimum is not None


@dataclass(frozen=True)
class ProfileProblem:
    """A rule a profile breaks, at a field path such as ("requirements", 2, "minimum")."""

    path: tuple[str | int, ...]
    message: str


@dataclass(frozen=True)
class JobProfile:
    """The content of one version of a job profile (no identity, no organisation)."""

    name: str
    requirements: tuple[Requirement, ...]
    qualifications: tuple[QualificationRequirement, ...]
    languages: tuple[str, ...]
    channels: tuple[Channel, ...]
    time_budget_minutes: int
    description: str = ""
    mission: str = ""
    template_id: str | None = None

    def requirement(self, competency_id: str) -> Requirement:
        for requirement in self.requirements:
            if requirement.competency_id == competency_id:
                return requirement
        raise KeyError(competency_id)

    def relative_weights(self) -> dict[str, float]:
        """Weights scaled to sum to 1, in the order of the requirements."""
        total = sum(r.weight for r in self.requirements)
        return {r.competency_id: r.weight / total for r in self.requirements}

    def top_half(self) -> list[str]:
        """Competencies whose weight is in the top half of the profile (ties included)."""
        ranked = sorted(self.requirements, key=lambda r: r.weight, reverse=True)
        if not ranked:
            return []
        cutoff = ranked[(len(ranked) - 1) // 2].weight
        return [r.competency_id for r in ranked if r.weight >= cutoff]


def check_profile(profile: JobProfile, framework: Framework) -> list[ProfileProblem]:
    """Every rule the profile breaks, with the field path of each."""
    return list(_profile_problems(profile, framework))


def _profile_problems(profile: JobProfile, framework: Framework) -> Iterator[ProfileProblem]:
    if not profile.name.strip():
        yield ProfileProblem(("name",), "must not be empty")
    if not profile.requirements:
        yield ProfileProblem(("requirements",), "a profile needs at least one competency")
    seen: dict[str, int] = {}
    for index, requirement in enumerate(profile.requirements):
        yield from _requirement_problems(requirement, ("requirements", index), framework)
        first = seen.setdefault(requirement.competency_id, index)
        if first != index:
            yield ProfileProblem(
                ("requirements", index, "competency"),
                f"{requirement.competency_id!r} is already required at requirements[{first}]",
            )
    if not MIN_TIME_BUDGET_MINUTES <= profile.time_budget_minutes <= MAX_TIME_BUDGET_MINUTES:
        yield ProfileProblem(
            ("time_budget_minutes",),
            f"must be between {MIN_TIME_BUDGET_MINUTES} and {MAX_TIME_BUDGET_MINUTES} minutes,"
            f" got {profile.time_budget_minutes}",
        )
    if not profile.languages:
        yield ProfileProblem(("languages",), "name at least one language the job is done in")
    yield from _duplicates(profile.languages, ("languages",))
    if not profile.channels:
        yield ProfileProblem(("channels",), "name at least one channel the job is done in")
    yield from _duplicates(profile.channels, ("channels",))


def _requirement_problems(
    requirement: Requirement, path: tuple[str | int, ...], framework: Framework
) -> Iterator[ProfileProblem]:
    if not framework.has_competency(requirement.competency_id):
        hint = ""
        suggestions = framework.suggest(requirement.competency_id)
        if suggestions:
            hint = "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
        yield ProfileProblem(
            (*path, "competency"), f"unknown competency {requirement.competency_id!r}{hint}"
        )
    if not requirement.weight > 0:
        yield ProfileProblem((*path, "weight"), f"must be positive, got {requirement.weight:g}")
    levels = f"{PROFICIENCY_LEVELS[0]}-{PROFICIENCY_LEVELS[-1]}"
    if requirement.target not in PROFICIENCY_LEVELS:
        yield ProfileProblem(
            (*path, "target"), f"must be a level {levels}, got {requirement.target}"
        )
    if requirement.minimum is not None:
        if requirement.minimum not in PROFICIENCY_LEVELS:
            yield ProfileProblem(
                (*path, "minimum"), f"must be a level {levels}, got {requirement.minimum}"
            )
        elif requirement.minimum > requirement.target:
            yield ProfileProblem(
                (*path, "minimum"),
                f"minimum {requirement.minimum} is above the target {requirement.target}",
            )


def _duplicates(values: Sequence[object], path: tuple[str | int, ...]) -> Iterator[ProfileProblem]:
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value in seen:
            shown = value.value if isinstance(value, Enum) else value
            yield ProfileProblem((*path, index), f"{shown!r} is listed twice")
        seen.add(value)


def is_valid_key(key: str) -> bool:
    return bool(KEY_PATTERN.match(key))


def key_from_name(name: str) -> str:
    """A URL-safe key for a profile name ("Inbound call centre" -> "inbound-call-centre")."""
    folded = unicodedata.normalize("NFKD", name.casefold().replace("ł", "l"))
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    key = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:63].strip("-")
    return key or "profile"


@dataclass(frozen=True)
class ProfileVersion:
    """One stored, immutable version of an organisation's job profile."""

    organisation_id: int
    key: str
    version: int
    profile: JobProfile
    framework_version: str
    created_at: datetime


@dataclass(frozen=True)
class QualificationVerdict:
    requirement: QualificationRequirement
    met: bool
    reason: str

    @property
    def knocks_out(self) -> bool:
        return self.requirement.knockout and not self.met


def evaluate_qualifications(
    profile: JobProfile, stated: Qualifications
) -> list[QualificationVerdict]:
    """Each qualification requirement of the profile against what the candidate stated."""
    verdicts = []
    for requirement in profile.qualifications:
        verdict = requirement.evaluate(stated)
        verdicts.append(QualificationVerdict(requirement, verdict.met, verdict.reason))
    return verdicts
