"""The shortlist of a job: every finished attempt's fit, ranked, with intervals."""

from __future__ import annotations

from dataclasses import dataclass

from servicefit.domain.fit import FitResult, rank
from servicefit.errors import NotFound
from servicefit.services.guides import fit_for_attempt
from servicefit.services.scoring import attempt_summaries
from servicefit.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class ShortlistEntry:
    rank: int
    attempt_id: int
    candidate: str
    simulated: bool
    fit: FitResult


def shortlist(uow: UnitOfWork, *, organisation: str, profile_key: str) -> list[ShortlistEntry]:
    """Candidates who finished an assessment for *profile_key*, best fit first."""
    with uow:
        owner = uow.organisations.by_slug(organisation)
        if owner is None:
            raise NotFound("organisation", organisation)
        stored = uow.profiles_of(owner).latest(profile_key)
    if stored is None:
        raise NotFound(f"job profile in {organisation}", profile_key)
    rows = [
        row
        for row in attempt_summaries(uow, organisation=organisation)
        if row["profile"] == profile_key and row["finished"]
    ]
    results = []
    for row in rows:
        fit = fit_for_attempt(
            uow, organisation=organisation, attempt_id=row["id"], profile=stored.profile
        )
        results.append((str(row["id"]), fit))
    by_id = {str(row["id"]): row for row in rows}
    return [
        ShortlistEntry(
            rank=position,
            attempt_id=int(attempt_id),
            candidate=str(by_id[attempt_id]["candidate"]),
            simulated=bool(by_id[attempt_id]["simulated"]),
            fit=fit,
        )
        for position, (attempt_id, fit) in enumerate(rank(results), start=1)
    ]
