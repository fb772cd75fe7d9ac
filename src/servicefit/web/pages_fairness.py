"""The fairness audit of a job, for those who may see demographics (owners)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from servicefit.domain.accounts import Permission
from servicefit.services import fairness
from servicefit.web.security import Signed, audit, requiring
from servicefit.web.state import render, uow_of

router = APIRouter()
Auditor = Annotated[Signed, Depends(requiring(Permission.VIEW_DEMOGRAPHICS))]
MEDIA = {
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
    "json": "application/json",
}


@router.get("/jobs/{key}/fairness")
def fairness_page(request: Request, key: str, signed: Auditor, rule: str = "") -> Response:
    return render(
        request,
        "fairness.html.j2",
        signed=signed,
        key=key,
        rule=rule,
        formats=("html", "pdf", "csv", "json"),
        title=f"{key}: fairness audit",
    )


@router.get("/jobs/{key}/fairness/audit.{extension}")
def fairness_audit(
    request: Request, key: str, extension: str, signed: Auditor, rule: str = "top:10"
) -> Response:
    if extension not in MEDIA:
        raise HTTPException(404, "export as .html, .pdf, .csv or .json")
    result = fairness.audit(
        uow_of(request),
        organisation=signed.organisation.slug,
        profile_key=key,
        rule=rule,
        now=datetime.now(UTC),
    )
    audit(request, signed, "ran fairness audit", f"profile:{key}", rule)
    headers = {}
    if extension != "html":
        headers["Content-Disposition"] = f'attachment; filename="fairness-{key}.{extension}"'
    return Response(
        fairness.audit_bytes(result, extension), media_type=MEDIA[extension], headers=headers
    )
