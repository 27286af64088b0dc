"""Keeping the rollups: each applied page adds (new state - old state) of the rows it changed to their groups.

The projector calls ``lock`` and ``current`` before it upserts the rolled-up tables (expense, tambon) and
``apply_deltas`` after, in the same transaction. Re-applying a state adds nothing (its delta is zero), so
at-least-once delivery stays exactly-once in the sums. One advisory lock serialises the read-old, write-new
step across consumers (a rebuild and the poller, two replicas); TRUNCATE on rebuild waits for it as well.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import asyncpg
from sqlalchemy import Table, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from phaen_reports import SCHEMA
from phaen_reports.projections import bulk
from phaen_reports.projections import models as m
from phaen_reports.projections import rollup_models as ru

State = Mapping[str, Any] | None
Key = tuple[Any, ...]
Delta = dict[str, Any]

ROLLED_UP: tuple[type[SQLModel], ...] = (m.Expense, m.Tambon)
_LOCK_KEY = int.from_bytes(hashlib.sha256(f"rollups:{SCHEMA}".encode()).digest()[:8], "big", signed=True)
TIERS = ("model", "pilot", "expansion")


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined]


async def lock(session: AsyncSession) -> None:
    """Serialise rollup writers until the transaction ends."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})


async def current(session: AsyncSession, model: type[SQLModel], keys: Iterable[Key]) -> dict[Key, dict[str, Any]]:
    """The stored rows of ``model`` under these primary keys (single-column keys: expense id, tambon code)."""
    table = _table(model)
    (pk,) = table.primary_key.columns
    wanted = [k[0] for k in keys]
    if not wanted:
        return {}
    rows = (await session.execute(select(table).where(pk.in_(wanted)))).mappings()
    return {(r[pk.name],): dict(r) for r in rows}


def merged(old: State, new: Mapping[str, Any]) -> dict[str, Any]:
    """The row after the upsert: a field the event leaves empty keeps its stored value (as the upsert does)."""
    if old is None:
        return dict(new)
    return {**old, **{k: v for k, v in new.items() if v is not None}}


def _expense_parts(s: State) -> list[tuple[type[SQLModel], Key, Delta]]:
    if s is None:
        return []
    recorded = s.get("status") == "recorded"
    counters = {
        "recorded_count": 1 if recorded else 0,
        "recorded_amount": (s.get("amount") or Decimal(0)) if recorded else Decimal(0),
        "void_count": 1 if s.get("status") == "void" else 0,
    }
    out: list[tuple[type[SQLModel], Key, Delta]] = []
    if s.get("grant_id") is not None and s.get("line_no") is not None:
        out.append((ru.ExpenseLineRollup, (s["grant_id"], s["line_no"]), counters))
    if s.get("project_id") is not None:
        out.append((ru.ExpenseCategoryRollup, (s["project_id"], s.get("category") or ""), counters))
    return out


def _tambon_parts(s: State) -> list[tuple[type[SQLModel], Key, Delta]]:
    if s is None or s.get("region") is None:
        return []
    region = s["region"]
    counters = {tier: int(s.get("tier") == tier) for tier in TIERS}
    counters |= {
        "tambons": 1,
        "tao_plan_integrated": int(s.get("tao_plan_integrated") is True),
        "tao_funded": int(s.get("tao_funded") is True),
    }
    out: list[tuple[type[SQLModel], Key, Delta]] = [(ru.TambonRegionRollup, (region,), counters)]
    for level, field in (("district", "district_code"), ("province", "province_code")):
        if s.get(field) is not None:
            out.append((ru.TambonPlaceRollup, (region, level, s[field]), {"tambons": 1}))
    return out


PARTS = {m.Expense: _expense_parts, m.Tambon: _tambon_parts}


def deltas(
    changes: Iterable[tuple[type[SQLModel], State, State]],
) -> dict[type[SQLModel], dict[Key, Delta]]:
    """Per rollup table and group: the sum of (new contribution - old contribution), zero groups left out."""
    acc: dict[type[SQLModel], dict[Key, Delta]] = defaultdict(dict)
    for model, old, new in changes:
        parts = PARTS[model]
        for sign, state in ((-1, old), (1, new)):
            for table, key, counters in parts(state):
                group = acc[table].setdefault(key, {})
                for name, value in counters.items():
                    group[name] = group.get(name, 0) + sign * value
    return {
        table: {k: d for k, d in groups.items() if any(v != 0 for v in d.values())}
        for table, groups in acc.items()
        if any(any(v != 0 for v in d.values()) for d in groups.values())
    }


