"""Employer-authored items: validated like built-in content, visible only to their owner."""

from __future__ import annotations

from pathlib import Path

import pytest

from servicefit.errors import InvalidInput
from servicefit.services import items
from servicefit.services.content import packaged_content
from servicefit.services.organisations import create_organisation
from servicefit.storage.unit_of_work import SqlUnitOfWork

PRODUCT_ITEMS = """\
instrument: knowledge
passages:
  - id: p-acme-tariffs
    version: 1
    title: {en: Acme tariffs, es: Tarifas de Acme, pl: Taryfy Acme}
    text:
      en: The Green tariff has no exit fee. The Fixed tariff charges £30 to leave early.
      es: La tarifa Verde no tiene penalización. La tarifa Fija cobra 30 € por baja anticipada.
      pl: Taryfa Zielona nie ma opłaty za odejście. Taryfa Stała kosztuje 30 zł przy wcześniejszym odejściu.
items:
  - id: acme-exit-fee
    version: @VERSION@
    topic: reading
    passage: p-acme-tariffs
    activity: discussing_products
    competencies: [product_knowledge]
    seconds: 40
    stem:
      en: Which tariff can a customer leave early for free?
      es: ¿Con qué tarifa puede darse de baja un cliente sin coste?
      pl: Z której taryfy klient może odejść wcześniej bez opłat?
    options:
      - {id: a, text: {en: Green, es: Verde, pl: Zielona}}
      - {id: b, text: {en: Fixed, es: Fija, pl: Stała}}
      - {id: c, text: {en: Both, es: Las dos, pl: Obie}}
    correct: @CORRECT@
"""


def write(tmp_path: Path, *, version: int = 1, correct: str = "a") -> Path:
    path = tmp_path / f"acme-v{version}-{correct}.yaml"
    text = PRODUCT_ITEMS.replace("@VERSION@", str(version)).replace("@CORRECT@", correct)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_organisations_items_are_visible_only_to_it(uow: SqlUnitOfWork, tmp_path: Path) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    create_organisation(uow, slug="globex", name="Globex")
    result = items.add_employer_items(uow, content, organisation="acme", paths=[write(tmp_path)])
    assert result.added == ("acme-exit-fee@1", "p-acme-tariffs@1")

    acme = items.organisation_bank(uow, organisation="acme")
    globex = items.organisation_bank(uow, organisation="globex")
    assert acme.item("acme-exit-fee").owner == "acme"
    assert acme.passage("p-acme-tariffs").version == 1
    assert "acme-exit-fee" not in {i.id for i in globex.items}
    assert len(acme.items) == len(globex.items) + 1


def test_adding_the_same_file_again_changes_nothing(uow: SqlUnitOfWork, tmp_path: Path) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    items.add_employer_items(uow, content, organisation="acme", paths=[write(tmp_path)])
    again = items.add_employer_items(uow, content, organisation="acme", paths=[write(tmp_path)])
    assert (again.added, again.unchanged) == ((), ("acme-exit-fee@1", "p-acme-tariffs@1"))


def test_a_used_version_cannot_change_but_a_new_version_can(
    uow: SqlUnitOfWork, tmp_path: Path
) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    items.add_employer_items(uow, content, organisation="acme", paths=[write(tmp_path)])
    with pytest.raises(InvalidInput, match="acme-exit-fee@1 is already stored"):
        items.add_employer_items(
            uow, content, organisation="acme", paths=[write(tmp_path, correct="b")]
        )
    newer = items.add_employer_items(
        uow, content, organisation="acme", paths=[write(tmp_path, version=2, correct="b")]
    )
    assert newer.added == ("acme-exit-fee@2",)
    bank = items.organisation_bank(uow, organisation="acme")
    assert (bank.item("acme-exit-fee").version, bank.item("acme-exit-fee").correct) == (2, "b")  # type: ignore[union-attr]


def test_an_employer_item_may_not_reuse_a_built_in_id(uow: SqlUnitOfWork, tmp_path: Path) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    path = write(tmp_path)
    path.write_text(path.read_text().replace("acme-exit-fee", "sjt-abusive-caller"))
    with pytest.raises(InvalidInput) as raised:
        items.add_employer_items(uow, content, organisation="acme", paths=[path])
    (problem,) = raised.value.problems
    assert problem.field == "item sjt-abusive-caller: id"
    assert problem.message == "the same id is used by another item"
    assert items.organisation_bank(uow, organisation="acme").items == items.packaged_bank().items
