"""Scoring use cases: simulated attempts, scoring, calibration and rescoring."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from servicefit.domain.attempt_scoring import AttemptScore, score_attempt
from servicefit.domain.attempts import Attempt
from servicefit.domain.competency_scores import PRIORS_ONLY, ParameterSet, scale_key
from servicefit.domain.item_scoring import Evidence, score_response
from servicefit.domain.items import Item, ItemBank
from servicefit.domain.language import Language
from servicefit.domain.reply_rating import EngineReplyRater, ReplyRater
from servicefit.domain.reviews import Overrides, latest_overrides
from servicefit.domain.simulation import simulate_responses
from servicefit.errors import NotFound
from servicefit.psychometrics.calibration import ScaleCalibration, calibrate_scale
from servicefit.psychometrics.irt import ItemParameters
from servicefit.services.content import Content
from servicefit.services.items import assemble_for_profile, organisation_bank
from servicefit.services.organisations import organisation_by_slug
from servicefit.storage.score_documents import score_to_document
from servicefit.storage.unit_of_work import UnitOfWork

DEFAULT_MINIMUM_RESPONSES = 200


def default_rater() -> ReplyRater:
    """The written-reply rater in use: the offline text-scoring engine."""
    return EngineReplyRater()


def _score(
    attempt: Attempt,
    *,
    bank: ItemBank,
    parameters: ParameterSet,
    rater: ReplyRater,
    profile: Any,
    overrides: Overrides | None = None,
) -> AttemptScore:
    items = {ref.id: bank.item(ref.id) for ref in attempt.items}
    return score_attempt(
        items=items,
        responses=list(attempt.responses.values()),
        language=attempt.language,
        rater=rater,
        profile=profile,
        parameters=parameters,
        overrides=overrides,
    )


def _id_of(attempt: Attempt) -> int:
    if attempt.id is None:
        raise ValueError("the attempt has not been stored")
    return attempt.id


def simulate_attempts(
    uow: UnitOfWork,
    content: Content,
    *,
    organisation: str,
    profile_key: str,
    count: int,
    minutes: int | None = None,
    language: Language = "en",
    seed: int = 1,
) -> list[int]:
    """Store *count* simulated (labelled) attempts for a profile, each scored."""
    bank = organisation_bank(uow, organisation=organisation)
    rng = random.Random(seed)  # noqa: S311 - simulation, not secrets
    rater = default_rater()
    ids = []
    with uow:
        owner = organisation_by_slug(uow, organisation)
        stored = uow.profiles_of(owner).latest(profile_key)
        if stored is None:
            raise NotFound(f"job profile in {organisation}", profile_key)
        profile = stored.profile
        parameters = uow.parameter_sets_of(owner).latest() or PRIORS_ONLY
        attempts = uow.attempts_of(owner)
        first = attempts.count() + 1  # candidates are numbered across calls: names stay unique
        for number in range(first, first + count):
            form = assemble_for_profile(
                profile,
                bank,
                minutes=minutes or profile.time_budget_minutes,
                language=language,
                seed=rng.randrange(2**31),
            )
            items = [bank.item(ref.id) for ref in form.item_refs]
            true_theta = {r.competency_id: rng.gauss(0.0, 1.0) for r in profile.requirements}
            attempt = Attempt(
                organisation_id=owner.id,
                profile_key=profile_key,
                profile_version=stored.version,
                candidate=f"Simulated candidate {number:03d} (demo data)",
                language=language,
                items=form.item_refs,
                simulated=True,
            )
            for response in simulate_responses(items, true_theta, language=language, rng=rng):
                attempt.record(response)
            attempt.finish(datetime.now(UTC))
            attempts.add(attempt)
            score = _score(attempt, bank=bank, parameters=parameters, rater=rater, profile=profile)
            attempts.save_scores(
                _id_of(attempt),
                parameter_version=score.parameter_version,
                scores=score_to_document(score),
            )
            ids.append(_id_of(attempt))
        uow.commit()
    return ids


def score_stored_attempt(
    uow: UnitOfWork, *, organisation: str, attempt_id: int, save: bool = True
) -> AttemptScore:
    """Score one attempt with the organisation's current parameters (and keep the result)."""
    bank = organisation_bank(uow, organisation=organisation)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        attempt = uow.attempts_of(owner).get(attempt_id)
        if attempt is None:
            raise NotFound(f"attempt in {organisation}", str(attempt_id))
        stored = uow.profiles_of(owner).version(attempt.profile_key, attempt.profile_version)
        parameters = uow.parameter_sets_of(owner).latest() or PRIORS_ONLY
        overrides = latest_overrides(uow.reviews_of(owner).for_attempt(attempt_id))
        score = _score(
            attempt,
            bank=bank,
            parameters=parameters,
            rater=default_rater(),
            profile=stored.profile if stored else None,
            overrides=overrides,
        )
        if save:
            uow.attempts_of(owner).save_scores(
                attempt_id,
                parameter_version=score.parameter_version,
                scores=score_to_document(score),
            )
            uow.commit()
    return score


