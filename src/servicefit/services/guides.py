"""Interview guide and development plan for one attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from servicefit.domain.fit import FitResult, RequirementFit, evaluate_fit
from servicefit.domain.interview import (
    CompetencyGuide,
    DevelopmentAction,
    development_plan,
    interview_focus,
)
from servicefit.errors import NotFound
from servicefit.services.content import packaged_content
from servicefit.services.scoring import score_stored_attempt
from servicefit.storage.interview_files import load_guides
from servicefit.storage.unit_of_work import UnitOfWork


@cache
def packaged_guides() -> dict[str, CompetencyGuide]:
    return load_guides(packaged_content().framework)


@dataclass(frozen=True)
class AttemptGuide:
    fit: FitResult
    focus: tuple[tuple[RequirementFit, CompetencyGuide | None], ...]
    plan: tuple[DevelopmentAction, ...]


def guide_for_attempt(
    uow: UnitOfWork, *, organisation: str, attempt_id: int, today: date
) -> AttemptGuide:
    """Fit, the interview's focus with its questions, and a development plan."""
    with uow:
        owner = uow.organisations.by_slug(organisation)
        if owner is None:
            raise NotFound("organisation", organisation)
        attempt = uow.attempts_of(owner).get(attempt_id)
        if attempt is None:
            raise NotFound(f"attempt in {organisation}", str(attempt_id))
        stored = uow.profiles_of(owner).version(attempt.profile_key, attempt.profile_version)
    if stored is None:
        raise NotFound("job profile version", f"{attempt.profile_key}@{attempt.profile_version}")
    score = score_stored_attempt(uow, organisation=organisation, attempt_id=attempt_id, save=False)
    fit = evaluate_fit(stored.profile, score.competencies, score.qualifications)
    guides = packaged_guides()
    focus = tuple((r, guides.get(r.competency_id)) for r in interview_focus(fit))
    plan = development_plan(fit, packaged_content().framework, guides, today=today)
    return AttemptGuide(fit=fit, focus=focus, plan=tuple(plan))
