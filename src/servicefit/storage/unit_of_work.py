"""The unit of work: one transaction per use case, committed by its owner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Protocol, Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from servicefit.domain.organisations import Organisation
from servicefit.storage.account_repository import SqlAccountRepository
from servicefit.storage.attempt_repositories import (
    AttemptRepository,
    ParameterSetRepository,
    SqlAttemptRepository,
    SqlParameterSetRepository,
)
from servicefit.storage.audit_repository import SqlAuditLog, SqlRateLimits
from servicefit.storage.database import autocommitting
from servicefit.storage.directory import SqlDirectory
from servicefit.storage.fairness_repositories import (
    SqlCalibrationReports,
    SqlDemographicsRepository,
    SqlOutcomeRepository,
)
from servicefit.storage.invitation_repository import SqlInvitationRepository, SqlSectionClocks
from servicefit.storage.repositories import (
    FrameworkVersionRepository,
    JobProfileRepository,
    OrganisationItemRepository,
    OrganisationRepository,
    SqlFrameworkVersionRepository,
    SqlJobProfileRepository,
    SqlOrganisationItemRepository,
    SqlOrganisationRepository,
)
from servicefit.storage.review_repository import (
    ReviewRepository,
    SqlInterviewRatingRepository,
    SqlReviewRepository,
)
from servicefit.storage.webhook_repository import SqlDeliveryQueue, SqlWebhookRepository


class UnitOfWork(Protocol):
    organisations: OrganisationRepository
    framework_versions: FrameworkVersionRepository

    def profiles_of(self, organisation: Organisation) -> JobProfileRepository: ...
    def items_of(self, organisation: Organisation) -> OrganisationItemRepository: ...
    def attempts_of(self, organisation: Organisation) -> AttemptRepository: ...
    def parameter_sets_of(self, organisation: Organisation) -> ParameterSetRepository: ...
    def reviews_of(self, organisation: Organisation) -> ReviewRepository: ...
    def interview_ratings_of(self, organisation: Organisation) -> SqlInterviewRatingRepository: ...
    def demographics_of(self, organisation: Organisation) -> SqlDemographicsRepository: ...
    def outcomes_of(self, organisation: Organisation) -> SqlOutcomeRepository: ...
    def calibration_reports_of(self, organisation: Organisation) -> SqlCalibrationReports: ...
    def accounts_of(self, organisation: Organisation) -> SqlAccountRepository: ...
    def invitations_of(self, organisation: Organisation) -> SqlInvitationRepository: ...
    def audit_of(self, organisation: Organisation) -> SqlAuditLog: ...
    def webhooks_of(self, organisation: Organisation) -> SqlWebhookRepository: ...
    def directory(self) -> SqlDirectory: ...
    def section_clocks(self) -> SqlSectionClocks: ...
    def rate_limits(self) -> SqlRateLimits: ...
    def delivery_queue(self) -> SqlDeliveryQueue: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def autocommit(self) -> AbstractContextManager[Self]: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class SqlUnitOfWork:
    """A unit of work over one SQLAlchemy session; uncommitted work is rolled back."""

    organisations: OrganisationRepository
    framework_versions: FrameworkVersionRepository

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None
        self._autocommit = False

    def __enter__(self) -> Self:
        bind = self._session_factory.kw.get("bind")
        if self._autocommit and isinstance(bind, Engine):
            self._session = self._session_factory(bind=autocommitting(bind))
        else:
            self._session = self._session_factory()
        self.organisations = SqlOrganisationRepository(self._session)
        self.framework_versions = SqlFrameworkVersionRepository(self._session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self._require_session()
        session.rollback()
        session.close()
        self._session = None

    def profiles_of(self, organisation: Organisation) -> JobProfileRepository:
        return SqlJobProfileRepository(self._require_session(), organisation.id)

    def items_of(self, organisation: Organisation) -> OrganisationItemRepository:
        return SqlOrganisationItemRepository(self._require_session(), organisation)

    def attempts_of(self, organisation: Organisation) -> AttemptRepository:
        return SqlAttemptRepository(self._require_session(), organisation)

    def parameter_sets_of(self, organisation: Organisation) -> ParameterSetRepository:
        return SqlParameterSetRepository(self._require_session(), organisation)

    def reviews_of(self, organisation: Organisation) -> ReviewRepository:
        return SqlReviewRepository(self._require_session(), organisation)

    def interview_ratings_of(self, organisation: Organisation) -> SqlInterviewRatingRepository:
        return SqlInterviewRatingRepository(self._require_session(), organisation)

    def demographics_of(self, organisation: Organisation) -> SqlDemographicsRepository:
        """Self-reported demographics: read only by fairness analyses, never by scoring."""
        return SqlDemographicsRepository(self._require_session(), organisation)

    def outcomes_of(self, organisation: Organisation) -> SqlOutcomeRepository:
        return SqlOutcomeRepository(self._require_session(), organisation)

    def calibration_reports_of(self, organisation: Organisation) -> SqlCalibrationReports:
        return SqlCalibrationReports(self._require_session(), organisation)

    def accounts_of(self, organisation: Organisation) -> SqlAccountRepository:
        return SqlAccountRepository(self._require_session(), organisation)

    def invitations_of(self, organisation: Organisation) -> SqlInvitationRepository:
        return SqlInvitationRepository(self._require_session(), organisation)

    def audit_of(self, organisation: Organisation) -> SqlAuditLog:
        return SqlAuditLog(self._require_session(), organisation)

    def webhooks_of(self, organisation: Organisation) -> SqlWebhookRepository:
        return SqlWebhookRepository(self._require_session(), organisation)

    def directory(self) -> SqlDirectory:
        return SqlDirectory(self._require_session())

    def section_clocks(self) -> SqlSectionClocks:
        return SqlSectionClocks(self._require_session())

    def rate_limits(self) -> SqlRateLimits:
        return SqlRateLimits(self._require_session())

    def delivery_queue(self) -> SqlDeliveryQueue:
        return SqlDeliveryQueue(self._require_session())

    @contextmanager
    def autocommit(self) -> Iterator[Self]:
        """The unit of work with every statement committed as it runs (commit() has
        nothing left to do): for paths made of statements that are each complete."""
        self._autocommit = True
        try:
            with self:
                yield self
        finally:
            self._autocommit = False

    def commit(self) -> None:
        self._require_session().commit()

    def rollback(self) -> None:
        self._require_session().rollback()

    def _require_session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its `with` block")
        return self._session
