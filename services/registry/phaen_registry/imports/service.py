"""Bulk import of network tambons from CSV: resolve every row, report, and apply all or nothing.

Columns (header row, any order; names case-insensitive):
``code`` (6-digit DOPA code) or ``name`` + ``province`` (+ optional ``district``), resolved like
``/resolve``; ``tier`` (model, pilot, expansion; required); ``joined_on`` (ISO date, CE or BE year);
``villages_total``, ``villages_with_plan``; the 7 criteria ``plans_80pct``, ``facilitator_team``,
``joint_plans``, ``ongoing_activities``, ``linked_tao``, ``tao_support``, ``spread``; ``tao_plan_integrated``,
``tao_funded`` (1/0, true/false, yes/no, ใช่/ไม่ใช่).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_registry.geography.index import GeoIndex, Resolution
from phaen_registry.geography.service import resolution_out
from phaen_registry.imports import errors
from phaen_registry.imports.schemas import ImportReport, ImportRow
from phaen_registry.tambons.models import CRITERIA, NetworkTambon
from phaen_registry.tambons.schemas import TambonIn
from phaen_registry.tambons.service import upsert_tambons

MAX_ROWS = 10_000
_TRUE = {"1", "true", "t", "yes", "y", "x", "ใช่", "มี"}
_FALSE = {"", "0", "false", "f", "no", "n", "ไม่", "ไม่ใช่", "ไม่มี", "-"}
_FLAGS = (*CRITERIA, "tao_plan_integrated", "tao_funded")


def parse_csv(raw: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; the header names are lower-cased and trimmed."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise errors.BadCsv("The CSV must be UTF-8.", loc=["body"]) from exc
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration as exc:
        raise errors.BadCsv("The CSV is empty.", loc=["body"]) from exc
    except csv.Error as exc:
        raise errors.BadCsv("The CSV header cannot be parsed.", loc=["body"]) from exc
    if "tier" not in header or not ({"code"} <= set(header) or {"name", "province"} <= set(header)):
        raise errors.BadCsv("The header needs tier and either code or name and province.", loc=["body"])
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise errors.BadCsv(f"At most {MAX_ROWS} rows per import.", loc=["body"])
            rows.append(
                (reader.line_num, {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)})
            )
    except csv.Error as exc:
        raise errors.BadCsv(f"The CSV cannot be parsed near line {reader.line_num}.", loc=["body"]) from exc
    return rows


def _flag(value: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise ValueError("not a yes/no value")


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    d = dt.date.fromisoformat(value)
    # Secretariat sheets often carry Buddhist Era years (2547 = 2004).
    return d.replace(year=d.year - 543) if d.year > 2400 else d


def _tambon_in(row: dict[str, str]) -> tuple[TambonIn | None, list[str]]:
    problems: list[str] = []
    data: dict[str, Any] = {"tier": row.get("tier", "").lower(), "criteria": {}}
    try:
        data["joined_on"] = _date(row.get("joined_on", ""))
    except ValueError:
        problems.append("joined_on: not a date (YYYY-MM-DD)")
    for name in ("villages_total", "villages_with_plan"):
        raw = row.get(name, "")
        if raw:
            data[name] = raw
    for name in _FLAGS:
        try:
            value = _flag(row.get(name, ""))
        except ValueError:
            problems.append(f"{name}: not a yes/no value")
            continue
        if name in CRITERIA:
            data["criteria"][name] = value
        else:
            data[name] = value
    if problems:
        return None, problems
    try:
        return TambonIn.model_validate(data), []
    except ValidationError as exc:
        # Field names and messages only: never the values typed in.
        return None, [f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}" for e in exc.errors()]


def _resolve(index: GeoIndex, row: dict[str, str]) -> Resolution | str:
    code = row.get("code", "")
    if code:
        province = index.provinces.get(code[:2])
        if province is None:
            return "code: no province has this code's first two digits"
        return index.resolve(code, province)
    if not row.get("name") or not row.get("province"):
        return "give code, or name and province"
    province = index.find_province(row["province"])
    if province is None:
        return "province: no province matches"
    district = index.find_district(row["district"], province) if row.get("district") else None
    return index.resolve(row["name"], province, district, limit=5)


def plan(index: GeoIndex, rows: list[tuple[int, dict[str, str]]]) -> tuple[list[ImportRow], list[tuple[str, TambonIn]]]:
    """Resolve and validate every row; returns the report rows and the (code, data) of the good ones."""
    report: list[ImportRow] = []
    good: list[tuple[str, TambonIn]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        data, problems = _tambon_in(row)
        res = _resolve(index, row)
        if isinstance(res, str):
            report.append(ImportRow(line=line, status="unresolved", errors=[res, *problems]))
            continue
        out = resolution_out(index, res)
        best = res.best
        if best is None:
            status = "ambiguous" if res.ambiguous else "unresolved"
            report.append(ImportRow(line=line, status=status, candidates=out.items[:5], errors=problems))
            continue
        code = best.area.code
        item = ImportRow(
            line=line,
            status="ok",
            code=code,
            name_th=best.area.name_th,
            score=best.score,
            match=best.match,
            candidates=out.items[:1],
            errors=problems,
        )
        if code in seen:
            item.status, item.errors = "invalid", [*problems, f"same tambon as line {seen[code]}"]
        elif data is None:
            item.status = "invalid"
        else:
            good.append((code, data))
        seen.setdefault(code, line)
        report.append(item)
    return report, good


def _report(rows: list[ImportRow], *, dry_run: bool, applied: bool) -> ImportReport:
    def count(status: str) -> int:
        return sum(1 for r in rows if r.status == status)

    return ImportReport(
        dry_run=dry_run,
        applied=applied,
        total=len(rows),
        ok=count("ok"),
        unresolved=count("unresolved"),
        ambiguous=count("ambiguous"),
        invalid=count("invalid"),
        rows=rows,
    )


async def import_tambons(
    *, session: AsyncSession, index: GeoIndex, raw: bytes, dry_run: bool, actor: str
) -> ImportReport:
    """Dry run: report only. Real run: every row must be ok, then all are applied in this transaction."""
    rows, good = plan(index, parse_csv(raw))
    codes = [code for code, _ in good]
    enrolled = (
        {
            c
            for c in (
                await session.execute(select(col(NetworkTambon.code)).where(col(NetworkTambon.code).in_(codes)))
            ).scalars()
        }
        if codes
        else set()
    )
    for r in rows:
        if r.status == "ok" and r.code:
            r.action = "update" if r.code in enrolled else "enrol"
    report = _report(rows, dry_run=dry_run, applied=False)
    if dry_run:
        return report
    bad = [r for r in rows if r.status != "ok"]
    if bad:
        exc = errors.ImportRejected(
            f"{len(bad)} of {len(rows)} rows need attention; nothing was written.",
            errors=[
                {"loc": ["body", r.line], "msg": f"{r.status}: {'; '.join(r.errors) or 'see candidates'}"} for r in bad
            ],
        )
        exc.extra["report"] = report.model_dump(mode="json")
        raise exc
    await upsert_tambons(session=session, index=index, items=good, actor=actor)
    return _report(rows, dry_run=False, applied=True)
