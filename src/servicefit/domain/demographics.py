"""Self-reported demographics, kept apart from assessment data.

Demographics are optional, given with their own consent, and used for one
purpose only: checking that selection is fair (adverse impact, item bias).
They are stored apart from attempts and never reach scoring. The categories
asked are configurable per organisation and jurisdiction; every field also
accepts "prefer not to say", which counts as missing in every analysis.
Only a role with the `view_demographics` permission sees them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from servicefit.domain.accounts import Permission, Role, may

PREFER_NOT_TO_SAY = "prefer_not_to_say"


def can_view_demographics(role: str) -> bool:
    """Only a role holding `view demographics` (the owner) may see demographics."""
    try:
        return may(Role(role), Permission.VIEW_DEMOGRAPHICS)
    except ValueError:
        return False


@dataclass(frozen=True)
class DemographicField:
    key: str  # "sex", "age_band", ...
    options: tuple[str, ...]  # allowed answers, besides prefer_not_to_say

    def accepts(self, value: str) -> bool:
        return value in self.options or value == PREFER_NOT_TO_SAY


@dataclass(frozen=True)
class DemographicCategories:
    """The self-report form of one organisation in one jurisdiction."""

    jurisdiction: str
    fields: tuple[DemographicField, ...]

    def field(self, key: str) -> DemographicField | None:
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


# The US EEO-1 categories (race/ethnicity, sex) with age 40+ (ADEA) as a default.
DEFAULT_CATEGORIES = DemographicCategories(
    jurisdiction="default",
    fields=(
        DemographicField("sex", ("female", "male", "another")),
        DemographicField(
            "race_ethnicity",
            (
                "hispanic_or_latino",
                "white",
                "black_or_african_american",
                "asian",
                "native_hawaiian_or_pacific_islander",
                "american_indian_or_alaska_native",
                "two_or_more",
            ),
        ),
        DemographicField("age_band", ("under_40", "40_and_over")),
        DemographicField("disability", ("yes", "no")),
    ),
)


@dataclass(frozen=True)
class SelfReport:
    """One candidate's answers, given with consent at `consent_given_at`."""

    candidate: str  # the attempt's candidate identifier
    jurisdiction: str
    consent_given_at: datetime
    answers: Mapping[str, str]

    def value(self, key: str) -> str | None:
        """The answer to *key*, or None when missing or declined."""
        found = self.answers.get(key)
        return None if found in (None, "", PREFER_NOT_TO_SAY) else found


def check_categories(categories: DemographicCategories) -> list[str]:
    """What is wrong with a category set (empty when it is usable)."""
    problems = []
    keys = [f.key for f in categories.fields]
    if not categories.jurisdiction.strip():
        problems.append("the jurisdiction is empty")
    if not keys:
        problems.append("no fields")
    if len(set(keys)) != len(keys):
        problems.append("a field appears twice")
    for f in categories.fields:
        if not f.key or not f.key.replace("_", "").isalnum():
            problems.append(f"field {f.key!r}: use letters, digits and underscores")
        if len(f.options) < 2:
            problems.append(f"field {f.key!r}: at least two options are needed")
        if len(set(f.options)) != len(f.options):
            problems.append(f"field {f.key!r}: an option appears twice")
        if PREFER_NOT_TO_SAY in f.options:
            problems.append(f"field {f.key!r}: {PREFER_NOT_TO_SAY} is always offered; omit it")
    return problems


def check_answers(categories: DemographicCategories, answers: Mapping[str, str]) -> list[str]:
    """Problems with one self-report against the categories, as 'field: message'."""
    problems = []
    for key, value in answers.items():
        found = categories.field(key)
        if found is None:
            problems.append(f"{key}: not a category in {categories.jurisdiction}")
        elif value and not found.accepts(value):
            problems.append(f"{key}: {value!r} is not one of {', '.join(found.options)}")
    return problems
