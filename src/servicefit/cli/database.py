"""`servicefit db`: the database schema."""

from __future__ import annotations

import typer

from servicefit.cli.runtime import runtime
from servicefit.storage.migrate import current_revision, head_revision

app = typer.Typer(no_args_is_help=True, help="Database schema.")


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Create or migrate the database schema to the current version."""
    rt = runtime(ctx)
    rt.upgrade_database()
    with rt.engine().connect() as connection:
        revision = current_revision(connection)
    typer.echo(f"database {rt.settings.effective_database_url} is at revision {revision}")


@app.command()
def current(ctx: typer.Context) -> None:
    """Show the schema revision of the database and the newest one available."""
    rt = runtime(ctx)
    with rt.engine().connect() as connection:
        revision = current_revision(connection)
    typer.echo(f"database: {revision or 'empty'}; newest: {head_revision()}")
