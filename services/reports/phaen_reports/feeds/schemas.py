"""Responses of the feed-management routes."""

from __future__ import annotations

from pydantic import BaseModel

from phaen_reports.feeds.service import Freshness


class SourceRebuilt(BaseModel):
    source: str
    applied: int
    ok: bool


class RebuildResult(BaseModel):
    """What a rebuild replayed, and the read model's freshness after it."""

    sources: list[SourceRebuilt]
    freshness: Freshness
