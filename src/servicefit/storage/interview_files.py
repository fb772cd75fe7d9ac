"""Interview guides and practice suggestions: packaged content, validated on load."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from servicefit.domain.competencies import Framework
from servicefit.domain.interview import CompetencyGuide, InterviewQuestion
from servicefit.errors import InvalidInput
from servicefit.storage.documents import load_document
from servicefit.storage.framework_files import TextModel


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionModel(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^q[0-9]+$")]
    question: TextModel
    probes: Annotated[list[TextModel], Field(min_length=2)]
    look_for: TextModel


class GuideModel(_Strict):
    competency: str
    questions: Annotated[list[QuestionModel], Field(min_length=3)]
    practice: Annotated[list[TextModel], Field(min_length=1)]


def load_guides(framework: Framework, folder: Path | None = None) -> dict[str, CompetencyGuide]:
    """Every packaged guide, by competency id; every problem reported at once."""
    root = folder or Path(str(resources.files("servicefit.content").joinpath("interview")))
    guides: dict[str, CompetencyGuide] = {}
    problems = []
    for path in sorted(root.glob("*.yaml")):
        document = load_document(path)
        try:
            model: GuideModel = document.validate(GuideModel)
            if f"{model.competency}.yaml" != path.name or not framework.has_competency(
                model.competency
            ):
                raise InvalidInput(
                    [document.problem(("competency",), "must be the competency id of the file")]
                )
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        guides[model.competency] = CompetencyGuide(
            competency_id=model.competency,
            questions=tuple(
                InterviewQuestion(
                    id=q.id,
                    question=q.question.to_domain(),
                    probes=tuple(p.to_domain() for p in q.probes),
                    look_for=q.look_for.to_domain(),
                )
                for q in model.questions
            ),
            practice=tuple(p.to_domain() for p in model.practice),
        )
    if problems:
        raise InvalidInput(problems)
    return guides
