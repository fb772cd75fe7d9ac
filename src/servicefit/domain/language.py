"""The languages servicefit speaks, and text written in all of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Language = Literal["en", "es", "pl"]
LANGUAGES: tuple[Language, ...] = get_args(Language)


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """One user-facing text in every language the product speaks."""

    en: str
    es: str
    pl: str

    def __post_init__(self) -> None:
        for language in LANGUAGES:
            if not getattr(self, language).strip():
                raise ValueError(f"text in {language!r} is empty")

    def in_language(self, language: Language) -> str:
        text: str = getattr(self, language)
        return text

    def as_dict(self) -> dict[str, str]:
        return {language: self.in_language(language) for language in LANGUAGES}


def is_language(value: str) -> bool:
    return value in LANGUAGES
