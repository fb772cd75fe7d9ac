"""Which language a reply is written in (Lingua, offline, limited to en/es/pl)."""

from __future__ import annotations

from functools import cache
from typing import Any

SUPPORTED = ("en", "es", "pl")
MIN_CONFIDENCE = 0.5


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder  # noqa: PLC0415 - built on first use

    return (
        LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.SPANISH, Language.POLISH)
        .with_low_accuracy_mode()
        .build()
    )


_CODES = {"ENGLISH": "en", "SPANISH": "es", "POLISH": "pl"}


def detect(text: str) -> tuple[str | None, float]:
    """The language code and Lingua's confidence; None when the text is too short to tell."""
    if not any(ch.isalpha() for ch in text):
        return None, 0.0
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    best = values[0]
    code = _CODES.get(best.language.name)
    if code is None or best.value < MIN_CONFIDENCE:
        return None, float(best.value)
    return code, float(best.value)
