"""The candidate's answer path on a real engine (SQLite, and PostgreSQL when configured):
once the process knows a link's attempt, an answer is one statement that writes only
while the link, the attempt and the section's clock accept it; every refusal still
names its reason and writes nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, event, make_url

from servicefit.config import Settings
from servicefit.domain.answers import Response
from servicefit.domain.items import Item
from servicefit.domain.section_timing import GRACE
from servicefit.services.candidate_data import erase_candidate
from servicefit.services.content import packaged_content
from servicefit.services.invitations import NewCandidate, invite, resend
from servicefit.services.organisations import create_organisation
from servicefit.services.profiles import create_from_template
from servicefit.services.taking import (
    LinkProblem,
    SectionClosed,
    choose_language,
    finish,
    finish_practice,
    give_consent,
    record_answer,
    where,
)
from servicefit.storage.database import make_engine, make_session_factory
from servicefit.storage.migrate import upgrade
from servicefit.storage.unit_of_work import SqlUnitOfWork
from servicefit.web.answer_forms import response_from_form

JOB = "inbound-call-centre"
FORM = {"education": "secondary", "experience": "retail", "years": "2", "cefr": "B2"}
FORM |= {"language": "en", "availability_weekdays": "1", "option": "a", "value": "4"}


@pytest.fixture(scope="module")
def engine(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A database of its own: these tests commit, as the web application does."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        fresh = f"sqlite:///{tmp_path_factory.mktemp('answers') / 'answers.db'}"
    else:
        name = f"{url.database}_answers_{os.getpid()}"
        server = url.set(drivername="postgresql", database="postgres")
        with psycopg.connect(server.render_as_string(hide_password=False), autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        fresh = url.set(database=name).render_as_string(hide_password=False)
    upgrade(url=fresh)
    made = make_engine(fresh)
    yield made
    made.dispose()
    if url.get_backend_name() != "sqlite":
        with psycopg.connect(server.render_as_string(hide_password=False), autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Candidate:
    uow: SqlUnitOfWork
    settings: Settings
    token: str
    invitation_id: int
    organisation: Any


def _token(link: str) -> str:
    return link.rsplit("/", 1)[1]


@pytest.fixture
def candidate(engine: Engine, tmp_path: Path, request: pytest.FixtureRequest) -> Candidate:
    """A candidate of a new organisation who has consented and practised."""
    uow = SqlUnitOfWork(make_session_factory(engine))
    settings = Settings(data_dir=tmp_path, database_url=str(engine.url), environment="test")
    content = packaged_content()
    slug = f"org-{abs(hash(request.node.name)) % 10**8}"
    organisation = create_organisation(uow, slug=slug, name="Answer Path Ltd")
    create_from_template(
        uow, content, organisation=slug, template_id="inbound_call_centre", name=JOB
    )
    sent = invite(
        uow,
        settings,
        organisation,
        profile_key=JOB,
        candidates=[NewCandidate("Ada Candidate", "ada@example.com")],
        actor="test",
        minutes=20,
    )[0]
    token = _token(sent.link)
    now = datetime.now(UTC)
    choose_language(uow, token, "en")
    give_consent(uow, token, now)
    finish_practice(uow, token)
    return Candidate(uow, settings, token, sent.invitation.id, organisation)


def _read(item: Item) -> Response:
    return response_from_form(item, FORM | {"seconds": "3"})


@contextmanager
def _statements(engine: Engine) -> Iterator[list[str]]:
    """The first word of every statement sent to the database meanwhile."""
    seen: list[str] = []

    def keep(*args: Any) -> None:
        seen.append(str(args[2]).split()[0].upper())

    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def test_a_known_link_keeps_an_answer_in_one_statement(
    engine: Engine, candidate: Candidate
) -> None:
    step = where(candidate.uow, candidate.token, datetime.now(UTC))  # the page: link now known
    assert step.kind == "item"
    assert step.item is not None
    with _statements(engine) as seen:
        kept = record_answer(candidate.uow, candidate.token, step.item.id, _read, datetime.now(UTC))
    assert kept
    assert [s for s in seen if s not in ("BEGIN", "COMMIT", "ROLLBACK")] == ["INSERT"]
    after = where(candidate.uow, candidate.token, datetime.now(UTC))
    assert after.attempt is not None
    assert step.item.id in after.attempt.responses
    assert after.answered == 1


def test_an_answer_after_the_section_deadline_is_refused_and_nothing_is_written(
    candidate: Candidate,
) -> None:
    step = where(candidate.uow, candidate.token, datetime.now(UTC))
    assert step.item is not None
    assert step.clock is not None
    late = step.clock.deadline_at + GRACE + timedelta(seconds=1)
    with pytest.raises(SectionClosed, match="not in an open section"):
        record_answer(candidate.uow, candidate.token, step.item.id, _read, late)
    in_time = step.clock.deadline_at + GRACE
    assert record_answer(candidate.uow, candidate.token, step.item.id, _read, in_time)
    after = where(candidate.uow, candidate.token, datetime.now(UTC))
    assert after.attempt is not None
    assert list(after.attempt.responses) == [step.item.id]


def test_a_resent_link_stops_the_old_one_even_in_a_process_that_knew_it(
    candidate: Candidate,
) -> None:
    step = where(candidate.uow, candidate.token, datetime.now(UTC))
    assert step.item is not None
    sent = resend(
        candidate.uow,
        candidate.settings,
        candidate.organisation,
        candidate.invitation_id,
        actor="test",
    )
    with pytest.raises(LinkProblem):
        record_answer(candidate.uow, candidate.token, step.item.id, _read, datetime.now(UTC))
    fresh = _token(sent.link)
    assert where(candidate.uow, fresh, datetime.now(UTC)).item == step.item
    assert record_answer(candidate.uow, fresh, step.item.id, _read, datetime.now(UTC))


def test_a_finished_or_erased_attempt_takes_no_answer(candidate: Candidate) -> None:
    step = where(candidate.uow, candidate.token, datetime.now(UTC))
    assert step.item is not None
    assert record_answer(candidate.uow, candidate.token, step.item.id, _read, datetime.now(UTC))
    finish(candidate.uow, candidate.token, datetime.now(UTC))
    with pytest.raises(SectionClosed, match="no more answers"):
        record_answer(candidate.uow, candidate.token, step.item.id, _read, datetime.now(UTC))
    erase_candidate(candidate.uow, candidate.organisation, candidate.invitation_id, actor="test")
    with pytest.raises(LinkProblem):
        record_answer(candidate.uow, candidate.token, step.item.id, _read, datetime.now(UTC))


def test_a_process_remembers_the_most_recently_used_links_only(
    candidate: Candidate, monkeypatch: pytest.MonkeyPatch
) -> None:
    from servicefit.services import taking  # noqa: PLC0415 - its private cache, patched here

    monkeypatch.setattr(taking, "MAX_LINKS", 2)
    for key in ("a", "b"):
        taking._remember(key, taking._Link(candidate.organisation))
    assert taking._known("a") is not None  # "a" is now the most recently used
    taking._remember("c", taking._Link(candidate.organisation))
    assert taking._known("b") is None
    assert taking._known("a") is not None
    # a forgotten link still answers (through the longer path), and is remembered again
    step = where(candidate.uow, candidate.token, datetime.now(UTC))
    assert step.item is not None
    assert record_answer(candidate.uow, candidate.token, step.item.id, _read, datetime.now(UTC))
