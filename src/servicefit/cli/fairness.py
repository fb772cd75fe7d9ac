"""`servicefit fairness`, `items dif`, `items analysis`, `validity`: fairness and validity."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from servicefit.cli.options import OrganisationOption
from servicefit.cli.runtime import Runtime, document_text, runtime
from servicefit.services import fairness
from servicefit.services.item_analysis import DifReport, item_analysis, item_dif
from servicefit.services.validity import store_outcomes, validity_report

app = typer.Typer(no_args_is_help=True, help="Fairness: demographics and adverse-impact audits.")
demographics_app = typer.Typer(no_args_is_help=True, help="Self-reported demographics.")
app.add_typer(demographics_app, name="demographics")


class AuditFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    HTML = "html"
    PDF = "pdf"


class TextFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def _org(rt: Runtime, organisation: str | None) -> str:
    return organisation or rt.settings.default_organisation


def _write(data: bytes, output: Path | None, what: str) -> None:
    if output is None:
        typer.echo(data.decode(), nl=False)
        return
    output.write_bytes(data)
    typer.echo(f"wrote {what} to {output}")


@app.command("audit")
def audit(
    ctx: typer.Context,
    job: Annotated[str, typer.Option("--job", metavar="JOB_ID", help="Profile key of the job.")],
    rule: Annotated[
        str, typer.Option("--rule", help="cutoff:X (0-100), band:B, knockout or top:N.")
    ],
    output_format: Annotated[AuditFormat, typer.Option("--format")] = AuditFormat.JSON,
    output: Annotated[Path | None, typer.Option("--output", help="File (needed for pdf).")] = None,
    by: Annotated[
        list[str] | None, typer.Option("--by", help="Demographic field (repeatable).")
    ] = None,
    organisation: OrganisationOption = None,
) -> None:
    """Adverse impact of a decision rule: rates, impact ratios, tests, with the audit's limits."""
    if output_format is AuditFormat.PDF and output is None:
        raise typer.BadParameter("pdf needs --output FILE", param_hint="--output")
    rt = runtime(ctx)
    result = fairness.audit(
        rt.uow(),
        organisation=_org(rt, organisation),
        profile_key=job,
        rule=rule,
        by=by or (),
        now=datetime.now(UTC),
    )
    _write(fairness.audit_bytes(result, output_format.value), output, "the audit")


@app.command("categories")
def categories(
    ctx: typer.Context,
    path: Annotated[Path | None, typer.Argument(help="YAML file to store (omit to show).")] = None,
    jurisdiction: Annotated[str, typer.Option(help="Jurisdiction to show.")] = "default",
    organisation: OrganisationOption = None,
) -> None:
    """Show or set the demographic categories of a jurisdiction."""
    rt = runtime(ctx)
    if path is not None:
        found = fairness.set_categories(rt.uow(), organisation=_org(rt, organisation), path=path)
    else:
        found = fairness.categories_of(
            rt.uow(), organisation=_org(rt, organisation), jurisdiction=jurisdiction
        )
    typer.echo(f"jurisdiction {found.jurisdiction}:")
    for f in found.fields:
        typer.echo(f"  {f.key}: {', '.join(f.options)} (or prefer_not_to_say)")


@demographics_app.command("import")
def import_demographics(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="CSV: candidate, consent, category columns.")],
    jurisdiction: Annotated[str, typer.Option(help="Categories to check against.")] = "default",
    organisation: OrganisationOption = None,
) -> None:
    """Store self-reported demographics (rows with consent only), all or nothing."""
    rt = runtime(ctx)
    found = fairness.import_demographics(
        rt.uow(), organisation=_org(rt, organisation), path=path, jurisdiction=jurisdiction
    )
    typer.echo(
        f"stored {found.stored} self-reports ({found.jurisdiction});"
        f" {found.without_consent} rows without consent were not stored"
    )


