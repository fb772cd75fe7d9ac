"""Fairness use cases: demographic categories and self-reports, and the adverse-impact audit.

Demographics are joined to decisions only inside an audit, and only through
the candidate identifier; scoring never reads them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from servicefit.domain.decision_rules import DecisionRule, InvalidRule, parse_rule
from servicefit.domain.demographics import (
    DEFAULT_CATEGORIES,
    DemographicCategories,
    SelfReport,
    check_answers,
)
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.psychometrics.adverse_impact import (
    FOUR_FIFTHS,
    INTERSECTION,
    ImpactAnalysis,
    above_median,
    adverse_impact,
    intersectional_labels,
)
from servicefit.reports.fairness_report import (
    LIMITS,
    audit_csv,
    impact_document,
    render_audit_html,
)
from servicefit.reports.render import render_pdf
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.shortlist import shortlist
from servicefit.storage.fairness_files import (
    read_categories,
    read_demographics,
    read_text,
)
from servicefit.storage.unit_of_work import UnitOfWork


def categories_of(
    uow: UnitOfWork, *, organisation: str, jurisdiction: str = "default"
) -> DemographicCategories:
    """The organisation's categories for *jurisdiction*, or the default set."""
    with uow:
        stored = uow.demographics_of(organisation_by_slug(uow, organisation)).categories(
            jurisdiction
        )
    if stored is not None:
        return stored
    if jurisdiction == "default":
        return DEFAULT_CATEGORIES
    raise NotFound(f"demographic categories of {organisation}", jurisdiction)


def set_categories(uow: UnitOfWork, *, organisation: str, path: Path) -> DemographicCategories:
    """Store the categories a YAML file defines, for its jurisdiction."""
    categories = read_categories(read_text(path), source=str(path))
    with uow:
        uow.demographics_of(organisation_by_slug(uow, organisation)).set_categories(categories)
        uow.commit()
    return categories


@dataclass(frozen=True)
class DemographicsImport:
    stored: int
    without_consent: int
    jurisdiction: str


def import_demographics(
    uow: UnitOfWork, *, organisation: str, path: Path, jurisdiction: str = "default"
) -> DemographicsImport:
    """Store self-reports from a CSV file (only rows with consent); all or nothing."""
    categories = categories_of(uow, organisation=organisation, jurisdiction=jurisdiction)
    found = read_demographics(read_text(path), source=str(path), categories=categories)
    with uow:
        repository = uow.demographics_of(organisation_by_slug(uow, organisation))
        for report in found.reports:
            repository.save(report)
        uow.commit()
    return DemographicsImport(len(found.reports), found.without_consent, jurisdiction)


def save_self_report(uow: UnitOfWork, *, organisation: str, report: SelfReport) -> None:
    """Store one candidate's self-report (the web form's use case)."""
    categories = categories_of(uow, organisation=organisation, jurisdiction=report.jurisdiction)
    problems = check_answers(categories, report.answers)
    if problems:
        raise InvalidInput(
            InvalidInputProblem("self-report", p.partition(": ")[0], p.partition(": ")[2])
            for p in problems
        )
    with uow:
        uow.demographics_of(organisation_by_slug(uow, organisation)).save(report)
        uow.commit()


@dataclass(frozen=True)
class FieldImpact:
    field: str  # "sex", or "sex & age_band" for an intersection
    selection: ImpactAnalysis  # under the decision rule
    scoring: ImpactAnalysis  # scoring above the median fit (continuous scores)


@dataclass(frozen=True)
class FairnessAudit:
    organisation: str
    job: str
    rule: str
    created_at: datetime
    candidates: int
    selected: int
    simulated: int
    with_demographics: int
    provisional: bool  # some fits rest on prior (uncalibrated) parameters
    fields: tuple[FieldImpact, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)


def _rule(text: str) -> DecisionRule:
    try:
        return parse_rule(text)
    except InvalidRule as error:
        raise InvalidInput([InvalidInputProblem("--rule", "rule", str(error))]) from None


