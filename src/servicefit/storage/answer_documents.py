"""Answers as JSON documents, for storage (and later the API)."""

from __future__ import annotations

from typing import Any

from servicefit.domain.answers import (
    AgreementAnswer,
    Answer,
    ChatAnswer,
    ChatTurnAnswer,
    ChoiceAnswer,
    NumberAnswer,
    OrderAnswer,
    QualificationAnswer,
    TypedAnswer,
    WrittenAnswer,
)
from servicefit.domain.qualifications import (
    Availability,
    CefrLevel,
    EducationLevel,
    Experience,
    ExperienceKind,
    LanguageSkill,
    Qualifications,
)


def answer_to_document(answer: Answer) -> dict[str, Any]:
    if isinstance(answer, ChoiceAnswer):
        return {"kind": "choice", "option": answer.option}
    if isinstance(answer, AgreementAnswer):
        return {"kind": "agreement", "value": answer.value}
    if isinstance(answer, NumberAnswer):
        return {"kind": "number", "value": answer.value}
    if isinstance(answer, OrderAnswer):
        return {"kind": "order", "order": list(answer.order)}
    if isinstance(answer, TypedAnswer):
        return {"kind": "typed", "text": answer.text}
    if isinstance(answer, WrittenAnswer):
        return {"kind": "written", "text": answer.text}
    if isinstance(answer, ChatAnswer):
        return {
            "kind": "chat",
            "turns": [{"turn": t.turn, "reply": t.reply, "text": t.text} for t in answer.turns],
        }
    stated = answer.stated
    return {
        "kind": "qualifications",
        "education": stated.education.value if stated.education else None,
        "experience": [{"kind": e.kind.value, "years": e.years} for e in stated.experience],
        "languages": [{"language": s.language, "level": s.level.value} for s in stated.languages],
        "availability": sorted(slot.value for slot in stated.availability),
    }


def answer_from_document(document: dict[str, Any]) -> Answer:
    kind = document["kind"]
    if kind == "choice":
        return ChoiceAnswer(str(document["option"]))
    if kind == "agreement":
        return AgreementAnswer(int(document["value"]))
    if kind == "number":
        return NumberAnswer(float(document["value"]))
    if kind == "order":
        return OrderAnswer(tuple(str(t) for t in document["order"]))
    if kind == "typed":
        return TypedAnswer(str(document["text"]))
    if kind == "written":
        return WrittenAnswer(str(document["text"]))
    if kind == "chat":
        return ChatAnswer(
            tuple(
                ChatTurnAnswer(t["turn"], t.get("reply"), t.get("text")) for t in document["turns"]
            )
        )
    if kind == "qualifications":
        education = document.get("education")
        return QualificationAnswer(
            Qualifications(
                education=EducationLevel(education) if education else None,
                experience=tuple(
                    Experience(ExperienceKind(e["kind"]), float(e["years"]))
                    for e in document.get("experience", [])
                ),
                languages=tuple(
                    LanguageSkill(s["language"], CefrLevel(s["level"]))
                    for s in document.get("languages", [])
                ),
                availability=frozenset(Availability(a) for a in document.get("availability", [])),
            )
        )
    raise ValueError(f"unknown answer kind {kind!r}")
