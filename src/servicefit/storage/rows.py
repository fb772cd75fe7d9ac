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
