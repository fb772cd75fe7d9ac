"""Response-quality flags: reported beside scores, never folded into them.

Rules and thresholds (docs/scoring.md, "Response-quality flags"):

- speeding: an item answered in under 30 % of its estimated time; flagged when
  at least 3 items and 15 % of the attempt's items are sped (serious at 35 %);
- straight-lining: 8 or more questionnaire statements in a row with the same
  answer, or 90 % of them the same (serious when both);
- inconsistency: near-synonym statement pairs answered 3 or more points apart;
  flagged from 2 such pairs (serious from 4);
- attention checks: each failed check; 1 is a warning, 2 or more serious;
- pasted text: a paste event in a written answer or a chat reply;
- focus lost: the assessment window lost focus 3 or more times (warning from 10).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from servicefit.domain.answers import AgreementAnswer, BrowserEvent, Response
from servicefit.domain.items import (
    ChatSimulationItem,
    Item,
    QuestionnaireItem,
    WrittenItem,
)


class Severity(Enum):
    INFO = "info"
    WARNING = "warning"
    SERIOUS = "serious"


class FlagKind(Enum):
    SPEEDING = "speeding"
    STRAIGHT_LINING = "straight_lining"
    INCONSISTENCY = "inconsistency"
    ATTENTION_CHECK = "attention_check"
    PASTED_TEXT = "pasted_text"
    FOCUS_LOST = "focus_lost"


@dataclass(frozen=True)
class QualityFlag:
    kind: FlagKind
    severity: Severity
    detail: str
    items: tuple[str, ...] = ()


SPEED_FRACTION = 0.30
SPEEDING_MIN_ITEMS = 3
SPEEDING_SHARE = 0.15
SPEEDING_SERIOUS_SHARE = 0.35
STRAIGHT_RUN = 8
STRAIGHT_SHARE = 0.90
INCONSISTENT_GAP = 3
INCONSISTENT_PAIRS = 2
INCONSISTENT_SERIOUS_PAIRS = 4
FOCUS_LOST_INFO = 3
FOCUS_LOST_WARNING = 10


def quality_flags(items: Mapping[str, Item], responses: Sequence[Response]) -> list[QualityFlag]:
    """Every flag the responses raise; *items* maps item id to item."""
    flags: list[QualityFlag] = []
    flags += _speeding(items, responses)
    agreement = [
        (items[r.item.id], r.answer.value)
        for r in responses
        if isinstance(r.answer, AgreementAnswer) and isinstance(items[r.item.id], QuestionnaireItem)
    ]
    statements = [(i, v) for i, v in agreement if not i.is_attention_check]  # type: ignore[union-attr]
    flags += _straight_lining(statements)
    flags += _inconsistency(statements)
    flags += _attention(agreement)
    flags += _pasted(items, responses)
    flags += _focus(responses)
    return flags


def _speeding(items: Mapping[str, Item], responses: Sequence[Response]) -> list[QualityFlag]:
    sped = [r.item.id for r in responses if r.seconds < SPEED_FRACTION * items[r.item.id].seconds]
    if not responses or len(sped) < SPEEDING_MIN_ITEMS:
        return []
    share = len(sped) / len(responses)
    if share < SPEEDING_SHARE:
        return []
    severity = Severity.SERIOUS if share >= SPEEDING_SERIOUS_SHARE else Severity.WARNING
    detail = f"{len(sped)} of {len(responses)} items answered in under 30 % of their expected time"
    return [QualityFlag(FlagKind.SPEEDING, severity, detail, tuple(sped))]


def _straight_lining(statements: Sequence[tuple[Item, int]]) -> list[QualityFlag]:
    if len(statements) < STRAIGHT_RUN:
        return []
    values = [v for _, v in statements]
    longest = run = 1
    for previous, current in itertools.pairwise(values):
        run = run + 1 if current == previous else 1
        longest = max(longest, run)
    most = max(values.count(v) for v in set(values)) / len(values)
    long_run, same = longest >= STRAIGHT_RUN, most >= STRAIGHT_SHARE
    if not (long_run or same):
        return []
    severity = Severity.SERIOUS if long_run and same else Severity.WARNING
    detail = f"longest run of identical answers {longest}; {most:.0%} of statements answered alike"
    return [QualityFlag(FlagKind.STRAIGHT_LINING, severity, detail)]


def _inconsistency(statements: Sequence[tuple[Item, int]]) -> list[QualityFlag]:
    answers = {item.id: value for item, value in statements}
    apart = [
        f"{item.id}~{item.similar_to}"
        for item, value in statements
        if isinstance(item, QuestionnaireItem)
        and item.similar_to in answers
        and abs(value - answers[item.similar_to]) >= INCONSISTENT_GAP
    ]
    if len(apart) < INCONSISTENT_PAIRS:
        return []
    severity = Severity.SERIOUS if len(apart) >= INCONSISTENT_SERIOUS_PAIRS else Severity.WARNING
    detail = f"{len(apart)} pairs of near-synonym statements answered {INCONSISTENT_GAP}+ apart"
    return [QualityFlag(FlagKind.INCONSISTENCY, severity, detail, tuple(apart))]


def _attention(agreement: Sequence[tuple[Item, int]]) -> list[QualityFlag]:
    failed = [
        item.id
        for item, value in agreement
        if isinstance(item, QuestionnaireItem)
        and item.expected is not None
        and value != item.expected
    ]
    if not failed:
        return []
    severity = Severity.SERIOUS if len(failed) >= 2 else Severity.WARNING
    return [
        QualityFlag(
            FlagKind.ATTENTION_CHECK,
            severity,
            f"{len(failed)} attention check(s) failed",
            tuple(failed),
        )
    ]


def _pasted(items: Mapping[str, Item], responses: Sequence[Response]) -> list[QualityFlag]:
    pasted = [
        r.item.id
        for r in responses
        if BrowserEvent.PASTE in r.events
        and isinstance(items[r.item.id], WrittenItem | ChatSimulationItem)
    ]
    if not pasted:
        return []
    detail = f"text was pasted into {len(pasted)} written answer(s)"
    return [QualityFlag(FlagKind.PASTED_TEXT, Severity.WARNING, detail, tuple(pasted))]


def _focus(responses: Sequence[Response]) -> list[QualityFlag]:
    lost = sum(r.events.count(BrowserEvent.FOCUS_LOST) for r in responses)
    if lost < FOCUS_LOST_INFO:
        return []
    severity = Severity.WARNING if lost >= FOCUS_LOST_WARNING else Severity.INFO
    return [QualityFlag(FlagKind.FOCUS_LOST, severity, f"the window lost focus {lost} times")]
