"""Repositories: named queries that return domain objects. No SQL elsewhere.

Everything that belongs to an organisation is read through a repository bound
to that organisation, so a query cannot forget the tenant.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from servicefit.domain.items import Instrument, Item, ItemBank
from servicefit.domain.job_profiles import JobProfile, ProfileVersion
from servicefit.domain.organisations import Organisation
from servicefit.storage.item_files import PASSAGE_KIND, stored_item_file
from servicefit.storage.profile_files import profile_from_stored, profile_to_document
from servicefit.storage.rows import (
    FrameworkVersionRow,
    JobProfileRow,
    JobProfileVersionRow,
    OrganisationItemRow,
    OrganisationRow,
)


class OrganisationRepository(Protocol):
    def by_slug(self, slug: str) -> Organisation | None: ...
    def add(self, *, slug: str, name: str) -> Organisation: ...
    def all(self) -> list[Organisation]: ...


class FrameworkVersionRepository(Protocol):
    def checksum_of(self, version: str) -> str | None: ...
    def add(self, *, version: str, checksum: str, document: dict[str, Any]) -> None: ...


class JobProfileRepository(Protocol):
    """The job profiles of one organisation."""

    def latest(self, key: str) -> ProfileVersion | None: ...
    def version(self, key: str, version: int) -> ProfileVersion | None: ...
    def history(self, key: str) -> list[ProfileVersion]: ...
    def all_latest(self) -> list[ProfileVersion]: ...
    def add_version(
        self, key: str, *, profile: JobProfile, framework_version: str
    ) -> ProfileVersion: ...


class OrganisationItemRepository(Protocol):
    """The employer-authored items and passages of one organisation."""

    def checksum_of(self, *, kind: str, item_id: str, version: int) -> str | None: ...
    def add(
        self, *, kind: str, item_id: str, version: int, document: dict[str, Any], checksum: str
    ) -> None: ...
    def bank(self) -> ItemBank: ...


class SqlOrganisationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_slug(self, slug: str) -> Organisation | None:
        row = self._session.scalars(select(OrganisationRow).filter_by(slug=slug)).one_or_none()
        return organisation_of(row) if row else None

    def add(self, *, slug: str, name: str) -> Organisation:
        row = OrganisationRow(slug=slug, name=name)
        self._session.add(row)
        self._session.flush()
        return organisation_of(row)

    def all(self) -> list[Organisation]:
        rows = self._session.scalars(select(OrganisationRow).order_by(OrganisationRow.slug))
        return [organisation_of(row) for row in rows]


class SqlFrameworkVersionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def checksum_of(self, version: str) -> str | None:
        row = self._session.get(FrameworkVersionRow, version)
        return row.checksum if row else None

    def add(self, *, version: str, checksum: str, document: dict[str, Any]) -> None:
        self._session.add(
            FrameworkVersionRow(version=version, checksum=checksum, document=document)
        )
        self._session.flush()


class SqlJobProfileRepository:
    def __init__(self, session: Session, organisation_id: int) -> None:
        self._session = session
        self._organisation_id = organisation_id

    def _profile_row(self, key: str) -> JobProfileRow | None:
        query = select(JobProfileRow).filter_by(organisation_id=self._organisation_id, key=key)
        return self._session.scalars(query).one_or_none()

    def latest(self, key: str) -> ProfileVersion | None:
        row = self._profile_row(key)
        return self.version(key, row.current_version) if row else None

    def version(self, key: str, version: int) -> ProfileVersion | None:
        query = (
            select(JobProfileVersionRow)
            .join(JobProfileRow, JobProfileRow.id == JobProfileVersionRow.profile_id)
            .where(
                JobProfileRow.organisation_id == self._organisation_id,
                JobProfileVersionRow.organisation_id == self._organisation_id,
                JobProfileRow.key == key,
                JobProfileVersionRow.version == version,
            )
        )
        row = self._session.scalars(query).one_or_none()
        return self._stored(key, row) if row else None

    def history(self, key: str) -> list[ProfileVersion]:
        query = (
            select(JobProfileVersionRow)
            .join(JobProfileRow, JobProfileRow.id == JobProfileVersionRow.profile_id)
            .where(
                JobProfileRow.organisation_id == self._organisation_id,
                JobProfileVersionRow.organisation_id == self._organisation_id,
                JobProfileRow.key == key,
            )
            .order_by(JobProfileVersionRow.version)
        )
        return [self._stored(key, row) for row in self._session.scalars(query)]

    def all_latest(self) -> list[ProfileVersion]:
        query = (
            select(JobProfileRow.key, JobProfileVersionRow)
            .join(JobProfileVersionRow, JobProfileRow.id == JobProfileVersionRow.profile_id)
            .where(
                JobProfileRow.organisation_id == self._organisation_id,
                JobProfileVersionRow.version == JobProfileRow.current_version,
            )
            .order_by(JobProfileRow.key)
        )
        return [self._stored(key, row) for key, row in self._session.execute(query)]

    def add_version(
        self, key: str, *, profile: JobProfile, framework_version: str
    ) -> ProfileVersion:
        profile_row = self._profile_row(key)
        if profile_row is None:
            profile_row = JobProfileRow(
                organisation_id=self._organisation_id, key=key, current_version=0
            )
            self._session.add(profile_row)
            self._session.flush()
        next_version = (
            self._session.scalar(
                select(func.coalesce(func.max(JobProfileVersionRow.version), 0)).where(
                    JobProfileVersionRow.profile_id == profile_row.id
                )
            )
            or 0
        ) + 1
        row = JobProfileVersionRow(
            organisation_id=self._organisation_id,
            profile_id=profile_row.id,
            version=next_version,
            name=profile.name,
            document=profile_to_document(profile),
            framework_version=framework_version,
        )
        self._session.add(row)
        profile_row.current_version = next_version
        self._session.flush()
        return self._stored(key, row)

    def _stored(self, key: str, row: JobProfileVersionRow) -> ProfileVersion:
        return ProfileVersion(
            organisation_id=row.organisation_id,
            key=key,
            version=row.version,
            profile=profile_from_stored(row.document),
            framework_version=row.framework_version,
            created_at=row.created_at,
        )


def organisation_of(row: OrganisationRow) -> Organisation:
    return Organisation(id=row.id, slug=row.slug, name=row.name)


class SqlOrganisationItemRepository:
    def __init__(self, session: Session, organisation: Organisation) -> None:
        self._session = session
        self._organisation = organisation

    def _rows(self) -> list[OrganisationItemRow]:
        query = (
            select(OrganisationItemRow)
            .filter_by(organisation_id=self._organisation.id)
            .order_by(
                OrganisationItemRow.kind, OrganisationItemRow.item_id, OrganisationItemRow.version
            )
        )
        return list(self._session.scalars(query))

    def checksum_of(self, *, kind: str, item_id: str, version: int) -> str | None:
        query = select(OrganisationItemRow.checksum).filter_by(
            organisation_id=self._organisation.id, kind=kind, item_id=item_id, version=version
        )
        return self._session.scalars(query).one_or_none()

    def add(
        self, *, kind: str, item_id: str, version: int, document: dict[str, Any], checksum: str
    ) -> None:
        self._session.add(
            OrganisationItemRow(
                organisation_id=self._organisation.id,
                kind=kind,
                item_id=item_id,
                version=version,
                document=document,
                checksum=checksum,
            )
        )
        self._session.flush()

    def bank(self) -> ItemBank:
        """The newest version of each of the organisation's items, and its passages."""
        newest: dict[tuple[str, str], OrganisationItemRow] = {}
        for row in self._rows():
            newest[(row.kind, row.item_id)] = row  # rows come in version order
        passages = [r.document for (kind, _), r in newest.items() if kind == PASSAGE_KIND]
        by_instrument: dict[str, list[dict[str, Any]]] = {}
        for (kind, _), row in newest.items():
            if kind != PASSAGE_KIND:
                by_instrument.setdefault(kind, []).append(row.document)
        source = f"stored items of {self._organisation.slug}"
        owner = self._organisation.slug
        items: list[Item] = []
        for kind, documents in sorted(by_instrument.items()):
            stored = stored_item_file(
                instrument=Instrument(kind), items=documents, owner=owner, source=source
            )
            items.extend(stored.items)
        passage_objects = stored_item_file(
            instrument=Instrument.KNOWLEDGE, items=[], passages=passages, owner=owner, source=source
        ).passages
        return ItemBank(items=tuple(items), passages=tuple(passage_objects))
