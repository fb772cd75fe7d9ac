"""Qualification types (seed 002, O*NET education data) and the rules that test them.

Seed 002 says most employers ask for a secondary-school diploma and some
customer-service experience (retail counts), larger companies may prefer an
associate's or bachelor's degree, and communication in the job's languages
matters. O*NET 30.0 (43-4051.00) gives the required-education distribution:
54.8 % high-school diploma, 17.4 % some college, 13.7 % associate's degree,
14.2 % bachelor's degree.

A *qualification* is a fact a candidate states about themselves (a diploma, years
of experience, a language level, availability); a *qualification requirement*
is a profile's rule about it, optionally a knock-out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from servicefit.domain.language import LocalizedText


class EducationLevel(Enum):
    """Ordered levels, aligned with O*NET's 'Required Level of Education' categories."""

    LESS_THAN_SECONDARY = "less_than_secondary"  # O*NET RL 1
    SECONDARY = "secondary"  # RL 2: high-school diploma or equivalent
    POST_SECONDARY_CERTIFICATE = "post_secondary_certificate"  # RL 3
    SOME_COLLEGE = "some_college"  # RL 4
    ASSOCIATE = "associate"  # RL 5
    BACHELOR = "bachelor"  # RL 6
    MASTER = "master"  # RL 8
    DOCTORATE = "doctorate"  # RL 11

    @property
    def rank(self) -> int:
        return list(EducationLevel).index(self)


class ExperienceKind(Enum):
    """Kinds of customer-facing experience; all of them count as customer service."""

    RETAIL = "retail"
    CALL_CENTRE = "call_centre"
    CHAT_EMAIL_SUPPORT = "chat_email_support"
    COUNTER_BRANCH = "counter_branch"
    HOSPITALITY = "hospitality"
    SALES = "sales"
    TECHNICAL_SUPPORT = "technical_support"
    OTHER_CUSTOMER_FACING = "other_customer_facing"


class CefrLevel(Enum):
    """Common European Framework of Reference for Languages, A1 (lowest) to C2."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"

    @property
    def rank(self) -> int:
        return list(CefrLevel).index(self)


class Availability(Enum):
    WEEKDAYS = "weekdays"
    EVENINGS = "evenings"
    WEEKENDS = "weekends"
    NIGHTS = "nights"
    PUBLIC_HOLIDAYS = "public_holidays"


class QualificationType(Enum):
    EDUCATION = "education"
    EXPERIENCE = "experience"
    LANGUAGE = "language"
    AVAILABILITY = "availability"


@dataclass(frozen=True)
class LanguageSkill:
    language: str  # ISO 639-1 code
    level: CefrLevel


@dataclass(frozen=True)
class Experience:
    kind: ExperienceKind
    years: float


@dataclass(frozen=True)
class Qualifications:
    """What a candidate states about themselves."""

    education: EducationLevel | None = None
    experience: tuple[Experience, ...] = ()
    languages: tuple[LanguageSkill, ...] = ()
    availability: frozenset[Availability] = frozenset()


@dataclass(frozen=True)
class Verdict:
    met: bool
    reason: str  # plain English; reports localise from the requirement itself


@dataclass(frozen=True)
class EducationRequirement:
    minimum: EducationLevel
    knockout: bool = False
    type: QualificationType = QualificationType.EDUCATION

    def evaluate(self, stated: Qualifications) -> Verdict:
        if stated.education is None:
            return Verdict(False, "education level not stated")
        met = stated.education.rank >= self.minimum.rank
        relation = "meets" if met else "is below"
        return Verdict(met, f"{stated.education.value} {relation} {self.minimum.value}")


@dataclass(frozen=True)
class ExperienceRequirement:
    """At least `min_years` of customer-facing experience of the accepted kinds, summed."""

    min_years: float
    kinds: frozenset[ExperienceKind] = frozenset(ExperienceKind)
    knockout: bool = False
    type: QualificationType = QualificationType.EXPERIENCE

    def __post_init__(self) -> None:
        if self.min_years < 0:
            raise ValueError("min_years must not be negative")
        if not self.kinds:
            raise ValueError("at least one kind of experience must count")

    def evaluate(self, stated: Qualifications) -> Verdict:
        years = sum(e.years for e in stated.experience if e.kind in self.kinds)
        met = years >= self.min_years
        return Verdict(met, f"{years:g} relevant years against {self.min_years:g} required")


@dataclass(frozen=True)
class LanguageRequirement:
    language: str
    minimum: CefrLevel
    knockout: bool = False
    type: QualificationType = QualificationType.LANGUAGE

    def evaluate(self, stated: Qualifications) -> Verdict:
        levels = [s.level for s in stated.languages if s.language == self.language]
        if not levels:
            return Verdict(False, f"no level stated for {self.language}")
        best = max(levels, key=lambda level: level.rank)
        met = best.rank >= self.minimum.rank
        return Verdict(met, f"{self.language} {best.value} against {self.minimum.value} required")


@dataclass(frozen=True)
class AvailabilityRequirement:
    slots: frozenset[Availability]
    knockout: bool = False
    type: QualificationType = QualificationType.AVAILABILITY

    def __post_init__(self) -> None:
        if not self.slots:
            raise ValueError("an availability requirement needs at least one slot")

    def evaluate(self, stated: Qualifications) -> Verdict:
        missing = sorted(slot.value for slot in self.slots - stated.availability)
        if missing:
            return Verdict(False, "not available for " + ", ".join(missing))
        return Verdict(True, "available for every required slot")


QualificationRequirement = (
    EducationRequirement | ExperienceRequirement | LanguageRequirement | AvailabilityRequirement
)


@dataclass(frozen=True)
class QualificationTypeInfo:
    """A qualification type as people read it: its name, description and value labels."""

    type: QualificationType
    name: LocalizedText
    description: LocalizedText
    values: tuple[tuple[str, LocalizedText], ...]  # (value code, label), in order


def value_codes(kind: QualificationType) -> tuple[str, ...]:
    """The codes a qualification of this type can take, in order."""
    members: dict[QualificationType, type[Enum]] = {
        QualificationType.EDUCATION: EducationLevel,
        QualificationType.EXPERIENCE: ExperienceKind,
        QualificationType.LANGUAGE: CefrLevel,
        QualificationType.AVAILABILITY: Availability,
    }
    return tuple(str(member.value) for member in members[kind])
