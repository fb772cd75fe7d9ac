from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from servicefit.domain.decision_rules import InvalidRule, parse_rule
from servicefit.domain.demographics import (
    DEFAULT_CATEGORIES,
    SelfReport,
    can_view_demographics,
    check_answers,
    check_categories,
)
from servicefit.domain.fit import FitResult


def _fit(value: float, band: str, knocked_out: bool = False) -> FitResult:
    return FitResult(value, value - 10, value + 10, band, knocked_out, (), False, (), (), False)


def test_rules_are_parsed_and_decide() -> None:
    strong, good, weak = _fit(80, "strong"), _fit(60, "good"), _fit(20, "weak")
    out = replace(strong, knocked_out=True)
    assert parse_rule("cutoff:55").selects(good)
    assert not parse_rule("cutoff:55").selects(out)
    assert parse_rule("band:good").selects(strong)
    assert not parse_rule("band:good").selects(weak)
    assert parse_rule("knockout").selects(weak)
    chosen = parse_rule("top:2").select([("a", weak), ("b", out), ("c", strong), ("d", good)])
    assert chosen == {"a": False, "b": False, "c": True, "d": True}
    assert str(parse_rule(" Band:strong ")) == "band:strong"


@pytest.mark.parametrize("text", ["cutoff:x", "cutoff:120", "band:great", "top:0", "best", ""])
def test_bad_rules_are_refused(text: str) -> None:
    with pytest.raises(InvalidRule):
        parse_rule(text)


def test_only_the_owner_may_view_demographics() -> None:
    assert can_view_demographics("owner")
    assert not can_view_demographics("recruiter")
    assert not can_view_demographics("reviewer")
    assert not can_view_demographics("stranger")


def test_self_reports_are_checked_and_declined_answers_are_missing() -> None:
    assert check_categories(DEFAULT_CATEGORIES) == []
    assert (
        check_answers(DEFAULT_CATEGORIES, {"sex": "female", "age_band": "prefer_not_to_say"}) == []
    )
    assert check_answers(DEFAULT_CATEGORIES, {"sex": "robot", "shoe": "42"}) == [
        "sex: 'robot' is not one of female, male, another",
        "shoe: not a category in default",
    ]
    report = SelfReport(
        "c1", "default", datetime(2026, 1, 1, tzinfo=UTC), {"sex": "prefer_not_to_say"}
    )
    assert report.value("sex") is None
    assert report.value("age_band") is None
