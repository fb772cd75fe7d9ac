"""Candidate pages: open the link, choose a language, consent, practise, answer, finish.

Each answer is a form posted to the server and acknowledged (by the next page)
only once it is committed. Opening the same link again resumes where the
candidate stopped. Everything works without JavaScript; a small script shows the
countdown, reports pasting and the time spent, and keeps the page usable offline
by retrying a failed save.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from servicefit.domain.answers import ChatAnswer
from servicefit.domain.invitations import token_hash
from servicefit.domain.items import ChatSimulationItem, KnowledgeItem
from servicefit.domain.language import LANGUAGES, Language
from servicefit.errors import InvalidInput
from servicefit.services.content import packaged_content
from servicefit.services.reports import build_report, report_bytes
from servicefit.services.taking import (
    LinkProblem,
    SectionClosed,
    Step,
    bank_of,
    choose_language,
    finish,
    finish_practice,
    give_consent,
    record_answer,
    where,
)
from servicefit.web.answer_forms import response_from_form
from servicefit.web.rate_window import SlidingWindow
from servicefit.web.security import FormFields, verify_csrf
from servicefit.web.state import STATIC, render, uow_of

router = APIRouter(prefix="/take")
CSRF = [Depends(verify_csrf)]
LINK_WINDOW = timedelta(minutes=1)
LINK_OPENS_ALLOWED = 300  # page views and answers per link per minute (a person makes ~20)


@cache
def labels() -> dict[str, dict[str, str]]:
    text = (STATIC.parent / "candidate_labels.yaml").read_text(encoding="utf-8")
    loaded: dict[str, dict[str, str]] = yaml.safe_load(text)
    return loaded


def _now() -> datetime:
    return datetime.now(UTC)


_link_uses = SlidingWindow(LINK_WINDOW.total_seconds(), LINK_OPENS_ALLOWED)


def _limited(request: Request, token: str) -> None:
    """Refuse a link used too often (guessing is hopeless at 256 bits; this stops floods).

    Counted in each server process (cheap on the answer path); with N processes a
    link gets at most N times the limit."""
    if not _link_uses.allow(token_hash(token)):
        raise HTTPException(429, "too many requests for this link; wait a minute")


def _step(request: Request, token: str) -> Step:
    _limited(request, token)
    try:
        return where(uow_of(request), token, _now())
    except LinkProblem:
        raise HTTPException(404, "this link is not valid") from None


def _page(request: Request, template: str, step: Step, status: int = 200, **extra: Any) -> Response:
    language: Language = step.invitation.language or _browser_language(request)
    if step.kind == "item":
        extra = _item_context(request, step) | extra
    return render(
        request,
        template,
        status,
        step=step,
        t=labels()[language],
        lang=language,
        token=extra.pop("token"),
        framework=packaged_content().framework,
        **extra,
    )


def _browser_language(request: Request) -> Language:
    accepted = request.headers.get("accept-language", "")[:2].lower()
    return accepted if accepted in LANGUAGES else "en"


@router.get("/{token}")
def take(request: Request, token: str, error: str = "") -> Response:
    step = _step(request, token)
    templates = {
        "language": "take_language.html.j2",
        "consent": "take_consent.html.j2",
        "practice": "take_practice.html.j2",
        "item": "take_item.html.j2",
        "finish": "take_finish.html.j2",
        "finished": "take_done.html.j2",
        "expired": "take_expired.html.j2",
    }
    status = 410 if step.kind == "expired" else 200
    return _page(request, templates[step.kind], step, status, token=token, error=error)


def _item_context(request: Request, step: Step) -> dict[str, Any]:
    """What an item page shows besides the item: its passage, the chat so far, value labels."""
    context: dict[str, Any] = {"passage": None, "history": [], "qualification_values": {}}
    item, attempt = step.item, step.attempt
    if item is None or attempt is None:
        return context
    language = attempt.language
    if isinstance(item, KnowledgeItem) and item.passage:
        context["passage"] = bank_of(uow_of(request), step.organisation.slug).passage(item.passage)
    if isinstance(item, ChatSimulationItem) and item.id in attempt.responses:
        answer = attempt.responses[item.id].answer
        for given in answer.turns if isinstance(answer, ChatAnswer) else ():
            turn = item.turn(given.turn)
            reply = next((r for r in turn.replies if r.id == given.reply), None)
            said = reply.text.in_language(language) if reply else (given.text or "")
            context["history"].append((turn.customer.in_language(language), said))
    context["qualification_values"] = {
        info.type.value: info.values for info in packaged_content().framework.qualification_types
    }
    return context


@router.post("/{token}/language", dependencies=CSRF)
def language(request: Request, token: str, language: Annotated[str, Form()]) -> Response:
    if language not in LANGUAGES:
        raise HTTPException(422, "language: choose en, es or pl")
    _step(request, token)
    choose_language(uow_of(request), token, language)
    return RedirectResponse(f"/take/{token}", status_code=303)


@router.post("/{token}/consent", dependencies=CSRF)
def consent(request: Request, token: str, form: FormFields) -> Response:
    step = _step(request, token)
    if form.get("consent") != "yes":
        return _page(
            request, "take_consent.html.j2", step, 422, token=token, error="consent_required"
        )
    give_consent(uow_of(request), token, _now())
    return RedirectResponse(f"/take/{token}", status_code=303)


@router.post("/{token}/practice", dependencies=CSRF)
def practice(request: Request, token: str) -> Response:
    _step(request, token)
    finish_practice(uow_of(request), token)
    return RedirectResponse(f"/take/{token}", status_code=303)


@router.post("/{token}/answer", dependencies=CSRF)
def answer(request: Request, token: str, form: FormFields) -> Response:
    """Keep one answer, then send the candidate on (the redirect acknowledges it)."""
    _limited(request, token)
    try:
        record_answer(
            uow_of(request),
            token,
            form.get("item", ""),
            lambda item: response_from_form(item, form),
            _now(),
        )
    except LinkProblem:
        raise HTTPException(404, "this link is not valid") from None
    except SectionClosed:
        return RedirectResponse(f"/take/{token}?error=section_closed", status_code=303)
    except InvalidInput as error:
        step = _step(request, token)
        return _page(
            request,
            "take_item.html.j2",
            step,
            422,
            token=token,
            problems=[p.message for p in error.problems],
            fields=[p.field for p in error.problems],
            given=form,
        )
    return RedirectResponse(f"/take/{token}", status_code=303)


@router.post("/{token}/finish", dependencies=CSRF)
def finish_attempt(request: Request, token: str) -> Response:
    step = _step(request, token)
    if step.kind not in ("finish", "finished"):
        return RedirectResponse(f"/take/{token}", status_code=303)
    finish(uow_of(request), token, _now())
    return RedirectResponse(f"/take/{token}", status_code=303)


@router.get("/{token}/report")
def candidate_report(request: Request, token: str, format: str = "html") -> Response:
    step = _step(request, token)
    if step.kind != "finished" or not step.settings.candidate_report:
        raise HTTPException(404, "no report is available")
    attempt_id = step.invitation.attempt_id
    if attempt_id is None:
        raise HTTPException(404, "no report is available")
    view = build_report(
        uow_of(request),
        organisation=step.organisation.slug,
        attempt_id=attempt_id,
        audience="candidate",
        language=step.invitation.language or "en",
        today=date.today(),
    )
    kind = "pdf" if format == "pdf" else "html"
    media = "application/pdf" if kind == "pdf" else "text/html; charset=utf-8"
    return Response(report_bytes(view, output_format=kind), media_type=media)
