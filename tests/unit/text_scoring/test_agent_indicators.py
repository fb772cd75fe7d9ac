"""Agent-side indicators (ownership, clarity, politeness), in English, Spanish and Polish.

Every example was written for these tests.
"""

from __future__ import annotations

import pytest

from servicefit.text_scoring import dimensions
from servicefit.text_scoring.results import DimensionResult, ReplyContext
from servicefit.text_scoring.scorer import score_reply
from servicefit.text_scoring.text import sentences


def scored(
    dimension: str, reply: str, language: str, message: str | None = None
) -> DimensionResult:
    scorer = dimensions.SCORERS[dimension]
    return scorer(
        reply, sentences(reply), language, ReplyContext(customer_message=message, channel="chat")
    )


def found(dimension: str, reply: str, language: str, message: str | None = None) -> set[str]:
    return {
        f"{e.indicator}{e.effect}" for e in scored(dimension, reply, language, message).evidence
    }


@pytest.mark.parametrize(
    ("language", "question", "statement"),
    [
        ("en", "Shall I get the table booked for you?", "I've booked the table for you."),
        ("es", "¿Quiere que la mesa quede reservada?", "La mesa ya está reservada."),
        ("pl", "Czy stolik ma być zarezerwowany?", "Stolik jest już zarezerwowany."),
    ],
)
def test_a_question_offers_but_does_not_confirm_resolution(
    language: str, question: str, statement: str
) -> None:
    assert "confirms_resolution+" not in found("ownership", question, language)
    assert "confirms_resolution+" in found("ownership", statement, language)
    assert (scored("ownership", statement, language).score or 0.0) > (
        scored("ownership", question, language).score or 0.0
    )


def test_asking_whether_the_customer_needs_something_is_not_deflection() -> None:
    assert "pushes_work_to_customer-" not in found(
        "ownership", "Do you need to change the date?", "en"
    )
    assert "pushes_work_to_customer-" in found(
        "ownership", "You need to call the courier yourself.", "en"
    )


@pytest.mark.parametrize(
    ("language", "possession_or_request", "done"),
    [
        ("en", "I have two rooms left. Let me know which one.", "I have sent the form to you."),
        ("es", "Voy a necesitar su número de pedido.", "Voy a enviarle el formulario."),
        ("pl", "Będę potrzebować numeru zamówienia.", "Wyślę formularz jeszcze dziś."),
    ],
)
def test_commitment_is_a_promise_or_work_done_not_possession_or_a_request(
    language: str, possession_or_request: str, done: str
) -> None:
    assert "commits_personally+" not in found("ownership", possession_or_request, language)
    assert "commits_personally+" in found("ownership", done, language)


@pytest.mark.parametrize(
    ("language", "specific", "vague"),
    [
        ("en", "Your table is at 19:30, reference 4K7Q2.", "Is 19:30 fine for you?"),
        ("es", "Su mesa es a las 19:30, referencia 4K7Q2.", "¿Le va bien a las 19:30?"),
        ("pl", "Stolik jest na 19:30, numer 4K7Q2.", "Czy 19:30 panu odpowiada?"),
    ],
)
def test_a_statement_with_concrete_details_gives_specifics(
    language: str, specific: str, vague: str
) -> None:
    assert "gives_specifics+" in found("ownership", specific, language)
    assert "gives_specifics+" not in found("ownership", vague, language)


@pytest.mark.parametrize(
    ("language", "failure"),
    [
        ("en", "I couldn't complete the payment."),
        ("es", "No he podido completar el pago."),
        ("pl", "Płatność nie powiodła się."),
    ],
)
def test_a_failed_request_leaves_the_issue_unresolved(language: str, failure: str) -> None:
    assert "leaves_issue_unresolved-" in found("ownership", failure, language)


@pytest.mark.parametrize(
    ("language", "dead_end", "alternative"),
    [
        (
            "en",
            "Unfortunately Friday is fully booked.",
            "Unfortunately Friday is fully booked. How about Saturday instead?",
        ),
        (
            "es",
            "Lamentablemente no hay mesas el viernes.",
            "Lamentablemente no hay mesas el viernes. ¿Qué le parece el sábado?",
        ),
        (
            "pl",
            "Niestety nie ma wolnych stolików w piątek.",
            "Niestety nie ma wolnych stolików w piątek. Mogę zaproponować sobotę.",
        ),
    ],
)
def test_an_alternative_softens_a_dead_end(language: str, dead_end: str, alternative: str) -> None:
    assert "offers_alternative+" in found("ownership", alternative, language)
    assert "offers_alternative+" not in found("ownership", dead_end, language)
    assert (scored("ownership", alternative, language).score or 0.0) > (
        scored("ownership", dead_end, language).score or 0.0
    )


