"""The adverse-impact audit as a document (JSON), a table (CSV) and a page (HTML, PDF).

Every form states the audit's limits and the count of missing demographics.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from servicefit.psychometrics.adverse_impact import GroupComparison, ImpactAnalysis
from servicefit.reports.render import _environment

LIMITS = (
    "The four-fifths rule is a screening rule, not proof of fairness or unfairness: an impact"
    " ratio below 0.8 calls for a closer look, and one above 0.8 does not show the absence of"
    " adverse impact (Uniform Guidelines, 29 CFR 1607.4(D)).",
    "Demographics are self-reported and optional; people who did not answer, declined or did"
    " not consent are counted as missing and left out of every rate, so the rates describe only"
    " the people who answered.",
    "Small samples make rates and ratios unstable: read the confidence intervals and the"
    " statistical tests; groups under 2 % of the people with demographics are reported apart"
    " and not compared.",
    "Scores that rest on provisional norms or prior (uncalibrated) item parameters may change"
    " after calibration; an audit describes the decisions of one moment.",
    "An audit measures outcomes, not causes: a difference may come from the applicant pools,"
    " the job's requirements or the assessment, and needs a job-relatedness review.",
)


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _group(g: GroupComparison) -> dict[str, Any]:
    return {
        "group": g.group,
        "applicants": g.applicants,
        "selected": g.selected,
        "rate": _round(g.rate),
        "reference": g.reference,
        "small": g.small,
        "impact_ratio": _round(g.impact_ratio),
        "impact_ratio_ci": [_round(x) for x in g.ratio_ci] if g.ratio_ci else None,
        "difference": _round(g.difference),
        "difference_ci": [_round(x) for x in g.difference_ci] if g.difference_ci else None,
        "fisher_p": _round(g.fisher_p, 5),
        "z": _round(g.z),
        "z_p": _round(g.z_p, 5),
        "four_fifths_flag": g.four_fifths_flag,
    }


def impact_document(a: ImpactAnalysis) -> dict[str, Any]:
    return {
        "total": a.total,
        "with_group": a.known,
        "missing_demographics": a.missing,
        "selected": a.selected,
        "reference_group": a.reference,
        "groups": [_group(g) for g in a.groups],
        "small_groups_reported_apart": [_group(g) for g in a.small_groups],
        "flagged": list(a.flagged),
        "notes": list(a.notes),
    }


CSV_COLUMNS = (
    "field", "measure", "group", "reported_apart", "applicants", "selected", "rate",
    "impact_ratio", "impact_ratio_low", "impact_ratio_high", "fisher_p", "four_fifths_flag",
    "reference", "missing_demographics",
)  # fmt: skip


def audit_csv(document: dict[str, Any]) -> str:
    """One row per field, measure and group; the limits follow as comment lines."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in document["fields"]:
        for measure, key in (
            ("selection", "selection"),
            ("above_median", "scoring_rate_above_median_fit"),
        ):
            analysis = f[key]
            for apart, groups in (
                (False, analysis["groups"]),
                (True, analysis["small_groups_reported_apart"]),
            ):
                for g in groups:
                    ci = g["impact_ratio_ci"] or [None, None]
                    writer.writerow(
                        [
                            f["field"], measure, g["group"], apart, g["applicants"], g["selected"],
                            g["rate"], g["impact_ratio"], ci[0], ci[1], g["fisher_p"],
                            g["four_fifths_flag"], g["reference"], analysis["missing_demographics"],
                        ]
                    )  # fmt: skip
    writer.writerow([])
    missing, total = document["missing_demographics"], document["candidates"]
    writer.writerow([f"# missing demographics: {missing} of {total} candidates"])
    for limit in document["limits"]:
        writer.writerow([f"# limit: {limit}"])
    return out.getvalue()


def render_audit_html(document: dict[str, Any]) -> str:
    template = _environment().get_template("fairness_audit.html.j2")
    return template.render(audit=document)
