"""Fixtures for every test: the database backends.

The suite always runs on SQLite. When SERVICEFIT_TEST_DATABASE_URL names a
PostgreSQL database, every database test runs there too; with
SERVICEFIT_REQUIRE_POSTGRES=1 (set by .ci/run) a missing URL is an error, so
the PostgreSQL tests cannot be skipped silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from servicefit.storage.database import make_engine
from servicefit.storage.migrate import upgrade
from servicefit.storage.unit_of_work import SqlUnitOfWork

POSTGRES_URL_VARIABLE = "SERVICEFIT_TEST_DATABASE_URL"


def _backends() -> list[object]:
    backends: list[object] = ["sqlite"]
    if os.environ.get(POSTGRES_URL_VARIABLE):
        backends.append(pytest.param("postgresql", marks=pytest.mark.postgres))
    elif os.environ.get("SERVICEFIT_REQUIRE_POSTGRES") == "1":
        raise pytest.UsageError(
            f"SERVICEFIT_REQUIRE_POSTGRES=1 but {POSTGRES_URL_VARIABLE} is not set"
        )
    return backends


@pytest.fixture(scope="session", params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    return os.environ[POSTGRES_URL_VARIABLE]


@pytest.fixture(scope="session")
def migrated_engine(database_url: str) -> Iterator[Engine]:
    """An engine on a database migrated to the newest schema, once per session."""
    engine = make_engine(database_url)
    with engine.begin() as connection:
        upgrade(connection=connection)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(migrated_engine: Engine) -> Iterator[Connection]:
    """A connection whose outer transaction is rolled back after the test."""
    with migrated_engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def uow(connection: Connection) -> SqlUnitOfWork:
    """A unit of work whose commits become savepoints inside the test's transaction."""
    factory: sessionmaker[Session] = sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    return SqlUnitOfWork(factory)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
