"""Criterion validation: stored outcomes against the fit and competency estimates of a job.

Outcomes are joined to attempts by the candidate identifier. For each measure:
Pearson and Spearman correlations with 95 % intervals, for the overall fit and
per competency (theta); Thorndike's Case II correction when the people with
outcomes are a restricted subset of the job's candidates; and shrunken
regression weights as a suggestion for re-weighting the profile, never applied.
Measures where lower is better (handle time) are reversed for the weights only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from servicefit.domain.outcomes import MEASURES
from servicefit.psychometrics.validity import corrected, correlation, suggest_weights
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.shortlist import shortlist
from servicefit.storage.fairness_files import read_outcomes, read_text
from servicefit.storage.unit_of_work import UnitOfWork

RESTRICTION = 1.05  # u above this: the people with outcomes are a restricted group


@dataclass(frozen=True)
class StoredOutcomes:
    stored: int
    source: str


def store_outcomes(uow: UnitOfWork, *, organisation: str, path: Path) -> StoredOutcomes:
    """Read an outcomes CSV (all or nothing) and store every value."""
    outcomes = read_outcomes(read_text(path), source=path.name)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        count = uow.outcomes_of(owner).add_all(outcomes)
        uow.commit()
    return StoredOutcomes(count, path.name)


def _correlation_document(x: list[float], y: list[float]) -> dict[str, Any] | None:
    found = correlation(x, y)
    if found is None:
        return None
    return {
        "n": found.n,
        "r": round(found.r, 3),
        "ci": [round(v, 3) for v in found.ci],
        "p": round(found.p, 5),
        "spearman": round(found.spearman, 3),
        "spearman_ci": [round(v, 3) for v in found.spearman_ci],
    }


def validity_report(uow: UnitOfWork, *, organisation: str, profile_key: str) -> dict[str, Any]:
    """Correlations of every stored measure with the job's fit and competencies."""
    entries = shortlist(uow, organisation=organisation, profile_key=profile_key)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        stored = uow.outcomes_of(owner).all()
    latest: dict[tuple[str, str], float] = {}
    for outcome in stored:  # in upload order: a later upload replaces a value
        latest[(outcome.candidate, outcome.measure)] = outcome.value
    competencies = [r.competency_id for r in entries[0].fit.requirements] if entries else []
    fits = np.array([e.fit.fit for e in entries], dtype=float)
    thetas = np.array(
        [[r.theta if r.theta is not None else np.nan for r in e.fit.requirements] for e in entries],
        dtype=float,
    ).reshape(len(entries), len(competencies))
    current = (
        {r.competency_id: round(r.relative_weight, 3) for r in entries[0].fit.requirements}
        if entries
        else {}
    )
    measures = {}
    for measure, (description, higher_is_better) in MEASURES.items():
        values = np.array([latest.get((e.candidate, measure), np.nan) for e in entries])
        has = np.isfinite(values)
        if has.sum() == 0:
            continue
        overall = _correlation_document(fits[has].tolist(), values[has].tolist())
        restriction = None
        if overall is not None and has.sum() < len(entries):
            selected_sd, pool_sd = float(fits[has].std()), float(fits.std())
            found = correlation(fits[has].tolist(), values[has].tolist())
            if found is not None and selected_sd > 0 and pool_sd / selected_sd > RESTRICTION:
                fixed = corrected(found, applicant_sd=pool_sd, selected_sd=selected_sd)
                restriction = {
                    "u": round(fixed.u, 3),
                    "r_corrected": round(fixed.r, 3),
                    "ci": [round(v, 3) for v in fixed.ci],
                    "applies_when": "outcomes exist only for people selected on this fit",
                }
        per_competency = {
            c: _correlation_document(thetas[has, i].tolist(), values[has].tolist())
            for i, c in enumerate(competencies)
        }
        measured = [i for i in range(len(competencies)) if np.isfinite(thetas[has, i]).mean() > 0.5]
        complete = has & np.isfinite(thetas[:, measured]).all(axis=1)
        sign = 1.0 if higher_is_better else -1.0
        suggestion = (
            suggest_weights(
                thetas[complete][:, measured],
                (sign * values[complete]).tolist(),
                [competencies[i] for i in measured],
            )
            if measured
            else None
        )
        measures[measure] = {
            "description": description,
            "people": int(has.sum()),
            "overall_fit": overall,
            "range_restriction": restriction,
            "competencies": per_competency,
            "suggested_weights": None
            if suggestion is None
            else {
                "status": "suggestion only: not applied to the profile",
                "people": suggestion.n,
                "ridge_penalty": round(suggestion.penalty, 4),
                "r2_in_sample": round(suggestion.r2, 3),
                "bootstrap_resamples": suggestion.bootstrap,
                "weights": [
                    {
                        "competency": w.predictor,
                        "current_relative_weight": current.get(w.predictor),
                        "suggested_relative_weight": round(w.relative, 3),
                        "relative_ci": [round(v, 3) for v in w.relative_ci],
                        "standardised_beta": round(w.beta, 3),
                        "beta_ci": [round(v, 3) for v in w.ci],
                    }
                    for w in suggestion.weights
                ],
            },
        }
    return {
        "organisation": organisation,
        "job": profile_key,
        "candidates": len(entries),
        "candidates_with_outcomes": sum(
            1 for e in entries if any((e.candidate, m) in latest for m in MEASURES)
        ),
        "measures": measures,
        "notes": [
            "correlations with 95 % Fisher-z intervals; Spearman intervals after Bonett-Wright",
            "range-restriction correction (Thorndike Case II) shown only when the people with"
            " outcomes are a restricted subset of the job's candidates",
            "suggested weights are ridge regression weights with bootstrap intervals: a"
            " suggestion for review, never applied automatically",
        ],
    }
