"""Sessions, CSRF protection, the signed-in user, permissions and security headers."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


def audit(request: Request, signed: Signed, action: str, subject: str, detail: str = "") -> None:
    """Record in the organisation's audit log that the signed-in user did *action*."""
    uow = uow_of(request)
    with uow:
        uow.audit_of(signed.organisation).record(
            actor=signed.actor, action=action, subject=subject, detail=detail
        )
        uow.commit()


def requiring(permission: Permission) -> Callable[[Request], Signed]:
    def dependency(request: Request) -> Signed:
        signed = signed_in(request)
        if not signed.user.may(permission):
            raise HTTPException(403, f"your role may not {permission.value}")
        return signed

    return dependency


_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
        b" frame-ancestors 'self'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"SAMEORIGIN"),
]
_PRIVATE = (b"cache-control", b"no-store")


class SecurityHeaders:
    """Adds security headers to every response (a plain ASGI middleware: cheap)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = scope["path"].startswith(("/take/", "/candidates/"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [h for h in _HEADERS if h[0] not in present]
                if private and _PRIVATE[0] not in present:
                    extra.append(_PRIVATE)
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)
