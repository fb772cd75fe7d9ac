"""Repositories for attempts, their responses, and calibrated parameter sets."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Integer, bindparam, cast, delete, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from servicefit.domain.answers import BrowserEvent, Response
from servicefit.domain.attempts import Attempt
from servicefit.domain.competency_scores import ParameterSet
from servicefit.domain.items import ItemRef
from servicefit.domain.language import LANGUAGES, Language
from servicefit.domain.organisations import Organisation
from servicefit.psychometrics.irt import ItemParameters
from servicefit.storage.answer_documents import answer_from_document, answer_to_document
from servicefit.storage.rows import (
    AttemptRow,
    Base,
    InterviewRatingRow,
    JobProfileRow,
    JobProfileVersionRow,
    ParameterSetRow,
    ResponseRow,
    WrittenReviewRow,
    utc_now,
)
from servicefit.storage.web_rows import InvitationRow, SectionTimingRow


class AttemptRepository(Protocol):
    def add(self, attempt: Attempt) -> Attempt: ...
    def get(self, attempt_id: int) -> Attempt | None: ...
    def finished_ids(self) -> list[int]: ...
    def count(self) -> int: ...
    def save_responses(self, attempt: Attempt) -> None: ...
    def save_response(self, attempt_id: int, response: Response) -> None: ...
    def save_response_if_open(
        self,
        *,
        token_hash: str,
        attempt_id: int,
        section: int,
        response: Response,
        now: datetime,
        deadline_from: datetime,
    ) -> bool: ...
    def item_refs(self, attempt_id: int) -> tuple[ItemRef, ...]: ...
    def responses(self, attempt_id: int) -> dict[str, Response]: ...
    def response(self, attempt_id: int, item_id: str) -> Response | None: ...
    def finish(self, attempt_id: int, at: datetime) -> None: ...
    def erase(self, attempt_id: int) -> None: ...
    def save_scores(
        self, attempt_id: int, *, parameter_version: str, scores: dict[str, Any]
    ) -> None: ...
    def scores(self, attempt_id: int) -> dict[str, Any] | None: ...
    def summaries(self) -> list[dict[str, Any]]: ...


class ParameterSetRepository(Protocol):
    def latest(self) -> ParameterSet | None: ...
    def add(self, *, parameters: dict[str, ItemParameters], report: dict[str, Any]) -> str: ...


def _ref(text: str) -> ItemRef:
    item_id, _, version = text.rpartition("@")
    return ItemRef(item_id, int(version))


def _response(
    item_id: str, version: int, answer: dict[str, Any], seconds: float, events: dict[str, Any]
) -> Response:
    return Response(
        item=ItemRef(item_id, version),
        answer=answer_from_document(answer),
        seconds=seconds,
        events=tuple(BrowserEvent(e) for e in events.get("events", [])),
    )


def _language(value: str) -> Language:
    for language in LANGUAGES:
        if language == value:
            return language
    raise ValueError(f"unknown language {value!r}")


_responses = Base.metadata.tables[ResponseRow.__tablename__]  # a Table, for Core statements
_RESPONSES = (  # Core, built once (the candidate's hot path)
    select(
        _responses.c.item_id,
        _responses.c.item_version,
        _responses.c.answer,
        _responses.c.seconds,
        _responses.c.events,
    )
    .where(
        _responses.c.attempt_id == bindparam("attempt_id"),
        _responses.c.organisation_id == bindparam("organisation_id"),
    )
    .order_by(_responses.c.id)
)
_RESPONSE_COLUMNS = (
    "organisation_id",
    "attempt_id",
    "item_id",
    "item_version",
    "answer",
    "seconds",
    "events",
    "created_at",
)


@cache
def _save_if_open(dialect: str) -> Any:
    """INSERT the response SELECTed from the link's open invitation, attempt and section
    clock (no row: nothing written); on a second answer to the item, replace it. Values
    are bound per call; PostgreSQL needs their types spelt out in a SELECT list."""
    invitations, attempts = InvitationRow.__table__, AttemptRow.__table__
    timings = SectionTimingRow.__table__
    moment = timings.c.deadline_at.type

    def value(name: str) -> ColumnElement[Any]:
        column = _responses.c[name]
        bound = bindparam(name, type_=column.type)
        return cast(bound, column.type) if dialect == "postgresql" else bound

    source = (
        select(*(value(name) for name in _RESPONSE_COLUMNS))
        .select_from(invitations)
        .join(attempts, attempts.c.id == invitations.c.attempt_id)
        .join(timings, timings.c.attempt_id == attempts.c.id)
        .where(
            invitations.c.token_hash == bindparam("if_token_hash"),
            invitations.c.organisation_id == bindparam("if_organisation_id", type_=Integer),
            invitations.c.attempt_id == bindparam("if_attempt_id", type_=Integer),
            invitations.c.expires_at > bindparam("if_now", type_=moment),
            attempts.c.finished_at.is_(None),
            timings.c.position == bindparam("if_section", type_=Integer),
            timings.c.closed_at.is_(None),
            timings.c.deadline_at >= bindparam("if_deadline_from", type_=moment),
        )
    )
    statement = _insert(dialect).from_select(list(_RESPONSE_COLUMNS), source)
    return _replacing_the_answer(statement).returning(_responses.c.id)


@cache
def _save(dialect: str) -> Any:
    """INSERT one response, or replace the item's earlier answer; values bound per call."""
    values = {name: bindparam(name, type_=_responses.c[name].type) for name in _RESPONSE_COLUMNS}
    return _replacing_the_answer(_insert(dialect).values(values))


