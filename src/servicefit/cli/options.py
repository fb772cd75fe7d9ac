"""Options shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from servicefit.domain.language import Language


class LanguageChoice(StrEnum):
    EN = "en"
    ES = "es"
    PL = "pl"

    @property
    def language(self) -> Language:
        languages: dict[str, Language] = {"en": "en", "es": "es", "pl": "pl"}
        return languages[self.value]


class DocumentFormat(StrEnum):
    JSON = "json"
    YAML = "yaml"


LanguageOption = Annotated[LanguageChoice, typer.Option("--language", "-l", help="en, es or pl.")]
OrganisationOption = Annotated[
    str | None,
    typer.Option("--org", help="Organisation slug (default: SERVICEFIT_DEFAULT_ORGANISATION)."),
]
