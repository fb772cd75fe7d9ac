"""Recruiter and candidate reports, HTML and PDF, in three languages."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from servicefit.domain.answers import Response, WrittenAnswer
from servicefit.domain.items import WrittenItem
from servicefit.domain.language import Language
from servicefit.reports.render import Audience
from servicefit.services import items, scoring
from servicefit.services.content import packaged_content
from servicefit.services.demo import set_up_demo
from servicefit.services.reports import build_report, report_bytes
from servicefit.storage.unit_of_work import SqlUnitOfWork

HOSTILE = "<script>alert('x')</script> I am so sorry about the delay, I will refund you today."


def attempt_with_hostile_text(uow: SqlUnitOfWork) -> int:
    content = packaged_content()
    set_up_demo(uow, content)
    (attempt_id,) = scoring.simulate_attempts(
        uow, content, organisation="demo", profile_key="chat-email-support", count=1, seed=4
    )
    bank = items.packaged_bank()
    with uow:
        owner = uow.organisations.by_slug("demo")
        assert owner is not None
        attempts = uow.attempts_of(owner)
        attempt = attempts.get(attempt_id)
        assert attempt is not None
        written = next(r for r in attempt.items if isinstance(bank.item(r.id), WrittenItem))
        # test data: a finished attempt's stored answer replaced directly, bypassing the UI
        attempt.responses[written.id] = Response(written, WrittenAnswer(HOSTILE), 300)
        attempts.save_responses(attempt)
        uow.commit()
    return attempt_id


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("language", ["en", "es", "pl"])
def test_reports_in_every_language_escape_candidate_text(
    uow: SqlUnitOfWork, language: Language
) -> None:
    attempt_id = attempt_with_hostile_text(uow)
    framework = packaged_content().framework
    audiences: tuple[Audience, ...] = ("recruiter", "candidate")
    for audience in audiences:
        view = build_report(
            uow,
            organisation="demo",
            attempt_id=attempt_id,
            audience=audience,
            language=language,
            today=date(2026, 11, 22),
        )
        html = report_bytes(view, output_format="html").decode("utf-8")
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html
        assert "<svg" in html
        pdf = report_bytes(view, output_format="pdf")
        assert pdf.startswith(b"%PDF")
        text = pdf_text(pdf)
        assert "<script>alert" in text.replace("\n", "")  # shown as text, never run
        names = [
            framework.competency(r.competency_id).name.in_language(language)
            for r in packaged_content().template("chat_email_support").profile.requirements
        ]
        assert sum(1 for name in names if name in text) >= len(names) - 1
        if audience == "recruiter":
            assert view.interview
            assert view.interview[0]["name"] in text
        for action in view.plan:
            assert action["name"] in text