async def _add(session: AsyncSession, model: type[SQLModel], groups: dict[Key, Delta]) -> list[Any]:
    """Add deltas to their rows (created at zero when new), in key order so concurrent writers never deadlock."""
    table = _table(model)
    pk = [c.name for c in table.primary_key.columns]
    counters = [c.name for c in table.columns if c.name not in pk]
    values = [
        {**dict(zip(pk, key, strict=True)), **{c: groups[key].get(c, 0) for c in counters}}
        for key in sorted(groups, key=lambda k: tuple(str(x) for x in k))
    ]
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=pk, set_={c: table.c[c] + stmt.excluded[c] for c in counters})
    if model is ru.TambonPlaceRollup:
        result = await session.execute(stmt.returning(*table.c), values)
        return list(result.all())
    await session.execute(stmt, values)
    return []


async def apply_deltas(session: AsyncSession, changes: Iterable[tuple[type[SQLModel], State, State]]) -> None:
    """Write the rollup deltas of these row changes (old, new) in the caller's transaction."""
    found = deltas(changes)
    places = found.pop(ru.TambonPlaceRollup, {})
    if places:
        # A district or province enters a region's distinct count when its row leaves 0, and leaves it at 0.
        regions = found.setdefault(ru.TambonRegionRollup, {})
        for row in await _add(session, ru.TambonPlaceRollup, places):
            before = row.tambons - places[(row.region, row.level, row.code)]["tambons"]
            step = (before <= 0 < row.tambons) - (row.tambons <= 0 < before)
            if step:
                column = "districts" if row.level == "district" else "provinces"
                group = regions.setdefault((row.region,), {})
                group[column] = group.get(column, 0) + step
    for model, groups in found.items():
        if groups:
            await _add(session, model, groups)


def _expense_sql() -> str:
    """Upsert a page of expenses and add what they change to their line and category rollups, in one statement.

    ``old`` reads the rows as they were before this statement (every part of a statement sees the same
    snapshot, and the advisory lock keeps other writers out), the upsert's RETURNING gives them as they are
    after it: each group gets the sum of (new contribution - old contribution). A group whose delta is zero
    (an event delivered again) is not written.
    """
    table = _table(m.Expense)
    pk = [c.name for c in table.primary_key.columns]
    cols = [c.name for c in table.columns]
    names = ", ".join(f'"{c}"' for c in cols)
    updates = ", ".join(f'"{c}" = coalesce(EXCLUDED."{c}", t."{c}")' for c in cols if c not in pk)
    if cols[0] != "id":
        raise RuntimeError("the expense table's first column must be its id ($1 below)")
    kept = "id, project_id, grant_id, line_no, category, amount, status"
    counters = """sum(sign * (status = 'recorded')::int) AS recorded_count,
                  coalesce(sum(sign * coalesce(amount, 0)) FILTER (WHERE status = 'recorded'), 0) AS recorded_amount,
                  sum(sign * (status = 'void')::int) AS void_count"""
    nonzero = (
        "HAVING sum(sign * (status = 'recorded')::int) <> 0 OR sum(sign * (status = 'void')::int) <> 0 OR "
        "coalesce(sum(sign * coalesce(amount, 0)) FILTER (WHERE status = 'recorded'), 0) <> 0"
    )
    add = """recorded_count = r.recorded_count + EXCLUDED.recorded_count,
             recorded_amount = r.recorded_amount + EXCLUDED.recorded_amount,
             void_count = r.void_count + EXCLUDED.void_count"""
    line, category = _table(ru.ExpenseLineRollup), _table(ru.ExpenseCategoryRollup)
    # Identifiers come from our own table definitions; every value is a bind parameter.
    return f"""
    WITH new AS ({bulk.unnest(table)}),
    old AS (
        SELECT {kept} FROM "{table.schema}"."{table.name}"
        WHERE id = ANY($1::uuid[])
    ),
    up AS (
        INSERT INTO "{table.schema}"."{table.name}" AS t ({names}) SELECT * FROM new
        ON CONFLICT (id) DO UPDATE SET {updates}
        RETURNING {kept}
    ),
    moved AS (SELECT 1 AS sign, * FROM up UNION ALL SELECT -1 AS sign, * FROM old),
    line AS (
        INSERT INTO "{line.schema}"."{line.name}" AS r (grant_id, line_no, recorded_count, recorded_amount,
                                                         void_count)
        SELECT grant_id, line_no, {counters}
        FROM moved WHERE grant_id IS NOT NULL AND line_no IS NOT NULL
        GROUP BY grant_id, line_no {nonzero} ORDER BY grant_id, line_no
        ON CONFLICT (grant_id, line_no) DO UPDATE SET {add}
        RETURNING 1
    ),
    category AS (
        INSERT INTO "{category.schema}"."{category.name}" AS r (project_id, category, recorded_count,
                                                                 recorded_amount, void_count)
        SELECT project_id, coalesce(category, ''), {counters}
        FROM moved WHERE project_id IS NOT NULL
        GROUP BY project_id, coalesce(category, '') {nonzero} ORDER BY 1, 2
        ON CONFLICT (project_id, category) DO UPDATE SET {add}
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM up), (SELECT count(*) FROM line), (SELECT count(*) FROM category)
    """  # noqa: S608


