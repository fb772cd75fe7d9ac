from __future__ import annotations

import pytest

from servicefit.text_scoring.results import DIMENSIONS, ReplyAssessment, ReplyContext
from servicefit.text_scoring.scorer import score_reply

from .reply_pairs import PAIRS

POLISH_MESSAGE = (
    "Dzień dobry, od tygodnia czekam na zwrot pieniędzy za zwrócony telewizor! "
    "Kiedy dostanę przelew? Czy mogę dostać potwierdzenie na piśmie?\nKatarzyna Nowak"
)
POLISH_REPLY = (
    "Dzień dobry Pani Katarzyno,\n\n"
    "bardzo przepraszam za opóźnienie, rozumiem, że to frustrujące. Sprawdziłem zwrot za telewizor: "
    "przelew na 2499 zł wyślę dzisiaj, a pieniądze dotrą w ciągu 2 dni roboczych. "
    "Potwierdzenie na piśmie prześlę jeszcze dziś e-mailem i jutro zadzwonię, żeby upewnić się, że wszystko się zgadza.\n\n"
    "Pozdrawiam serdecznie,\nTomasz Wiśniewski"
)


def polish() -> ReplyAssessment:
    return score_reply(
        POLISH_REPLY,
        ReplyContext(
            customer_message=POLISH_MESSAGE,
            channel="email",
            expected_language="pl",
            apology_warranted=True,
        ),
    )


def test_a_polish_reply_scores_every_dimension_with_polish_evidence() -> None:
    assessment = polish()
    assert assessment.language == "pl"
    assert assessment.language_matches is True
    for name in DIMENSIONS:
        result = assessment.dimensions[name]
        assert result.level is not None, name
        if name != "language_quality":
            assert result.evidence, name
            assert all(e.sentence in POLISH_REPLY for e in result.evidence), name
    levels = {n: r.level or 0 for n, r in assessment.dimensions.items()}
    assert levels["empathy"] >= 4
    assert levels["ownership"] >= 4
    assert levels["active_listening"] >= 4
    assert assessment.conventions.greeting
    assert assessment.conventions.closing


def test_a_reply_in_the_wrong_language_is_reported() -> None:
    assessment = score_reply(
        "Thank you for waiting, I will send the refund today.",
        ReplyContext(customer_message=POLISH_MESSAGE, channel="chat", expected_language="pl"),
    )
    assert (assessment.language, assessment.language_matches) == ("en", False)
    assert "written in en, expected pl" in assessment.notes


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['language']}-{i}" for i, p in enumerate(PAIRS)])
def test_short_but_excellent_outranks_long_but_poor(pair: dict[str, str]) -> None:
    def overall(reply: str) -> float:
        context = ReplyContext(
            customer_message=pair["message"],
            channel=pair["channel"],  # type: ignore[arg-type]
            expected_language=pair["language"],
        )
        scores = [
            r.score for r in score_reply(reply, context).dimensions.values() if r.score is not None
        ]
        return sum(scores) / len(scores)

    assert len(pair["short"]) < len(pair["long"]) / 2
    assert overall(pair["short"]) > overall(pair["long"])


def test_empathy_is_not_applicable_when_not_called_for() -> None:
    assessment = score_reply(
        "Our branch opens at 9:00 on Saturdays.",
        ReplyContext(
            customer_message="What time do you open on Saturday?",
            apology_warranted=False,
            channel="chat",
        ),
    )
    assert assessment.dimensions["empathy"].level is None
    assert assessment.dimensions["empathy"].note == "not needed here"


def test_spelling_errors_come_with_position_and_suggestions() -> None:
    reply = "Thank you, I will recieve the parcel tomorow."
    result = score_reply(reply, ReplyContext(expected_language="en")).dimensions["language_quality"]
    spelling = [i for i in result.issues if i.kind == "spelling"]
    assert [(i.text, reply[i.start : i.end]) for i in spelling] == [
        ("recieve", "recieve"),
        ("tomorow", "tomorow"),
    ]
    assert "receive" in spelling[0].suggestions


def test_rude_replies_lose_politeness_with_the_offending_sentence_as_evidence() -> None:
    result = score_reply(
        "Calm down. It's not our problem.", ReplyContext(channel="chat")
    ).dimensions["politeness"]
    assert result.level == 1
    assert any(e.effect == "-" and e.sentence == "Calm down." for e in result.evidence)
