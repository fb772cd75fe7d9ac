from __future__ import annotations

from collections.abc import Sequence

from servicefit.domain.answers import AgreementAnswer, BrowserEvent, ChoiceAnswer, Response
from servicefit.domain.items import Item
from servicefit.domain.quality_flags import FlagKind, Severity, quality_flags

from .item_builders import scenario, statement

STATEMENTS = [statement(f"q{i}", "empathy") for i in range(10)]
TWINS = [statement(f"t{i}", "empathy", similar_to=f"q{i}") for i in range(4)]
CHECKS = [statement("c1", None, expected=1), statement("c2", None, expected=5)]
SCENARIOS = [scenario(f"s{i}", "empathy", seconds=60) for i in range(10)]


def flags(items: Sequence[Item], responses: list[Response]) -> dict[FlagKind, Severity]:
    found = quality_flags({i.id: i for i in items}, responses)
    return {flag.kind: flag.severity for flag in found}


def agree(item: Item, value: int, seconds: float = 10) -> Response:
    return Response(item.ref, AgreementAnswer(value), seconds)


def test_a_careful_attempt_raises_no_flag() -> None:
    responses = [agree(s, 2 + i % 3) for i, s in enumerate(STATEMENTS)]
    responses += [agree(CHECKS[0], 1), agree(CHECKS[1], 5)]
    assert flags(STATEMENTS + CHECKS, responses) == {}


def test_straight_lining_and_failed_attention_checks_are_flagged() -> None:
    responses = [agree(s, 4) for s in STATEMENTS] + [agree(CHECKS[0], 4), agree(CHECKS[1], 4)]
    assert flags(STATEMENTS + CHECKS, responses) == {
        FlagKind.STRAIGHT_LINING: Severity.SERIOUS,
        FlagKind.ATTENTION_CHECK: Severity.SERIOUS,
    }


def test_near_synonyms_answered_far_apart_are_inconsistent() -> None:
    responses = [agree(s, 1 + i % 5) for i, s in enumerate(STATEMENTS)]
    responses += [agree(t, 5 if i % 5 < 2 else 1 + i % 5) for i, t in enumerate(TWINS)]
    assert flags(STATEMENTS + TWINS, responses) == {FlagKind.INCONSISTENCY: Severity.WARNING}


def test_speeding_needs_several_fast_items() -> None:
    fast = [Response(s.ref, ChoiceAnswer("a"), 5) for s in SCENARIOS[:2]]
    normal = [Response(s.ref, ChoiceAnswer("a"), 50) for s in SCENARIOS[2:]]
    assert flags(SCENARIOS, fast + normal) == {}
    fast = [Response(s.ref, ChoiceAnswer("a"), 5) for s in SCENARIOS[:4]]
    assert flags(SCENARIOS, fast + normal[2:]) == {FlagKind.SPEEDING: Severity.SERIOUS}


def test_focus_loss_is_reported_with_its_count() -> None:
    responses = [
        Response(s.ref, ChoiceAnswer("a"), 50, events=(BrowserEvent.FOCUS_LOST,) * 2)
        for s in SCENARIOS[:5]
    ]
    found = quality_flags({s.id: s for s in SCENARIOS}, responses)
    assert [(f.kind, f.severity, f.detail) for f in found] == [
        (FlagKind.FOCUS_LOST, Severity.WARNING, "the window lost focus 10 times")
    ]