@dataclass(frozen=True)
class CalibrationReport:
    version: str | None  # None when nothing could be calibrated
    attempts: int
    minimum_responses: int
    scales: dict[str, dict[str, Any]]
    skipped: dict[str, str]  # scale key -> why it kept its prior


def calibrate(
    uow: UnitOfWork,
    *,
    organisation: str,
    minimum_responses: int = DEFAULT_MINIMUM_RESPONSES,
    standard_errors: bool = True,
) -> CalibrationReport:
    """Fit every scale on the stored responses; store the parameters as a new version."""
    bank = organisation_bank(uow, organisation=organisation)
    rater = default_rater()
    with uow:
        owner = organisation_by_slug(uow, organisation)
        attempts = uow.attempts_of(owner)
        evidence_by_attempt = [
            _evidence(attempt, bank, rater)
            for attempt in (attempts.get(i) for i in attempts.finished_ids())
            if attempt is not None
        ]
        parameters, scales, skipped = _fit_scales(
            evidence_by_attempt, minimum_responses, standard_errors
        )
        version = None
        if parameters:
            version = uow.parameter_sets_of(owner).add(
                parameters=parameters,
                report={
                    "minimum_responses": minimum_responses,
                    "scales": scales,
                    "skipped": skipped,
                },
            )
            uow.commit()
    return CalibrationReport(version, len(evidence_by_attempt), minimum_responses, scales, skipped)


def _evidence(attempt: Attempt, bank: ItemBank, rater: ReplyRater) -> list[Evidence]:
    found: list[Evidence] = []
    for response in attempt.responses.values():
        item: Item = bank.item(response.item.id)
        found.extend(score_response(item, response, language=attempt.language, rater=rater))
    return found


def _fit_scales(
    evidence_by_attempt: Sequence[list[Evidence]], minimum: int, standard_errors: bool
) -> tuple[dict[str, ItemParameters], dict[str, dict[str, Any]], dict[str, str]]:
    columns: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)  # scale -> key -> (K, n)
    for evidence in evidence_by_attempt:
        for e in evidence:
            categories, count = columns[e.competency_id].get(e.key, (e.categories, 0))
            columns[e.competency_id][e.key] = (categories, count + 1)
    parameters: dict[str, ItemParameters] = {}
    scales: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    for competency, keys in sorted(columns.items()):
        matrix, usable = _scale_matrix(evidence_by_attempt, competency, keys, minimum, skipped)
        if len(usable) < 3:
            for key in usable:
                skipped[scale_key(competency, key)] = "fewer than 3 calibratable items"
            continue
        answered = (matrix >= 0).any(axis=1)
        fitted = calibrate_scale(
            matrix[answered], [keys[k][0] for k in usable], usable, standard_errors=standard_errors
        )
        for item in fitted.items:
            parameters[scale_key(competency, item.name)] = item.parameters
        scales[competency] = _scale_report(fitted)
    return parameters, scales, skipped


