"""Sections of an attempt and their time limits, enforced by the server.

An attempt stores its items in delivery order, section by section (one section
per instrument, as the assembler builds them). A section's time limit is its
estimated answering time times 1.25, rounded up to whole minutes, at least 2
minutes. Answers that arrive within GRACE after the deadline are accepted (the
network may have delayed them); later ones are refused and the section closes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from servicefit.domain.items import Instrument, Item, ItemRef

ALLOWANCE = 1.25
MIN_SECONDS = 120
GRACE = timedelta(seconds=20)


@dataclass(frozen=True)
class TimedSection:
    position: int
    instrument: Instrument
    items: tuple[ItemRef, ...]
    limit_seconds: int


def sections_of(refs: tuple[ItemRef, ...], items: dict[str, Item]) -> list[TimedSection]:
    """The attempt's sections, in order, with their time limits."""
    grouped: list[tuple[Instrument, list[ItemRef]]] = []
    for ref in refs:
        instrument = items[ref.id].instrument
        if not grouped or grouped[-1][0] is not instrument:
            grouped.append((instrument, []))
        grouped[-1][1].append(ref)
    sections = []
    for position, (instrument, section_refs) in enumerate(grouped):
        estimate = sum(items[ref.id].seconds for ref in section_refs)
        limit = max(MIN_SECONDS, math.ceil(estimate * ALLOWANCE / 60) * 60)
        sections.append(TimedSection(position, instrument, tuple(section_refs), limit))
    return sections


@dataclass(frozen=True)
class SectionClock:
    position: int
    started_at: datetime
    deadline_at: datetime
    closed_at: datetime | None = None

    def accepts(self, now: datetime) -> bool:
        return self.closed_at is None and self.deadline_at >= earliest_open_deadline(now)

    def remaining_seconds(self, now: datetime) -> int:
        return max(0, int((self.deadline_at - now).total_seconds()))


def earliest_open_deadline(now: datetime) -> datetime:
    """A clock not closed yet accepts answers at *now* when its deadline is this or later
    (answers within GRACE after the deadline count)."""
    return now - GRACE


def open_clock(section: TimedSection, now: datetime) -> SectionClock:
    return SectionClock(section.position, now, now + timedelta(seconds=section.limit_seconds))
