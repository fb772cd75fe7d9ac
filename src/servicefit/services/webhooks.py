"""Webhooks: the completion event's payload and delivery with signatures and back-off."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from servicefit.domain.organisations import Organisation
from servicefit.domain.webhook_signing import next_try, signature
from servicefit.errors import InvalidInput, InvalidInputProblem
from servicefit.services.results import result_document, stored_fit
from servicefit.storage.unit_of_work import UnitOfWork
from servicefit.storage.webhook_repository import Webhook

RESULT_PATH = "/candidates/{attempt_id}"


def completion_payload(
    uow: UnitOfWork, organisation: Organisation, invitation_id: int, base_url: str = ""
) -> dict[str, Any]:
    """The `assessment.completed` event (inside an open unit of work)."""
    invitation = uow.invitations_of(organisation).get(invitation_id)
    if invitation is None or invitation.attempt_id is None:
        raise KeyError(invitation_id)
    payload: dict[str, Any] = {
        "event": "assessment.completed",
        "invitation_id": invitation.id,
        "attempt_id": invitation.attempt_id,
        "job": invitation.profile_key,
        "candidate": {"name": invitation.candidate_name, "email": invitation.candidate_email},
        "status": "completed",
    }
    stored = uow.profiles_of(organisation).latest(invitation.profile_key)
    found = stored_fit(uow, organisation, invitation.attempt_id, stored.profile) if stored else None
    if found is not None:
        url = base_url + RESULT_PATH.format(attempt_id=invitation.attempt_id)
        payload["result"] = result_document(found[0], found[1], result_url=url)
    return payload


def add_webhook(uow: UnitOfWork, organisation: Organisation, url: str) -> Webhook:
    if not url.startswith(("https://", "http://")):
        raise InvalidInput([InvalidInputProblem("webhook", "url", "must start with https://")])
    with uow:
        hook = uow.webhooks_of(organisation).add(url=url, secret=secrets.token_hex(32))
        uow.commit()
    return hook


@dataclass(frozen=True)
class DeliveryRun:
    delivered: int
    retrying: int
    given_up: int


def deliver_due(
    uow: UnitOfWork, client: httpx.Client, *, now: datetime | None = None
) -> DeliveryRun:
    """Try every delivery that is due once; failures are rescheduled with back-off."""
    moment = now or datetime.now(UTC)
    with uow:
        due = uow.delivery_queue().due(moment)
    delivered = retrying = given_up = 0
    for delivery in due:
        body = json.dumps(delivery.payload, sort_keys=True).encode()
        stamp = int(moment.timestamp())
        headers = {
            "Content-Type": "application/json",
            "X-Servicefit-Event": delivery.event,
            "X-Servicefit-Delivery": str(delivery.id),
            "X-Servicefit-Timestamp": str(stamp),
            "X-Servicefit-Signature": signature(delivery.secret, stamp, body),
        }
        error = ""
        try:
            answer = client.post(delivery.url, content=body, headers=headers, timeout=10.0)
            ok = 200 <= answer.status_code < 300
            error = "" if ok else f"HTTP {answer.status_code}"
        except httpx.HTTPError as failure:
            ok, error = False, f"{type(failure).__name__}: {failure}"
        later = None if ok else next_try(delivery.tries + 1, moment)
        with uow:
            uow.delivery_queue().record_try(delivery.id, ok=ok, error=error, next_try_at=later)
            uow.commit()
        if ok:
            delivered += 1
        elif later is None:
            given_up += 1
        else:
            retrying += 1
    return DeliveryRun(delivered, retrying, given_up)
