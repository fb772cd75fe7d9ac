"""Stored reviews of written answers, per organisation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from servicefit.domain.organisations import Organisation
from servicefit.domain.reviews import Review
from servicefit.storage.rows import InterviewRatingRow, WrittenReviewRow


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


@dataclass(frozen=True)
class InterviewRating:
    attempt_id: int
    competency_id: str
    rating: int
    interviewer: str
    notes: str


class SqlInterviewRatingRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def add(self, rating: InterviewRating) -> None:
        self._session.add(
            InterviewRatingRow(
                organisation_id=self._organisation.id,
                attempt_id=rating.attempt_id,
                competency_id=rating.competency_id,
                rating=rating.rating,
                interviewer=rating.interviewer,
                notes=rating.notes,
            )
        )
        self._session.flush()

    def for_attempt(self, attempt_id: int) -> list[InterviewRating]:
        query = (
            select(InterviewRatingRow)
            .filter_by(organisation_id=self._organisation.id, attempt_id=attempt_id)
            .order_by(InterviewRatingRow.id)
        )
        return [
            InterviewRating(r.attempt_id, r.competency_id, r.rating, r.interviewer, r.notes)
            for r in self._session.scalars(query)
        ]
