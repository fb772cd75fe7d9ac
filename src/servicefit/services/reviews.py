"""Human review of written answers, and machine-human agreement."""

from __future__ import annotations

from datetime import UTC, datetime

from servicefit.domain.answers import WrittenAnswer
from servicefit.domain.attempt_scoring import AttemptScore
from servicefit.domain.items import WrittenItem
from servicefit.domain.reviews import DimensionAgreement, InvalidReview, Review, agreement
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.services.items import organisation_bank
from servicefit.services.organisations import organisation_by_slug
from servicefit.services.scoring import default_rater, score_stored_attempt
from servicefit.storage.unit_of_work import UnitOfWork


def _problem(field: str, message: str) -> InvalidInput:
    return InvalidInput([InvalidInputProblem(source="review", field=field, message=message)])


def review_written_answer(
    uow: UnitOfWork,
    *,
    organisation: str,
    attempt_id: int,
    item_id: str,
    dimension: str,
    level: int | None,
    reviewer: str,
    reason: str,
) -> tuple[Review, AttemptScore]:
    """Record a reviewer's level (who, when, old and new level); the attempt is rescored."""
    bank = organisation_bank(uow, organisation=organisation)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        attempt = uow.attempts_of(owner).get(attempt_id)
        if attempt is None:
            raise NotFound(f"attempt in {organisation}", str(attempt_id))
        response = attempt.responses.get(item_id)
        item = bank.item(item_id) if response else None
        if not isinstance(item, WrittenItem) or response is None:
            raise _problem(
                "item", f"{item_id!r} is not an answered written sample of attempt {attempt_id}"
            )
        if not isinstance(response.answer, WrittenAnswer) or item.channel is None:
            raise _problem("item", f"{item_id!r} has no written answer")
        rating = default_rater().rate(
            response.answer.text,
            customer_message=item.customer_message.in_language(attempt.language),
            channel=item.channel,
            language=attempt.language,
            rubric=item.rubric,
        )
        try:
            review = Review(
                attempt_id=attempt_id,
                item_id=item_id,
                dimension=dimension,
                machine_level=rating.levels.get(dimension),
                human_level=level,
                reviewer=reviewer,
                reason=reason,
                at=datetime.now(UTC),
            )
        except InvalidReview as error:
            raise _problem("review", str(error)) from None
        uow.reviews_of(owner).add(review)
        uow.commit()
    return review, score_stored_attempt(uow, organisation=organisation, attempt_id=attempt_id)


def review_agreement(uow: UnitOfWork, *, organisation: str) -> list[DimensionAgreement]:
    with uow:
        owner = organisation_by_slug(uow, organisation)
        return agreement(uow.reviews_of(owner).all())
