"""Interview guide and development plan for one attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from servicefit.domain.attempt_scoring import AttemptScore
from servicefit.domain.fit import FitResult, RequirementFit, evaluate_fit
from servicefit.domain.interview import (
    CompetencyGuide,
    DevelopmentAction,
    apply_interview_ratings,
    development_plan,
    interview_focus,
)
from servicefit.domain.job_profiles import JobProfile
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.services.content import packaged_content
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.scoring import score_stored_attempt
from servicefit.storage.interview_files import load_guides
from servicefit.storage.review_repository import InterviewRating
from servicefit.storage.unit_of_work import UnitOfWork


@cache
def packaged_guides() -> dict[str, CompetencyGuide]:
    return load_guides(packaged_content().framework)


@dataclass(frozen=True)
class AttemptGuide:
    score: AttemptScore
    fit: FitResult
    focus: tuple[tuple[RequirementFit, CompetencyGuide | None], ...]
    plan: tuple[DevelopmentAction, ...]


def guide_for_attempt(
    uow: UnitOfWork, *, organisation: str, attempt_id: int, today: date
) -> AttemptGuide:
    """Fit, the interview's focus with its questions, and a development plan."""
    with uow:
        owner = organisation_by_slug(uow, organisation)
        attempt = uow.attempts_of(owner).get(attempt_id)
        if attempt is None:
            raise NotFound(f"attempt in {organisation}", str(attempt_id))
        stored = uow.profiles_of(owner).version(attempt.profile_key, attempt.profile_version)
    if stored is None:
        raise NotFound("job profile version", f"{attempt.profile_key}@{attempt.profile_version}")
    score, fit = scored_fit(
        uow, organisation=organisation, attempt_id=attempt_id, profile=stored.profile
    )
    guides = packaged_guides()
    focus = tuple((r, guides.get(r.competency_id)) for r in interview_focus(fit))
    plan = development_plan(fit, packaged_content().framework, guides, today=today)
    return AttemptGuide(score=score, fit=fit, focus=focus, plan=tuple(plan))


def fit_for_attempt(
    uow: UnitOfWork, *, organisation: str, attempt_id: int, profile: JobProfile
) -> FitResult:
    """The attempt's fit, with any interview ratings joined into the estimates."""
    return scored_fit(uow, organisation=organisation, attempt_id=attempt_id, profile=profile)[1]


def scored_fit(
    uow: UnitOfWork, *, organisation: str, attempt_id: int, profile: JobProfile
) -> tuple[AttemptScore, FitResult]:
    """The attempt's score, and its fit with any interview ratings joined in."""
    score = score_stored_attempt(uow, organisation=organisation, attempt_id=attempt_id, save=False)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        ratings = uow.interview_ratings_of(owner).for_attempt(attempt_id)
    scores = apply_interview_ratings(
        score.competencies, [(r.competency_id, r.rating) for r in ratings]
    )
    return score, evaluate_fit(profile, scores, score.qualifications)


def rate_in_interview(
    uow: UnitOfWork,
    *,
    organisation: str,
    attempt_id: int,
    competency_id: str,
    rating: int,
    interviewer: str,
    notes: str,
) -> InterviewRating:
    """Record an interviewer's rating (1-5, anchored on the level descriptions)."""
    problems = []
    if not packaged_content().framework.has_competency(competency_id):
        problems.append(
            InvalidInputProblem(
                "interview rating", "competency", f"unknown competency {competency_id!r}"
            )
        )
    if not 1 <= rating <= 5:
        problems.append(
            InvalidInputProblem("interview rating", "rating", f"must be 1-5, got {rating}")
        )
    if not interviewer.strip():
        problems.append(
            InvalidInputProblem("interview rating", "interviewer", "name the interviewer")
        )
    if problems:
        raise InvalidInput(problems)
    recorded = InterviewRating(
        attempt_id, competency_id, rating, interviewer.strip(), notes.strip()
    )
    with uow:
        owner = organisation_by_slug(uow, organisation)
        if uow.attempts_of(owner).get(attempt_id) is None:
            raise NotFound(f"attempt in {organisation}", str(attempt_id))
        uow.interview_ratings_of(owner).add(recorded)
        uow.commit()
    return recorded
