"""Item bias (DIF) and item analysis over an organisation's stored responses.

The responses are the calibration data of the scoring issue: every finished
attempt's evidence, one scale per competency. Demographics are joined by the
attempt's candidate identifier inside this use case only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from servicefit.domain.attempts import Attempt
from servicefit.domain.competency_scores import scale_key
from servicefit.domain.item_scoring import Evidence, score_response
from servicefit.domain.items import ItemBank
from servicefit.domain.reply_rating import ReplyRater
from servicefit.errors import NotFound
from servicefit.psychometrics.dif import ItemDif, WaldScreen, logistic_dif, mirt_wald_screen
from servicefit.services.items import organisation_bank
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.scoring import attempt_summaries, default_rater
from servicefit.storage.unit_of_work import UnitOfWork

MINIMUM_RESPONSES = 100


@dataclass(frozen=True)
class ScaleDif:
    competency: str
    items: tuple[ItemDif, ...]
    wald: tuple[WaldScreen, ...] | None
    wald_note: str | None


@dataclass(frozen=True)
class DifReport:
    organisation: str
    by: str
    job: str | None
    people: int
    missing_group: int
    groups: dict[str, int]
    reference: str | None
    scales: tuple[ScaleDif, ...]

    @property
    def flagged(self) -> list[str]:
        return [scale_key(s.competency, i.item) for s in self.scales for i in s.items if i.flagged]


def _evidence(attempt: Attempt, bank: ItemBank, rater: ReplyRater) -> list[Evidence]:
    found: list[Evidence] = []
    for response in attempt.responses.values():
        item = bank.item(response.item.id)
        found.extend(score_response(item, response, language=attempt.language, rater=rater))
    return found


def _matrices(
    evidence: list[list[Evidence]], minimum: int
) -> dict[str, tuple[np.ndarray[Any, np.dtype[np.int_]], list[str]]]:
    """Per competency: people x items with enough responses, categories renumbered 0..k-1."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for person in evidence:
        for e in person:
            counts[e.competency_id][e.key] += 1
    result = {}
    for competency, keys in sorted(counts.items()):
        chosen = sorted(k for k, n in keys.items() if n >= minimum)
        if len(chosen) < 3:
            continue
        matrix = np.full((len(evidence), len(chosen)), -1, dtype=np.int_)
        for row, person in enumerate(evidence):
            for e in person:
                if e.competency_id == competency and e.key in chosen:
                    matrix[row, chosen.index(e.key)] = e.category
        for column in range(matrix.shape[1]):
            observed = matrix[:, column] >= 0
            ranks = np.unique(matrix[observed, column], return_inverse=True)[1]
            matrix[observed, column] = ranks
        result[competency] = (matrix, chosen)
    return result


def _wald(
    matrix: np.ndarray[Any, np.dtype[np.int_]], labels: list[str | None], names: list[str]
) -> tuple[tuple[WaldScreen, ...] | None, str | None]:
    rows = [i for i, g in enumerate(labels) if g is not None]
    groups = [str(labels[i]) for i in rows]
    counts = {g: groups.count(g) for g in set(groups)}
    if len(counts) < 2:
        return None, "fewer than two groups"
    top = sorted(counts, key=lambda g: -counts[g])[:2]
    keep = [i for i in rows if labels[i] in top]
    data = matrix[keep]
    categories = {int(data[:, c].max()) + 1 for c in range(data.shape[1])}
    if len(categories) != 1:
        return None, "items differ in their number of categories"
    try:
        screens = mirt_wald_screen(
            data, [str(labels[i]) for i in keep], names, categories=categories.pop()
        )
    except Exception as error:  # mirt raises many kinds; the screen is optional
        return None, f"mirt could not fit the data: {type(error).__name__}"
    note = f"compares {top[0]} with {top[1]}" if len(counts) > 2 else None
    return screens, note


