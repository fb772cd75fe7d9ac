"""Organisation use cases."""

from __future__ import annotations

from servicefit.domain.organisations import SLUG_PATTERN, Organisation
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.storage.unit_of_work import UnitOfWork


def organisation_by_slug(uow: UnitOfWork, slug: str) -> Organisation:
    """The organisation (inside an open unit of work), or NotFound."""
    found = uow.organisations.by_slug(slug)
    if found is None:
        raise NotFound("organisation", slug)
    return found


def create_organisation(uow: UnitOfWork, *, slug: str, name: str) -> Organisation:
    problems = []
    if not SLUG_PATTERN.match(slug):
        problems.append(
            InvalidInputProblem(
                source="command line",
                field="slug",
                message=f"use 1-63 lower-case letters, digits and dashes; got {slug!r}",
            )
        )
    if not name.strip():
        problems.append(InvalidInputProblem(source="command line", field="name", message="empty"))
    if problems:
        raise InvalidInput(problems)
    with uow:
        if uow.organisations.by_slug(slug) is not None:
            raise InvalidInput(
                [InvalidInputProblem(source="command line", field="slug", message="already exists")]
            )
        organisation = uow.organisations.add(slug=slug, name=name.strip())
        uow.commit()
    return organisation


def list_organisations(uow: UnitOfWork) -> list[Organisation]:
    with uow:
        return uow.organisations.all()
