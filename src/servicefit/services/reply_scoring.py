"""Scoring written replies: one at a time, or in large batches on every core."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from servicefit.storage.reply_batches import assessment_record, parse_line
from servicefit.text_scoring.results import ReplyAssessment, ReplyContext
from servicefit.text_scoring.scorer import score_reply

CHUNK = 64


def score_one(reply: str, context: ReplyContext) -> ReplyAssessment:
    return score_reply(reply, context)


def _score_line(job: tuple[int, str, bool]) -> dict[str, Any]:
    number, text, suggestions = job
    parsed = parse_line(text, number)
    if isinstance(parsed, dict):
        return parsed
    return assessment_record(
        parsed, score_reply(parsed.reply, parsed.context(suggestions=suggestions))
    )


@dataclass(frozen=True)
class BatchResult:
    lines: int
    scored: int
    errors: int


def _numbered_lines(handle: TextIO, suggestions: bool) -> Iterator[tuple[int, str, bool]]:
    for number, text in enumerate(handle, start=1):
        if text.strip():
            yield number, text, suggestions


def score_batch(
    source: Path,
    target: Path,
    *,
    workers: int | None = None,
    suggestions: bool = False,
    progress: TextIO | None = sys.stderr,
) -> BatchResult:
    """Score every line of *source* into *target*; a bad line gets an error record, never a skip."""
    workers = workers or min(2, os.cpu_count() or 1)
    scored = errors = lines = 0
    with source.open(encoding="utf-8") as handle, target.open("w", encoding="utf-8") as out:
        numbered = _numbered_lines(handle, suggestions)
        if workers == 1:
            results: Iterator[dict[str, Any]] = map(_score_line, numbered)
            executor = None
        else:
            executor = ProcessPoolExecutor(max_workers=workers)
            results = executor.map(_score_line, numbered, chunksize=CHUNK)
        try:
            for record in results:
                lines += 1
                if "error" in record:
                    errors += 1
                else:
                    scored += 1
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                if progress is not None and lines % 1000 == 0:
                    progress.write(f"\r{lines} lines ({errors} errors)")
                    progress.flush()
        finally:
            if executor is not None:
                executor.shutdown()
    if progress is not None and lines >= 1000:
        progress.write(f"\r{lines} lines ({errors} errors)\n")
    return BatchResult(lines, scored, errors)