def audit(
    uow: UnitOfWork,
    *,
    organisation: str,
    profile_key: str,
    rule: str,
    by: Sequence[str] = (),
    intersections: Sequence[Sequence[str]] | None = None,
    now: datetime,
) -> FairnessAudit:
    """Adverse impact of *rule* on the finished attempts of a job, per demographic field."""
    decision = _rule(rule)
    entries = shortlist(uow, organisation=organisation, profile_key=profile_key)
    with uow:
        reports = {
            r.candidate: r
            for r in uow.demographics_of(organisation_by_slug(uow, organisation)).all()
        }
    categories = categories_of(uow, organisation=organisation)
    answered = {key for r in reports.values() for key in r.answers}
    fields = list(by) or [k for k in categories.keys if k in answered] or list(categories.keys)
    unknown = [f for f in fields if f not in answered and f not in categories.keys]
    if unknown:
        raise InvalidInput(
            [InvalidInputProblem("--by", f, "no such demographic field") for f in unknown]
        )
    if intersections is None:
        intersections = [fields[:2]] if len(fields) >= 2 else []
    keys = [str(e.attempt_id) for e in entries]
    chosen = decision.select([(str(e.attempt_id), e.fit) for e in entries])
    selected = [chosen[k] for k in keys]
    scoring = above_median([e.fit.fit for e in entries])
    names = Counter(e.candidate for e in entries)
    ambiguous = {name for name, count in names.items() if count > 1}
    people = [
        {
            f: (reports[e.candidate].value(f) if e.candidate in reports else None)
            if e.candidate not in ambiguous
            else None
            for f in fields
        }
        for e in entries
    ]
    results = []
    for combination in [[f] for f in fields] + [list(c) for c in intersections]:
        labels = intersectional_labels(people, combination)
        results.append(
            FieldImpact(
                field=INTERSECTION.join(combination),
                selection=adverse_impact(labels, selected),
                scoring=adverse_impact(labels, scoring),
            )
        )
    notes = []
    if ambiguous:
        shared = sum(names[n] for n in ambiguous)
        notes.append(
            f"{shared} attempts share a candidate identifier with another attempt:"
            " their demographics are ambiguous and counted as missing"
        )
    if not entries:
        notes.append(f"no finished attempts for {profile_key}")
    if any(e.simulated for e in entries):
        notes.append("includes simulated (demo) candidates")
    return FairnessAudit(
        organisation=organisation,
        job=profile_key,
        rule=str(decision),
        created_at=now,
        candidates=len(entries),
        selected=sum(selected),
        simulated=sum(1 for e in entries if e.simulated),
        with_demographics=sum(
            1 for e in entries if e.candidate in reports and e.candidate not in ambiguous
        ),
        provisional=any(e.fit.provisional for e in entries),
        fields=tuple(results),
        notes=tuple(notes),
    )


def audit_document(audit: FairnessAudit) -> dict[str, Any]:
    """The audit as one JSON-ready document, with its limits and missing counts."""
    return {
        "kind": "adverse impact audit",
        "organisation": audit.organisation,
        "job": audit.job,
        "rule": audit.rule,
        "created_at": audit.created_at.isoformat(timespec="seconds"),
        "candidates": audit.candidates,
        "selected": audit.selected,
        "simulated_candidates": audit.simulated,
        "with_demographics": audit.with_demographics,
        "missing_demographics": audit.candidates - audit.with_demographics,
        "provisional_scores": audit.provisional,
        "four_fifths_threshold": FOUR_FIFTHS,
        "fields": [
            {
                "field": f.field,
                "selection": impact_document(f.selection),
                "scoring_rate_above_median_fit": impact_document(f.scoring),
            }
            for f in audit.fields
        ],
        "notes": list(audit.notes),
        "limits": list(LIMITS),
    }


def audit_bytes(audit: FairnessAudit, output_format: str) -> bytes:
    """The audit as json, csv, html or pdf."""
    document = audit_document(audit)
    if output_format == "json":
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    if output_format == "csv":
        return audit_csv(document).encode()
    html = render_audit_html(document)
    return html.encode() if output_format == "html" else render_pdf(html)
