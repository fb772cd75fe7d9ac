"""`servicefit text`: scoring written replies."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from servicefit.services.reply_scoring import score_batch, score_one
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
