"""A reviewer overrides a machine level; the human level wins and agreement is tracked."""

from __future__ import annotations

import pytest

from servicefit.domain.items import WrittenItem
from servicefit.errors import InvalidInput
from servicefit.services import items, reviews, scoring
from servicefit.services.content import packaged_content
from servicefit.services.demo import set_up_demo
from servicefit.storage.unit_of_work import SqlUnitOfWork


def attempt_with_a_written_answer(uow: SqlUnitOfWork) -> tuple[int, str]:
    """A simulated, stored attempt and the id of a written sample it answered."""
    content = packaged_content()
    set_up_demo(uow, content)
    (attempt_id,) = scoring.simulate_attempts(
        uow, content, organisation="demo", profile_key="chat-email-support", count=1, seed=3
    )
    bank = items.packaged_bank()
    with uow:
        owner = uow.organisations.by_slug("demo")
        assert owner is not None
        attempt = uow.attempts_of(owner).get(attempt_id)
        assert attempt is not None
    written = [ref.id for ref in attempt.items if isinstance(bank.item(ref.id), WrittenItem)]
    assert written
    return attempt_id, written[0]


def test_a_human_level_wins_and_agreement_is_tracked(uow: SqlUnitOfWork) -> None:
    attempt_id, item_id = attempt_with_a_written_answer(uow)

    review, rescored = reviews.review_written_answer(
        uow,
        organisation="demo",
        attempt_id=attempt_id,
        item_id=item_id,
        dimension="clarity",
        level=5,
        reviewer="Ana Ruiz",
        reason="Clear structure and every fact right",
    )
    assert review.human_level == 5
    assert review.reviewer == "Ana Ruiz"
    assert review.machine_level in {1, 2, 3, 4, 5}
    details = [
        e.detail
        for c in rescored.competencies
        for e in c.evidence
        if e.key == f"{item_id}@1#clarity"
    ]
    assert details == ["clarity level 5/5 (human review)"]

    rows = {row.dimension: row for row in reviews.review_agreement(uow, organisation="demo")}
    assert rows["clarity"].pairs == 1
    assert rows["clarity"].exact == (1.0 if review.machine_level == 5 else 0.0)
    assert rows["empathy"].pairs == 0


def test_a_review_needs_a_known_dimension_and_a_reason(uow: SqlUnitOfWork) -> None:
    attempt_id, item_id = attempt_with_a_written_answer(uow)
    with pytest.raises(InvalidInput, match="unknown dimension 'tone'"):
        reviews.review_written_answer(
            uow,
            organisation="demo",
            attempt_id=attempt_id,
            item_id=item_id,
            dimension="tone",
            level=3,
            reviewer="Ana",
            reason="x",
        )
    with pytest.raises(InvalidInput, match="give a reason"):
        reviews.review_written_answer(
            uow,
            organisation="demo",
            attempt_id=attempt_id,
            item_id=item_id,
            dimension="empathy",
            level=3,
            reviewer="Ana",
            reason=" ",
        )
