"""Table rows. Rows are not domain objects: repositories map between the two."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, MetaData, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        datetime: DateTime(timezone=True),
    }


class OrganisationRow(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class FrameworkVersionRow(Base):
    """A snapshot of the competency framework as it was when first used."""

    __tablename__ = "framework_versions"

    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    checksum: Mapped[str] = mapped_column(String(64))
    document: Mapped[dict[str, Any]]
    loaded_at: Mapped[datetime] = mapped_column(default=utc_now)


class JobProfileRow(Base):
    __tablename__ = "job_profiles"
    __table_args__ = (UniqueConstraint("organisation_id", "key", name="uq_job_profiles_org_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    key: Mapped[str] = mapped_column(String(63))
    current_version: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class JobProfileVersionRow(Base):
    """One immutable version of a profile; scores keep the version they used."""

    __tablename__ = "job_profile_versions"
    __table_args__ = (
        UniqueConstraint("profile_id", "version", name="uq_job_profile_versions_profile_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("job_profiles.id"), index=True)
    version: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    document: Mapped[dict[str, Any]]
    framework_version: Mapped[str] = mapped_column(ForeignKey("framework_versions.version"))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class OrganisationItemRow(Base):
    """An employer-authored item or passage, visible only to its organisation.

    Rows are append-only: an (item id, version) pair never changes once stored.
    """

    __tablename__ = "organisation_items"
    __table_args__ = (
        UniqueConstraint(
            "organisation_id", "kind", "item_id", "version", name="uq_organisation_items_key"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # an instrument, or "passage"
    item_id: Mapped[str] = mapped_column(String(80))
    version: Mapped[int]
    document: Mapped[dict[str, Any]]
    checksum: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class AttemptRow(Base):
    """One candidate's sitting of one assembled assessment."""

    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    profile_version_id: Mapped[int] = mapped_column(ForeignKey("job_profile_versions.id"))
    candidate: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2))
    items: Mapped[dict[str, Any]]  # {"items": ["id@version", ...]}: exactly what it saw
    simulated: Mapped[bool] = mapped_column(default=False)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    parameter_version: Mapped[str | None] = mapped_column(String(40), default=None)
    scores: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ResponseRow(Base):
    """One answer in an attempt; at most one per item."""

    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("attempt_id", "item_id", name="uq_responses_attempt_item"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(80))
    item_version: Mapped[int]
    answer: Mapped[dict[str, Any]]
    seconds: Mapped[float]
    events: Mapped[dict[str, Any]]  # {"events": ["paste", ...]}
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ParameterSetRow(Base):
    """Item parameters calibrated on an organisation's responses, as one version."""

    __tablename__ = "parameter_sets"
    __table_args__ = (
        UniqueConstraint("organisation_id", "version", name="uq_parameter_sets_org_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    version: Mapped[int]
    parameters: Mapped[dict[str, Any]]  # scale key -> {"a": .., "thresholds": [..]}
    report: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class WrittenReviewRow(Base):
    """A reviewer's level for one rubric dimension of one written answer (append-only)."""

    __tablename__ = "written_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(80))
    dimension: Mapped[str] = mapped_column(String(40))
    machine_level: Mapped[int | None]
    human_level: Mapped[int | None]
    reviewer: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class InterviewRatingRow(Base):
    """An interviewer's rating (1-5, anchored on the level descriptions) of one competency."""

    __tablename__ = "interview_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    competency_id: Mapped[str] = mapped_column(String(60))
    rating: Mapped[int]
    interviewer: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(String(4000))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class DemographicCategoriesRow(Base):
    """An organisation's self-report categories for one jurisdiction (fairness analytics)."""

    __tablename__ = "demographic_categories"
    __table_args__ = (
        UniqueConstraint(
            "organisation_id", "jurisdiction", name="uq_demographic_categories_org_jurisdiction"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    jurisdiction: Mapped[str] = mapped_column(String(40))
    categories: Mapped[dict[str, Any]]  # {"fields": [{"key": .., "options": [..]}, ..]}
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)


class DemographicsRow(Base):
    """A candidate's self-reported demographics, given with consent; never read by scoring."""

    __tablename__ = "demographics"
    __table_args__ = (
        UniqueConstraint("organisation_id", "candidate", name="uq_demographics_org_candidate"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    candidate: Mapped[str] = mapped_column(String(200))
    jurisdiction: Mapped[str] = mapped_column(String(40))
    consent_given_at: Mapped[datetime]
    answers: Mapped[dict[str, Any]]  # field key -> option key
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)


class OutcomeRow(Base):
    """One criterion value (quality score, CSAT, ...) of one person, from an uploaded file."""

    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    candidate: Mapped[str] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(String(40))
    value: Mapped[float]
    source: Mapped[str] = mapped_column(String(300))
    uploaded_at: Mapped[datetime] = mapped_column(default=utc_now)