def test_an_alternative_earns_nothing_when_nothing_failed() -> None:
    assert "offers_alternative+" not in found(
        "ownership", "How about Saturday instead?", "en", "Can I book for Friday?"
    )


@pytest.mark.parametrize(
    ("language", "message", "counter_question", "answer"),
    [
        (
            "en",
            "When will my parcel arrive?",
            "What is your order number?",
            "It arrives tomorrow by 12:00.",
        ),
        (
            "es",
            "¿Cuándo llegará mi paquete?",
            "¿Cuál es su número de pedido?",
            "Llega mañana antes de las 12:00.",
        ),
        (
            "pl",
            "Kiedy dotrze moja paczka?",
            "Jaki jest numer zamówienia?",
            "Dotrze jutro do 12:00.",
        ),
    ],
)
def test_answering_a_question_with_a_question_costs_ownership(
    language: str, message: str, counter_question: str, answer: str
) -> None:
    assert "answers_question_with_question-" in found(
        "ownership", counter_question, language, message
    )
    assert "answers_question_with_question-" not in found("ownership", answer, language, message)
    assert "answers_question_with_question-" not in found(
        "ownership", counter_question, language, None
    )


@pytest.mark.parametrize(
    ("language", "message", "direct", "indirect"),
    [
        (
            "en",
            "Is the shop open on Sunday?",
            "Yes, from 10:00 to 16:00.",
            "Our shops have different opening hours.",
        ),
        (
            "es",
            "¿Está abierta la tienda el domingo?",
            "Sí, de 10:00 a 16:00.",
            "Nuestras tiendas tienen horarios distintos.",
        ),
        (
            "pl",
            "Czy sklep jest otwarty w niedzielę?",
            "Tak, od 10:00 do 16:00.",
            "Nasze sklepy mają różne godziny otwarcia.",
        ),
    ],
)
def test_clarity_credits_a_reply_that_opens_with_the_answer(
    language: str, message: str, direct: str, indirect: str
) -> None:
    assert "answers_directly+" in found("clarity", direct, language, message)
    assert "answers_directly+" not in found("clarity", indirect, language, message)
    assert "answers_directly+" not in found("clarity", direct, language, None)


@pytest.mark.parametrize(
    ("language", "willing", "welcome"),
    [
        ("en", "Of course, I'll check it now.", "You're welcome!"),
        ("es", "Por supuesto, lo reviso ahora.", "De nada, ha sido un placer."),
        ("pl", "Oczywiście, sprawdzę to teraz.", "Nie ma za co."),
    ],
)
def test_politeness_counts_willingness_and_answering_thanks(
    language: str, willing: str, welcome: str
) -> None:
    assert "shows_willingness+" in found("politeness", willing, language)
    assert "acknowledges_thanks+" in found("politeness", welcome, language)
    assert "starts_with_you-" not in found("politeness", welcome, language)


def test_an_option_offered_is_not_a_second_person_start_but_an_imposition_is() -> None:
    assert "starts_with_you-" not in found("politeness", "You can pay on our website.", "en")
    assert "starts_with_you-" in found("politeness", "You can't pay on our website.", "en")
    assert "starts_with_you-" in found("politeness", "You need to pay on our website.", "en")


def test_next_steps_are_sequence_markers_not_the_next_train() -> None:
    assert "gives_next_steps+" not in found("ownership", "The next train leaves at noon.", "en")
    assert "gives_next_steps+" in found(
        "ownership", "I'll check the order first, and then I'll call you.", "en"
    )
    assert "gives_next_steps+" not in found(
        "ownership", "Is there anything else I can do for you today?", "en"
    )


def test_every_new_indicator_comes_with_its_sentence_end_to_end() -> None:
    reply = "Of course. Unfortunately Friday is full. How about Saturday at 19:30 instead?"
    assessment = score_reply(
        reply, ReplyContext(customer_message="Can I book a table for Friday?", channel="chat")
    )
    evidence = {
        e.indicator: e.sentence
        for name in ("ownership", "politeness")
        for e in assessment.dimensions[name].evidence
    }
    assert evidence["shows_willingness"] == "Of course."
    assert evidence["leaves_issue_unresolved"] == "Unfortunately Friday is full."
    assert evidence["offers_alternative"] == "How about Saturday at 19:30 instead?"
