"""QTI 3.0: export then import gives back identical items."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import defusedxml.ElementTree as SafeET

from servicefit.domain.items import (
    ItemBank,
    Keying,
    KnowledgeItem,
    Passage,
    QuestionnaireItem,
    SituationalItem,
)
from servicefit.domain.language import LocalizedText
from servicefit.services import items
from servicefit.services.content import packaged_content
from servicefit.storage.item_files import load_agreement_scale
from servicefit.storage.qti import QTI, export_qti
from servicefit.storage.qti_import import import_qti

from ..unit.domain.item_builders import question, scenario, statement


def text(value: str) -> LocalizedText:
    return LocalizedText(en=value, es=f"{value} — ñ", pl=f"{value} — żółć")


def test_every_choice_item_of_the_built_in_bank_round_trips(tmp_path: Path) -> None:
    bank = items.packaged_bank()
    result = items.export_bank_as_qti(bank, tmp_path)
    imported = items.import_qti_package(packaged_content(), tmp_path)

    originals = [
        i for i in bank.items if isinstance(i, SituationalItem | QuestionnaireItem | KnowledgeItem)
    ]
    assert result.items == len(originals) == len(imported.items)
    by_id = {item.id: item for item in imported.items}
    assert [item for item in originals if by_id[item.id] != item] == []
    used = {i.passage for i in originals if isinstance(i, KnowledgeItem) and i.passage}
    assert {p for p in bank.passages if p.id in used} == set(imported.passages)


def test_items_with_passages_exhibits_keying_and_checks_round_trip(tmp_path: Path) -> None:
    passage = Passage("p-one", 2, text("Returns"), text("Line one.\nLine two & <three>."))
    bank = ItemBank(
        items=(
            scenario("s-one", "empathy", ratings=(2, 5, 1, 3, 4)),
            statement("q-one", "empathy", keying=Keying.NEGATIVE),
            statement("q-two", "empathy", keying=Keying.NEGATIVE, similar_to="q-one"),
            statement("q-check", None, expected=2),
            replace(
                question("k-one", correct="b", passage="p-one"), exhibit=text("Name: A\nTel: 1")
            ),
            question("k-two"),
        ),
        passages=(passage,),
    )
    export_qti(bank, tmp_path, agreement=load_agreement_scale())
    assert import_qti(tmp_path) == bank


def test_the_export_is_qti_3_with_the_elements_a_player_needs(tmp_path: Path) -> None:
    bank = ItemBank(items=(scenario("s-one", "empathy"),))
    export_qti(bank, tmp_path, agreement=load_agreement_scale())
    root = SafeET.parse(tmp_path / "items" / "s-one.es.xml").getroot()
    assert root is not None
    q = f"{{{QTI}}}"
    assert root.tag == f"{q}qti-assessment-item"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    declaration = root.find(f"{q}qti-response-declaration")
    assert declaration is not None
    assert declaration.find(f"{q}qti-correct-response/{q}qti-value").text == "a"  # type: ignore[union-attr]
    assert len(declaration.findall(f"{q}qti-mapping/{q}qti-map-entry")) == 4
    assert root.find(f"{q}qti-outcome-declaration[@identifier='SCORE']") is not None
    interaction = root.find(f"{q}qti-item-body/{q}qti-choice-interaction")
    assert interaction is not None
    assert len(interaction.findall(f"{q}qti-simple-choice")) == 4
    assert root.find(f"{q}qti-response-processing") is not None
    assert len(root.findall(f"{q}qti-modal-feedback")) == 4
