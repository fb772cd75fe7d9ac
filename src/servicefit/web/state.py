"""What every request needs: settings, units of work, templates."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session, sessionmaker

from servicefit.config import Settings
from servicefit.domain.accounts import Permission
from servicefit.storage.unit_of_work import SqlUnitOfWork

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


@dataclass
class WebState:
    settings: Settings
    session_factory: sessionmaker[Session]
    templates: Environment

    def uow(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.session_factory)


def make_templates() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["P"] = Permission
    return environment


def state_of(request: Request) -> WebState:
    found: WebState = request.app.state.servicefit
    return found


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def uow_of(request: Request) -> SqlUnitOfWork:
    return state_of(request).uow()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    environment = state_of(request).templates
    html = environment.get_template(template).render(
        request=request, csrf_token=csrf_token(request), **context
    )
    return HTMLResponse(html, status_code=status_code)
