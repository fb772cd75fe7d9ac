"""`servicefit serve`, `servicefit users create`, `servicefit purge`, `servicefit webhooks`."""

from __future__ import annotations

import os
import threading
from typing import Annotated

import httpx
import typer
import uvicorn

from servicefit.cli.options import OrganisationOption
from servicefit.cli.runtime import runtime
from servicefit.domain.accounts import Role
from servicefit.services.accounts import create_user, prune_rate_events
from servicefit.services.candidate_data import purge_expired
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.webhooks import deliver_due
from servicefit.web.app import create_app

users_app = typer.Typer(no_args_is_help=True, help="People who log in.")
webhooks_app = typer.Typer(no_args_is_help=True, help="Webhook deliveries.")
DELIVERY_SECONDS = 30.0


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes.")] = 1,
) -> None:
    """Start the web application (migrating the database first)."""
    rt = runtime(ctx)
    rt.upgrade_database()
    os.environ.setdefault("RAYON_NUM_THREADS", "1")  # one mirt thread per server process
    stop = threading.Event()
    sender = threading.Thread(target=_deliver_forever, args=(rt, stop), daemon=True)
    sender.start()
    typer.echo(
        f"servicefit on http://{host}:{port}  (database {rt.settings.effective_database_url})"
    )
    try:
        if workers == 1:
            uvicorn.run(create_app(rt.settings), host=host, port=port, log_level="warning")
        else:  # each worker process builds the app from the same SERVICEFIT_* variables
            uvicorn.run(
                "servicefit.web.app:app_from_environment",
                factory=True,
                host=host,
                port=port,
                workers=workers,
                log_level="warning",
            )
    finally:
        stop.set()


def _deliver_forever(rt: object, stop: threading.Event) -> None:
    from servicefit.cli.runtime import Runtime  # noqa: PLC0415

    assert isinstance(rt, Runtime)
    with httpx.Client() as client:
        while not stop.wait(DELIVERY_SECONDS):
            try:
                deliver_due(rt.uow(), client)
                prune_rate_events(rt.uow())
            except Exception as error:
                typer.echo(f"webhook delivery failed: {error}", err=True)


@users_app.command("create")
def create_user_command(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="Their e-mail address (the login).")],
    name: Annotated[str, typer.Option(help="Their name.")],
    role: Annotated[Role, typer.Option(help="owner, recruiter or reviewer.")] = Role.RECRUITER,
    organisation: OrganisationOption = None,
) -> None:
    """Create a login; its password is generated and printed once."""
    rt = runtime(ctx)
    user, password = create_user(
        rt.uow(),
        organisation=organisation or rt.settings.default_organisation,
        email=email,
        name=name,
        role=role,
    )
    typer.echo(f"created {user.email} ({user.role.value}); password (shown once): {password}")


def purge(ctx: typer.Context, organisation: OrganisationOption = None) -> None:
    """Erase candidates older than the organisation's retention period."""
    rt = runtime(ctx)
    uow = rt.uow()
    with uow:
        owner = organisation_by_slug(uow, organisation or rt.settings.default_organisation)
    erased = purge_expired(uow, owner)
    typer.echo(f"erased {erased} candidates past the retention period of {owner.slug}")


@webhooks_app.command("deliver")
def deliver_command(ctx: typer.Context) -> None:
    """Try every webhook delivery that is due, once."""
    rt = runtime(ctx)
    with httpx.Client() as client:
        run = deliver_due(rt.uow(), client)
    typer.echo(f"delivered {run.delivered}, retrying {run.retrying}, gave up {run.given_up}")
