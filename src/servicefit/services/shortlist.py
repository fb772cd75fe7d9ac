"""The shortlist of a job: every finished attempt's fit, ranked, with intervals."""

from __future__ import annotations

from dataclasses import dataclass

from servicefit.domain.fit import FitResult
from servicefit.errors import NotFound
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.results import ranked
from servicefit.services.scoring import score_stored_attempt
from servicefit.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ShortlistEntry:
    rank: int
    attempt_id: int
    candidate: str
    simulated: bool
    fit: FitResult


def shortlist(uow: UnitOfWork, *, organisation: str, profile_key: str) -> list[ShortlistEntry]:
    """Candidates who finished an assessment for *profile_key*, best fit first.

    Fits come from the stored scores (kept current by finishing, reviews and
    `rescore`), with interview ratings joined in; a finished attempt that was
    never scored is scored (and stored) first.
    """
    with uow:
        owner = organisation_by_slug(uow, organisation)
        if uow.profiles_of(owner).latest(profile_key) is None:
            raise NotFound(f"job profile in {organisation}", profile_key)
        attempts = uow.attempts_of(owner)
        unscored = [
            row["id"]
            for row in attempts.summaries()
            if row["profile"] == profile_key
            and row["finished"]
            and attempts.scores(row["id"]) is None
        ]
    for attempt_id in unscored:
        score_stored_attempt(uow, organisation=organisation, attempt_id=attempt_id)
    with uow:
        entries = ranked(uow, owner, profile_key)
    return [ShortlistEntry(e.rank, e.attempt_id, e.candidate, e.simulated, e.fit) for e in entries]
