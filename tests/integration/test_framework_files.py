"""A broken framework content file is reported with its file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from servicefit.errors import InvalidInput
from servicefit.storage.framework_files import framework_folder, load_framework


@pytest.fixture
def framework_copy(tmp_path: Path) -> Path:
    target = tmp_path / "framework"
    shutil.copytree(Path(str(framework_folder())), target)
    return target


def problems(folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as raised:
        load_framework(folder)
    return [str(problem) for problem in raised.value.problems]


def test_a_missing_translation_is_named_with_its_file_line_and_field(
    framework_copy: Path,
) -> None:
    path = framework_copy / "competencies" / "empathy.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip() == "pl: Empatia")
    del lines[index]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    (problem,) = problems(framework_copy)
    assert problem.startswith("framework/competencies/empathy.yaml:")
    assert problem.endswith(": name.pl: required field is missing")


def test_an_unknown_onet_element_and_a_missing_level_are_both_reported(
    framework_copy: Path,
) -> None:
    path = framework_copy / "competencies" / "tolerance.yaml"
    text = path.read_text(encoding="utf-8").replace("element_id: 1.C.4.b", "element_id: 9.Z.9")
    text = text.replace("\n  5:\n", "\n  6:\n")
    path.write_text(text, encoding="utf-8")

    found = problems(framework_copy)
    assert len(found) == 2
    assert "onet[0].element_id: 9.Z.9 is not an element of the packaged O*NET tables" in found[0]
    assert "levels: needs exactly the levels 1 to 5, found [1, 2, 3, 4, 6]" in found[1]


def test_an_alias_claimed_by_two_competencies_is_refused(framework_copy: Path) -> None:
    path = framework_copy / "competencies" / "teamwork.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "aliases:\n  en: [", "aliases:\n  en: [Empathy, ", 1
    )
    path.write_text(text, encoding="utf-8")

    assert problems(framework_copy) == [
        "framework/competencies/teamwork.yaml: id: term 'empathy' also names competency empathy"
    ]
