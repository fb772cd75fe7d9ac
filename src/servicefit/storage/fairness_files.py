"""Reading uploaded outcomes and demographics (CSV) and category files (YAML).

Every problem names the file, the line, the column and the field; a file with
any problem yields nothing, so nothing half-read is ever stored.

Outcomes CSV: `candidate` plus any of quality_score, csat, handle_time,
retention_90d, supervisor_rating; blank cells are allowed (not measured).

Demographics CSV: `candidate`, `consent` (the ISO date or date-time consent was
given; blank or "no" means no consent, and the row is not stored), an optional
`jurisdiction`, and one column per category field; blank means not answered.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from servicefit.domain.demographics import (
    DemographicCategories,
    DemographicField,
    SelfReport,
    check_answers,
    check_categories,
)
from servicefit.domain.outcomes import MEASURES, Outcome, check_outcome
from servicefit.errors import InvalidInput, InvalidInputProblem

NO_CONSENT = {"", "no", "false", "0"}


def _rows(text: str, source: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    reader = csv.reader(io.StringIO(text))
    lines = [(reader.line_num, row) for row in reader]
    if not lines or not any(cell.strip() for cell in lines[0][1]):
        raise InvalidInput([InvalidInputProblem(source, "header", "the file is empty", 1)])
    header = [cell.strip().lstrip("\ufeff").lower() for cell in lines[0][1]]
    return header, [(n, row) for n, row in lines[1:] if any(cell.strip() for cell in row)]


def _header_problems(
    header: Sequence[str], source: str, allowed: set[str], required: Sequence[str]
) -> list[InvalidInputProblem]:
    problems = [
        InvalidInputProblem(source, name, f"missing column {name!r}", 1)
        for name in required
        if name not in header
    ]
    seen: set[str] = set()
    for column, name in enumerate(header, start=1):
        if name in seen:
            problems.append(InvalidInputProblem(source, name, "column appears twice", 1, column))
        seen.add(name)
        if name not in allowed:
            known = ", ".join(sorted(allowed))
            problems.append(
                InvalidInputProblem(
                    source, name or "(blank)", f"unknown column; use {known}", 1, column
                )
            )
    return problems


def read_outcomes(text: str, *, source: str) -> list[Outcome]:
    """Outcomes from CSV text; raises InvalidInput naming every bad cell."""
    header, rows = _rows(text, source)
    problems = _header_problems(header, source, {"candidate", *MEASURES}, ["candidate"])
    if not any(name in MEASURES for name in header):
        problems.append(InvalidInputProblem(source, "header", "no outcome column", 1))
    if problems:
        raise InvalidInput(problems)
    outcomes: list[Outcome] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        if len(row) != len(header):
            problems.append(
                InvalidInputProblem(
                    source, "row", f"{len(row)} cells, the header has {len(header)}", line
                )
            )
            continue
        candidate = cells["candidate"]
        if not candidate:
            column = header.index("candidate") + 1
            problems.append(InvalidInputProblem(source, "candidate", "empty", line, column))
            continue
        if candidate in seen:
            problems.append(
                InvalidInputProblem(
                    source, "candidate", f"{candidate!r} already on line {seen[candidate]}", line
                )
            )
        seen[candidate] = line
        for column, name in enumerate(header, start=1):
            if name == "candidate" or not cells[name]:
                continue
            try:
                value = float(cells[name])
            except ValueError:
                value = math.nan
            why = (
                f"{cells[name]!r} is not a number"
                if not math.isfinite(value)
                else check_outcome(name, value)
            )
            if why:
                problems.append(InvalidInputProblem(source, name, why, line, column))
                continue
            outcomes.append(Outcome(candidate, name, value, source))
    if problems:
        raise InvalidInput(problems)
    return outcomes


def _consent(value: str) -> datetime | None:
    if value.strip().lower() in NO_CONSENT:
        return None
    if value.strip().lower() in {"yes", "true", "1"}:
        return datetime.now(UTC)
    found = datetime.fromisoformat(value.strip())
    return found if found.tzinfo else found.replace(tzinfo=UTC)


@dataclass(frozen=True)
class DemographicsFile:
    reports: list[SelfReport]
    without_consent: int  # rows not stored: no consent


def read_demographics(
    text: str, *, source: str, categories: DemographicCategories
) -> DemographicsFile:
    """Self-reports from CSV text, checked against *categories*."""
    header, rows = _rows(text, source)
    allowed = {"candidate", "consent", "jurisdiction", *categories.keys}
    problems = _header_problems(header, source, allowed, ["candidate", "consent"])
    if problems:
        raise InvalidInput(problems)
    reports: list[SelfReport] = []
    skipped = 0
    for line, row in rows:
        if len(row) != len(header):
            problems.append(
                InvalidInputProblem(
                    source, "row", f"{len(row)} cells, the header has {len(header)}", line
                )
            )
            continue
        cells = dict(zip(header, (cell.strip() for cell in row), strict=True))
        if not cells["candidate"]:
            column = header.index("candidate") + 1
            problems.append(InvalidInputProblem(source, "candidate", "empty", line, column))
            continue
        try:
            consent = _consent(cells["consent"])
        except ValueError:
            column = header.index("consent") + 1
            message = f"{cells['consent']!r}: use an ISO date, yes or no"
            problems.append(InvalidInputProblem(source, "consent", message, line, column))
            continue
        if consent is None:
            skipped += 1
            continue
        answers = {key: cells[key] for key in categories.keys if cells.get(key)}
        for problem in check_answers(categories, answers):
            key, _, message = problem.partition(": ")
            problems.append(InvalidInputProblem(source, key, message, line, header.index(key) + 1))
        reports.append(
            SelfReport(
                candidate=cells["candidate"],
                jurisdiction=cells.get("jurisdiction") or categories.jurisdiction,
                consent_given_at=consent,
                answers=answers,
            )
        )
    if problems:
        raise InvalidInput(problems)
    return DemographicsFile(reports, skipped)


def read_categories(text: str, *, source: str) -> DemographicCategories:
    """A category file: `jurisdiction: us-ny` and `fields: {sex: [female, male, ...], ...}`."""
    try:
        loaded: Any = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InvalidInput([InvalidInputProblem(source, "file", "not valid YAML", line)]) from None
    fields = loaded.get("fields") if isinstance(loaded, dict) else None
    jurisdiction = loaded.get("jurisdiction") if isinstance(loaded, dict) else None
    if not isinstance(jurisdiction, str) or not isinstance(fields, dict):
        raise InvalidInput(
            [InvalidInputProblem(source, "file", "needs `jurisdiction` (text) and `fields` (map)")]
        )
    problems = []
    parsed = []
    for key, options in fields.items():
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            problems.append(InvalidInputProblem(source, f"fields.{key}", "a list of options"))
            continue
        parsed.append(DemographicField(str(key), tuple(options)))
    categories = DemographicCategories(jurisdiction, tuple(parsed))
    problems += [InvalidInputProblem(source, "fields", p) for p in check_categories(categories)]
    if problems:
        raise InvalidInput(problems)
    return categories


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput([InvalidInputProblem(str(path), "file", "not found")]) from None
    except UnicodeDecodeError:
        raise InvalidInput([InvalidInputProblem(str(path), "file", "not UTF-8 text")]) from None
