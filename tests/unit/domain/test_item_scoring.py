from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servicefit.domain.answers import (
    AgreementAnswer,
    ChoiceAnswer,
    NumberAnswer,
    OrderAnswer,
    Response,
)
from servicefit.domain.competency_scores import level_of, level_probabilities, score_competencies
from servicefit.domain.item_scoring import AnswerMismatch, score_response, typing_result
from servicefit.domain.items import InBasketItem, Keying, Ticket
from servicefit.domain.reply_rating import KeywordReplyRater

from .builders import text
from .item_builders import question, scenario, statement

RATER = KeywordReplyRater()


def evidence_of(item: object, answer: object) -> list[object]:
    response = Response(item.ref, answer, seconds=30)  # type: ignore[attr-defined, arg-type]
    return score_response(item, response, language="en", rater=RATER)  # type: ignore[arg-type, return-value]


def test_a_scenario_scores_the_rank_of_the_chosen_options_rating() -> None:
    item = scenario("s1", "empathy", "tolerance", ratings=(2, 5, 1, 3))
    found = evidence_of(item, ChoiceAnswer("d"))
    assert [(e.competency_id, e.category, e.categories) for e in found] == [  # type: ignore[attr-defined]
        ("empathy", 2, 4),
        ("tolerance", 2, 4),
    ]


def test_an_option_the_item_does_not_have_is_refused() -> None:
    with pytest.raises(AnswerMismatch, match="no option 'z'"):
        evidence_of(scenario("s1", "empathy"), ChoiceAnswer("z"))
    with pytest.raises(AnswerMismatch, match="expected ChoiceAnswer"):
        evidence_of(scenario("s1", "empathy"), NumberAnswer(3))


@given(value=st.integers(1, 5))
def test_reverse_keying_mirrors(value: int) -> None:
    positive = evidence_of(statement("q1", "empathy"), AgreementAnswer(value))
    reverse = evidence_of(
        statement("q2", "empathy", keying=Keying.NEGATIVE), AgreementAnswer(6 - value)
    )
    assert positive[0].category == reverse[0].category == value - 1  # type: ignore[attr-defined]


def test_attention_checks_give_no_evidence() -> None:
    assert evidence_of(statement("q1", None, expected=1), AgreementAnswer(1)) == []


def test_knowledge_is_right_or_wrong() -> None:
    item = question("k1", correct="b")
    assert evidence_of(item, ChoiceAnswer("b"))[0].category == 1  # type: ignore[attr-defined]
    assert evidence_of(item, ChoiceAnswer("a"))[0].category == 0  # type: ignore[attr-defined]


def test_typing_net_wpm_and_accuracy() -> None:
    target = "The parcel will arrive on Monday between nine and twelve."
    perfect = typing_result(target, target[:50], seconds=60)
    assert (perfect.gross_wpm, perfect.net_wpm, perfect.accuracy) == (10.0, 10.0, 1.0)
    sloppy = typing_result(target, "Thx parcel will arrive on Monday betwen nine and t", seconds=30)
    assert sloppy.accuracy == pytest.approx(48 / 50)
    assert sloppy.net_wpm == pytest.approx((50 / 5 - 2) / 0.5)


def test_levels_follow_the_documented_cut_points() -> None:
    assert [level_of(t) for t in (-1.2, -1.0, -0.3, 0.49, 0.5, 1.3)] == [1, 2, 2, 3, 4, 5]
    probabilities = level_probabilities(0.0, 0.4)
    assert sum(probabilities) == pytest.approx(1.0)
    assert max(range(5), key=lambda i: probabilities[i]) == 2


def test_every_instrument_stays_visible_in_a_combined_score() -> None:
    found = evidence_of(scenario("s1", "empathy"), ChoiceAnswer("a"))
    found += evidence_of(statement("q1", "empathy"), AgreementAnswer(5))
    found += evidence_of(statement("q2", "empathy"), AgreementAnswer(4))
    (score,) = score_competencies(found)  # type: ignore[arg-type]
    shares = {c.instrument.value: c for c in score.contributions}
    assert set(shares) == {"situational_judgement", "questionnaire"}
    assert sum(c.information_share for c in score.contributions) == pytest.approx(1.0)
    assert score.se < min(c.se for c in score.contributions)
    assert score.provisional
    assert score.percentile.provisional
    assert "provisional" in score.percentile.label


def test_an_in_basket_order_must_name_every_ticket() -> None:
    tickets = tuple(Ticket(f"t{i}", "09:00", text("s"), text("b"), text("r")) for i in range(1, 9))
    item = InBasketItem(
        id="inb",
        version=1,
        competencies=("empathy",),
        channel=None,
        seconds=400,
        context=text("c"),
        tickets=tickets,
        expert_order=tuple(f"t{i}" for i in range(1, 9)),
    )
    assert evidence_of(item, OrderAnswer(item.expert_order))[0].category == 4  # type: ignore[attr-defined]
    assert evidence_of(item, OrderAnswer(item.expert_order[::-1]))[0].category == 0  # type: ignore[attr-defined]
    with pytest.raises(AnswerMismatch):
        evidence_of(item, OrderAnswer(("t1",)))
