"""A report as a table: the one shape every renderer (CSV, XLSX, PDF) takes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Kind = Literal["text", "money", "int", "percent", "date"]


@dataclass(frozen=True)
class Column:
    key: str
    header_th: str
    kind: Kind = "text"
    width: float = 1.0  # relative width in the PDF


@dataclass
class Tabular:
    """Rows and an optional totals row, with a Thai title and the read model's freshness."""

    title_th: str
    slug: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    totals: dict[str, Any] | None = None
    as_of: dt.datetime | None = None
    stale: bool = False
    notes: list[str] = field(default_factory=list)
    # Amounts spelt in Thai words under the table (label, amount).
    in_words: list[tuple[str, Decimal]] = field(default_factory=list)
    landscape: bool = False
    # The grant the report is about (CSV and XLSX carry it on every export; None: a network-wide report).
    grant_name: str | None = None


def cell_value(value: Any, kind: Kind) -> Any:
    """The typed value of a cell (numbers stay numbers for XLSX)."""
    if value is None or value == "":
        return None
    if kind in ("money", "percent"):
        return Decimal(str(value))
    if kind == "int":
        return int(value)
    if kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def cell_text(value: Any, kind: Kind) -> str:
    """The text of a cell (money with thousands separators and 2 decimals)."""
    typed = cell_value(value, kind)
    if typed is None:
        return ""
    if kind == "money":
        return f"{typed:,.2f}"
    if kind == "percent":
        return f"{typed:.2f}"
    if kind == "date" and isinstance(typed, dt.date):
        from phaen_reports.render.thai import be_date

        return be_date(typed)
    return str(typed)


def as_bangkok(when: dt.datetime) -> dt.datetime:
    """An instant in the network's time zone (Asia/Bangkok)."""
    from zoneinfo import ZoneInfo

    return when.astimezone(ZoneInfo("Asia/Bangkok"))


def freshness_line(as_of: dt.datetime | None, stale: bool) -> str:
    """``ข้อมูล ณ <BE date>`` and a warning when a source is behind."""
    from phaen_reports.render.thai import be_date

    when = be_date(as_bangkok(as_of), with_time=True) if as_of else "ยังไม่มีข้อมูล"
    return f"ข้อมูล ณ {when}" + (" (บางแหล่งข้อมูลยังไม่เป็นปัจจุบัน)" if stale else "")
