"""`servicefit orgs`: organisations (tenants)."""

from __future__ import annotations

from typing import Annotated

import typer

from servicefit.cli.runtime import runtime
from servicefit.services.organisations import create_organisation, list_organisations

app = typer.Typer(no_args_is_help=True, help="Organisations (tenants).")


@app.command("create")
def create(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="Short id, e.g. acme-energy.")],
    name: Annotated[str, typer.Option("--name", help="Display name.")],
) -> None:
    """Create an organisation."""
    organisation = create_organisation(runtime(ctx).uow(), slug=slug, name=name)
    typer.echo(f"created organisation {organisation.slug} ({organisation.name})")


@app.command("list")
def list_(ctx: typer.Context) -> None:
    """List organisations."""
    for organisation in list_organisations(runtime(ctx).uow()):
        typer.echo(f"{organisation.slug}\t{organisation.name}")
