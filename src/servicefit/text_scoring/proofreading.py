"""Spelling (Hunspell dictionaries from Debian) and English grammar (Harper)."""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from servicefit.text_scoring.results import LanguageIssue
from servicefit.text_scoring.text import word_spans

DICTIONARY_FOLDER = Path("/usr/share/hunspell")
DICTIONARIES = {"en": ("en_US", "en_GB"), "es": ("es_ES",), "pl": ("pl_PL",)}
_CAPITAL = re.compile(r"^[A-ZÁÉÍÓÚÑĄĆĘŁŃÓŚŹŻ]")
_DIGIT = re.compile(r"\d")
MAX_SUGGESTIONS = 3
SUGGESTED_WORDS = 2  # Hunspell suggest costs ~20 ms a word: suggestions for the first two only
_NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|[@#]\w+")


def prose(text: str) -> str:
    """*text* with URLs, e-mail addresses, @handles and #tags blanked (offsets kept)."""
    return _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), text)


class DictionaryMissing(RuntimeError):
    """A Hunspell dictionary is not installed (Debian packages hunspell-en-us, -es, -pl)."""


@cache
def _checkers(language: str) -> tuple[Any, ...]:
    import hunspell  # noqa: PLC0415 - loaded on first use

    checkers = []
    for name in DICTIONARIES.get(language, ()):
        dic, aff = DICTIONARY_FOLDER / f"{name}.dic", DICTIONARY_FOLDER / f"{name}.aff"
        if not dic.exists():
            raise DictionaryMissing(f"{dic} is missing: install the Debian hunspell package")
        checkers.append(hunspell.HunSpell(str(dic), str(aff)))
    return tuple(checkers)


def _repair(suggestion: str) -> str:
    """Polish suggestions can come back as latin-1 mojibake of ISO 8859-2; undo that."""
    try:
        repaired = suggestion.encode("latin-1").decode("iso8859-2")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return suggestion
    return (
        repaired
        if repaired != suggestion and any(c in repaired for c in "ąćęłńśźż")
        else suggestion
    )


@lru_cache(maxsize=200000)
def _is_word(language: str, word: str) -> bool:
    return any(checker.spell(word) for checker in _checkers(language))


def known_word(language: str, word: str) -> bool:
    """Some dictionary of *language* knows *word* as it is written."""
    return language in DICTIONARIES and _is_word(language, word)


def spelling_issues(text: str, language: str, *, suggest: bool = True) -> list[LanguageIssue]:
    """Words no dictionary of *language* knows (names and numbers skipped), with suggestions."""
    if language not in DICTIONARIES:
        return []
    issues: list[LanguageIssue] = []
    text = prose(text)
    for word, start, end in word_spans(text):
        if len(word) < 2 or _DIGIT.search(word):
            continue
        starts_sentence = start == 0 or text[:start].rstrip().endswith((".", "!", "?", "\n"))
        if _CAPITAL.match(word) and not starts_sentence:
            continue  # probably a name: dictionaries do not know most of them
        if _is_word(language, word) or (starts_sentence and _is_word(language, word.lower())):
            continue
        wanted = suggest and len(issues) < SUGGESTED_WORDS
        suggestions = _suggest(language, word) if wanted else ()
        issues.append(
            LanguageIssue("spelling", start, end, word, "not in the dictionary", suggestions)
        )
    return issues


@lru_cache(maxsize=50000)
def word_analyses(language: str, word: str) -> tuple[tuple[str, str], ...]:
    """Hunspell's morphology of *word* in the first dictionary of *language*: (stem, flag)
    pairs, where flag is the affix that made the word from its stem ("" for an entry of its
    own). In en_US, S makes plurals and third persons, D past forms, G -ing forms."""
    found = []
    for raw in _checkers(language)[0].analyze(word):
        match = _ANALYSIS.search(raw.decode("utf-8", "replace"))
        if match:
            found.append((match.group(1), match.group(2) or ""))
    return tuple(found)


_ANALYSIS = re.compile(r"st:(\S+)(?: fl:(\S+))?")


@lru_cache(maxsize=20000)
def _suggest(language: str, word: str) -> tuple[str, ...]:
    checker = _checkers(language)[0]
    return tuple(_repair(s) for s in checker.suggest(word)[:MAX_SUGGESTIONS])


@cache
def _linter() -> Any:
    import harper  # noqa: PLC0415 - loaded on first use

    linter = harper.Linter()
    config = linter.get_lint_config()
    # spelling is Hunspell's job here; Harper's own spell check is the slow part
    linter.set_lint_config({rule: ("Spell" not in rule and on) for rule, on in config.items()})
    return linter


_silence = threading.Lock()


@contextmanager
def _stdout_silenced() -> Iterator[None]:
    """File descriptor 1 points at /dev/null meanwhile: Harper 0.2.0 prints debugging lines
    to the process's stdout for some phrases ("looking forward to and ..."), which would
    corrupt JSON written there. One thread at a time (Harper holds the GIL anyway)."""
    with _silence:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            os.dup2(_devnull(), 1)
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


@cache
def _devnull() -> int:
    return os.open(os.devnull, os.O_WRONLY)


_SPELLING_KINDS = {"Spelling"}
# Harper's advice on style, not errors: long sentences (clarity's business), wording that could
# be stronger, an Oxford comma, British words
_ADVICE_KINDS = {"Readability", "Style", "Enhancement", "Regionalism"}


def grammar_issues(text: str, language: str) -> list[LanguageIssue]:
    """English grammar problems found by Harper (spelling is left to Hunspell)."""
    if language != "en":
        return []
    issues = []
    blanked = [(m.start(), m.end()) for m in _NOT_PROSE.finditer(text)]
    with _stdout_silenced():
        lints = _linter().lint(prose(text))
    for lint in lints:
        if str(lint.lint_kind) in _SPELLING_KINDS | _ADVICE_KINDS:
            continue
        start, end = int(lint.span.start), int(lint.span.end)
        if any(start < b_end and b_start < end for b_start, b_end in blanked):
            continue  # about the spaces that stand for a URL or @handle, not the writer's text
        suggestions = tuple(
            getattr(s, "replacement_text", "") or ""
            for s in list(lint.suggestions)[:MAX_SUGGESTIONS]
        )
        issues.append(
            LanguageIssue(
                "grammar",
                start,
                end,
                str(lint.problem_text),
                str(lint.message),
                tuple(s for s in suggestions if s),
            )
        )
    return issues
