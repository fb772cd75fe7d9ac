"""JSON Lines in and out for batch reply scoring: one line per reply."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from servicefit.text_scoring.results import ReplyAssessment, ReplyContext


class ReplyLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | int
    reply: Annotated[str, StringConstraints(min_length=1)]
    customer_message: str | None = None
    language: Literal["en", "es", "pl"] | None = None
    channel: Literal["email", "chat", "social"] = "chat"

    def context(self, *, suggestions: bool = True) -> ReplyContext:
        return ReplyContext(
            customer_message=self.customer_message,
            channel=self.channel,
            expected_language=self.language,
            suggestions=suggestions,
        )


def parse_line(text: str, number: int) -> ReplyLine | dict[str, Any]:
    """The reply on a line, or an error record naming the line and what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return {
            "id": None,
            "line": number,
            "error": f"not valid JSON: {error.msg} (column {error.colno})",
        }
    try:
        return ReplyLine.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(line)'}: {e['msg']}" for e in error.errors()
        )
        record_id = data.get("id") if isinstance(data, dict) else None
        return {"id": record_id, "line": number, "error": problems}


def assessment_record(line: ReplyLine, assessment: ReplyAssessment) -> dict[str, Any]:
    return {
        "id": line.id,
        "language": assessment.language,
        "expected_language": assessment.expected_language,
        "language_matches": assessment.language_matches,
        "dimensions": {
            name: {
                "level": result.level,
                "score": result.score,
                "confidence": result.confidence,
                "evidence": [
                    {"sentence": e.sentence, "indicator": e.indicator, "effect": e.effect}
                    for e in result.evidence
                ],
                **(
                    {
                        "issues": [
                            {
                                "kind": i.kind,
                                "start": i.start,
                                "end": i.end,
                                "text": i.text,
                                "message": i.message,
                                "suggestions": list(i.suggestions),
                            }
                            for i in result.issues
                        ]
                    }
                    if result.issues
                    else {}
                ),
            }
            for name, result in assessment.dimensions.items()
        },
        "conventions": {
            "greeting": assessment.conventions.greeting,
            "closing": assessment.conventions.closing,
            "signature": assessment.conventions.signature,
            "length_ok": assessment.conventions.length_ok,
            "notes": list(assessment.conventions.notes),
        },
        "notes": list(assessment.notes),
    }
