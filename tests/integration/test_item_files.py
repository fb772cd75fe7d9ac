"""Item files are validated on load; problems name file, line, item and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from servicefit.errors import InvalidInput
from servicefit.services.content import packaged_content
from servicefit.storage.item_files import load_item_files

BROKEN = """\
instrument: situational_judgement
items:
  - id: sjt-good
    version: 1
    competencies: [empathy]
    seconds: 60
    stem: {en: A customer cries., es: Un cliente llora., pl: Klient płacze.}
    options:
      - {id: a, effectiveness: 5, text: {en: Listen, es: Escuchar, pl: Słuchać}, rationale: {en: r, es: r, pl: r}}
      - {id: b, effectiveness: 1, text: {en: Leave, es: Irse, pl: Wyjść}, rationale: {en: r, es: r, pl: r}}
      - {id: c, effectiveness: 3, text: {en: Wait, es: Esperar, pl: Czekać}, rationale: {en: r, es: r, pl: r}}
      - {id: d, effectiveness: 2, text: {en: Joke, es: Bromear, pl: Żartować}, rationale: {en: r, es: r, pl: r}}
  - id: sjt-broken
    version: 1
    competencies: [empathy]
    seconds: 60
    stem: {en: A customer shouts., es: Un cliente grita.}
    options:
      - {id: a, effectiveness: 9, text: {en: Listen, es: Escuchar, pl: Słuchać}, rationale: {en: r, es: r, pl: r}}
      - {id: b, effectiveness: 1, text: {en: Leave, es: Irse, pl: Wyjść}, rationale: {en: r, es: r, pl: r}}
      - {id: c, effectiveness: 3, text: {en: Wait, es: Esperar, pl: Czekać}, rationale: {en: r, es: r, pl: r}}
      - {id: d, effectiveness: 2, text: {en: Joke, es: Bromear, pl: Żartować}, rationale: {en: r, es: r, pl: r}}
  - id: sjt-unknown-competency
    version: 1
    competencies: [empathyy]
    seconds: 60
    stem: {en: A customer waits., es: Un cliente espera., pl: Klient czeka.}
    options:
      - {id: a, effectiveness: 5, text: {en: Greet, es: Saludar, pl: Przywitać}, rationale: {en: r, es: r, pl: r}}
      - {id: b, effectiveness: 1, text: {en: Ignore, es: Ignorar, pl: Zignorować}, rationale: {en: r, es: r, pl: r}}
      - {id: c, effectiveness: 3, text: {en: Nod, es: Asentir, pl: Skinąć}, rationale: {en: r, es: r, pl: r}}
      - {id: d, effectiveness: 2, text: {en: Sigh, es: Suspirar, pl: Westchnąć}, rationale: {en: r, es: r, pl: r}}
"""


def test_a_broken_item_file_names_file_line_item_and_field(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        load_item_files([path], packaged_content().framework)
    assert [str(p) for p in raised.value.problems] == [
        f"{path}:17:11: item sjt-broken: stem.pl: required field is missing",
        f"{path}:19:32: item sjt-broken: options[0].effectiveness:"
        " Input should be less than or equal to 5",
    ]


def test_cross_item_problems_are_found_once_each_file_parses(tmp_path: Path) -> None:
    path = tmp_path / "unknown.yaml"
    lines = BROKEN.splitlines()
    start = lines.index("  - id: sjt-broken")
    end = lines.index("  - id: sjt-unknown-competency")
    path.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        load_item_files([path], packaged_content().framework)
    (problem,) = raised.value.problems
    assert str(problem) == (
        f"{path}:15:20: item sjt-unknown-competency: competencies[0]:"
        " unknown competency 'empathyy'; did you mean 'empathy'?"
    )
