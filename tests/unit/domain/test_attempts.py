from __future__ import annotations

from datetime import UTC, datetime

import pytest

from servicefit.domain.answers import ChoiceAnswer, Response
from servicefit.domain.attempts import Attempt, AttemptClosed, NotOnForm
from servicefit.domain.items import ItemRef

FORM = (ItemRef("s1", 1), ItemRef("s2", 1))


def attempt() -> Attempt:
    return Attempt(
        organisation_id=1,
        profile_key="agent",
        profile_version=1,
        candidate="Ana",
        language="es",
        items=FORM,
    )


def test_the_same_answer_twice_is_kept_once_and_a_change_replaces_it() -> None:
    sitting = attempt()
    answer = Response(FORM[0], ChoiceAnswer("a"), 30)
    assert sitting.record(answer) is True
    assert sitting.record(answer) is False
    assert sitting.record(Response(FORM[0], ChoiceAnswer("b"), 35)) is True
    assert sitting.responses["s1"].answer == ChoiceAnswer("b")


def test_no_answer_after_the_attempt_is_finished() -> None:
    sitting = attempt()
    sitting.finish(datetime(2026, 11, 22, tzinfo=UTC))
    with pytest.raises(AttemptClosed):
        sitting.record(Response(FORM[1], ChoiceAnswer("a"), 30))


def test_an_item_version_not_on_the_form_is_refused() -> None:
    with pytest.raises(NotOnForm):
        attempt().record(Response(ItemRef("s1", 2), ChoiceAnswer("a"), 30))
