"""`score_reply`: one reply in, seven dimensions, language and conventions out."""

from __future__ import annotations

from servicefit.text_scoring import cues
from servicefit.text_scoring.dimensions import SCORERS
from servicefit.text_scoring.language_id import detect
from servicefit.text_scoring.results import ChannelConventions, ReplyAssessment, ReplyContext
from servicefit.text_scoring.text import sentences, words

LENGTH_LIMITS = {"email": (25, 350), "chat": (3, 90), "social": (3, 60)}


def score_reply(reply: str, context: ReplyContext | None = None) -> ReplyAssessment:
    """Score *reply* on every dimension; cues are read in the language it is written in."""
    context = context or ReplyContext()
    detected, certainty = detect(reply)
    language = detected or context.expected_language or "en"
    parts = sentences(reply)
    notes = []
    if detected is None:
        notes.append("language could not be identified with confidence")
    elif context.expected_language and detected != context.expected_language:
        notes.append(f"written in {detected}, expected {context.expected_language}")
    dimensions = {name: scorer(reply, parts, language, context) for name, scorer in SCORERS.items()}
    return ReplyAssessment(
        language=detected,
        expected_language=context.expected_language,
        language_confidence=round(certainty, 3),
        words=len(words(reply)),
        sentences=len(parts),
        dimensions=dimensions,
        conventions=conventions(reply, language, context),
        notes=tuple(notes),
    )


def conventions(reply: str, language: str, context: ReplyContext) -> ChannelConventions:
    lines = [line.strip() for line in reply.strip().splitlines() if line.strip()]
    first = lines[0] if lines else ""
    tail = "\n".join(lines[-3:])
    greeting = cues.has(language, "greeting", first)
    closing = cues.has(language, "closing", tail)
    signature = False
    if context.channel == "email" and closing and lines:
        last = lines[-1]
        signature = not cues.has(language, "closing", last) and len(words(last)) <= 5
    low, high = LENGTH_LIMITS[context.channel]
    count = len(words(reply))
    notes = []
    if context.channel == "email":
        for present, what in (
            (greeting, "greeting"),
            (closing, "closing"),
            (signature, "signature"),
        ):
            if not present:
                notes.append(f"no {what}")
    if not low <= count <= high:
        notes.append(f"{count} words; {low}-{high} expected for {context.channel}")
    return ChannelConventions(
        channel=context.channel,
        greeting=greeting,
        closing=closing,
        signature=signature,
        length_ok=low <= count <= high,
        notes=tuple(notes),
    )
