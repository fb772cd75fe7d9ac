"""The schema migrates from an empty database to the newest revision and back."""

from __future__ import annotations

from sqlalchemy import inspect

from servicefit.storage import web_rows  # noqa: F401 - its tables join Base.metadata
from servicefit.storage.database import make_engine
from servicefit.storage.migrate import current_revision, downgrade, head_revision, upgrade
from servicefit.storage.rows import Base

TABLES = {"organisations", "framework_versions", "job_profiles", "job_profile_versions"}


def test_migrations_go_from_empty_to_head_and_back_down(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.begin() as connection:
            downgrade(connection=connection, revision="base")
        with engine.connect() as connection:
            assert TABLES.isdisjoint(inspect(connection).get_table_names())
            assert current_revision(connection) is None

        with engine.begin() as connection:
            upgrade(connection=connection)
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) >= TABLES
            assert current_revision(connection) == head_revision()
    finally:
        engine.dispose()


def test_the_migrations_create_every_table_the_rows_declare(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.begin() as connection:
        upgrade(connection=connection)
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert set(Base.metadata.tables) <= tables
