"""Scoring a finished attempt: competency scores, quality flags, qualification verdicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from servicefit.domain.answers import QualificationAnswer, Response
from servicefit.domain.competency_scores import (
    PRIORS_ONLY,
    CompetencyScore,
    Norm,
    ParameterSet,
    score_competencies,
)
from servicefit.domain.item_scoring import Evidence, score_response
from servicefit.domain.items import Item
from servicefit.domain.job_profiles import JobProfile, QualificationVerdict, evaluate_qualifications
from servicefit.domain.language import Language
from servicefit.domain.qualifications import Qualifications
from servicefit.domain.quality_flags import QualityFlag, quality_flags
from servicefit.domain.reply_rating import ReplyRater
from servicefit.domain.reviews import Overrides


@dataclass(frozen=True)
class AttemptScore:
    competencies: tuple[CompetencyScore, ...]
    flags: tuple[QualityFlag, ...]
    qualifications: tuple[QualificationVerdict, ...]
    parameter_version: str
    rater: str

    @property
    def provisional(self) -> bool:
        return any(score.provisional for score in self.competencies)

    def competency(self, competency_id: str) -> CompetencyScore:
        for score in self.competencies:
            if score.competency_id == competency_id:
                return score
        raise KeyError(competency_id)


def merge_qualifications(answers: Sequence[Qualifications]) -> Qualifications:
    """One statement from the answers to the separate qualification questions."""
    merged = Qualifications()
    for stated in answers:
        merged = replace(
            merged,
            education=stated.education or merged.education,
            experience=merged.experience + stated.experience,
            languages=merged.languages + stated.languages,
            availability=merged.availability | stated.availability,
        )
    return merged


def score_attempt(
    *,
    items: Mapping[str, Item],
    responses: Sequence[Response],
    language: Language,
    rater: ReplyRater,
    profile: JobProfile | None = None,
    parameters: ParameterSet = PRIORS_ONLY,
    norm_group: Norm | None = None,
    overrides: Overrides | None = None,
) -> AttemptScore:
    """Score every response; *items* maps item id to the version the attempt saw."""
    evidence: list[Evidence] = []
    for response in responses:
        item = items[response.item.id]
        if item.version != response.item.version:
            raise ValueError(f"{response.item} was answered but {item.ref} was given to score it")
        evidence.extend(
            score_response(
                item,
                response,
                language=language,
                rater=rater,
                overrides=(overrides or {}).get(item.id),
            )
        )
    stated = merge_qualifications(
        [r.answer.stated for r in responses if isinstance(r.answer, QualificationAnswer)]
    )
    verdicts = evaluate_qualifications(profile, stated) if profile is not None else []
    return AttemptScore(
        competencies=tuple(
            score_competencies(evidence, parameters=parameters, norm_group=norm_group)
        ),
        flags=tuple(quality_flags(items, responses)),
        qualifications=tuple(verdicts),
        parameter_version=parameters.version,
        rater=getattr(rater, "name", type(rater).__name__),
    )
