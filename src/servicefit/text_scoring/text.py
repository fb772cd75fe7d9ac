"""Splitting text into sentences and words, and comparing word stems across inflections."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n\s*\n|\n(?=\s*[-•*]\s)|\n")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_NUMBER = re.compile(r"\d[\d.,:/-]*\d|\d")
STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "i",
        "you",
        "we",
        "he",
        "she",
        "it",
        "they",
        "my",
        "your",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "can",
        "could",
        "would",
        "should",
        "will",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "yes",
        "please",
        "thanks",
        "thank",
        "hello",
        "dear",
        "regards",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "y",
        "o",
        "pero",
        "si",
        "de",
        "del",
        "a",
        "en",
        "con",
        "por",
        "para",
        "es",
        "son",
        "fue",
        "ser",
        "estar",
        "está",
        "están",
        "yo",
        "usted",
        "ustedes",
        "nosotros",
        "mi",
        "su",
        "sus",
        "nuestro",
        "este",
        "esta",
        "esto",
        "eso",
        "que",
        "no",
        "sí",
        "hola",
        "gracias",
        "saludos",
        "i",
        "oraz",
        "ale",
        "jeśli",
        "czy",
        "w",
        "we",
        "na",
        "z",
        "ze",
        "do",
        "od",
        "po",
        "za",
        "jest",
        "są",
        "był",
        "była",
        "być",
        "to",
        "ten",
        "ta",
        "te",
        "tego",
        "mój",
        "moja",
        "pan",
        "pani",
        "państwo",
        "nasz",
        "wasz",
        "że",
        "nie",
        "tak",
        "dzień",
        "dobry",
        "dziękuję",
        "pozdrawiam",
    ]
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    found = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        chunk = text[position : match.start()]
        if chunk.strip():
            offset = position + len(chunk) - len(chunk.lstrip())
            found.append(Sentence(chunk.strip(), offset, offset + len(chunk.strip())))
        position = match.end()
    tail = text[position:]
    if tail.strip():
        offset = position + len(tail) - len(tail.lstrip())
        found.append(Sentence(tail.strip(), offset, offset + len(tail.strip())))
    return found


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def numbers(text: str) -> set[str]:
    return {n.strip(".,:/-") for n in _NUMBER.findall(text)}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without diacritics (ł as l), for matching across spellings."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ł", "l"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A crude stem: the first five letters, folded (inflection-tolerant, language-free)."""
    return fold(word)[:5]


@lru_cache(maxsize=4096)
def content_stems(text: str) -> frozenset[str]:
    return frozenset({stem(w) for w in words(text) if len(w) >= 4 and fold(w) not in STOPWORDS})


def shouting_share(text: str) -> float:
    """Share of words of 3+ letters written entirely in capitals."""
    long_words = [w for w in words(text) if len(w) >= 3]
    if not long_words:
        return 0.0
    return sum(1 for w in long_words if w.isupper()) / len(long_words)