def item_dif(
    uow: UnitOfWork,
    *,
    organisation: str,
    by: str,
    profile_key: str | None = None,
    wald: bool = False,
    minimum_responses: int = MINIMUM_RESPONSES,
) -> DifReport:
    """Logistic-regression DIF (and optionally mirt's Wald screen) of every calibratable item."""
    bank = organisation_bank(uow, organisation=organisation)
    rater = default_rater()
    wanted = None
    if profile_key is not None:
        wanted = {
            row["id"]
            for row in attempt_summaries(uow, organisation=organisation)
            if row["profile"] == profile_key
        }
    with uow:
        owner = organisation_by_slug(uow, organisation)
        reports = {r.candidate: r for r in uow.demographics_of(owner).all()}
        attempts = uow.attempts_of(owner)
        people = [
            attempt
            for attempt in (attempts.get(i) for i in attempts.finished_ids())
            if attempt is not None and (wanted is None or attempt.id in wanted)
        ]
    evidence = [_evidence(a, bank, rater) for a in people]
    shared = Counter(a.candidate for a in people)  # a shared identifier is ambiguous: missing
    labels = [
        reports[a.candidate].value(by)
        if a.candidate in reports and shared[a.candidate] == 1
        else None
        for a in people
    ]
    scales = []
    reference = None
    for competency, (matrix, names) in _matrices(evidence, minimum_responses).items():
        answered = (matrix >= 0).any(axis=1)
        rows = np.flatnonzero(answered)
        scale_labels = [labels[i] for i in rows]
        found = logistic_dif(matrix[rows], scale_labels, names)
        reference = found.reference or reference
        screens, note = _wald(matrix[rows], scale_labels, names) if wald else (None, None)
        scales.append(ScaleDif(competency, found.items, screens, note))
    scales = _adjust_across(scales)
    groups: dict[str, int] = defaultdict(int)
    for label in labels:
        if label is not None:
            groups[label] += 1
    return DifReport(
        organisation=organisation,
        by=by,
        job=profile_key,
        people=len(people),
        missing_group=sum(1 for label in labels if label is None),
        groups=dict(sorted(groups.items())),
        reference=reference,
        scales=tuple(scales),
    )


def _adjust_across(scales: list[ScaleDif]) -> list[ScaleDif]:
    """Benjamini-Hochberg over every item of every scale (not scale by scale)."""
    from statsmodels.stats.multitest import multipletests  # type: ignore[import-untyped]  # noqa: PLC0415

    tested = [
        (s, i)
        for s, scale in enumerate(scales)
        for i, it in enumerate(scale.items)
        if it.overall_p is not None
    ]
    if not tested:
        return scales
    raw = [scales[s].items[i].overall_p for s, i in tested]
    reject, adjusted, _, _ = multipletests(raw, alpha=0.05, method="fdr_bh")
    items = [list(scale.items) for scale in scales]
    for position, (s, i) in enumerate(tested):
        items[s][i] = replace(
            items[s][i], adjusted_p=float(adjusted[position]), flagged=bool(reject[position])
        )
    return [replace(scale, items=tuple(items[n])) for n, scale in enumerate(scales)]


def item_analysis(
    uow: UnitOfWork, *, organisation: str, dif: DifReport | None = None
) -> dict[str, Any]:
    """Reliability and item statistics of the newest calibration, with DIF flags joined in."""
    with uow:
        owner = organisation_by_slug(uow, organisation)
        latest = uow.calibration_reports_of(owner).latest()
    if latest is None:
        raise NotFound(f"calibration of {organisation}", "latest (run `servicefit calibrate`)")
    version, report = latest
    flagged = {}
    if dif is not None:
        for scale in dif.scales:
            for item in scale.items:
                flagged[scale_key(scale.competency, item.item)] = item
    scales = {}
    for competency, scale in report.get("scales", {}).items():
        items = []
        for entry in scale["items"]:
            found = flagged.get(scale_key(competency, entry["item"]))
            items.append(
                {
                    "item": entry["item"],
                    "responses": entry["responses"],
                    "mean": entry["mean"],
                    "item_rest": entry["item_rest"],
                    "a": entry["a"],
                    "fit": entry["fit"],
                    "misfit": entry["misfit"],
                    "dif": None
                    if found is None
                    else {
                        "by": dif.by if dif else None,
                        "flagged": found.flagged,
                        "category": found.category,
                        "delta_r2": found.delta_r2,
                        "adjusted_p": found.adjusted_p,
                    },
                }
            )
        scales[competency] = {
            "people": scale["people"],
            "cronbach_alpha": scale["cronbach_alpha"],
            "alpha_ci": scale["alpha_ci"],
            "marginal_reliability": scale["marginal_reliability"],
            "items": items,
        }
    return {"calibration": version, "scales": scales, "skipped": report.get("skipped", {})}
