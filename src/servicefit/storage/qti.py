"""IMS QTI 3.0 export and import of the choice-based items.

Situational-judgement scenarios, questionnaire statements and knowledge
questions become one `qti-assessment-item` file per item and language
(`items/<id>.<lang>.xml`), each with a response declaration (correct response
and/or a mapping of choices to scores), a SCORE outcome, an item body with a
`qti-choice-interaction`, and response processing. Scenario rationales are
modal feedback per option. Reading passages become `qti-assessment-stimulus`
files that the items reference. `imsmanifest.xml` lists the resources and
carries what QTI has no place for (version, competencies, channel, answering
time, keying) in a servicefit metadata element. Importing an export gives back
equal items.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from servicefit.domain.items import (
    ItemBank,
    Keying,
    KnowledgeItem,
    Passage,
    QuestionnaireItem,
    SituationalItem,
)
from servicefit.domain.language import LANGUAGES, Language, LocalizedText

QTI = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
CP = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"
SF = "urn:servicefit:qti-metadata:1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MATCH_CORRECT = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"
MAP_RESPONSE = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"
AGREEMENT_CHOICES = ("r1", "r2", "r3", "r4", "r5")

ET.register_namespace("", QTI)
ET.register_namespace("sf", SF)
ET.register_namespace("imscp", CP)

ChoiceItem = SituationalItem | QuestionnaireItem | KnowledgeItem


def qti_tag(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(
        parent, qti_tag(tag), {k.replace("_", "-"): v for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


@dataclass(frozen=True)
class QtiExport:
    items: int
    passages: int
    files: int


def choice_items(bank: ItemBank) -> list[ChoiceItem]:
    return [
        i for i in bank.items if isinstance(i, SituationalItem | QuestionnaireItem | KnowledgeItem)
    ]


def export_qti(bank: ItemBank, folder: Path, *, agreement: dict[int, LocalizedText]) -> QtiExport:
    """Write every choice-based item of *bank* as a QTI 3.0 package in *folder*."""
    items = choice_items(bank)
    passage_ids = {i.passage for i in items if isinstance(i, KnowledgeItem) and i.passage}
    passages = [p for p in bank.passages if p.id in passage_ids]
    (folder / "items").mkdir(parents=True, exist_ok=True)
    (folder / "stimuli").mkdir(parents=True, exist_ok=True)
    files = 0
    manifest = ET.Element(f"{{{CP}}}manifest", {"identifier": "servicefit-item-bank"})
    ET.SubElement(manifest, f"{{{CP}}}organizations")
    resources = ET.SubElement(manifest, f"{{{CP}}}resources")
    for passage in passages:
        resource = _resource(resources, passage.id, "imsqti_stimulus_xmlv3p0", "stimuli")
        ET.SubElement(_metadata(resource), f"{{{SF}}}passage", {"version": str(passage.version)})
        for language in LANGUAGES:
            _write(
                _stimulus(passage, language), folder / "stimuli" / f"{passage.id}.{language}.xml"
            )
            files += 1
    for item in items:
        resource = _resource(resources, item.id, "imsqti_item_xmlv3p0", "items")
        ET.SubElement(_metadata(resource), f"{{{SF}}}item", _item_metadata(item))
        if isinstance(item, KnowledgeItem) and item.passage:
            ET.SubElement(resource, f"{{{CP}}}dependency", {"identifierref": item.passage})
        for language in LANGUAGES:
            _write(
                _item_xml(item, language, agreement), folder / "items" / f"{item.id}.{language}.xml"
            )
            files += 1
    _write(manifest, folder / "imsmanifest.xml")
    return QtiExport(items=len(items), passages=len(passages), files=files + 1)


def _resource(parent: ET.Element, identifier: str, kind: str, subfolder: str) -> ET.Element:
    resource = ET.SubElement(
        parent,
        f"{{{CP}}}resource",
        {"identifier": identifier, "type": kind, "href": f"{subfolder}/{identifier}.en.xml"},
    )
    for language in LANGUAGES:
        ET.SubElement(
            resource, f"{{{CP}}}file", {"href": f"{subfolder}/{identifier}.{language}.xml"}
        )
    return resource


def _metadata(resource: ET.Element) -> ET.Element:
    metadata = ET.Element(f"{{{CP}}}metadata")
    resource.insert(0, metadata)
    return metadata


def _item_metadata(item: ChoiceItem) -> dict[str, str]:
    fields = {
        "instrument": item.instrument.value,
        "version": str(item.version),
        "competencies": " ".join(item.competencies),
        "seconds": str(item.seconds),
    }
    if item.channel is not None:
        fields["channel"] = item.channel.value
    if isinstance(item, QuestionnaireItem):
        fields["keying"] = item.keying.value
        if item.similar_to:
            fields["similar-to"] = item.similar_to
    if isinstance(item, KnowledgeItem):
        fields["topic"] = item.topic.value
        fields["activity"] = item.activity
    return fields


def _write(root: ET.Element, path: Path) -> None:
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _stimulus(passage: Passage, language: Language) -> ET.Element:
    root = ET.Element(
        qti_tag("qti-assessment-stimulus"),
        {
            "identifier": passage.id,
            "title": passage.title.in_language(language),
            XML_LANG: language,
        },
    )
    body = _sub(root, "qti-stimulus-body")
    _sub(body, "div", passage.text.in_language(language), **{"class": "passage"})
    return root


def _item_xml(
    item: ChoiceItem, language: Language, agreement: dict[int, LocalizedText]
) -> ET.Element:
    root = ET.Element(
        qti_tag("qti-assessment-item"),
        {
            "identifier": item.id,
            "title": item.id,
            "adaptive": "false",
            "time-dependent": "false",
            XML_LANG: language,
        },
    )
    declaration = _sub(
        root,
        "qti-response-declaration",
        identifier="RESPONSE",
        cardinality="single",
        base_type="identifier",
    )
    correct, mapping = _scoring(item)
    if correct is not None:
        _sub(_sub(declaration, "qti-correct-response"), "qti-value", correct)
    if mapping:
        entries = _sub(declaration, "qti-mapping", default_value="0")
        for key, value in mapping:
            _sub(entries, "qti-map-entry", map_key=key, mapped_value=str(value))
    _sub(
        root, "qti-outcome-declaration", identifier="SCORE", cardinality="single", base_type="float"
    )
    if isinstance(item, SituationalItem):
        _sub(
            root,
            "qti-outcome-declaration",
            identifier="FEEDBACK",
            cardinality="single",
            base_type="identifier",
        )
    if isinstance(item, KnowledgeItem) and item.passage:
        _sub(
            root,
            "qti-assessment-stimulus-ref",
            identifier=item.passage,
            href=f"../stimuli/{item.passage}.{language}.xml",
        )
    body = _sub(root, "qti-item-body")
    if isinstance(item, KnowledgeItem) and item.exhibit is not None:
        _sub(_sub(body, "div", **{"class": "exhibit"}), "pre", item.exhibit.in_language(language))
    interaction = _sub(
        body,
        "qti-choice-interaction",
        response_identifier="RESPONSE",
        max_choices="1",
        shuffle="false",
    )
    prompt, options = _prompt_and_options(item, agreement)
    _sub(interaction, "qti-prompt", prompt.in_language(language))
    for choice_id, text in options:
        _sub(interaction, "qti-simple-choice", text.in_language(language), identifier=choice_id)
    _response_processing(root, item, correct)
    if isinstance(item, SituationalItem):
        for option in item.options:
            feedback = _sub(
                root,
                "qti-modal-feedback",
                outcome_identifier="FEEDBACK",
                identifier=option.id,
                show_hide="show",
            )
            _sub(feedback, "qti-content-body", option.rationale.in_language(language))
    return root


def _scoring(item: ChoiceItem) -> tuple[str | None, list[tuple[str, int]]]:
    if isinstance(item, SituationalItem):
        return item.best_option.id, [(o.id, o.effectiveness) for o in item.options]
    if isinstance(item, KnowledgeItem):
        return item.correct, []
    if item.expected is not None:
        return AGREEMENT_CHOICES[item.expected - 1], []
    scores = range(1, 6) if item.keying is Keying.POSITIVE else range(5, 0, -1)
    return None, list(zip(AGREEMENT_CHOICES, scores, strict=True))


def _prompt_and_options(
    item: ChoiceItem, agreement: dict[int, LocalizedText]
) -> tuple[LocalizedText, list[tuple[str, LocalizedText]]]:
    if isinstance(item, SituationalItem):
        return item.stem, [(o.id, o.text) for o in item.options]
    if isinstance(item, KnowledgeItem):
        return item.stem, [(o.id, o.text) for o in item.options]
    return item.text, [(choice, agreement[n + 1]) for n, choice in enumerate(AGREEMENT_CHOICES)]


def _response_processing(root: ET.Element, item: ChoiceItem, correct: str | None) -> None:
    if isinstance(item, SituationalItem):
        processing = _sub(root, "qti-response-processing")
        score = _sub(processing, "qti-set-outcome-value", identifier="SCORE")
        _sub(score, "qti-map-response", identifier="RESPONSE")
        feedback = _sub(processing, "qti-set-outcome-value", identifier="FEEDBACK")
        _sub(feedback, "qti-variable", identifier="RESPONSE")
    elif correct is not None:
        _sub(root, "qti-response-processing", template=MATCH_CORRECT)
    else:
        _sub(root, "qti-response-processing", template=MAP_RESPONSE)
