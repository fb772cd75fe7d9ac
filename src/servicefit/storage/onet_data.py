"""The packaged O*NET 30.0 ratings (CC BY 4.0; attribution in content/onet/README.md)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

TARGET_OCCUPATION = "43-4051.00"  # Customer Service Representatives

_DOMAIN_FILES = {
    "skill": "skills.csv",
    "work_activity": "work_activities.csv",
    "work_style": "work_styles.csv",
    "knowledge": "knowledge.csv",
}


@dataclass(frozen=True)
class OnetElement:
    element_id: str
    name: str
    domain: str
    importance: float | None  # IM, 1..5, for Customer Service Representatives


@cache
def onet_elements() -> dict[str, OnetElement]:
    """Every element of the packaged rating tables, with its CSR importance."""
    elements: dict[str, OnetElement] = {}
    folder = resources.files("servicefit.content").joinpath("onet")
    for domain, file_name in _DOMAIN_FILES.items():
        with folder.joinpath(file_name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["occupation_code"] != TARGET_OCCUPATION or row["scale_id"] != "IM":
                    continue
                elements[row["element_id"]] = OnetElement(
                    element_id=row["element_id"],
                    name=row["element_name"],
                    domain=domain,
                    importance=float(row["data_value"]),
                )
    return elements


@dataclass(frozen=True)
class EducationShare:
    category: int
    description: str
    percent: float


@cache
def required_education() -> tuple[EducationShare, ...]:
    """O*NET 'Required Level of Education' (RL) distribution for the target occupation."""
    folder = resources.files("servicefit.content").joinpath("onet")
    shares: list[EducationShare] = []
    with folder.joinpath("education_training_experience.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["occupation_code"] == TARGET_OCCUPATION and row["scale_id"] == "RL":
                shares.append(
                    EducationShare(
                        category=int(row["category"]),
                        description=row["category_description"],
                        percent=float(row["data_value"]),
                    )
                )
    return tuple(shares)
