"""Import report shapes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from phaen_registry.geography.schemas import ResolveItem

RowStatus = Literal["ok", "unresolved", "ambiguous", "invalid"]


class ImportRow(BaseModel):
    """One CSV row: how it resolved and what is wrong with it, if anything."""

    line: int
    status: RowStatus
    code: str | None = None
    name_th: str | None = None
    score: float | None = None
    match: str | None = None
    action: Literal["enrol", "update"] | None = None
    candidates: list[ResolveItem] = []
    errors: list[str] = []


class ImportReport(BaseModel):
    dry_run: bool
    applied: bool
    total: int
    ok: int
    unresolved: int
    ambiguous: int
    invalid: int
    rows: list[ImportRow]