def _insert(dialect: str) -> Any:
    """An INSERT into responses that can say ON CONFLICT (Core: no ORM bulk mode)."""
    return (postgresql_insert if dialect == "postgresql" else sqlite_insert)(_responses)


def _replacing_the_answer(insert: Any) -> Any:
    """*insert*, which on a second answer to the same item replaces the first one."""
    return insert.on_conflict_do_update(
        index_elements=["attempt_id", "item_id"],
        set_={name: insert.excluded[name] for name in ("answer", "seconds", "events")},
    )


class SqlAttemptRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def _row(self, attempt_id: int) -> AttemptRow | None:
        query = select(AttemptRow).filter_by(id=attempt_id, organisation_id=self._organisation.id)
        return self._session.scalars(query).one_or_none()

    def add(self, attempt: Attempt) -> Attempt:
        version_id = self._session.scalars(
            select(JobProfileVersionRow.id)
            .join(JobProfileRow, JobProfileRow.id == JobProfileVersionRow.profile_id)
            .where(
                JobProfileRow.organisation_id == self._organisation.id,
                JobProfileRow.key == attempt.profile_key,
                JobProfileVersionRow.version == attempt.profile_version,
            )
        ).one()
        row = AttemptRow(
            organisation_id=self._organisation.id,
            profile_version_id=version_id,
            candidate=attempt.candidate,
            language=attempt.language,
            items={"items": [str(ref) for ref in attempt.items]},
            simulated=attempt.simulated,
            finished_at=attempt.finished_at,
        )
        self._session.add(row)
        self._session.flush()
        attempt.id = row.id
        self.save_responses(attempt)
        return attempt

    def save_responses(self, attempt: Attempt) -> None:
        if attempt.id is None:
            raise ValueError("the attempt has not been added")
        row = self._row(attempt.id)
        if row is None:
            raise KeyError(attempt.id)
        stored = {
            r.item_id: r
            for r in self._session.scalars(select(ResponseRow).filter_by(attempt_id=attempt.id))
        }
        for response in attempt.responses.values():
            document = answer_to_document(response.answer)
            events = {"events": [event.value for event in response.events]}
            existing = stored.get(response.item.id)
            if existing is None:
                self._session.add(
                    ResponseRow(
                        organisation_id=self._organisation.id,
                        attempt_id=attempt.id,
                        item_id=response.item.id,
                        item_version=response.item.version,
                        answer=document,
                        seconds=response.seconds,
                        events=events,
                    )
                )
            else:
                existing.answer, existing.seconds, existing.events = (
                    document,
                    response.seconds,
                    events,
                )
        row.finished_at = attempt.finished_at
        self._session.flush()

    def _response_values(self, attempt_id: int, response: Response) -> dict[str, Any]:
        return {
            "organisation_id": self._organisation.id,
            "attempt_id": attempt_id,
            "item_id": response.item.id,
            "item_version": response.item.version,
            "answer": answer_to_document(response.answer),
            "seconds": response.seconds,
            "events": {"events": [event.value for event in response.events]},
            "created_at": utc_now(),
        }

    def save_response(self, attempt_id: int, response: Response) -> None:
        """Keep one answer: insert it, or replace the item's earlier answer (one statement,
        safe when the same answer arrives twice at once)."""
        dialect = self._session.get_bind().dialect.name
        self._session.execute(_save(dialect), self._response_values(attempt_id, response))

    def save_response_if_open(
        self,
        *,
        token_hash: str,
        attempt_id: int,
        section: int,
        response: Response,
        now: datetime,
        deadline_from: datetime,
    ) -> bool:
        """Keep one answer only if, at this moment, the link *token_hash* still leads to
        the attempt, the invitation has not expired, the attempt is not finished and the
        clock of *section* is open with its deadline at or after *deadline_from*: one
        INSERT ... SELECT ... ON CONFLICT statement, built once (the candidate's hot path).
        False when a condition failed and nothing was written."""
        dialect = self._session.get_bind().dialect.name
        parameters = self._response_values(attempt_id, response) | {
            "if_token_hash": token_hash,
            "if_organisation_id": self._organisation.id,
            "if_attempt_id": attempt_id,
            "if_section": section,
            "if_now": now,
            "if_deadline_from": deadline_from,
        }
        return self._session.execute(_save_if_open(dialect), parameters).first() is not None

    def finish(self, attempt_id: int, at: datetime) -> None:
        row = self._row(attempt_id)
        if row is None:
            raise KeyError(attempt_id)
        row.finished_at = row.finished_at or at
        self._session.flush()

    def erase(self, attempt_id: int) -> None:
        """Delete the attempt and everything recorded about it."""
        row = self._row(attempt_id)
        if row is None:
            return
        for table in (ResponseRow, WrittenReviewRow, InterviewRatingRow):
            self._session.execute(delete(table).where(table.attempt_id == attempt_id))
        self._session.delete(row)
        self._session.flush()

    def get(self, attempt_id: int) -> Attempt | None:
        """The attempt with every response (column reads, no ORM objects: it is on the
        candidate's hot path)."""
        found = self._session.execute(
            select(
                AttemptRow.id,
                AttemptRow.organisation_id,
                AttemptRow.candidate,
                AttemptRow.language,
                AttemptRow.items,
                AttemptRow.simulated,
                AttemptRow.finished_at,
                AttemptRow.parameter_version,
                JobProfileRow.key,
                JobProfileVersionRow.version,
            )
            .join(JobProfileVersionRow, JobProfileVersionRow.id == AttemptRow.profile_version_id)
            .join(JobProfileRow, JobProfileRow.id == JobProfileVersionRow.profile_id)
            .where(AttemptRow.id == attempt_id, AttemptRow.organisation_id == self._organisation.id)
        ).one_or_none()
        if found is None:
            return None
        responses = self.responses(attempt_id)
        return Attempt(
            id=found.id,
            organisation_id=found.organisation_id,
            profile_key=found.key,
            profile_version=found.version,
            candidate=found.candidate,
            language=_language(found.language),
            items=tuple(_ref(text) for text in found.items["items"]),
            responses=responses,
            simulated=found.simulated,
            finished_at=found.finished_at,
            parameter_version=found.parameter_version,
        )

    def responses(self, attempt_id: int) -> dict[str, Response]:
        """The attempt's responses by item id, in the order they were first given."""
        rows = self._session.execute(
            _RESPONSES, {"attempt_id": attempt_id, "organisation_id": self._organisation.id}
        )
        return {
            r.item_id: _response(r.item_id, r.item_version, r.answer, r.seconds, r.events)
            for r in rows
        }

    def item_refs(self, attempt_id: int) -> tuple[ItemRef, ...]:
        """Exactly the item versions the attempt was given (empty if there is none)."""
        items = self._session.scalar(
            select(AttemptRow.items).where(
                AttemptRow.id == attempt_id, AttemptRow.organisation_id == self._organisation.id
            )
        )
        return tuple(_ref(text) for text in items["items"]) if items else ()

    def response(self, attempt_id: int, item_id: str) -> Response | None:
        found = self._session.execute(
            select(
                ResponseRow.item_version,
                ResponseRow.answer,
                ResponseRow.seconds,
                ResponseRow.events,
            ).where(
                ResponseRow.attempt_id == attempt_id,
                ResponseRow.item_id == item_id,
                ResponseRow.organisation_id == self._organisation.id,
            )
        ).one_or_none()
        if found is None:
            return None
        return _response(item_id, found.item_version, found.answer, found.seconds, found.events)

    def count(self) -> int:
        query = select(func.count()).where(AttemptRow.organisation_id == self._organisation.id)
        return int(self._session.scalar(query) or 0)

    def finished_ids(self) -> list[int]:
        query = (
            select(AttemptRow.id)
            .where(AttemptRow.organisation_id == self._organisation.id)
            .where(AttemptRow.finished_at.is_not(None))
            .order_by(AttemptRow.id)
        )
        return list(self._session.scalars(query))

    def save_scores(
        self, attempt_id: int, *, parameter_version: str, scores: dict[str, Any]
    ) -> None:
        row = self._row(attempt_id)
        if row is None:
            raise KeyError(attempt_id)
        row.parameter_version = parameter_version
        row.scores = scores
        self._session.flush()

    def scores(self, attempt_id: int) -> dict[str, Any] | None:
        row = self._row(attempt_id)
        return row.scores if row else None

    def summaries(self) -> list[dict[str, Any]]:
        query = (
            select(AttemptRow, JobProfileRow.key)
            .join(JobProfileVersionRow, JobProfileVersionRow.id == AttemptRow.profile_version_id)
            .join(JobProfileRow, JobProfileRow.id == JobProfileVersionRow.profile_id)
            .where(AttemptRow.organisation_id == self._organisation.id)
            .order_by(AttemptRow.id)
        )
        return [
            {
                "id": row.id,
                "candidate": row.candidate,
                "profile": key,
                "language": row.language,
                "simulated": row.simulated,
                "finished": row.finished_at is not None,
                "parameter_version": row.parameter_version,
            }
            for row, key in self._session.execute(query)
        ]


class SqlParameterSetRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def latest(self) -> ParameterSet | None:
        query = (
            select(ParameterSetRow)
            .filter_by(organisation_id=self._organisation.id)
            .order_by(ParameterSetRow.version.desc())
            .limit(1)
        )
        row = self._session.scalars(query).one_or_none()
        if row is None:
            return None
        return ParameterSet(
            version=f"calibration-{row.version}",
            parameters={
                key: ItemParameters(float(value["a"]), tuple(float(b) for b in value["thresholds"]))
                for key, value in row.parameters.items()
            },
        )

    def add(self, *, parameters: dict[str, ItemParameters], report: dict[str, Any]) -> str:
        current = self._session.scalar(
            select(func.coalesce(func.max(ParameterSetRow.version), 0)).where(
                ParameterSetRow.organisation_id == self._organisation.id
            )
        )
        version = int(current or 0) + 1
        self._session.add(
            ParameterSetRow(
                organisation_id=self._organisation.id,
                version=version,
                parameters={
                    key: {"a": p.a, "thresholds": list(p.thresholds)}
                    for key, p in parameters.items()
                },
                report=report,
            )
        )
        self._session.flush()
        return f"calibration-{version}"
