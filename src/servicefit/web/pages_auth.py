"""Logging in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from servicefit.services.accounts import TooManyAttempts, authenticate
from servicefit.web.security import verify_csrf
from servicefit.web.state import render, uow_of

router = APIRouter()


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html.j2", next=_safe_next(next), title="Log in")


@router.post("/login", dependencies=[Depends(verify_csrf)])
def login(
    request: Request,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    client = request.client.host if request.client else "unknown"
    try:
        found = authenticate(uow_of(request), email=email, password=password, client=client)
    except TooManyAttempts as error:
        return render(
            request, "login.html.j2", 429, next=_safe_next(next), error=str(error), email=email
        )
    if found is None:
        return render(
            request,
            "login.html.j2",
            401,
            next=_safe_next(next),
            error="wrong e-mail address or password",
            email=email,
            title="Log in",
        )
    user, _organisation = found
    csrf = request.session.get("csrf")
    request.session.clear()  # a new session on login (no fixation)
    request.session["user_id"] = user.id
    if csrf:
        request.session["csrf"] = csrf
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(verify_csrf)])
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
