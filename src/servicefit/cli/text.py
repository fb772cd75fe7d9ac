"""`servicefit text`: scoring written replies."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from servicefit.cli.options import OrganisationOption
from servicefit.cli.runtime import runtime
from servicefit.services.reply_scoring import score_batch, score_one
from servicefit.services.reviews import review_agreement, review_written_answer
from servicefit.storage.reply_batches import ReplyLine, assessment_record

app = typer.Typer(no_args_is_help=True, help="Written-reply scoring (offline).")


@app.command("score")
def score(
    reply: Annotated[str, typer.Argument(help="The reply text.")],
    customer_message: Annotated[str | None, typer.Option(help="What the customer wrote.")] = None,
    language: Annotated[str | None, typer.Option(help="Expected language: en, es or pl.")] = None,
    channel: Annotated[str, typer.Option(help="email, chat or social.")] = "email",
) -> None:
    """Score one reply and print every dimension with its evidence (JSON)."""
    line = ReplyLine.model_validate(
        {
            "id": 1,
            "reply": reply,
            "customer_message": customer_message,
            "language": language,
            "channel": channel,
        }
    )
    record = assessment_record(line, score_one(line.reply, line.context()))
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


@app.command("score-batch")
def score_batch_command(
    input_file: Annotated[
        Path, typer.Option("--input", exists=True, dir_okay=False, help="JSON Lines in.")
    ],
    output_file: Annotated[Path, typer.Option("--output", dir_okay=False, help="JSON Lines out.")],
    workers: Annotated[
        int | None, typer.Option(min=1, max=64, help="Processes (default: 2).")
    ] = None,
) -> None:
    """Score a JSON Lines file of replies; bad lines become error records with their line number."""
    result = score_batch(input_file, output_file, workers=workers)
    typer.echo(
        f"{result.lines} lines: {result.scored} scored, {result.errors} errors -> {output_file}",
        err=True,
    )


@app.command("review")
def review(
    ctx: typer.Context,
    attempt_id: Annotated[int, typer.Argument(metavar="ATTEMPT_ID")],
    item_id: Annotated[str, typer.Argument(metavar="ITEM_ID")],
    dimension: Annotated[str, typer.Option(help="empathy, politeness, clarity, ...")],
    level: Annotated[str, typer.Option(help="1-5, or na when the dimension does not apply")],
    reviewer: Annotated[str, typer.Option(help="Who is reviewing.")],
    reason: Annotated[str, typer.Option(help="Why this level.")],
    organisation: OrganisationOption = None,
) -> None:
    """Override the automatic level of one dimension of a written answer (the human level wins)."""
    if level != "na" and not level.isdigit():
        raise typer.BadParameter("use 1-5 or na", param_hint="--level")
    rt = runtime(ctx)
    recorded, _ = review_written_answer(
        rt.uow(),
        organisation=organisation or rt.settings.default_organisation,
        attempt_id=attempt_id,
        item_id=item_id,
        dimension=dimension,
        level=None if level == "na" else int(level),
        reviewer=reviewer,
        reason=reason,
    )
    typer.echo(
        f"{recorded.dimension}: machine {recorded.machine_level or 'n/a'} -> human "
        f"{recorded.human_level or 'n/a'} by {recorded.reviewer} at {recorded.at:%Y-%m-%d %H:%M}; "
        f"attempt {attempt_id} rescored"
    )


@app.command("agreement")
def agreement(ctx: typer.Context, organisation: OrganisationOption = None) -> None:
    """Machine-human agreement per dimension (quadratic weighted kappa) over all reviews."""
    rt = runtime(ctx)
    for row in review_agreement(
        rt.uow(), organisation=organisation or rt.settings.default_organisation
    ):
        if not row.pairs:
            typer.echo(f"{row.dimension:<18} no reviews yet")
            continue
        typer.echo(
            f"{row.dimension:<18} n={row.pairs:<5} exact {row.exact:.0%}"
            f"  within one {row.within_one:.0%}  QWK {row.quadratic_weighted_kappa:.2f}"
        )
