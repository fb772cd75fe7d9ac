"""Alembic environment: runs with a connection handed in, or one made from the URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from servicefit.storage import web_rows  # noqa: F401 - its tables join Base.metadata
from servicefit.storage.database import make_engine
from servicefit.storage.rows import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as new_connection:
        _run(new_connection)
    engine.dispose()


run_migrations_online()