EXPENSE_SQL = _expense_sql()


async def upsert_expenses(conn: asyncpg.Connection, columns: list[list[Any]]) -> None:
    """Upsert expenses (one array per column, the table's column order) and move their rollups (see
    ``_expense_sql``), in the caller's transaction, after ``lock``."""
    await conn.fetchrow(EXPENSE_SQL, *columns)


# The rollups recomputed from the rows in PostgreSQL (as the reports_0005 upgrade fills them): no row passes
# through Python, so memory does not grow with the read model.
FROM_ROWS = [
    """INSERT INTO reports.expense_line_rollup (grant_id, line_no, recorded_count, recorded_amount, void_count)
    SELECT grant_id, line_no, count(*) FILTER (WHERE status = 'recorded'),
           coalesce(sum(amount) FILTER (WHERE status = 'recorded'), 0), count(*) FILTER (WHERE status = 'void')
    FROM reports.expense WHERE grant_id IS NOT NULL AND line_no IS NOT NULL GROUP BY grant_id, line_no""",
    """INSERT INTO reports.expense_category_rollup (project_id, category, recorded_count, recorded_amount, void_count)
    SELECT project_id, coalesce(category, ''), count(*) FILTER (WHERE status = 'recorded'),
           coalesce(sum(amount) FILTER (WHERE status = 'recorded'), 0), count(*) FILTER (WHERE status = 'void')
    FROM reports.expense WHERE project_id IS NOT NULL GROUP BY project_id, coalesce(category, '')""",
    """INSERT INTO reports.tambon_place_rollup (region, level, code, tambons)
    SELECT region, 'district', district_code, count(*) FROM reports.tambon
    WHERE region IS NOT NULL AND district_code IS NOT NULL GROUP BY region, district_code
    UNION ALL
    SELECT region, 'province', province_code, count(*) FROM reports.tambon
    WHERE region IS NOT NULL AND province_code IS NOT NULL GROUP BY region, province_code""",
    """INSERT INTO reports.tambon_region_rollup
        (region, model, pilot, expansion, tambons, districts, provinces, tao_plan_integrated, tao_funded)
    SELECT region, count(*) FILTER (WHERE tier = 'model'), count(*) FILTER (WHERE tier = 'pilot'),
           count(*) FILTER (WHERE tier = 'expansion'), count(*), count(DISTINCT district_code),
           count(DISTINCT province_code), count(*) FILTER (WHERE tao_plan_integrated),
           count(*) FILTER (WHERE tao_funded)
    FROM reports.tambon WHERE region IS NOT NULL GROUP BY region""",
]


async def rebuild_from_rows(session: AsyncSession) -> None:
    """Empty the rollups and recompute them from the read model's rows (in the caller's transaction)."""
    await lock(session)
    names = ", ".join(f'"{SCHEMA}"."{_table(t).name}"' for t in ru.ROLLUP_TABLES)
    await session.execute(text(f"TRUNCATE {names}"))
    for sql in FROM_ROWS:
        await session.execute(text(sql))
