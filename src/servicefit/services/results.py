"""Results as recruiters and applicant-tracking systems read them, from stored scores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from servicefit.domain.fit import FitResult, evaluate_fit, rank
from servicefit.domain.interview import apply_interview_ratings
from servicefit.domain.invitations import Invitation
from servicefit.domain.job_profiles import JobProfile
from servicefit.domain.organisations import Organisation
from servicefit.storage.score_documents import (
    competency_scores_from_document,
    verdicts_from_document,
)
from servicefit.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RankedCandidate:
    rank: int
    attempt_id: int
    candidate: str
    simulated: bool
    language: str
    flags: tuple[str, ...]
    fit: FitResult
    invitation: Invitation | None


def stored_fit(
    uow: UnitOfWork, organisation: Organisation, attempt_id: int, profile: JobProfile
) -> tuple[FitResult, dict[str, Any]] | None:
    """The fit from the attempt's stored score (inside an open unit of work); None if unscored."""
    document = uow.attempts_of(organisation).scores(attempt_id)
    if document is None:
        return None
    ratings = uow.interview_ratings_of(organisation).for_attempt(attempt_id)
    scores = apply_interview_ratings(
        competency_scores_from_document(document),
        [(r.competency_id, r.rating) for r in ratings],
    )
    return evaluate_fit(profile, scores, verdicts_from_document(document, profile)), document


def ranked(uow: UnitOfWork, organisation: Organisation, profile_key: str) -> list[RankedCandidate]:
    """Finished, scored attempts for a job, best fit first (inside an open unit of work)."""
    stored = uow.profiles_of(organisation).latest(profile_key)
    if stored is None:
        return []
    invitations = {
        i.attempt_id: i for i in uow.invitations_of(organisation).all(profile_key) if i.attempt_id
    }
    rows = [
        row
        for row in uow.attempts_of(organisation).summaries()
        if row["profile"] == profile_key and row["finished"]
    ]
    fits: list[tuple[str, FitResult]] = []
    details: dict[str, dict[str, Any]] = {}
    for row in rows:
        found = stored_fit(uow, organisation, row["id"], stored.profile)
        if found is None:
            continue
        fits.append((str(row["id"]), found[0]))
        details[str(row["id"])] = row | {"flags": [f["kind"] for f in found[1].get("flags", [])]}
    return [
        RankedCandidate(
            rank=position,
            attempt_id=int(key),
            candidate=str(details[key]["candidate"]),
            simulated=bool(details[key]["simulated"]),
            language=str(details[key]["language"]),
            flags=tuple(details[key]["flags"]),
            fit=fit,
            invitation=invitations.get(int(key)),
        )
        for position, (key, fit) in enumerate(rank(fits), start=1)
    ]


def result_document(fit: FitResult, document: dict[str, Any], *, result_url: str) -> dict[str, Any]:
    """A result as applicant-tracking systems expect it: score, maximum, URL, sub-results."""
    levels = {c["competency"]: c for c in document["competencies"]}
    return {
        "score": fit.fit,
        "max_score": 100,
        "interval": [fit.low, fit.high],
        "band": fit.band,
        "knocked_out": fit.knocked_out,
        "knockout_reasons": list(fit.knockout_reasons),
        "needs_interview_evidence": fit.needs_interview_evidence,
        "provisional": fit.provisional,
        "result_url": result_url,
        "sub_results": [
            {
                "competency": r.competency_id,
                "weight": round(r.relative_weight, 4),
                "score": r.level,
                "max_score": 5,
                "target": r.target,
                "p_target": None if r.p_target is None else round(r.p_target, 3),
                "status": r.status.value,
                "percentile": levels.get(r.competency_id, {}).get("percentile"),
            }
            for r in fit.requirements
        ],
        "flags": [f["kind"] for f in document.get("flags", [])],
    }
