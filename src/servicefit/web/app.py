"""The FastAPI application: `create_app(settings)`."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import HTTPException
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from servicefit.config import Settings, load_settings
from servicefit.errors import InvalidInput, NotFound
from servicefit.services.taking import warm_up
from servicefit.storage.database import make_engine, make_session_factory
from servicefit.web import (
    api,
    pages_admin,
    pages_auth,
    pages_candidates,
    pages_fairness,
    pages_jobs,
    pages_take,
)
from servicefit.web.security import NotSignedIn, SecurityHeaders
from servicefit.web.state import STATIC, WebState, make_templates, render

SESSION_SECONDS = 8 * 3600


def secret_key(settings: Settings) -> str:
    """The configured key; in development and tests, a random key kept in the data folder."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    path = Path(settings.data_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(settings: Settings) -> FastAPI:
    settings.check_safe()
    warm_up()
    engine = make_engine(settings.effective_database_url)
    app = FastAPI(
        title="servicefit",
        version="1",
        description="Customer-service talent assessment. JSON API under /api/v1.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.servicefit = WebState(settings, make_session_factory(engine), make_templates())
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key(settings),
        session_cookie="servicefit_session",
        max_age=SESSION_SECONDS,
        same_site="lax",
        https_only=settings.environment == "production",
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (  # candidates' pages first: routes are matched in order, theirs are hot
        pages_take,
        pages_auth,
        pages_jobs,
        pages_candidates,
        pages_admin,
        pages_fairness,
    ):
        app.include_router(module.router)
    app.include_router(api.router)
    _errors(app)
    return app


def app_from_environment() -> FastAPI:
    """The app built from SERVICEFIT_* variables (what each server process imports)."""
    return create_app(load_settings())


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _errors(app: FastAPI) -> None:
    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, _error: NotSignedIn) -> Response:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, error: NotFound) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(error)}, status_code=404)
        return render(request, "error.html.j2", 404, title="Not found", message=str(error))

    @app.exception_handler(InvalidInput)
    async def invalid(request: Request, error: InvalidInput) -> Response:
        problems = [str(p) for p in error.problems]
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        return render(request, "error.html.j2", 400, title="Please check", problems=problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=error.headers
            )
        return render(
            request, "error.html.j2", error.status_code, title="Sorry", message=str(error.detail)
        )
