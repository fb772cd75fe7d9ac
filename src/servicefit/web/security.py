"""Sessions, CSRF protection, the signed-in user, permissions and security headers."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response

from servicefit.domain.accounts import Permission, User
from servicefit.domain.organisations import Organisation
from servicefit.web.state import uow_of

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


async def verify_csrf(request: Request) -> None:
    """Every state-changing request must carry the session's CSRF token."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    expected = request.session.get("csrf")
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not isinstance(expected, str) or not given or not hmac.compare_digest(expected, given):
        raise HTTPException(403, "the form has expired or did not come from servicefit; reload")


async def form_fields(request: Request) -> dict[str, str]:
    """The submitted form's text fields (for pages whose fields vary)."""
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


FormFields = Annotated[dict[str, str], Depends(form_fields)]


@dataclass(frozen=True)
class Signed:
    user: User
    organisation: Organisation

    @property
    def actor(self) -> str:
        return self.user.email


class NotSignedIn(Exception):
    pass


def signed_in(request: Request) -> Signed:
    user_id = request.session.get("user_id")
    if not isinstance(user_id, int):
        raise NotSignedIn
    uow = uow_of(request)
    with uow:
        found = uow.directory().user(user_id)
    if found is None or not found[0].active:
        request.session.clear()
        raise NotSignedIn
    return Signed(*found)


def requiring(permission: Permission) -> Callable[[Request], Signed]:
    def dependency(request: Request) -> Signed:
        signed = signed_in(request)
        if not signed.user.may(permission):
            raise HTTPException(403, f"your role may not {permission.value}")
        return signed

    return dependency


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
        " frame-ancestors 'self'; form-action 'self'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    if request.url.path.startswith(("/take/", "/candidates/")):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
