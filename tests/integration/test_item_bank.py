"""The built-in item bank holds every instrument a customer-service profile needs."""

from __future__ import annotations

from servicefit.domain.item_stats import bank_statistics
from servicefit.domain.items import Instrument, SituationalItem
from servicefit.domain.language import LANGUAGES
from servicefit.services import items

REQUIRED_SCENARIOS = (
    "abusive",
    "other-person",
    "cross",
    "language",
    "social",
    "bot",
    "queue",
    "callback",
    "colleague",
    "policy",
)


def test_the_bank_meets_every_count_the_item_bank_issue_asks_for() -> None:
    stats = bank_statistics(items.packaged_bank())
    sjt = stats["situational_judgement"]
    assert sjt["scenarios"] >= 60
    assert set(sjt["options"]) <= {4, 5}
    assert sjt["competencies_with_3_or_more"] >= 15

    questionnaire = stats["questionnaire"]
    scales = questionnaire["scales"]
    assert len(scales) >= 12
    for scale in scales.values():
        assert scale["statements"] >= 8
        assert scale["reverse_keyed"] * 3 >= scale["statements"]
    assert questionnaire["attention_checks"] >= 4
    assert questionnaire["near_synonym_pairs"] >= 6

    knowledge = stats["knowledge"]
    assert knowledge["passages"] >= 6
    assert min(knowledge["questions_per_passage"].values()) >= 3
    assert len(knowledge["questions_per_passage"]) >= 6
    assert knowledge["calculations"] >= 20
    assert knowledge["referral"] >= 10
    assert knowledge["record_accuracy"] >= 10

    assert stats["written_sample"]["email"] >= 6
    assert stats["written_sample"]["chat"] >= 6
    assert stats["chat_simulation"]["conversations"] >= 6
    assert stats["in_basket"]["sets"] >= 3
    assert min(stats["in_basket"]["tickets_per_set"]) >= 8
    assert all(stats["by_language"]["typing_passages"][lang] >= 10 for lang in LANGUAGES)
    assert stats["qualifications"] == ["availability", "education", "experience", "language"]
    assert stats["by_language"]["missing"] == {"en": 0, "es": 0, "pl": 0}


def test_required_scenarios_are_present() -> None:
    ids = [i.id for i in items.packaged_bank().by_instrument(Instrument.SITUATIONAL_JUDGEMENT)]
    missing = [topic for topic in REQUIRED_SCENARIOS if not any(topic in i for i in ids)]
    assert missing == [], ids


def test_the_best_option_is_not_always_in_the_same_place_nor_the_longest() -> None:
    scenarios = [i for i in items.packaged_bank().items if isinstance(i, SituationalItem)]
    positions = {[o.id for o in s.options].index(s.best_option.id) for s in scenarios}
    assert len(positions) >= 3
    longest_is_best = sum(
        1 for s in scenarios if max(s.options, key=lambda o: len(o.text.en)) == s.best_option
    )
    assert longest_is_best < 0.5 * len(scenarios)
