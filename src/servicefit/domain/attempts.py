"""Attempts: one candidate's sitting of one assembled assessment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from servicefit.domain.answers import Response
from servicefit.domain.items import ItemRef
from servicefit.domain.language import Language


class AttemptClosed(ValueError):
    """An answer arrived after the attempt was finished."""


class NotOnForm(ValueError):
    """An answer names an item (or version) that the attempt's form does not contain."""


@dataclass
class Attempt:
    """An attempt and its responses; rules about answering live here."""

    organisation_id: int
    profile_key: str
    profile_version: int
    candidate: str
    language: Language
    items: tuple[ItemRef, ...]  # exactly the item versions it was given
    responses: dict[str, Response] = field(default_factory=dict)  # by item id
    simulated: bool = False
    finished_at: datetime | None = None
    id: int | None = None
    parameter_version: str | None = None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def record(self, response: Response) -> bool:
        """Keep *response*; False when the same answer was already kept (idempotent)."""
        if self.finished:
            raise AttemptClosed(f"attempt {self.id} is finished; no more answers")
        if response.item not in self.items:
            raise NotOnForm(f"{response.item} is not on this attempt's form")
        if self.responses.get(response.item.id) == response:
            return False
        self.responses[response.item.id] = response
        return True

    def finish(self, at: datetime) -> None:
        if not self.finished:
            self.finished_at = at
