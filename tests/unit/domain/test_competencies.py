from __future__ import annotations

import pytest

from servicefit.domain.competencies import FrameworkInconsistent, UnknownCompetency

from .builders import competency, framework, small_framework


def test_a_term_resolves_whatever_its_case_and_dashes() -> None:
    fw = small_framework()
    assert fw.resolve("PROBLEM SOLVING").id == "problem_solving"
    assert fw.resolve("problem-solving").id == "problem_solving"
    assert fw.resolve("  managing   stress ").id == "tolerance"


def test_a_term_resolves_by_id_and_by_name_in_another_language() -> None:
    fw = small_framework()
    assert fw.resolve("active_listening").id == "active_listening"
    assert fw.resolve("empathy pl").id == "empathy"


def test_an_unknown_term_raises_and_close_terms_are_suggested() -> None:
    fw = small_framework()
    with pytest.raises(UnknownCompetency):
        fw.resolve("empaty")
    assert fw.suggest("empaty") == ["empathy"]


def test_a_term_that_names_two_competencies_is_refused() -> None:
    with pytest.raises(FrameworkInconsistent, match="also names competency"):
        framework(competency("empathy"), competency("tolerance", aliases=("Empathy",)))


def test_a_competency_needs_three_positive_and_two_negative_indicators() -> None:
    with pytest.raises(FrameworkInconsistent) as raised:
        framework(competency("empathy", positives=2, negatives=1))
    messages = [problem.message for problem in raised.value.problems]
    assert messages == [
        "needs at least 3 positive indicators",
        "needs at least 2 negative indicators",
    ]


def test_an_unknown_seed_is_refused() -> None:
    with pytest.raises(FrameworkInconsistent, match="cites unknown seed 009"):
        framework(competency("empathy", seed="009"))


def test_seed_codes_collect_terms_and_indicators() -> None:
    assert competency("empathy").seed_codes == ("000",)
