from __future__ import annotations

from dataclasses import replace

from servicefit.domain.item_rules import check_bank
from servicefit.domain.items import ItemBank, Keying, Passage

from .builders import small_framework, text
from .item_builders import question, scenario, statement


def problems(
    *items: object, passages: tuple[Passage, ...] = ()
) -> list[tuple[str, tuple[str | int, ...], str]]:
    bank = ItemBank(items=items, passages=passages)  # type: ignore[arg-type]
    return [(p.item_id, p.path, p.message) for p in check_bank(bank, small_framework())]


def test_a_sound_scenario_passes() -> None:
    assert problems(scenario("s1", "empathy")) == []


def test_a_scenario_needs_a_clear_best_and_a_poor_option() -> None:
    assert problems(scenario("s1", "empathy", ratings=(4, 4, 2, 1))) == [
        ("s1", ("options",), "two options share the highest rating")
    ]
    assert problems(scenario("s1", "empathy", ratings=(5, 4, 3, 3))) == [
        ("s1", ("options",), "needs an effective option (4-5) and an ineffective one (1-2)")
    ]


def test_a_scenario_measures_one_or_two_known_competencies() -> None:
    found = problems(scenario("s1", "empathy", "tolerance", "empaty"))
    assert found == [
        ("s1", ("competencies", 2), "unknown competency 'empaty'; did you mean 'empathy'?"),
        ("s1", ("competencies",), "a scenario measures 1 or 2 competencies"),
    ]


def test_the_same_id_twice_is_refused() -> None:
    assert problems(scenario("s1", "empathy"), scenario("s1", "tolerance")) == [
        ("s1", ("id",), "the same id is used by another item")
    ]


def test_near_synonyms_must_share_scale_and_keying() -> None:
    first = statement("q1", "empathy")
    assert problems(first, statement("q2", "empathy", similar_to="q1")) == []
    assert problems(first, statement("q2", "tolerance", similar_to="q1")) == [
        ("q2", ("similar_to",), "the twin must be a statement of the same competency")
    ]
    reverse = statement("q2", "empathy", keying=Keying.NEGATIVE, similar_to="q1")
    assert problems(first, reverse) == [
        ("q2", ("similar_to",), "near synonyms must be keyed the same way")
    ]


def test_an_attention_check_measures_nothing() -> None:
    assert problems(statement("q1", None, expected=1)) == []
    assert problems(statement("q1", "empathy", expected=1)) == [
        ("q1", ("competencies",), "an attention check measures nothing")
    ]


def test_a_knowledge_question_needs_its_key_and_passage() -> None:
    assert problems(question("k1", correct="z")) == [
        ("k1", ("correct",), "'z' is not one of the options")
    ]
    assert problems(question("k1", passage="p1")) == [("k1", ("passage",), "no passage 'p1'")]
    passage = Passage("p1", 1, text("title"), text("body"))
    assert problems(question("k1", passage="p1"), passages=(passage,)) == []
    assert problems(replace(question("k1"), activity="juggling")) == [
        ("k1", ("activity",), "unknown work activity 'juggling'")
    ]
