"""Job-profile documents (YAML or JSON) and the packaged profile templates.

A profile document is what `servicefit profiles export` writes and `import`
and `validate` read. Its structure is checked here (types, unknown fields);
its meaning (known competencies, levels, minimum not above target...) by
`domain.job_profiles.check_profile`. Both kinds of problem are reported with
the file, line, column and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from servicefit.domain.competencies import Framework
from servicefit.domain.job_profiles import Channel, JobProfile, Requirement, check_profile
from servicefit.domain.language import LocalizedText
from servicefit.domain.qualifications import (
    Availability,
    AvailabilityRequirement,
    CefrLevel,
    EducationLevel,
    EducationRequirement,
    ExperienceKind,
    ExperienceRequirement,
    LanguageRequirement,
    QualificationRequirement,
)
from servicefit.errors import InvalidInput
from servicefit.storage.documents import Document, load_document, parse_document
from servicefit.storage.framework_files import TextModel

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RequirementModel(_Strict):
    competency: str
    weight: float
    target: int
    minimum: int | None = None
    rationale: str = ""


class EducationModel(_Strict):
    type: Literal["education"]
    minimum: EducationLevel
    knockout: bool = False


class ExperienceModel(_Strict):
    type: Literal["experience"]
    min_years: Annotated[float, Field(ge=0, le=50)]
    kinds: Annotated[list[ExperienceKind], Field(min_length=1)] = list(ExperienceKind)
    knockout: bool = False


class LanguageModel(_Strict):
    type: Literal["language"]
    language: LanguageCode
    minimum: CefrLevel
    knockout: bool = False


class AvailabilityModel(_Strict):
    type: Literal["availability"]
    slots: Annotated[list[Availability], Field(min_length=1)]
    knockout: bool = False


QualificationModel = Annotated[
    EducationModel | ExperienceModel | LanguageModel | AvailabilityModel,
    Field(discriminator="type"),
]


class ProfileFields(_Strict):
    requirements: list[RequirementModel]
    qualifications: list[QualificationModel] = []
    languages: list[LanguageCode]
    channels: list[Channel]
    time_budget_minutes: int


class ProfileModel(ProfileFields):
    """A profile document as an organisation keeps it."""

    format: Literal["servicefit.job-profile/1"] = "servicefit.job-profile/1"
    name: str
    description: str = ""
    mission: str = ""
    template: str | None = None


class TemplateModel(ProfileFields):
    """A packaged profile template: localised texts, same profile fields."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    name: TextModel
    description: TextModel
    mission: TextModel


def _qualification(
    model: EducationModel | ExperienceModel | LanguageModel | AvailabilityModel,
) -> QualificationRequirement:
    if isinstance(model, EducationModel):
        return EducationRequirement(minimum=model.minimum, knockout=model.knockout)
    if isinstance(model, ExperienceModel):
        return ExperienceRequirement(
            min_years=model.min_years, kinds=frozenset(model.kinds), knockout=model.knockout
        )
    if isinstance(model, LanguageModel):
        return LanguageRequirement(
            language=model.language, minimum=model.minimum, knockout=model.knockout
        )
    return AvailabilityRequirement(slots=frozenset(model.slots), knockout=model.knockout)


def _profile(
    fields: ProfileFields, *, name: str, description: str, mission: str, template: str | None
) -> JobProfile:
    return JobProfile(
        name=name,
        description=description,
        mission=mission,
        template_id=template,
        requirements=tuple(
            Requirement(
                competency_id=r.competency,
                weight=r.weight,
                target=r.target,
                minimum=r.minimum,
                rationale=r.rationale,
            )
            for r in fields.requirements
        ),
        qualifications=tuple(_qualification(q) for q in fields.qualifications),
        languages=tuple(fields.languages),
        channels=tuple(fields.channels),
        time_budget_minutes=fields.time_budget_minutes,
    )


