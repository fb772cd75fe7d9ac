"""Spelling (Hunspell dictionaries from Debian) and English grammar (Harper)."""

from __future__ import annotations

import re
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


_SPELLING_KINDS = {"Spelling"}


def grammar_issues(text: str, language: str) -> list[LanguageIssue]:
    """English grammar problems found by Harper (spelling is left to Hunspell)."""
    if language != "en":
        return []
    issues = []
    for lint in _linter().lint(prose(text)):
        if str(lint.lint_kind) in _SPELLING_KINDS:
            continue
        suggestions = tuple(
            getattr(s, "replacement_text", "") or ""
            for s in list(lint.suggestions)[:MAX_SUGGESTIONS]
        )
        issues.append(
            LanguageIssue(
                "grammar",
                int(lint.span.start),
                int(lint.span.end),
                str(lint.problem_text),
                str(lint.message),
                tuple(s for s in suggestions if s),
            )
        )
    return issues
