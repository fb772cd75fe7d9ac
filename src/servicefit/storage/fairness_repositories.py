"""Stored demographics (kept apart from attempts) and criterion outcomes, per organisation.

Scoring code never uses these repositories: demographics are read only by the
fairness analyses, inside one audit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from servicefit.domain.demographics import DemographicCategories, DemographicField, SelfReport
from servicefit.domain.organisations import Organisation
from servicefit.domain.outcomes import Outcome
from servicefit.storage.rows import (
    DemographicCategoriesRow,
    DemographicsRow,
    OutcomeRow,
    ParameterSetRow,
    utc_now,
)


class DemographicsRepository(Protocol):
    def categories(self, jurisdiction: str) -> DemographicCategories | None: ...
    def set_categories(self, categories: DemographicCategories) -> None: ...
    def save(self, report: SelfReport) -> None: ...
    def all(self) -> list[SelfReport]: ...


class OutcomeRepository(Protocol):
    def add_all(self, outcomes: Sequence[Outcome]) -> int: ...
    def all(self) -> list[Outcome]: ...


class SqlDemographicsRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def _categories_row(self, jurisdiction: str) -> DemographicCategoriesRow | None:
        return self._session.scalars(
            select(DemographicCategoriesRow).filter_by(
                organisation_id=self._organisation.id, jurisdiction=jurisdiction
            )
        ).one_or_none()

    def categories(self, jurisdiction: str) -> DemographicCategories | None:
        row = self._categories_row(jurisdiction)
        if row is None:
            return None
        return DemographicCategories(
            jurisdiction=row.jurisdiction,
            fields=tuple(
                DemographicField(f["key"], tuple(f["options"])) for f in row.categories["fields"]
            ),
        )

    def set_categories(self, categories: DemographicCategories) -> None:
        document = {
            "fields": [{"key": f.key, "options": list(f.options)} for f in categories.fields]
        }
        row = self._categories_row(categories.jurisdiction)
        if row is None:
            self._session.add(
                DemographicCategoriesRow(
                    organisation_id=self._organisation.id,
                    jurisdiction=categories.jurisdiction,
                    categories=document,
                )
            )
        else:
            row.categories = document
            row.updated_at = utc_now()
        self._session.flush()

    def save(self, report: SelfReport) -> None:
        """Store a self-report, replacing the candidate's earlier one."""
        self._session.execute(
            delete(DemographicsRow).filter_by(
                organisation_id=self._organisation.id, candidate=report.candidate
            )
        )
        self._session.add(
            DemographicsRow(
                organisation_id=self._organisation.id,
                candidate=report.candidate,
                jurisdiction=report.jurisdiction,
                consent_given_at=report.consent_given_at,
                answers=dict(report.answers),
            )
        )
        self._session.flush()

    def erase(self, candidate: str) -> None:
        self._session.execute(
            delete(DemographicsRow).filter_by(
                organisation_id=self._organisation.id, candidate=candidate
            )
        )

    def all(self) -> list[SelfReport]:
        query = (
            select(DemographicsRow)
            .filter_by(organisation_id=self._organisation.id)
            .order_by(DemographicsRow.id)
        )
        return [
            SelfReport(
                candidate=row.candidate,
                jurisdiction=row.jurisdiction,
                consent_given_at=row.consent_given_at,
                answers={str(k): str(v) for k, v in row.answers.items()},
            )
            for row in self._session.scalars(query)
        ]


class SqlOutcomeRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def add_all(self, outcomes: Sequence[Outcome]) -> int:
        for outcome in outcomes:
            self._session.add(
                OutcomeRow(
                    organisation_id=self._organisation.id,
                    candidate=outcome.candidate,
                    measure=outcome.measure,
                    value=outcome.value,
                    source=outcome.source,
                )
            )
        self._session.flush()
        return len(outcomes)

    def erase(self, candidate: str) -> None:
        self._session.execute(
            delete(OutcomeRow).filter_by(organisation_id=self._organisation.id, candidate=candidate)
        )

    def all(self) -> list[Outcome]:
        query = (
            select(OutcomeRow)
            .filter_by(organisation_id=self._organisation.id)
            .order_by(OutcomeRow.id)
        )
        return [
            Outcome(row.candidate, row.measure, row.value, row.source, row.uploaded_at)
            for row in self._session.scalars(query)
        ]


class SqlCalibrationReports:
    """The stored report of the organisation's newest calibration (for item analysis)."""

    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def latest(self) -> tuple[str, dict[str, Any]] | None:
        row = self._session.scalars(
            select(ParameterSetRow)
            .filter_by(organisation_id=self._organisation.id)
            .order_by(ParameterSetRow.version.desc())
            .limit(1)
        ).one_or_none()
        return None if row is None else (f"calibration-{row.version}", dict(row.report))
