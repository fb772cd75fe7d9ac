"""IMS QTI 3.0 import: a package in the shape `storage.qti` writes, back into items."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from defusedxml.ElementTree import parse as safe_parse

from servicefit.domain.items import (
    Item,
    ItemBank,
    Keying,
    KnowledgeItem,
    KnowledgeTopic,
    Option,
    Passage,
    QuestionnaireItem,
    RatedOption,
    SituationalItem,
)
from servicefit.domain.job_profiles import Channel
from servicefit.domain.language import LANGUAGES, Language, LocalizedText
from servicefit.errors import InvalidInput, InvalidInputProblem
from servicefit.storage.qti import AGREEMENT_CHOICES, CP, SF, qti_tag


def import_qti(folder: Path) -> ItemBank:
    """Read a package written by `export_qti` (or in its shape) back into items."""
    manifest_path = folder / "imsmanifest.xml"
    manifest = _root_of(manifest_path)
    passages: list[Passage] = []
    items: list[Item] = []
    for resource in manifest.iter(f"{{{CP}}}resource"):
        identifier = resource.get("identifier", "")
        files = {
            _language_of(href): folder / href
            for href in (f.get("href", "") for f in resource.iter(f"{{{CP}}}file"))
        }
        if resource.get("type") == "imsqti_stimulus_xmlv3p0":
            meta = resource.find(f".//{{{SF}}}passage")
            passages.append(_read_passage(identifier, _version(meta, manifest_path), files))
        else:
            meta = resource.find(f".//{{{SF}}}item")
            if meta is None:
                raise _problem(manifest_path, identifier, "no servicefit item metadata")
            items.append(_read_item(identifier, meta, files, manifest_path))
    return ItemBank(items=tuple(items), passages=tuple(passages))


def _language_of(href: str) -> Language:
    suffix = href.rsplit(".", 2)[-2] if href.count(".") >= 2 else ""
    for language in LANGUAGES:
        if suffix == language:
            return language
    raise InvalidInput(
        [
            InvalidInputProblem(
                source=href, field="(file name)", message="expected <id>.<en|es|pl>.xml"
            )
        ]
    )


def _version(meta: ET.Element | None, source: Path) -> int:
    if meta is None or not (meta.get("version") or "").isdigit():
        raise _problem(source, "version", "missing or not a number")
    return int(meta.get("version", "0"))


def _problem(source: Path, field: str, message: str) -> InvalidInput:
    return InvalidInput([InvalidInputProblem(source=str(source), field=field, message=message)])


def _root_of(path: Path) -> ET.Element:
    try:
        root = safe_parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise _problem(path, "(file)", f"cannot read it: {error}") from None
    if root is None:
        raise _problem(path, "(file)", "empty document")
    return root


def _roots(files: dict[Language, Path]) -> dict[Language, ET.Element]:
    roots = {}
    for language in LANGUAGES:
        if language not in files:
            raise _problem(next(iter(files.values())), "(files)", f"no {language} version")
        roots[language] = _root_of(files[language])
    return roots


def _text(roots: dict[Language, ET.Element], path: str) -> LocalizedText:
    values = {}
    for language, root in roots.items():
        element = root.find(path)
        values[language] = element.text or "" if element is not None else ""
    return LocalizedText(en=values["en"], es=values["es"], pl=values["pl"])


def _read_passage(identifier: str, version: int, files: dict[Language, Path]) -> Passage:
    roots = _roots(files)
    title = LocalizedText(**{lang: root.get("title", "") for lang, root in roots.items()})
    return Passage(identifier, version, title, _text(roots, f".//{qti_tag('div')}"))


def _choices(roots: dict[Language, ET.Element]) -> list[tuple[str, LocalizedText]]:
    ids = [c.get("identifier", "") for c in roots["en"].iter(qti_tag("qti-simple-choice"))]
    texts: dict[str, dict[str, str]] = {choice: {} for choice in ids}
    for language, root in roots.items():
        for choice in root.iter(qti_tag("qti-simple-choice")):
            texts[choice.get("identifier", "")][language] = choice.text or ""
    return [(choice, LocalizedText(**texts[choice])) for choice in ids]


def _read_item(
    identifier: str, meta: ET.Element, files: dict[Language, Path], source: Path
) -> Item:
    roots = _roots(files)
    en = roots["en"]
    channel = Channel(meta.get("channel")) if meta.get("channel") else None
    base = {
        "id": identifier,
        "version": _version(meta, source),
        "competencies": tuple((meta.get("competencies") or "").split()),
        "channel": channel,
        "seconds": int(meta.get("seconds", "0")),
    }
    prompt = _text(roots, f".//{qti_tag('qti-prompt')}")
    choices = _choices(roots)
    correct_element = en.find(f".//{qti_tag('qti-correct-response')}/{qti_tag('qti-value')}")
    correct = correct_element.text if correct_element is not None else None
    mapping = {
        entry.get("map-key", ""): int(float(entry.get("mapped-value", "0")))
        for entry in en.iter(qti_tag("qti-map-entry"))
    }
    instrument = meta.get("instrument")
    if instrument == "situational_judgement":
        rationales = {
            f.get("identifier", ""): _feedback(roots, f.get("identifier", ""))
            for f in en.iter(qti_tag("qti-modal-feedback"))
        }
        return SituationalItem(
            **base,  # type: ignore[arg-type]
            stem=prompt,
            options=tuple(
                RatedOption(choice, text, mapping[choice], rationales[choice])
                for choice, text in choices
            ),
        )
    if instrument == "questionnaire":
        expected = AGREEMENT_CHOICES.index(correct) + 1 if correct else None
        return QuestionnaireItem(
            **base,  # type: ignore[arg-type]
            text=prompt,
            keying=Keying(meta.get("keying", "positive")),
            expected=expected,
            similar_to=meta.get("similar-to"),
        )
    if instrument == "knowledge":
        stimulus = en.find(qti_tag("qti-assessment-stimulus-ref"))
        exhibit_present = en.find(f".//{qti_tag('pre')}") is not None
        return KnowledgeItem(
            **base,  # type: ignore[arg-type]
            topic=KnowledgeTopic(meta.get("topic")),
            activity=meta.get("activity", ""),
            stem=prompt,
            options=tuple(Option(choice, text) for choice, text in choices),
            correct=correct or "",
            passage=stimulus.get("identifier") if stimulus is not None else None,
            exhibit=_text(roots, f".//{qti_tag('pre')}") if exhibit_present else None,
        )
    raise _problem(source, identifier, f"instrument {instrument!r} is not exchanged as QTI")


def _feedback(roots: dict[Language, ET.Element], choice: str) -> LocalizedText:
    values = {}
    for language, root in roots.items():
        for feedback in root.iter(qti_tag("qti-modal-feedback")):
            if feedback.get("identifier") == choice:
                body = feedback.find(qti_tag("qti-content-body"))
                values[language] = body.text or "" if body is not None else ""
    return LocalizedText(**values)
