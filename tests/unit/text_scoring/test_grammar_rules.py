from __future__ import annotations

import pytest

from servicefit.text_scoring.grammar_rules import rule_issues
from servicefit.text_scoring.results import ReplyContext
from servicefit.text_scoring.scorer import score_reply


def found(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(i.text, i.suggestions) for i in rule_issues(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We will sends the parcel on Monday.", [("will sends", ("send",))]),
        ("You can always returned it for free.", [("can always returned", ("return",))]),
        ("It will stopped at the depot.", [("will stopped", ("stop",))]),
        ("The courier didn't brought the box.", [("didn't brought", ())]),
        ("He have a new order number.", [("He have", ("has",))]),
        ("They has been charged twice.", [("They has", ("have",))]),
        ("We was waiting for the refund.", [("We was", ("were",))]),
        ("She think the invoice is wrong.", [("She think", ("thinks",))]),
        ("He try to call every day.", [("He try", ("tries",))]),
        ("They wants a replacement.", [("They wants", ("want",))]),
        ("Some people is still waiting.", [("people is", ("are",))]),
        ("Every customers can get a voucher.", [("Every customers", ("customer",))]),
        ("Thank you for the informations.", [("informations", ("information",))]),
        ("I can give you many advice.", [("many advice", ())]),
        ("Send us a feedback.", [("a feedback", ())]),
        ("The delay is depend on the weather.", [("is depend", ())]),
        ("You can cancel without lose the deposit.", [("without lose", ("losing",))]),
        ("Thanks for choose us.", [("for choose", ("choosing",))]),
        ("I checked your order, it ships today.", [(", it", (". It",))]),
    ],
)
def test_rules_find_the_error_and_suggest_the_fix(
    sentence: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We will send the parcel on Monday.",
        "You can always return it for free.",
        "The courier didn't bring the box.",
        "Does he have a new order number?",
        "Let it go through the system first.",
        "If she were here, she would help.",
        "He read the message yesterday and found the receipt.",
        "They want a replacement and he needs a refund.",
        "The number of people is growing.",
        "A series of updates is planned, and a means of tracking is included.",
        "Your information is safe and every customer gets a voucher.",
        "The delay is depending on the weather.",
        "You can cancel without losing the deposit, and thanks for choosing us.",
        "It is up to you to decide, and for some of us to agree.",
        "When I checked your order, it was ready.",
        "Our fee is small; however, it is not refundable.",
        "I see, it was sent yesterday.",
        "Please fill in a baggage report or a customs form.",
        "A software update fixed it and a sports car was delivered.",
        "Hi Anna, we have refunded the payment.",
        "It is always a pleasure to help.",
    ],
)
def test_rules_stay_silent_on_correct_sentences(sentence: str) -> None:
    assert found(sentence) == []


def test_issue_positions_point_into_the_reply() -> None:
    reply = "Hello Tom. We will sends the parcel on Monday. @tom123 Once sold, it cannot return."
    result = score_reply(reply, ReplyContext(expected_language="en")).dimensions["language_quality"]
    grammar = [i for i in result.issues if i.kind == "grammar"]
    assert [(reply[i.start : i.end], i.text) for i in grammar] == [("will sends", "will sends")]
    assert any(e.sentence == "We will sends the parcel on Monday." for e in result.evidence)


def test_a_short_reply_is_judged_by_its_errors_not_only_their_density() -> None:
    def score(reply: str) -> float:
        result = score_reply(reply, ReplyContext(expected_language="en")).dimensions[
            "language_quality"
        ]
        assert result.score is not None
        return result.score

    clean = score("We will send the parcel on Monday.")
    one_error = score("We will sends the parcel on Monday.")
    two_errors = score("We will sends the parcel on Monday, it are late.")
    assert clean == 1.0
    assert clean > one_error > two_errors > 0.0
    # the same single error weighs less in a long reply than in a short one
    long_reply = (
        "Thank you for your message about the order you placed last week. "
        "I have checked the tracking details with the courier this morning. "
        "We will sends the parcel on Monday and you will receive an e-mail with the link. "
        "If anything else comes up, please reply to this message and I will help."
    )
    assert score(long_reply) > one_error


def test_urls_and_handles_are_not_language_errors() -> None:
    reply = "Thanks Tom. @tom123 The tracking link is https://example.com/track?id=42 for you."
    result = score_reply(reply, ReplyContext(expected_language="en")).dimensions["language_quality"]
    assert result.issues == ()


def test_style_advice_costs_no_language_quality() -> None:
    reply = (
        "We have checked the order, the invoice, the delivery note, the courier's scan, the "
        "warehouse log, the payment record, the refund request and the address that you gave "
        "us on the phone yesterday and we found nothing wrong with any of them at all."
    )
    result = score_reply(reply, ReplyContext(expected_language="en")).dimensions["language_quality"]
    assert result.issues == ()
    assert result.score == 1.0


def test_scoring_writes_nothing_to_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    """Harper 0.2.0 prints a debugging line to the process's stdout for this phrase; the
    scorer must not let it through (score-batch and --json commands write data there)."""
    reply = "We are looking forward to and hoping for your reply."
    assessment = score_reply(reply, ReplyContext(expected_language="en"))
    assert assessment.dimensions["language_quality"].score is not None
    print("after", flush=True)  # noqa: T201 - stdout works again afterwards
    captured = capfd.readouterr()
    assert captured.out == "after\n"
