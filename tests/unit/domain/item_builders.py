"""Small hand-made items for unit tests."""

from __future__ import annotations

from servicefit.domain.items import (
    Keying,
    KnowledgeItem,
    KnowledgeTopic,
    Option,
    QuestionnaireItem,
    RatedOption,
    SituationalItem,
)
from servicefit.domain.job_profiles import Channel

from .builders import text


def scenario(
    item_id: str,
    *competencies: str,
    ratings: tuple[int, ...] = (5, 3, 2, 1),
    seconds: int = 60,
    channel: Channel | None = Channel.PHONE,
) -> SituationalItem:
    return SituationalItem(
        id=item_id,
        version=1,
        competencies=competencies,
        channel=channel,
        seconds=seconds,
        stem=text(f"stem {item_id}"),
        options=tuple(
            RatedOption(chr(ord("a") + i), text(f"option {i}"), rating, text(f"why {i}"))
            for i, rating in enumerate(ratings)
        ),
    )


def statement(
    item_id: str,
    competency: str | None,
    *,
    keying: Keying = Keying.POSITIVE,
    expected: int | None = None,
    similar_to: str | None = None,
) -> QuestionnaireItem:
    return QuestionnaireItem(
        id=item_id,
        version=1,
        competencies=(competency,) if competency else (),
        channel=None,
        seconds=10,
        text=text(f"statement {item_id}"),
        keying=keying,
        expected=expected,
        similar_to=similar_to,
    )


def question(
    item_id: str, *, correct: str = "a", passage: str | None = None, activity: str = "act"
) -> KnowledgeItem:
    return KnowledgeItem(
        id=item_id,
        version=1,
        competencies=("empathy",),
        channel=None,
        seconds=40,
        topic=KnowledgeTopic.READING if passage else KnowledgeTopic.REFERRAL,
        activity=activity,
        stem=text("which team?"),
        options=tuple(Option(o, text(f"team {o}")) for o in ("a", "b", "c")),
        correct=correct,
        passage=passage,
    )
