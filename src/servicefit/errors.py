"""The errors servicefit raises, in one tree.

    ServicefitError
    ├── InvalidInput          a file, form or request is malformed; carries every problem found
    ├── NotFound              a record does not exist (or not in this organisation)
    └── ConfigurationError    settings are missing or unsafe

Entry points (CLI, web) turn these into exit codes and HTTP statuses in one place each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class ServicefitError(Exception):
    """Base of every error servicefit raises on purpose."""


@dataclass(frozen=True)
class InvalidInputProblem:
    """One thing wrong with an input: where it is, and what is wrong."""

    source: str
    field: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.field}: {self.message}"


class InvalidInput(ServicefitError):
    def __init__(self, problems: Iterable[InvalidInputProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class NotFound(ServicefitError):
    def __init__(self, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key!r}")


class ConfigurationError(ServicefitError):
    pass
