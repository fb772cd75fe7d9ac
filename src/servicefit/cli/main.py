"""The `servicefit` command and the one place where errors become exit codes."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import typer
from typer._click.core import Context as ClickContext
from typer.core import TyperGroup

from servicefit.cli import (
    assessments,
    competencies,
    database,
    fairness,
    items,
    organisations,
    profiles,
    scoring,
    text,
    web,
)
from servicefit.cli.runtime import runtime
from servicefit.errors import ConfigurationError, InvalidInput, NotFound, ServicefitError
from servicefit.services.demo import set_up_demo
from servicefit.services.demo_candidates import DEMO_CANDIDATES, DEMO_JOB, set_up_demo_people
from servicefit.services.items import packaged_bank

EXIT_NOT_FOUND = 1
EXIT_INVALID = 2
EXIT_CONFIGURATION = 3


class ErrorReportingGroup(TyperGroup):
    """Turns servicefit errors into a message on stderr and an exit code."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except InvalidInput as error:
            count = len(error.problems)
            typer.echo(f"error: {count} problem{'s' if count != 1 else ''} found", err=True)
            for problem in error.problems:
                typer.echo(f"  {problem}", err=True)
            raise typer.Exit(EXIT_INVALID) from None
        except NotFound as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(EXIT_NOT_FOUND) from None
        except ConfigurationError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(EXIT_CONFIGURATION) from None
        except ServicefitError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(EXIT_INVALID) from None


app = typer.Typer(
    cls=ErrorReportingGroup,
    no_args_is_help=True,
    add_completion=False,
    help="servicefit: customer-service talent assessment.",
)
app.add_typer(competencies.app, name="competencies")
app.add_typer(profiles.app, name="profiles")
app.add_typer(database.app, name="db")
app.add_typer(organisations.app, name="orgs")
app.add_typer(items.app, name="items")
app.add_typer(assessments.app, name="assessments")
app.add_typer(scoring.attempts_app, name="attempts")
app.add_typer(scoring.cat_app, name="cat")
app.command("calibrate")(scoring.calibrate)
app.command("rescore")(scoring.rescore)
app.command("shortlist")(scoring.shortlist_command)
app.command("guide")(scoring.guide_command)
app.command("report")(scoring.report_command)
app.command("interview-rate")(scoring.interview_rate_command)
app.add_typer(text.app, name="text")
app.command("serve")(web.serve)
app.command("purge")(web.purge)
app.add_typer(web.users_app, name="users")
app.add_typer(web.webhooks_app, name="webhooks")
app.add_typer(fairness.app, name="fairness")
app.command("validity")(fairness.validity)
items.app.command("dif")(fairness.items_dif)
items.app.command("analysis")(fairness.items_analysis)


@app.command()
def demo(
    ctx: typer.Context,
    candidates: Annotated[
        int, typer.Option(help="Simulated candidates for the demo job (0: none).", min=0)
    ] = DEMO_CANDIDATES,
) -> None:
    """Create the database, load the framework and templates, set up the demo organisation,
    its demo job's simulated candidates and a first login."""
    rt = runtime(ctx)
    rt.upgrade_database()
    summary = set_up_demo(rt.uow(), rt.content)
    typer.echo(f"servicefit database: {rt.settings.effective_database_url}")
    recorded = "recorded now" if summary.framework_recorded else "already recorded"
    typer.echo(f"competency framework {summary.framework_version} ({recorded}):")
    typer.echo(
        f"  {summary.clusters} clusters, {summary.competencies} competencies,"
        f" {summary.indicators} behavioural indicators, 5 proficiency levels,"
        f" {summary.work_activities} work activities, {summary.qualification_types}"
        " qualification types; texts in en, es, pl"
    )
    typer.echo(f"profile templates: {summary.templates}")
    bank = packaged_bank()
    by_instrument = Counter(item.instrument.value for item in bank.items)
    typer.echo(
        f"item bank: {len(bank.items)} built-in items, {len(bank.passages)} passages ("
        + ", ".join(f"{count} {name}" for name, count in sorted(by_instrument.items()))
        + ")"
    )
    created = ", ".join(summary.profiles_created) or "none (all present)"
    typer.echo(
        f"organisation {summary.organisation!r}: {summary.profiles_total} job profiles"
        f" (created now: {created})"
    )
    people = set_up_demo_people(rt.uow(), rt.content, candidates=candidates)
    typer.echo(
        f"demo job {DEMO_JOB!r}: {people.candidates_total} simulated candidates (demo data;"
        f" created now: {people.candidates_created})"
    )
    if people.login_password is not None:
        typer.echo("")
        typer.echo("first login (shown once; keep it):")
        typer.echo(f"  e-mail:   {people.login_email}")
        typer.echo(f"  password: {people.login_password}")
        typer.echo("")
    else:
        typer.echo(f"login: {people.login_email} (password shown when it was created)")
    typer.echo("next: `servicefit serve`, `servicefit users create`, `servicefit profiles list`")


def run() -> None:
    app()
