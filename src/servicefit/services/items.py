"""Item-bank use cases: validate, list, count, employer items, assembly."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from servicefit.domain.assembly import AssembledAssessment, assemble
from servicefit.domain.item_rules import check_bank
from servicefit.domain.item_stats import bank_statistics
from servicefit.domain.items import ItemBank, merge_banks
from servicefit.domain.job_profiles import JobProfile
from servicefit.domain.language import Language
from servicefit.errors import InvalidInput, InvalidInputProblem
from servicefit.services.content import Content, packaged_content
from servicefit.services.organisations import organisation_by_slug
from servicefit.storage.framework_document import document_checksum
from servicefit.storage.item_files import (
    PASSAGE_KIND,
    check_loaded,
    item_paths,
    load_agreement_scale,
    load_builtin_bank,
    load_item_files,
    read_item_files,
)
from servicefit.storage.qti import QtiExport, export_qti
from servicefit.storage.qti_import import import_qti
from servicefit.storage.unit_of_work import UnitOfWork


@cache
def packaged_bank() -> ItemBank:
    """The built-in item bank, validated once per process."""
    return load_builtin_bank(packaged_content().framework)


def validate_item_files(content: Content, path: Path | None) -> ItemBank:
    """The items in *path* (default: the built-in bank); `InvalidInput` lists every problem."""
    if path is None:
        return load_builtin_bank(content.framework)
    return load_item_files(item_paths(path), content.framework)


def statistics(bank: ItemBank) -> dict[str, Any]:
    return bank_statistics(bank)


def assemble_for_profile(
    profile: JobProfile,
    bank: ItemBank,
    *,
    minutes: int,
    language: Language,
    seed: int | None = None,
) -> AssembledAssessment:
    """A form for *profile*; a seed makes it reproducible, none makes it vary."""
    rng = random.Random(seed) if seed is not None else random.SystemRandom()  # noqa: S311 - sampling, not secrets
    return assemble(profile, bank, minutes=minutes, language=language, rng=rng)


@dataclass(frozen=True)
class EmployerItemsAdded:
    organisation: str
    added: tuple[str, ...]  # "id@version" newly stored
    unchanged: tuple[str, ...]  # already stored with identical content


def add_employer_items(
    uow: UnitOfWork, content: Content, *, organisation: str, paths: Sequence[Path]
) -> EmployerItemsAdded:
    """Validate an organisation's own item files like built-in content, then store them.

    The items are visible only to that organisation. An id and version already
    stored with different content is refused: publish a new version instead.
    Nothing is stored unless every item of every file is valid.
    """
    loaded = read_item_files(paths, owner=organisation)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        repository = uow.items_of(owner)
        incoming = {str(raw["id"]) for f in loaded for raw in (*f.raw_items, *f.raw_passages)}
        base = merge_banks(packaged_bank(), repository.bank().without(incoming))
        check_loaded(loaded, content.framework, owner=organisation, base=base)
        added: list[str] = []
        unchanged: list[str] = []
        conflicts: list[InvalidInputProblem] = []
        for file in loaded:
            entries = [(file.instrument.value, raw) for raw in file.raw_items]
            entries += [(PASSAGE_KIND, raw) for raw in file.raw_passages]
            for kind, raw in entries:
                key = f"{raw['id']}@{raw['version']}"
                checksum = document_checksum(raw)
                stored = repository.checksum_of(
                    kind=kind, item_id=str(raw["id"]), version=int(raw["version"])
                )
                if stored == checksum:
                    unchanged.append(key)
                elif stored is not None:
                    conflicts.append(
                        InvalidInputProblem(
                            source=file.document.source,
                            field=f"item {raw['id']}: version",
                            message=f"{key} is already stored with different content;"
                            " give the changed item a new version",
                        )
                    )
                else:
                    repository.add(
                        kind=kind,
                        item_id=str(raw["id"]),
                        version=int(raw["version"]),
                        document=raw,
                        checksum=checksum,
                    )
                    added.append(key)
        if conflicts:
            raise InvalidInput(conflicts)
        uow.commit()
    return EmployerItemsAdded(organisation, tuple(added), tuple(unchanged))


def organisation_bank(uow: UnitOfWork, *, organisation: str) -> ItemBank:
    """The built-in bank plus the organisation's own items."""
    with uow:
        owner = organisation_by_slug(uow, organisation)
        own = uow.items_of(owner).bank()
    return merge_banks(packaged_bank(), own)


def export_bank_as_qti(bank: ItemBank, folder: Path) -> QtiExport:
    """Write the choice-based items of *bank* as a QTI 3.0 package."""
    return export_qti(bank, folder, agreement=load_agreement_scale())


def import_qti_package(content: Content, folder: Path) -> ItemBank:
    """Read a QTI 3.0 package and check its items like any other content."""
    bank = import_qti(folder)
    problems = check_bank(bank, content.framework)
    if problems:
        raise InvalidInput(
            InvalidInputProblem(
                source=str(folder),
                field=f"item {p.item_id}: {'.'.join(map(str, p.path))}",
                message=p.message,
            )
            for p in problems
        )
    return bank
