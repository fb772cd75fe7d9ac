"""`servicefit attempts`, `calibrate`, `rescore`, `cat`: scoring from the command line."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import numpy as np
import typer

from servicefit.cli.options import (
    DocumentFormat,
    LanguageChoice,
    LanguageOption,
    OrganisationOption,
)
from servicefit.cli.runtime import Runtime, document_text, print_document, runtime
from servicefit.psychometrics.cat import StoppingRule
from servicefit.psychometrics.cat_simulation import compare_cat_with_fixed, simulated_bank
from servicefit.services import scoring
from servicefit.services.guides import guide_for_attempt, rate_in_interview
from servicefit.services.reports import build_report, report_bytes
from servicefit.services.shortlist import shortlist
from servicefit.storage.score_documents import score_to_document
from servicefit.storage.shortlist_files import shortlist_row, to_csv, to_xlsx

attempts_app = typer.Typer(no_args_is_help=True, help="Attempts and their scores.")
cat_app = typer.Typer(no_args_is_help=True, help="Adaptive testing (CAT).")


def _org(rt: Runtime, organisation: str | None) -> str:
    return organisation or rt.settings.default_organisation


@attempts_app.command("simulate")
def simulate(
    ctx: typer.Context,
    profile: Annotated[str, typer.Option("--profile", help="Profile key.")],
    count: Annotated[int, typer.Option("--count", min=1, max=100_000)] = 10,
    minutes: Annotated[int | None, typer.Option(help="Default: the profile's budget.")] = None,
    language: LanguageOption = LanguageChoice.EN,
    seed: Annotated[int, typer.Option()] = 1,
    organisation: OrganisationOption = None,
) -> None:
    """Store simulated candidates' attempts (labelled as demo data), each scored."""
    rt = runtime(ctx)
    ids = scoring.simulate_attempts(
        rt.uow(),
        rt.content,
        organisation=_org(rt, organisation),
        profile_key=profile,
        count=count,
        minutes=minutes,
        language=language.language,
        seed=seed,
    )
    typer.echo(f"stored {len(ids)} simulated attempts ({ids[0]}..{ids[-1]})")


@attempts_app.command("list")
def list_(ctx: typer.Context, organisation: OrganisationOption = None) -> None:
    """List attempts: id, candidate, profile, language, and the parameters that scored it."""
    rt = runtime(ctx)
    for row in scoring.attempt_summaries(rt.uow(), organisation=_org(rt, organisation)):
        typer.echo(
            f"{row['id']:>6}  {row['profile']:<24} {row['language']}  "
            f"{row['parameter_version'] or 'not scored':<16} {row['candidate']}"
        )


@attempts_app.command("score")
def score(
    ctx: typer.Context,
    attempt_id: Annotated[int, typer.Argument(metavar="ATTEMPT_ID")],
    output_format: Annotated[DocumentFormat, typer.Option("--format")] = DocumentFormat.JSON,
    organisation: OrganisationOption = None,
) -> None:
    """Score one attempt with the current parameters and print the result."""
    rt = runtime(ctx)
    result = scoring.score_stored_attempt(
        rt.uow(), organisation=_org(rt, organisation), attempt_id=attempt_id
    )
    print_document(score_to_document(result), output_format.value)


def calibrate(
    ctx: typer.Context,
    minimum_responses: Annotated[
        int, typer.Option("--min-responses", min=20, help="Responses an item needs.")
    ] = scoring.DEFAULT_MINIMUM_RESPONSES,
    standard_errors: Annotated[bool, typer.Option(help="Item parameter SEs (slower).")] = True,
    output_format: Annotated[DocumentFormat, typer.Option("--format")] = DocumentFormat.YAML,
    organisation: OrganisationOption = None,
) -> None:
    """Calibrate item parameters on the stored responses and store them as a new version."""
    rt = runtime(ctx)
    report = scoring.calibrate(
        rt.uow(),
        organisation=_org(rt, organisation),
        minimum_responses=minimum_responses,
        standard_errors=standard_errors,
    )
    print_document(
        {
            "version": report.version,
            "attempts": report.attempts,
            "minimum_responses": report.minimum_responses,
            "scales": report.scales,
            "kept_prior": report.skipped,
        },
        output_format.value,
    )


def rescore(ctx: typer.Context, organisation: OrganisationOption = None) -> None:
    """Rescore every finished attempt with the current parameter version."""
    rt = runtime(ctx)
    version, count = scoring.rescore(rt.uow(), organisation=_org(rt, organisation))
    typer.echo(f"rescored {count} attempts with parameters {version}")


@cat_app.command("simulate")
def cat_simulate(
    bank_items: Annotated[int, typer.Option(min=10, max=5000)] = 300,
    model: Annotated[str, typer.Option(help="2pl or grm.")] = "2pl",
    people: Annotated[int, typer.Option(min=10, max=100_000)] = 500,
    target_se: Annotated[float, typer.Option(min=0.1, max=0.9)] = 0.30,
    max_items: Annotated[int, typer.Option(min=1)] = 60,
    seed: Annotated[int, typer.Option()] = 1,
) -> None:
    """Compare CAT length with a fixed form at equal precision, on a simulated bank."""
    if model not in ("2pl", "grm"):
        raise typer.BadParameter("use 2pl or grm", param_hint="--model")
    rng = np.random.default_rng(seed)
    result = compare_cat_with_fixed(
        simulated_bank(bank_items, model=model, rng=rng),
        people=people,
        rule=StoppingRule(target_se=target_se, max_items=max_items),
        rng=rng,
    )
    typer.echo(
        f"bank {result.bank_items} {model} items, {result.people} simulees, target SE {target_se}\n"
        f"CAT:   mean length {result.cat_mean_length:.1f} (max {result.cat_max_length}),"
        f" mean SE {result.cat_mean_se:.3f}, RMSE {result.cat_rmse:.3f}\n"
        f"fixed: length {result.fixed_length} for mean SE {result.fixed_mean_se:.3f},"
        f" RMSE {result.fixed_rmse:.3f}\n"
        f"CAT saves {1 - result.cat_mean_length / result.fixed_length:.0%} of the items"
    )


class ShortlistFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


def shortlist_command(
    ctx: typer.Context,
    job: Annotated[str, typer.Argument(metavar="JOB_ID", help="Profile key of the job.")],
    output_format: Annotated[ShortlistFormat, typer.Option("--format")] = ShortlistFormat.JSON,
    out: Annotated[Path | None, typer.Option("--out", help="File (needed for xlsx).")] = None,
    organisation: OrganisationOption = None,
) -> None:
    """The ranked shortlist of a job: fit with its 95 % interval, band, knock-outs, reasons."""
    rt = runtime(ctx)
    entries = shortlist(rt.uow(), organisation=_org(rt, organisation), profile_key=job)
    rows = [shortlist_row(e.rank, e.attempt_id, e.candidate, e.simulated, e.fit) for e in entries]
    if output_format is ShortlistFormat.XLSX:
        if out is None:
            raise typer.BadParameter("xlsx needs --out FILE", param_hint="--out")
        out.write_bytes(to_xlsx(rows))
        typer.echo(f"wrote {len(rows)} candidates to {out}")
        return
    text = to_csv(rows) if output_format is ShortlistFormat.CSV else document_text(rows, "json")
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(rows)} candidates to {out}")


def guide_command(
    ctx: typer.Context,
    attempt_id: Annotated[int, typer.Argument(metavar="ATTEMPT_ID")],
    language: LanguageOption = LanguageChoice.EN,
    organisation: OrganisationOption = None,
) -> None:
    """The fit, a structured interview guide for the weakest and least certain competencies,
    and a development plan."""
    rt = runtime(ctx)
    guide = guide_for_attempt(
        rt.uow(), organisation=_org(rt, organisation), attempt_id=attempt_id, today=date.today()
    )
    lang = language.language
    fit = guide.fit
    typer.echo(
        f"fit {fit.fit:.0f} (95 % interval {fit.low:.0f}-{fit.high:.0f}), decision: {fit.decision}"
        + (" [provisional]" if fit.provisional else "")
    )
    for reason in (*fit.knockout_reasons, *fit.reasons):
        typer.echo(f"  - {reason}")
    typer.echo("\nInterview guide")
    for requirement, competency_guide in guide.focus:
        p = "not measured" if requirement.p_target is None else f"P(met) {requirement.p_target:.2f}"
        typer.echo(f"\n{requirement.competency_id} (target {requirement.target}, {p})")
        if competency_guide is None:
            typer.echo("  (no questions packaged yet)")
            continue
        for question in competency_guide.questions[:3]:
            typer.echo(f"  Q: {question.question.in_language(lang)}")
            for probe in question.probes:
                typer.echo(f"     - {probe.in_language(lang)}")
            typer.echo(f"     look for: {question.look_for.in_language(lang)}")
    typer.echo("\nDevelopment plan")
    for action in guide.plan:
        typer.echo(
            f"\n{action.competency_id}: level {action.current_level} -> {action.target},"
            f" review on {action.review_on}"
        )
        for behaviour in action.behaviours:
            typer.echo(f"  do: {behaviour.in_language(lang)}")
        for habit in action.avoid:
            typer.echo(f"  avoid: {habit.in_language(lang)}")
        for practice in action.practice:
            typer.echo(f"  practise: {practice.in_language(lang)}")


class ReportFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"


class AudienceChoice(StrEnum):
    RECRUITER = "recruiter"
    CANDIDATE = "candidate"


def report_command(
    ctx: typer.Context,
    attempt_id: Annotated[int, typer.Argument(metavar="ATTEMPT_ID")],
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    output_format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.HTML,
    audience: Annotated[AudienceChoice, typer.Option()] = AudienceChoice.RECRUITER,
    language: LanguageOption = LanguageChoice.EN,
    organisation: OrganisationOption = None,
) -> None:
    """Write the recruiter or candidate report of an attempt as HTML or PDF."""
    rt = runtime(ctx)
    view = build_report(
        rt.uow(),
        organisation=_org(rt, organisation),
        attempt_id=attempt_id,
        audience="recruiter" if audience is AudienceChoice.RECRUITER else "candidate",
        language=language.language,
        today=date.today(),
    )
    out.write_bytes(report_bytes(view, output_format=output_format.value))
    typer.echo(f"wrote {out}")


def interview_rate_command(
    ctx: typer.Context,
    attempt_id: Annotated[int, typer.Argument(metavar="ATTEMPT_ID")],
    competency: Annotated[str, typer.Argument(help="Competency id.")],
    rating: Annotated[int, typer.Option(help="1-5, anchored on the level descriptions.")],
    interviewer: Annotated[str, typer.Option(help="Who interviewed.")],
    notes: Annotated[str, typer.Option(help="What the candidate said and did.")] = "",
    organisation: OrganisationOption = None,
) -> None:
    """Record an interview rating; it joins the assessment estimate as evidence."""
    rt = runtime(ctx)
    recorded = rate_in_interview(
        rt.uow(),
        organisation=_org(rt, organisation),
        attempt_id=attempt_id,
        competency_id=competency,
        rating=rating,
        interviewer=interviewer,
        notes=notes,
    )
    typer.echo(f"recorded {recorded.competency_id} = {recorded.rating} by {recorded.interviewer}")
