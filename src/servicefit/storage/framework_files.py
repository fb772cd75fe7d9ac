"""Loading the packaged competency framework from its content files.

The files are validated on load: a wrong or missing field is reported with the
file, the line and the field, and every problem in every file is reported at
once. The result is a consistent `domain.competencies.Framework`.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from servicefit.domain.competencies import (
    PROFICIENCY_LEVELS,
    Cluster,
    Competency,
    Framework,
    FrameworkInconsistent,
    FrameworkProblem,
    Indicator,
    IndicatorPolarity,
    LevelAnchor,
    OnetBasis,
    OnetLink,
    ProficiencyLevel,
    Seed,
    SeedTerm,
    WorkActivity,
)
from servicefit.domain.language import LocalizedText
from servicefit.domain.qualifications import (
    QualificationType,
    QualificationTypeInfo,
    value_codes,
)
from servicefit.errors import InvalidInput, InvalidInputProblem
from servicefit.storage.documents import Document, parse_document
from servicefit.storage.onet_data import onet_elements

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
SeedCode = Literal["000", "001", "002", "003", "004"]
M = TypeVar("M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextModel(_Strict):
    en: NonEmpty
    es: NonEmpty
    pl: NonEmpty

    def to_domain(self) -> LocalizedText:
        return LocalizedText(en=self.en, es=self.es, pl=self.pl)


class SeedModel(_Strict):
    code: SeedCode
    file: NonEmpty
    title: NonEmpty
    language: Literal["en", "es", "pl"]


class LevelModel(_Strict):
    name: TextModel
    description: TextModel


class ClusterModel(_Strict):
    id: Identifier
    name: TextModel
    description: TextModel


def _check_levels(levels: dict[int, object]) -> None:
    if sorted(levels) != list(PROFICIENCY_LEVELS):
        raise ValueError(f"needs exactly the levels 1 to 5, found {sorted(levels)}")


class FrameworkModel(_Strict):
    version: NonEmpty
    seeds: list[SeedModel]
    levels: dict[int, LevelModel]
    clusters: list[ClusterModel]

    @field_validator("levels")
    @classmethod
    def _five_levels(cls, levels: dict[int, LevelModel]) -> dict[int, LevelModel]:
        _check_levels(dict(levels))
        return levels


class IndicatorModel(TextModel):
    id: Annotated[str, StringConstraints(pattern=r"^[pn][0-9]+$")]
    seed: SeedCode | None = None


class IndicatorsModel(_Strict):
    positive: Annotated[list[IndicatorModel], Field(min_length=3)]
    negative: Annotated[list[IndicatorModel], Field(min_length=2)]


class AliasesModel(_Strict):
    en: list[NonEmpty] = []
    es: list[NonEmpty] = []
    pl: list[NonEmpty] = []


class SeedTermModel(_Strict):
    term: NonEmpty
    seed: SeedCode


def _known_onet_element(element_id: str) -> str:
    if element_id not in onet_elements():
        raise ValueError(f"{element_id} is not an element of the packaged O*NET tables")
    return element_id


OnetElementId = Annotated[str, AfterValidator(_known_onet_element)]


class OnetLinkModel(_Strict):
    element_id: OnetElementId
    basis: Literal["named_in_seed", "related"]


class CompetencyModel(_Strict):
    id: Identifier
    cluster: Identifier
    name: TextModel
    definition: TextModel
    aliases: AliasesModel = AliasesModel()
    seed_terms: Annotated[list[SeedTermModel], Field(min_length=1)]
    onet: list[OnetLinkModel] = []
    indicators: IndicatorsModel
    levels: dict[int, TextModel]

    @field_validator("levels")
    @classmethod
    def _five_levels(cls, levels: dict[int, TextModel]) -> dict[int, TextModel]:
        _check_levels(dict(levels))
        return levels

    def to_domain(self) -> Competency:
        def indicator(model: IndicatorModel, polarity: IndicatorPolarity) -> Indicator:
            return Indicator(
                id=f"{self.id}.{model.id}",
                polarity=polarity,
                text=model.to_domain(),
                seed_code=model.seed,
            )

        elements = onet_elements()
        return Competency(
            id=self.id,
            cluster_id=self.cluster,
            name=self.name.to_domain(),
            definition=self.definition.to_domain(),
            aliases={
                "en": tuple(self.aliases.en),
                "es": tuple(self.aliases.es),
                "pl": tuple(self.aliases.pl),
            },
            indicators=tuple(
                [indicator(i, IndicatorPolarity.POSITIVE) for i in self.indicators.positive]
                + [indicator(i, IndicatorPolarity.NEGATIVE) for i in self.indicators.negative]
            ),
            levels=tuple(
                LevelAnchor(level=level, anchor=self.levels[level].to_domain())
                for level in PROFICIENCY_LEVELS
            ),
            onet=tuple(
                OnetLink(
                    element_id=link.element_id,
                    element_name=elements[link.element_id].name,
                    domain=elements[link.element_id].domain,
                    basis=OnetBasis(link.basis),
                )
                for link in self.onet
            ),
            seed_terms=tuple(SeedTerm(term=t.term, seed_code=t.seed) for t in self.seed_terms),
        )


class WorkActivityModel(_Strict):
    id: Identifier
    name: TextModel
    onet: list[OnetElementId]
    competencies: Annotated[list[Identifier], Field(min_length=1)]
    seed: SeedCode


class WorkActivitiesModel(_Strict):
    work_activities: list[WorkActivityModel]


class QualificationTypeModel(_Strict):
    name: TextModel
    description: TextModel


class QualificationTypesModel(_Strict):
    types: dict[QualificationType, QualificationTypeModel]
    values: dict[Literal["education", "experience", "cefr", "availability"], dict[str, TextModel]]

    @model_validator(mode="after")
    def _every_value_labelled(self) -> QualificationTypesModel:
        for kind in QualificationType:
            if kind not in self.types:
                raise ValueError(f"types: {kind.value} has no name")
            labels = self.values.get(_VALUE_GROUP[kind], {})
            missing = [code for code in value_codes(kind) if code not in labels]
            unknown = [code for code in labels if code not in value_codes(kind)]
            if missing or unknown:
                raise ValueError(
                    f"values.{_VALUE_GROUP[kind]}: missing {missing}, unknown {unknown}"
                )
        return self

    def to_domain(self) -> tuple[QualificationTypeInfo, ...]:
        return tuple(
            QualificationTypeInfo(
                type=kind,
                name=self.types[kind].name.to_domain(),
                description=self.types[kind].description.to_domain(),
                values=tuple(
                    (code, self.values[_VALUE_GROUP[kind]][code].to_domain())
                    for code in value_codes(kind)
                ),
            )
            for kind in QualificationType
        )


_VALUE_GROUP: dict[
    QualificationType, Literal["education", "experience", "cefr", "availability"]
] = {
    QualificationType.EDUCATION: "education",
    QualificationType.EXPERIENCE: "experience",
    QualificationType.LANGUAGE: "cefr",
    QualificationType.AVAILABILITY: "availability",
}


def framework_folder() -> Traversable:
    return resources.files("servicefit.content").joinpath("framework")


def load_framework(folder: Traversable | Path | None = None) -> Framework:
    """Load and check the framework; raise `InvalidInput` naming every problem."""
    root = folder if folder is not None else framework_folder()
    problems: list[InvalidInputProblem] = []

    def read(entry: Traversable, display: str) -> Document | None:
        try:
            return parse_document(entry.read_text(encoding="utf-8"), source=display)
        except InvalidInput as error:
            problems.extend(error.problems)
            return None

    def validated(document: Document | None, model: type[M]) -> M | None:
        if document is None:
            return None
        try:
            result: M = document.validate(model)
        except InvalidInput as error:
            problems.extend(error.problems)
            return None
        return result

    head_doc = read(root.joinpath("framework.yaml"), "framework/framework.yaml")
    head = validated(head_doc, FrameworkModel)
    activities_doc = read(root.joinpath("work_activities.yaml"), "framework/work_activities.yaml")
    activities = validated(activities_doc, WorkActivitiesModel)
    qualifications_doc = read(
        root.joinpath("qualification_types.yaml"), "framework/qualification_types.yaml"
    )
    qualifications = validated(qualifications_doc, QualificationTypesModel)
    competencies: list[Competency] = []
    competency_folder = root.joinpath("competencies")
    for entry in sorted(competency_folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        display = f"framework/competencies/{entry.name}"
        document = read(entry, display)
        model = validated(document, CompetencyModel)
        if model is None or document is None:
            continue
        if f"{model.id}.yaml" != entry.name:
            problems.append(document.problem(("id",), f"must match the file name {entry.name}"))
            continue
        competencies.append(model.to_domain())
    if problems or head is None or activities is None or qualifications is None:
        raise InvalidInput(problems)
    try:
        return Framework(
            version=head.version,
            seeds=tuple(
                Seed(code=s.code, file_name=s.file, title=s.title, language=s.language)
                for s in head.seeds
            ),
            levels=tuple(
                ProficiencyLevel(
                    level=level,
                    name=head.levels[level].name.to_domain(),
                    description=head.levels[level].description.to_domain(),
                )
                for level in PROFICIENCY_LEVELS
            ),
            clusters=tuple(
                Cluster(id=c.id, name=c.name.to_domain(), description=c.description.to_domain())
                for c in head.clusters
            ),
            competencies=tuple(competencies),
            work_activities=tuple(
                WorkActivity(
                    id=a.id,
                    name=a.name.to_domain(),
                    onet_element_ids=tuple(a.onet),
                    competency_ids=tuple(a.competencies),
                    seed_code=a.seed,
                )
                for a in activities.work_activities
            ),
            qualification_types=qualifications.to_domain(),
        )
    except FrameworkInconsistent as error:
        raise InvalidInput(_located(problem) for problem in error.problems) from None


def _located(problem: FrameworkProblem) -> InvalidInputProblem:
    """Point a framework-wide problem at the file it comes from."""
    kind, _, name = problem.where.partition(" ")
    if kind == "competency" and name:
        return InvalidInputProblem(
            source=f"framework/competencies/{name}.yaml", field="id", message=problem.message
        )
    if kind == "work":
        return InvalidInputProblem(
            source="framework/work_activities.yaml", field=problem.where, message=problem.message
        )
    return InvalidInputProblem(
        source="framework/framework.yaml", field=problem.where, message=problem.message
    )
