"""Stored reviews of written answers, per organisation."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from servicefit.domain.organisations import Organisation
from servicefit.domain.reviews import Review
from servicefit.storage.rows import WrittenReviewRow


class ReviewRepository(Protocol):
    def add(self, review: Review) -> None: ...
    def for_attempt(self, attempt_id: int) -> list[Review]: ...
    def all(self) -> list[Review]: ...


class SqlReviewRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def add(self, review: Review) -> None:
        self._session.add(
            WrittenReviewRow(
                organisation_id=self._organisation.id,
                attempt_id=review.attempt_id,
                item_id=review.item_id,
                dimension=review.dimension,
                machine_level=review.machine_level,
                human_level=review.human_level,
                reviewer=review.reviewer,
                reason=review.reason,
                created_at=review.at,
            )
        )
        self._session.flush()

    def _query(self, attempt_id: int | None) -> list[Review]:
        query = select(WrittenReviewRow).filter_by(organisation_id=self._organisation.id)
        if attempt_id is not None:
            query = query.filter_by(attempt_id=attempt_id)
        return [
            Review(
                attempt_id=row.attempt_id,
                item_id=row.item_id,
                dimension=row.dimension,
                machine_level=row.machine_level,
                human_level=row.human_level,
                reviewer=row.reviewer,
                reason=row.reason,
                at=row.created_at,
            )
            for row in self._session.scalars(query.order_by(WrittenReviewRow.id))
        ]

    def for_attempt(self, attempt_id: int) -> list[Review]:
        return self._query(attempt_id)

    def all(self) -> list[Review]:
        return self._query(None)
