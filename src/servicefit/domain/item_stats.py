"""Counting what an item bank holds, per instrument, competency and language."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import fields, is_dataclass
from typing import Any

from servicefit.domain.items import (
    ChatSimulationItem,
    InBasketItem,
    Instrument,
    Item,
    ItemBank,
    KnowledgeItem,
    KnowledgeTopic,
    QualificationQuestion,
    QuestionnaireItem,
    SituationalItem,
    TypingItem,
    WrittenItem,
)
from servicefit.domain.language import LANGUAGES, LocalizedText


def localized_texts(value: object) -> list[LocalizedText]:
    """Every `LocalizedText` inside an item, however deeply nested."""
    found: list[LocalizedText] = []
    if isinstance(value, LocalizedText):
        found.append(value)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            found.extend(localized_texts(getattr(value, f.name)))
    elif isinstance(value, tuple | list):
        for element in value:
            found.extend(localized_texts(element))
    elif isinstance(value, dict):
        for element in value.values():
            found.extend(localized_texts(element))
    return found


def bank_statistics(bank: ItemBank) -> dict[str, Any]:
    """Counts that show whether the bank covers what customer-service profiles need."""
    by_instrument = Counter(item.instrument.value for item in bank.items)
    by_competency: dict[str, Counter[str]] = defaultdict(Counter)
    for item in bank.items:
        for competency_id in item.competencies:
            by_competency[competency_id][item.instrument.value] += 1
    texts = [t for item in bank.items for t in localized_texts(item)]
    texts += [t for passage in bank.passages for t in localized_texts(passage)]
    missing = {
        language: sum(1 for t in texts if not t.in_language(language).strip())
        for language in LANGUAGES
    }
    return {
        "items": len(bank.items),
        "by_instrument": dict(sorted(by_instrument.items())),
        "by_competency": {c: dict(sorted(n.items())) for c, n in sorted(by_competency.items())},
        "by_language": {
            "localized_strings": len(texts),
            "missing": missing,
            "items_available": {
                language: len(bank.available_in(language)) for language in LANGUAGES
            },
            "typing_passages": dict(
                Counter(i.language for i in bank.items if isinstance(i, TypingItem))
            ),
        },
        "situational_judgement": _situational(bank.items),
        "questionnaire": _questionnaire(bank.items),
        "knowledge": _knowledge(bank),
        "written_sample": dict(
            Counter(i.channel.value for i in bank.items if isinstance(i, WrittenItem) and i.channel)
        ),
        "chat_simulation": {
            "conversations": sum(1 for i in bank.items if isinstance(i, ChatSimulationItem)),
            "turns": sum(len(i.turns) for i in bank.items if isinstance(i, ChatSimulationItem)),
        },
        "in_basket": {
            "sets": sum(1 for i in bank.items if isinstance(i, InBasketItem)),
            "tickets_per_set": sorted(
                len(i.tickets) for i in bank.items if isinstance(i, InBasketItem)
            ),
        },
        "qualifications": sorted(
            i.type.value for i in bank.items if isinstance(i, QualificationQuestion)
        ),
    }


def _situational(items: tuple[Item, ...]) -> dict[str, Any]:
    scenarios = [i for i in items if isinstance(i, SituationalItem)]
    per_competency = Counter(c for i in scenarios for c in i.competencies)
    return {
        "scenarios": len(scenarios),
        "options": dict(Counter(len(i.options) for i in scenarios)),
        "competencies_with_3_or_more": sum(1 for n in per_competency.values() if n >= 3),
    }


def _questionnaire(items: tuple[Item, ...]) -> dict[str, Any]:
    statements = [i for i in items if isinstance(i, QuestionnaireItem)]
    scales: dict[str, list[QuestionnaireItem]] = defaultdict(list)
    for statement in statements:
        if not statement.is_attention_check:
            scales[statement.competencies[0]].append(statement)
    return {
        "scales": {
            c: {
                "statements": len(s),
                "reverse_keyed": sum(1 for i in s if i.keying.value == "negative"),
            }
            for c, s in sorted(scales.items())
        },
        "attention_checks": sum(1 for i in statements if i.is_attention_check),
        "near_synonym_pairs": sum(1 for i in statements if i.similar_to),
    }


def _knowledge(bank: ItemBank) -> dict[str, Any]:
    knowledge = [i for i in bank.items if isinstance(i, KnowledgeItem)]
    per_passage = Counter(i.passage for i in knowledge if i.passage)
    return {
        "passages": len(bank.passages),
        "questions_per_passage": dict(sorted(per_passage.items())),
        "calculations": sum(1 for i in bank.items if i.instrument is Instrument.CALCULATION),
        "referral": sum(1 for i in knowledge if i.topic is KnowledgeTopic.REFERRAL),
        "record_accuracy": sum(1 for i in knowledge if i.topic is KnowledgeTopic.RECORD_ACCURACY),
        "reading": sum(1 for i in knowledge if i.topic is KnowledgeTopic.READING),
    }
