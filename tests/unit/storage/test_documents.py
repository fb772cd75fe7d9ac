from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from servicefit.errors import InvalidInput
from servicefit.storage.documents import parse_document


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    size: int


class Box(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[Item]


def test_a_wrong_value_is_reported_with_its_line_column_and_field() -> None:
    text = "items:\n  - name: a\n    size: 1\n  - name: b\n    size: big\n"
    document = parse_document(text, source="box.yaml")
    with pytest.raises(InvalidInput) as raised:
        document.validate(Box)
    (problem,) = raised.value.problems
    assert (problem.source, problem.line, problem.column, problem.field) == (
        "box.yaml",
        5,
        11,
        "items[1].size",
    )
    assert str(problem).startswith("box.yaml:5:11: items[1].size: ")


def test_an_unknown_field_is_called_a_spelling_problem() -> None:
    document = parse_document("items:\n  - name: a\n    size: 1\n    colour: red\n", source="b")
    with pytest.raises(InvalidInput) as raised:
        document.validate(Box)
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (4, "items[0].colour")
    assert problem.message == "unknown field (check the spelling)"


def test_a_missing_field_points_at_its_parent() -> None:
    document = parse_document("items:\n  - name: a\n", source="b")
    with pytest.raises(InvalidInput) as raised:
        document.validate(Box)
    (problem,) = raised.value.problems
    assert (problem.line, problem.field, problem.message) == (
        2,
        "items[0].size",
        "required field is missing",
    )


def test_broken_yaml_names_the_line() -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_document("items:\n  - name: [a\n", source="b.yaml")
    (problem,) = raised.value.problems
    assert (problem.field, problem.line) == ("(syntax)", 3)


def test_broken_json_names_the_line_and_column() -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_document('{"items": [\n  {"name": "a",}\n]}', source="b.json")
    (problem,) = raised.value.problems
    assert (problem.field, problem.line) == ("(syntax)", 2)
