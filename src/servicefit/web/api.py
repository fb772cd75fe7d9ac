"""The JSON API under /api/v1 (per-organisation bearer tokens)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1", tags=["api"])
