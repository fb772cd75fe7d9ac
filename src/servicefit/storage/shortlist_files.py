"""The shortlist as rows for CSV, XLSX and JSON exports."""

from __future__ import annotations

import csv
import io
from typing import Any

from servicefit.domain.fit import FitResult

COLUMNS = (
    "rank",
    "attempt",
    "candidate",
    "decision",
    "fit",
    "fit_low_95",
    "fit_high_95",
    "band",
    "knockout_reasons",
    "reasons",
    "provisional",
    "demo_data",
)


def shortlist_row(
    rank: int, attempt_id: int, candidate: str, simulated: bool, fit: FitResult
) -> dict[str, Any]:
    return {
        "rank": rank,
        "attempt": attempt_id,
        "candidate": candidate,
        "decision": fit.decision,
        "fit": fit.fit,
        "fit_low_95": fit.low,
        "fit_high_95": fit.high,
        "band": fit.band,
        "knockout_reasons": "; ".join(fit.knockout_reasons),
        "reasons": "; ".join(fit.reasons),
        "provisional": fit.provisional,
        "demo_data": simulated,
    }


def _safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe(v) for k, v in row.items()})
    return buffer.getvalue()


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 - only for this export

    book = Workbook()
    sheet = book.active
    sheet.title = "Shortlist"
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_safe(row[column]) for column in COLUMNS])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
