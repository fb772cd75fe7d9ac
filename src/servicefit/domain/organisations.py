"""Organisations: the tenants. Everything an organisation owns is scoped to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


@dataclass(frozen=True)
class Organisation:
    id: int
    slug: str
    name: str
