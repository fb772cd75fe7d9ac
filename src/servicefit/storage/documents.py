"""Reading YAML and JSON documents while remembering where each value was.

Content files and uploaded profiles are validated against Pydantic models;
when a value is wrong the error must name the file, the line and column, and
the field. `load_document` parses a file into plain Python data together with
a map from each value's path (``("requirements", 2, "competency")``) to its
position, and `DocumentError` formats problems that way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from servicefit.errors import InvalidInput, InvalidInputProblem

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Document:
    """Parsed data with the position of every value in the source text."""

    source: str  # the file name, or "<stdin>"
    data: Any
    positions: dict[FieldPath, Position]

    def position_of(self, path: FieldPath) -> Position | None:
        """The position of *path*, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return None

    def problem(self, path: FieldPath, message: str) -> InvalidInputProblem:
        position = self.position_of(path)
        return InvalidInputProblem(
            source=self.source,
            field=format_path(path),
            message=message,
            line=position.line if position else None,
            column=position.column if position else None,
        )

    def validate(self, model: type[BaseModel]) -> Any:
        """Validate against *model*; every problem names its field and position."""
        try:
            return model.model_validate(self.data)
        except ValidationError as error:
            raise InvalidInput(self.problems_from(error.errors(), prefix=())) from None

    def problems_from(
        self, errors: Iterable[Any], *, prefix: FieldPath
    ) -> list[InvalidInputProblem]:
        problems: list[InvalidInputProblem] = []
        for error in errors:
            path = prefix + tuple(error["loc"])
            problems.append(self.problem(path, _plain_message(error)))
        return problems


def format_path(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(document)"


def _plain_message(error: Any) -> str:
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown field (check the spelling)"
    if error["type"] == "missing":
        message = "required field is missing"
    return message


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_document(text: str, *, source: str) -> Document:
    """Parse YAML (or JSON, which YAML reads too) and record value positions."""
    loader = _Loader(text)  # libyaml when available: the same result, many times faster
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise InvalidInput(
            [
                InvalidInputProblem(
                    source=source,
                    field="(syntax)",
                    message=f"not valid YAML/JSON: {error.problem}",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ]
        ) from None
    finally:
        loader.dispose()
    if source.endswith(".json"):
        _check_json_syntax(text, source=source)
    if node is None:
        raise InvalidInput(
            [InvalidInputProblem(source=source, field="(document)", message="empty")]
        )
    positions: dict[FieldPath, Position] = {}
    _walk(node, (), positions)
    return Document(source=source, data=data, positions=positions)


def load_document(path: Path) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            [InvalidInputProblem(source=str(path), field="(file)", message=f"not UTF-8: {error}")]
        ) from None
    except OSError as error:
        raise InvalidInput(
            [InvalidInputProblem(source=str(path), field="(file)", message=error.strerror or "")]
        ) from None
    return parse_document(text, source=str(path))


def _check_json_syntax(text: str, *, source: str) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            [
                InvalidInputProblem(
                    source=source,
                    field="(syntax)",
                    message=f"not valid JSON: {error.msg}",
                    line=error.lineno,
                    column=error.colno,
                )
            ]
        ) from None


def _walk(node: yaml.Node, path: FieldPath, positions: dict[FieldPath, Position]) -> None:
    positions[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path: str | int = str(key_node.value)
            if key_node.tag == "tag:yaml.org,2002:int":
                key_path = int(key_node.value)
            _walk(value_node, (*path, key_path), positions)
            if isinstance(value_node, yaml.ScalarNode) and value_node.value == "":
                # an empty value: point at the key, which the reader can see
                positions[(*path, key_path)] = Position(
                    key_node.start_mark.line + 1, key_node.start_mark.column + 1
                )
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), positions)
