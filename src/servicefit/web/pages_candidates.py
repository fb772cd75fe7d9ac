"""Recruiter pages for one candidate: report, written answers with evidence, overrides,
flags, history; PDF; export and erasure of the candidate's data."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from servicefit.domain.accounts import Permission
from servicefit.domain.invitations import Invitation
from servicefit.domain.items import WrittenItem
from servicefit.domain.job_profiles import Channel
from servicefit.domain.language import Language
from servicefit.domain.reply_rating import DIMENSIONS
from servicefit.errors import NotFound
from servicefit.services.candidate_data import erase_candidate, export_candidate
from servicefit.services.reports import build_report, report_bytes
from servicefit.services.results import stored_fit
from servicefit.services.reviews import review_written_answer
from servicefit.services.scoring import default_rater
from servicefit.services.taking import bank_of
from servicefit.web.security import Signed, audit, requiring, verify_csrf
from servicefit.web.state import render, uow_of

router = APIRouter()
Viewer = Annotated[Signed, Depends(requiring(Permission.VIEW_RESULTS))]
Reviewer = Annotated[Signed, Depends(requiring(Permission.REVIEW_WRITTEN))]
Eraser = Annotated[Signed, Depends(requiring(Permission.ERASE_CANDIDATE))]
CSRF = [Depends(verify_csrf)]


@router.get("/candidates/{attempt_id}")
def candidate(request: Request, attempt_id: int, signed: Viewer, notice: str = "") -> Response:
    bank = bank_of(uow_of(request), signed.organisation.slug)
    uow = uow_of(request)
    with uow:
        attempt = uow.attempts_of(signed.organisation).get(attempt_id)
        if attempt is None:
            raise NotFound("candidate", str(attempt_id))
        invitation = uow.invitations_of(signed.organisation).by_attempt(attempt_id)
        stored = uow.profiles_of(signed.organisation).version(
            attempt.profile_key, attempt.profile_version
        )
        found = stored_fit(uow, signed.organisation, attempt_id, stored.profile) if stored else None
        reviews = uow.reviews_of(signed.organisation).for_attempt(attempt_id)
        history = uow.audit_of(signed.organisation).events(subject=f"attempt:{attempt_id}")
        if invitation is not None:
            history += uow.audit_of(signed.organisation).events(
                subject=f"invitation:{invitation.id}"
            )
        uow.audit_of(signed.organisation).record(
            actor=signed.actor, action="viewed", subject=f"attempt:{attempt_id}"
        )
        uow.commit()
    written = _written(attempt.responses, bank, attempt.language)
    return render(
        request,
        "candidate.html.j2",
        signed=signed,
        attempt=attempt,
        invitation=invitation,
        fit=found[0] if found else None,
        document=found[1] if found else None,
        written=written,
        reviews=reviews,
        history=sorted(history, key=lambda e: e.at, reverse=True),
        dimensions=DIMENSIONS,
        notice=notice,
        title=attempt.candidate,
    )


def _written(responses: dict[str, Any], bank: Any, language: Language) -> list[dict[str, Any]]:
    """Written answers with the engine's levels and the sentences that earned or cost them."""
    rater = default_rater()
    shown = []
    for item_id, response in responses.items():
        item = bank.item(item_id)
        if not isinstance(item, WrittenItem):
            continue
        text = getattr(response.answer, "text", "")
        rating = rater.rate(
            text,
            customer_message=item.customer_message.in_language(language),
            channel=item.channel or Channel.EMAIL,
            language=language,
            rubric=item.rubric,
        )
        shown.append(
            {
                "item": item,
                "text": text,
                "segments": highlighted(text, rating.evidence),
                "rating": rating,
                "events": response.events,
            }
        )
    return shown


def highlighted(text: str, evidence: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """The answer cut into (piece, mark) where mark is "earned", "cost" or "" (plain).

    Evidence reads "+indicator: sentence" or "-indicator: sentence"; a sentence that
    cost something is marked so even if it also earned something.
    """
    marks: dict[str, str] = {}
    for lines in evidence.values():
        for line in lines:
            sign, _, rest = line[:1], None, line[1:]
            sentence = rest.split(": ", 1)[1] if ": " in rest else ""
            if sentence and sentence in text:
                marks[sentence] = (
                    "cost" if sign == "-" or marks.get(sentence) == "cost" else "earned"
                )
    segments: list[tuple[str, str]] = []
    position = 0
    for start, sentence in sorted((text.find(s), s) for s in marks):
        if start < position:
            continue
        segments.append((text[position:start], ""))
        segments.append((sentence, marks[sentence]))
        position = start + len(sentence)
    segments.append((text[position:], ""))
    return [segment for segment in segments if segment[0]]


@router.post("/candidates/{attempt_id}/review", dependencies=CSRF)
def override(
    request: Request,
    attempt_id: int,
    *,
    signed: Reviewer,
    item_id: Annotated[str, Form()],
    dimension: Annotated[str, Form()],
    level: Annotated[str, Form()],
    reason: Annotated[str, Form()],
) -> Response:
    review_written_answer(
        uow_of(request),
        organisation=signed.organisation.slug,
        attempt_id=attempt_id,
        item_id=item_id,
        dimension=dimension,
        level=None if level == "na" else int(level) if level.isdigit() else -1,
        reviewer=signed.actor,
        reason=reason,
    )
    audit(
        request,
        signed,
        "overrode",
        f"attempt:{attempt_id}",
        f"{item_id} {dimension} → {level}: {reason}",
    )
    return RedirectResponse(f"/candidates/{attempt_id}?notice=override", status_code=303)


@router.get("/candidates/{attempt_id}/report")
def report(
    request: Request, attempt_id: int, signed: Viewer, format: str = "html", language: str = "en"
) -> Response:
    view = build_report(
        uow_of(request),
        organisation=signed.organisation.slug,
        attempt_id=attempt_id,
        audience="recruiter",
        language=language if language in ("en", "es", "pl") else "en",  # type: ignore[arg-type]
        today=date.today(),
    )
    audit(request, signed, "downloaded report", f"attempt:{attempt_id}", format)
    if format == "pdf":
        headers = {"Content-Disposition": f'attachment; filename="report-{attempt_id}.pdf"'}
        return Response(
            report_bytes(view, output_format="pdf"), media_type="application/pdf", headers=headers
        )
    return Response(report_bytes(view, output_format="html"), media_type="text/html; charset=utf-8")


def _invitation(request: Request, signed: Signed, invitation_id: int) -> Invitation:
    uow = uow_of(request)
    with uow:
        found = uow.invitations_of(signed.organisation).get(invitation_id)
    if found is None:
        raise NotFound("invitation", str(invitation_id))
    return found


@router.get("/invitations/{invitation_id}/export")
def export(request: Request, invitation_id: int, signed: Eraser) -> Response:
    document = export_candidate(
        uow_of(request), signed.organisation, invitation_id, actor=signed.actor
    )
    headers = {"Content-Disposition": f'attachment; filename="candidate-{invitation_id}.json"'}
    return Response(
        json.dumps(document, indent=2, ensure_ascii=False),
        media_type="application/json",
        headers=headers,
    )


@router.post("/invitations/{invitation_id}/erase", dependencies=CSRF)
def erase(request: Request, invitation_id: int, signed: Eraser) -> Response:
    invitation = _invitation(request, signed, invitation_id)
    erase_candidate(uow_of(request), signed.organisation, invitation_id, actor=signed.actor)
    return RedirectResponse(
        f"/jobs/{invitation.profile_key}/invitations?notice=erased", status_code=303
    )
