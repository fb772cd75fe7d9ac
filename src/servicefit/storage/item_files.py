"""Item-bank content files: their schema, and loading them into domain items.

One YAML file holds items of one instrument::

    instrument: situational_judgement
    items:
      - id: sjt-abusive-caller
        version: 1
        ...

Knowledge files may also hold `passages`. Every problem is reported with the
file, the line, the item id and the field; every file and item is checked
before anything is reported, so one run lists everything to fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import RootModel, ValidationError

from servicefit.domain.competencies import Framework
from servicefit.domain.item_rules import ItemProblem, check_bank
from servicefit.domain.items import Instrument, Item, ItemBank, Passage
from servicefit.domain.language import LocalizedText
from servicefit.errors import InvalidInput, InvalidInputProblem
from servicefit.storage.documents import Document, load_document
from servicefit.storage.framework_files import TextModel
from servicefit.storage.item_models import ITEM_MODELS, ItemFileModel


class AgreementScaleModel(RootModel[dict[int, TextModel]]):
    pass


PASSAGE_KIND = "passage"  # how stored passages are told apart from items


@dataclass(frozen=True)
class LoadedFile:
    """The items of one file, with the document to locate problems in it."""

    document: Document
    items: tuple[Item, ...]
    passages: tuple[Passage, ...]
    index_of: dict[str, int]  # item id -> position in `items:`
    passage_index_of: dict[str, int]
    instrument: Instrument
    raw_items: tuple[dict[str, Any], ...]  # validated, in file form (for storage)
    raw_passages: tuple[dict[str, Any], ...]


def read_item_document(document: Document, *, owner: str | None = None) -> LoadedFile:
    """Items of one document; `InvalidInput` names the file, line, item and field."""
    header: ItemFileModel = document.validate(ItemFileModel)
    model = ITEM_MODELS[header.instrument]
    problems: list[InvalidInputProblem] = []
    items: list[Item] = []
    raw_items: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    for index, raw in enumerate(header.items):
        item_id = raw.get("id") if isinstance(raw.get("id"), str) else f"items[{index}]"
        try:
            parsed = model.model_validate(raw)
        except ValidationError as error:
            for problem in document.problems_from(error.errors(), prefix=("items", index)):
                problems.append(_with_item(problem, str(item_id)))
            continue
        items.append(parsed.to_domain(owner))  # type: ignore[attr-defined]
        raw_items.append(parsed.model_dump(mode="json", exclude_none=True))
        index_of.setdefault(parsed.id, index)
    if problems:
        raise InvalidInput(problems)
    return LoadedFile(
        document=document,
        items=tuple(items),
        passages=tuple(p.to_domain() for p in header.passages),
        index_of=index_of,
        passage_index_of={p.id: i for i, p in enumerate(header.passages)},
        instrument=header.instrument,
        raw_items=tuple(raw_items),
        raw_passages=tuple(p.model_dump(mode="json") for p in header.passages),
    )


def _with_item(problem: InvalidInputProblem, item_id: str) -> InvalidInputProblem:
    field = problem.field
    prefix, _, rest = field.partition(".")
    if prefix.startswith("items["):
        field = rest or field
    return InvalidInputProblem(
        source=problem.source,
        field=f"item {item_id}: {field}",
        message=problem.message,
        line=problem.line,
        column=problem.column,
    )


def stored_item_file(
    *,
    instrument: Instrument,
    items: Sequence[dict[str, Any]],
    passages: Sequence[dict[str, Any]] = (),
    owner: str | None,
    source: str,
) -> LoadedFile:
    """Items as stored in the database, read back through the same validation."""
    data = {"instrument": instrument.value, "passages": list(passages), "items": list(items)}
    return read_item_document(Document(source=source, data=data, positions={}), owner=owner)


def builtin_item_folder() -> Path:
    return Path(str(resources.files("servicefit.content").joinpath("items")))


def item_paths(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(path for path in root.rglob("*.yaml") if path.is_file())


def load_item_files(
    paths: Sequence[Path],
    framework: Framework,
    *,
    owner: str | None = None,
    base: ItemBank | None = None,
) -> ItemBank:
    """Load, validate and cross-check item files; every problem in one `InvalidInput`."""
    return check_loaded(read_item_files(paths, owner=owner), framework, owner=owner, base=base)


def read_item_files(paths: Sequence[Path], *, owner: str | None = None) -> list[LoadedFile]:
    """Parse and validate each file on its own; every problem in one `InvalidInput`."""
    problems: list[InvalidInputProblem] = []
    loaded: list[LoadedFile] = []
    for path in paths:
        try:
            loaded.append(read_item_document(load_document(path), owner=owner))
        except InvalidInput as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidInput(problems)
    return loaded


def check_loaded(
    loaded: Sequence[LoadedFile],
    framework: Framework,
    *,
    owner: str | None = None,
    base: ItemBank | None = None,
) -> ItemBank:
    """The bank of *base* plus *loaded*, checked across files and against the framework."""
    bank = ItemBank(
        items=tuple(base.items if base else ()) + tuple(i for f in loaded for i in f.items),
        passages=tuple(base.passages if base else ())
        + tuple(p for f in loaded for p in f.passages),
    )
    found = check_bank(bank, framework, only_owner=owner if base else None)
    if found:
        raise InvalidInput(_locate(problem, loaded) for problem in found)
    return bank


def load_builtin_bank(framework: Framework) -> ItemBank:
    return load_item_files(item_paths(builtin_item_folder()), framework)


def _locate(problem: ItemProblem, loaded: Sequence[LoadedFile]) -> InvalidInputProblem:
    for file in loaded:
        if problem.item_id in file.index_of:
            path: tuple[str | int, ...] = ("items", file.index_of[problem.item_id], *problem.path)
            located = file.document.problem(path, problem.message)
            return _with_item(located, problem.item_id)
        if problem.item_id in file.passage_index_of:
            path = ("passages", file.passage_index_of[problem.item_id], *problem.path)
            located = file.document.problem(path, problem.message)
            return InvalidInputProblem(
                source=located.source,
                field=f"passage {problem.item_id}: {'.'.join(map(str, problem.path)) or 'id'}",
                message=problem.message,
                line=located.line,
                column=located.column,
            )
    return InvalidInputProblem(
        source="item bank", field=f"item {problem.item_id}", message=problem.message
    )


def load_agreement_scale() -> dict[int, LocalizedText]:
    """The labels of the questionnaire's 5-point agreement scale."""
    path = Path(str(resources.files("servicefit.content").joinpath("agreement_scale.yaml")))
    document = load_document(path)
    labels: dict[int, TextModel] = document.validate(AgreementScaleModel).root
    if sorted(labels) != [1, 2, 3, 4, 5]:
        raise InvalidInput([document.problem((), "needs labels for 1 to 5")])
    return {point: label.to_domain() for point, label in labels.items()}
