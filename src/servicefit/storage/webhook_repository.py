"""Webhooks of one organisation and the queue of their deliveries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from servicefit.domain.organisations import Organisation
from servicefit.storage.rows import utc_now
from servicefit.storage.web_rows import (
    WebhookDeliveryRow,
    WebhookRow,
    as_utc,
    as_utc_or_none,
)


@dataclass(frozen=True)
class Webhook:
    id: int
    url: str
    secret: str
    active: bool


@dataclass(frozen=True)
class Delivery:
    id: int
    organisation_id: int
    webhook_id: int
    url: str
    secret: str
    event: str
    payload: dict[str, Any]
    tries: int
    next_try_at: datetime
    delivered_at: datetime | None
    failed_at: datetime | None
    last_error: str


def _delivery(row: WebhookDeliveryRow, hook: WebhookRow) -> Delivery:
    return Delivery(
        row.id,
        row.organisation_id,
        row.webhook_id,
        hook.url,
        hook.secret,
        row.event,
        row.payload,
        row.tries,
        as_utc(row.next_try_at),
        as_utc_or_none(row.delivered_at),
        as_utc_or_none(row.failed_at),
        row.last_error,
    )


class SqlWebhookRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def add(self, *, url: str, secret: str) -> Webhook:
        row = WebhookRow(organisation_id=self._organisation.id, url=url, secret=secret)
        self._session.add(row)
        self._session.flush()
        return Webhook(row.id, row.url, row.secret, row.active)

    def all(self) -> list[Webhook]:
        query = select(WebhookRow).filter_by(organisation_id=self._organisation.id)
        return [
            Webhook(row.id, row.url, row.secret, row.active)
            for row in self._session.scalars(query.order_by(WebhookRow.id))
        ]

    def deactivate(self, webhook_id: int) -> bool:
        query = select(WebhookRow).filter_by(id=webhook_id, organisation_id=self._organisation.id)
        row = self._session.scalars(query).one_or_none()
        if row is None:
            return False
        row.active = False
        self._session.flush()
        return True

    def enqueue(self, event: str, payload: dict[str, Any]) -> int:
        """Queue *event* for every active webhook; the number queued."""
        hooks = [hook for hook in self.all() if hook.active]
        for hook in hooks:
            self._session.add(
                WebhookDeliveryRow(
                    organisation_id=self._organisation.id,
                    webhook_id=hook.id,
                    event=event,
                    payload=payload,
                )
            )
        self._session.flush()
        return len(hooks)

    def deliveries(self, limit: int = 50) -> list[Delivery]:
        query = (
            select(WebhookDeliveryRow, WebhookRow)
            .join(WebhookRow, WebhookRow.id == WebhookDeliveryRow.webhook_id)
            .where(WebhookDeliveryRow.organisation_id == self._organisation.id)
            .order_by(WebhookDeliveryRow.id.desc())
            .limit(limit)
        )
        return [_delivery(row, hook) for row, hook in self._session.execute(query)]


class SqlDeliveryQueue:
    """Deliveries due now, across organisations (the sender works for all of them)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def due(self, now: datetime, limit: int = 20) -> list[Delivery]:
        query = (
            select(WebhookDeliveryRow, WebhookRow)
            .join(WebhookRow, WebhookRow.id == WebhookDeliveryRow.webhook_id)
            .where(
                WebhookDeliveryRow.delivered_at.is_(None),
                WebhookDeliveryRow.failed_at.is_(None),
                WebhookDeliveryRow.next_try_at <= now,
            )
            .order_by(WebhookDeliveryRow.next_try_at)
            .limit(limit)
        )
        return [_delivery(row, hook) for row, hook in self._session.execute(query)]

    def record_try(
        self, delivery_id: int, *, ok: bool, error: str, next_try_at: datetime | None
    ) -> None:
        """One try: delivered, or failed with the next try's time (None: given up)."""
        row = self._session.get(WebhookDeliveryRow, delivery_id)
        if row is None:
            raise KeyError(delivery_id)
        row.tries += 1
        row.last_error = error[:2000]
        now = utc_now()
        if ok:
            row.delivered_at = now
        elif next_try_at is None:
            row.failed_at = now
        else:
            row.next_try_at = next_try_at
        self._session.flush()
