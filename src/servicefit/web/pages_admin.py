"""Owner pages: users and roles, organisation settings, API tokens, webhooks, audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from servicefit.domain.accounts import Permission, Role
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.services.accounts import create_api_token, create_user
from servicefit.services.webhooks import add_webhook
from servicefit.storage.account_repository import OrganisationSettings
from servicefit.web.security import FormFields, Signed, requiring, verify_csrf
from servicefit.web.state import render, uow_of

router = APIRouter()
Owner = Annotated[Signed, Depends(requiring(Permission.MANAGE_USERS))]
Settler = Annotated[Signed, Depends(requiring(Permission.MANAGE_SETTINGS))]
Auditor = Annotated[Signed, Depends(requiring(Permission.VIEW_AUDIT))]
CSRF = [Depends(verify_csrf)]


@router.get("/users")
def users(request: Request, signed: Owner, notice: str = "") -> Response:
    uow = uow_of(request)
    with uow:
        people = uow.accounts_of(signed.organisation).users()
    created = request.session.pop("created_password", None)
    return render(
        request,
        "users.html.j2",
        signed=signed,
        people=people,
        roles=list(Role),
        created=created,
        notice=notice,
        title="Users",
    )


@router.post("/users", dependencies=CSRF)
def add_user(
    request: Request,
    signed: Owner,
    email: Annotated[str, Form()],
    name: Annotated[str, Form()],
    role: Annotated[str, Form()],
) -> Response:
    try:
        chosen = Role(role)
    except ValueError:
        raise InvalidInput(
            [InvalidInputProblem("new user form", "role", f"unknown role {role!r}")]
        ) from None
    user, password = create_user(
        uow_of(request), organisation=signed.organisation.slug, email=email, name=name, role=chosen
    )
    request.session["created_password"] = [user.email, password]
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{user_id}", dependencies=CSRF)
def change_user(request: Request, user_id: int, signed: Owner, form: FormFields) -> Response:
    try:
        role = Role(form.get("role", ""))
    except ValueError:
        raise InvalidInput([InvalidInputProblem("user form", "role", "choose a role")]) from None
    active = form.get("active") == "1"
    if user_id == signed.user.id and (role is not Role.OWNER or not active):
        raise InvalidInput(
            [InvalidInputProblem("user form", "role", "you cannot demote or deactivate yourself")]
        )
    uow = uow_of(request)
    with uow:
        changed = uow.accounts_of(signed.organisation).update_user(
            user_id, role=role, active=active
        )
        if changed is None:
            raise NotFound("user", str(user_id))
        uow.audit_of(signed.organisation).record(
            actor=signed.actor,
            action="changed user",
            subject=f"user:{user_id}",
            detail=f"{role.value} active={active}",
        )
        uow.commit()
    return RedirectResponse("/users?notice=saved", status_code=303)


@router.get("/settings")
def settings_page(request: Request, signed: Settler, notice: str = "") -> Response:
    uow = uow_of(request)
    with uow:
        accounts = uow.accounts_of(signed.organisation)
        current, tokens = accounts.settings(), accounts.tokens()
        hooks = uow.webhooks_of(signed.organisation).all()
        deliveries = uow.webhooks_of(signed.organisation).deliveries(20)
    return render(
        request,
        "settings.html.j2",
        signed=signed,
        settings=current,
        tokens=tokens,
        hooks=hooks,
        deliveries=deliveries,
        new_token=request.session.pop("new_token", None),
        notice=notice,
        title="Settings",
    )


@router.post("/settings", dependencies=CSRF)
def save_settings(request: Request, signed: Settler, form: FormFields) -> Response:
    problems = []
    numbers = {}
    for field, low, high in (("retention_days", 30, 3650), ("invitation_days", 1, 90)):
        raw = form.get(field, "")
        if not raw.isdigit() or not low <= int(raw) <= high:
            problems.append(
                InvalidInputProblem("settings form", field, f"must be a whole number {low}-{high}")
            )
        else:
            numbers[field] = int(raw)
    if problems:
        raise InvalidInput(problems)
    chosen = OrganisationSettings(
        candidate_report=form.get("candidate_report") == "1",
        retention_days=numbers["retention_days"],
        privacy_contact=form.get("privacy_contact", "").strip()[:200],
        invitation_days=numbers["invitation_days"],
    )
    uow = uow_of(request)
    with uow:
        uow.accounts_of(signed.organisation).save_settings(chosen)
        uow.audit_of(signed.organisation).record(
            actor=signed.actor, action="changed settings", subject="settings", detail=str(chosen)
        )
        uow.commit()
    return RedirectResponse("/settings?notice=saved", status_code=303)


@router.post("/settings/tokens", dependencies=CSRF)
def new_token(request: Request, signed: Settler, name: Annotated[str, Form()]) -> Response:
    request.session["new_token"] = create_api_token(uow_of(request), signed.organisation, name)
    return RedirectResponse("/settings", status_code=303)


@router.post("/settings/tokens/{token_id}/revoke", dependencies=CSRF)
def revoke_token(request: Request, token_id: int, signed: Settler) -> Response:
    uow = uow_of(request)
    with uow:
        if not uow.accounts_of(signed.organisation).revoke_token(token_id):
            raise NotFound("API token", str(token_id))
        uow.commit()
    return RedirectResponse("/settings?notice=revoked", status_code=303)


@router.post("/settings/webhooks", dependencies=CSRF)
def new_webhook(request: Request, signed: Settler, url: Annotated[str, Form()]) -> Response:
    add_webhook(uow_of(request), signed.organisation, url.strip())
    return RedirectResponse("/settings?notice=webhook", status_code=303)


@router.get("/audit")
def audit(request: Request, signed: Auditor, subject: str | None = None) -> Response:
    uow = uow_of(request)
    with uow:
        events = uow.audit_of(signed.organisation).events(subject=subject or None, limit=300)
    return render(
        request, "audit.html.j2", signed=signed, events=events, subject=subject, title="Audit log"
    )