def _scale_matrix(
    evidence_by_attempt: Sequence[list[Evidence]],
    competency: str,
    keys: dict[str, tuple[int, int]],
    minimum: int,
    skipped: dict[str, str],
) -> tuple[np.ndarray[Any, np.dtype[np.int_]], list[str]]:
    """People x items of one scale, keeping items with enough responses in every category."""
    chosen = sorted(k for k, (_, n) in keys.items() if n >= minimum)
    for key, (_, n) in keys.items():
        if n < minimum:
            skipped[scale_key(competency, key)] = f"{n} responses, fewer than {minimum}"
    matrix = np.full((len(evidence_by_attempt), len(chosen)), -1, dtype=np.int_)
    for row, evidence in enumerate(evidence_by_attempt):
        for e in evidence:
            if e.competency_id == competency and e.key in chosen:
                matrix[row, chosen.index(e.key)] = e.category
    usable = []
    for column, key in enumerate(chosen):
        observed = set(np.unique(matrix[:, column][matrix[:, column] >= 0]).tolist())
        if observed == set(range(keys[key][0])):
            usable.append(key)
        else:
            skipped[scale_key(competency, key)] = "not every category was observed"
    return matrix[:, [chosen.index(k) for k in usable]], usable


def _scale_report(fitted: ScaleCalibration) -> dict[str, Any]:
    return {
        "people": fitted.people,
        "cronbach_alpha": fitted.cronbach_alpha,
        "alpha_ci": fitted.alpha_ci,
        "marginal_reliability": fitted.marginal_reliability,
        "converged": fitted.converged,
        "items": [
            {
                "item": i.name,
                "responses": i.responses,
                "mean": round(i.mean, 4),
                "item_rest": i.item_rest,
                "a": round(i.parameters.a, 4),
                "a_se": i.slope_se,
                "thresholds": [round(b, 4) for b in i.parameters.thresholds],
                "thresholds_se": list(i.threshold_se) if i.threshold_se else None,
                "fit": {
                    "statistic": i.fit.name,
                    "value": i.fit.value,
                    "df": i.fit.df,
                    "p_holm": i.fit.p,
                }
                if i.fit
                else None,
                "misfit": bool(i.fit and i.fit.misfit),
            }
            for i in fitted.items
        ],
    }


def rescore(uow: UnitOfWork, *, organisation: str) -> tuple[str, int]:
    """Rescore every finished attempt with the current parameters; returns (version, count)."""
    bank = organisation_bank(uow, organisation=organisation)
    rater = default_rater()
    with uow:
        owner = organisation_by_slug(uow, organisation)
        attempts = uow.attempts_of(owner)
        profiles = uow.profiles_of(owner)
        parameters = uow.parameter_sets_of(owner).latest() or PRIORS_ONLY
        ids = attempts.finished_ids()
        for attempt_id in ids:
            attempt = attempts.get(attempt_id)
            if attempt is None:
                continue
            stored = profiles.version(attempt.profile_key, attempt.profile_version)
            overrides = latest_overrides(uow.reviews_of(owner).for_attempt(attempt_id))
            profile = stored.profile if stored else None
            score = _score(
                attempt,
                bank=bank,
                parameters=parameters,
                rater=rater,
                profile=profile,
                overrides=overrides,
            )
            attempts.save_scores(
                attempt_id,
                parameter_version=score.parameter_version,
                scores=score_to_document(score),
            )
        uow.commit()
    return parameters.version, len(ids)


def attempt_summaries(uow: UnitOfWork, *, organisation: str) -> list[dict[str, Any]]:
    with uow:
        return uow.attempts_of(organisation_by_slug(uow, organisation)).summaries()