def profile_from_document(document: Document, framework: Framework) -> JobProfile:
    """The profile a document describes; `InvalidInput` lists every problem with its position."""
    model: ProfileModel = document.validate(ProfileModel)
    profile = _profile(
        model,
        name=model.name,
        description=model.description,
        mission=model.mission,
        template=model.template,
    )
    problems = check_profile(profile, framework)
    if problems:
        raise InvalidInput(document.problem(p.path, p.message) for p in problems)
    return profile


def read_profile_file(path: Path, framework: Framework) -> JobProfile:
    return profile_from_document(load_document(path), framework)


def read_profile_text(text: str, *, source: str, framework: Framework) -> JobProfile:
    return profile_from_document(parse_document(text, source=source), framework)


def profile_to_document(profile: JobProfile) -> dict[str, Any]:
    """The document form of a profile; reading it back gives an equal profile."""
    document: dict[str, Any] = {
        "format": "servicefit.job-profile/1",
        "name": profile.name,
        "description": profile.description,
        "mission": profile.mission,
        "template": profile.template_id,
        "languages": list(profile.languages),
        "channels": [channel.value for channel in profile.channels],
        "time_budget_minutes": profile.time_budget_minutes,
        "requirements": [
            {
                "competency": r.competency_id,
                "weight": r.weight,
                "target": r.target,
                "minimum": r.minimum,
                "rationale": r.rationale,
            }
            for r in profile.requirements
        ],
        "qualifications": [_qualification_to_document(q) for q in profile.qualifications],
    }
    return document


def _qualification_to_document(requirement: QualificationRequirement) -> dict[str, Any]:
    fields: dict[str, Any] = {"type": requirement.type.value}
    if isinstance(requirement, EducationRequirement):
        fields["minimum"] = requirement.minimum.value
    elif isinstance(requirement, ExperienceRequirement):
        fields["min_years"] = requirement.min_years
        fields["kinds"] = [kind.value for kind in ExperienceKind if kind in requirement.kinds]
    elif isinstance(requirement, LanguageRequirement):
        fields["language"] = requirement.language
        fields["minimum"] = requirement.minimum.value
    else:
        fields["slots"] = [slot.value for slot in Availability if slot in requirement.slots]
    fields["knockout"] = requirement.knockout
    return fields


# --- templates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileTemplate:
    """A loaded template: its localised texts and the profile it starts."""

    id: str
    name: LocalizedText
    description: LocalizedText
    mission: LocalizedText
    profile: JobProfile


def load_templates(framework: Framework, folder: Path | None = None) -> list[ProfileTemplate]:
    """Every packaged template, validated against the framework, sorted by id."""
    root = folder or Path(str(resources.files("servicefit.content").joinpath("profile_templates")))
    templates: list[ProfileTemplate] = []
    problems = []
    for path in sorted(root.glob("*.yaml")):
        document = load_document(path)
        try:
            model: TemplateModel = document.validate(TemplateModel)
            profile = _profile(
                model,
                name=model.name.en,
                description=model.description.en,
                mission=model.mission.en,
                template=model.id,
            )
            found = check_profile(profile, framework)
            if found:
                raise InvalidInput(document.problem(p.path, p.message) for p in found)
            if f"{model.id}.yaml" != path.name:
                raise InvalidInput([document.problem(("id",), f"must match file {path.name}")])
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        templates.append(
            ProfileTemplate(
                id=model.id,
                name=model.name.to_domain(),
                description=model.description.to_domain(),
                mission=model.mission.to_domain(),
                profile=profile,
            )
        )
    if problems:
        raise InvalidInput(problems)
    return templates


def profile_from_stored(document: dict[str, Any]) -> JobProfile:
    """A profile from its stored document (already validated when it was saved)."""
    model = ProfileModel.model_validate(document)
    return _profile(
        model,
        name=model.name,
        description=model.description,
        mission=model.mission,
        template=model.template,
    )
