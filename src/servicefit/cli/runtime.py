"""What every command needs: settings, the database and the packaged content."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any

import typer
import yaml
from sqlalchemy import Engine

from servicefit.config import Settings, load_settings
from servicefit.errors import ConfigurationError
from servicefit.services.content import Content, packaged_content
from servicefit.storage.database import make_engine, make_session_factory
from servicefit.storage.migrate import current_revision, head_revision, upgrade
from servicefit.storage.unit_of_work import SqlUnitOfWork


@dataclass
class Runtime:
    settings: Settings
    _engine: Engine | None = field(default=None, init=False)

    @property
    def content(self) -> Content:
        return packaged_content()

    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.settings.effective_database_url)
        return self._engine

    def upgrade_database(self) -> None:
        with self.engine().begin() as connection:
            upgrade(connection=connection)

    def uow(self) -> SqlUnitOfWork:
        """A unit of work on a database whose schema is current."""
        with self.engine().connect() as connection:
            revision = current_revision(connection)
        if revision != head_revision():
            raise ConfigurationError(
                f"the database at {self.settings.effective_database_url} is not at the current"
                f" schema (found {revision or 'no schema'}): run `servicefit db upgrade`"
            )
        return SqlUnitOfWork(make_session_factory(self.engine()))


def runtime(ctx: typer.Context) -> Runtime:
    root = ctx.find_root()
    if root.obj is None:
        root.obj = Runtime(settings=load_settings())
    found: Runtime = root.obj
    return found


def document_text(document: Any, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def print_document(document: Any, output_format: str) -> None:
    sys.stdout.write(document_text(document, output_format))