def _dif_document(report: DifReport) -> dict[str, Any]:
    return {
        "organisation": report.organisation,
        "by": report.by,
        "job": report.job,
        "people": report.people,
        "missing_group": report.missing_group,
        "groups": report.groups,
        "reference": report.reference,
        "flagged": report.flagged,
        "scales": {
            s.competency: {
                "items": [
                    {
                        "item": i.item,
                        "people": i.people,
                        "model": i.model,
                        "uniform_p": i.uniform_p,
                        "nonuniform_p": i.nonuniform_p,
                        "overall_chi2": i.overall_chi2,
                        "overall_df": i.overall_df,
                        "adjusted_p": i.adjusted_p,
                        "delta_r2": i.delta_r2,
                        "category": i.category,
                        "flagged": i.flagged,
                        "note": i.note,
                    }
                    for i in s.items
                ],
                "wald_screen": None
                if s.wald is None
                else [
                    {"item": w.item, "adjusted_p": w.adjusted_p, "flagged": w.flagged}
                    for w in s.wald
                ],
                "wald_note": s.wald_note,
            }
            for s in report.scales
        },
    }


def items_dif(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="Demographic field defining the groups.")],
    job: Annotated[str | None, typer.Option("--job", help="Only this job's attempts.")] = None,
    wald: Annotated[bool, typer.Option(help="Also run mirt's Wald screen (slower).")] = False,
    min_responses: Annotated[int, typer.Option(min=40)] = 100,
    output_format: Annotated[TextFormat, typer.Option("--format")] = TextFormat.TEXT,
    organisation: OrganisationOption = None,
) -> None:
    """Item bias: logistic-regression DIF per item (uniform, non-uniform, Delta R2, BH)."""
    rt = runtime(ctx)
    report = item_dif(
        rt.uow(),
        organisation=_org(rt, organisation),
        by=by,
        profile_key=job,
        wald=wald,
        minimum_responses=min_responses,
    )
    if output_format is TextFormat.JSON:
        typer.echo(document_text(_dif_document(report), "json"), nl=False)
        return
    typer.echo(
        f"DIF by {by}: {report.people} people, {report.missing_group} without {by};"
        f" groups {report.groups}; reference {report.reference}"
    )
    for scale in report.scales:
        for i in scale.items:
            mark = "FLAG" if i.flagged else "    "
            detail = (
                f"q={i.adjusted_p:.4f} dR2={i.delta_r2:.4f} class {i.category}"
                if i.adjusted_p is not None and i.delta_r2 is not None
                else i.note or ""
            )
            typer.echo(f"{mark} {scale.competency:<28} {i.item:<40} {i.model:<8} {detail}")
    typer.echo(f"flagged: {len(report.flagged)}")


def items_analysis(
    ctx: typer.Context,
    by: Annotated[str | None, typer.Option("--by", help="Join DIF flags by this field.")] = None,
    organisation: OrganisationOption = None,
) -> None:
    """Reliability and item statistics of the newest calibration, with DIF flags (JSON)."""
    rt = runtime(ctx)
    org = _org(rt, organisation)
    dif = item_dif(rt.uow(), organisation=org, by=by) if by else None
    typer.echo(document_text(item_analysis(rt.uow(), organisation=org, dif=dif), "json"), nl=False)


def validity(
    ctx: typer.Context,
    job: Annotated[str, typer.Option("--job", metavar="JOB_ID", help="Profile key of the job.")],
    outcomes: Annotated[
        Path | None, typer.Option("--outcomes", help="Outcomes CSV to store first.")
    ] = None,
    output_format: Annotated[TextFormat, typer.Option("--format")] = TextFormat.TEXT,
    organisation: OrganisationOption = None,
) -> None:
    """Criterion validity: outcomes against fit and competencies; weights as a suggestion."""
    rt = runtime(ctx)
    org = _org(rt, organisation)
    if outcomes is not None:
        stored = store_outcomes(rt.uow(), organisation=org, path=outcomes)
        if output_format is TextFormat.TEXT:
            typer.echo(f"stored {stored.stored} outcome values from {stored.source}")
    report = validity_report(rt.uow(), organisation=org, profile_key=job)
    if output_format is TextFormat.JSON:
        typer.echo(document_text(report, "json"), nl=False)
        return
    typer.echo(
        f"{job}: {report['candidates']} candidates,"
        f" {report['candidates_with_outcomes']} with outcomes"
    )
    for measure, found in report["measures"].items():
        overall = found["overall_fit"]
        line = f"  {measure:<18} n={found['people']:<5}"
        if overall:
            low, high = overall["ci"]
            line += f" r={overall['r']:+.3f} (95 % CI {low:+.3f} to {high:+.3f})"
        if found["range_restriction"]:
            fixed = found["range_restriction"]
            line += f"; corrected r={fixed['r_corrected']:+.3f} (u={fixed['u']})"
        typer.echo(line)
