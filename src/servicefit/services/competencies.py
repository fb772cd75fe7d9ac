"""Reading the competency framework: find, resolve, export."""

from __future__ import annotations

from typing import Any

from servicefit.domain.competencies import Competency
from servicefit.services.content import Content
from servicefit.storage.framework_document import framework_to_document


def resolve_term(content: Content, term: str) -> Competency:
    """The one competency a seed term, name, alias or id names (any language)."""
    return content.framework.resolve(term)


def suggestions_for(content: Content, term: str) -> list[str]:
    return content.framework.suggest(term)


def export_framework(content: Content) -> dict[str, Any]:
    return framework_to_document(content.framework)
