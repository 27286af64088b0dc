"""Keeping the rollups: each applied page adds (new state - old state) of the rows it changed to their groups.

The projector upserts the rolled-up tables (expense, tambon) in one statement each, which also writes the
rollup deltas (``upsert_expenses``, ``upsert_tambons``): the rows as they were and as they are after the upsert
are compared in SQL. Re-applying a state adds nothing (its delta is zero), so at-least-once delivery stays
exactly-once in the sums. One advisory lock (``LOCK_SQL``) serialises the read-old, write-new step across
consumers (a rebuild and the poller, two replicas); TRUNCATE on rebuild waits for it as well.
"""

from __future__ import annotations

import hashlib
from typing import Any

import asyncpg
from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from phaen_reports import SCHEMA
from phaen_reports.projections import bulk
from phaen_reports.projections import models as m
from phaen_reports.projections import rollup_models as ru

ROLLED_UP: tuple[type[SQLModel], ...] = (m.Expense, m.Tambon)
_LOCK_KEY = int.from_bytes(hashlib.sha256(f"rollups:{SCHEMA}".encode()).digest()[:8], "big", signed=True)


def _table(model: type[SQLModel]) -> Table:
    return model.__table__  # type: ignore[attr-defined]


LOCK_SQL, LOCK_KEY = "SELECT pg_advisory_xact_lock($1)", _LOCK_KEY


async def lock(session: AsyncSession) -> None:
    """Serialise rollup writers until the transaction ends."""
    await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})


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


def _tambon_sql() -> str:
    """Upsert a page of tambons and move the region and place rollups, in one statement (as ``_expense_sql``).

    A district or province enters its region's distinct count when its place row leaves 0 and leaves it when
    the row comes back to 0: the place upsert's RETURNING (the count after) beside the delta (so the count
    before) gives that step.
    """
    table = _table(m.Tambon)
    cols = [c.name for c in table.columns]
    if cols[0] != "code":
        raise RuntimeError("the tambon table's first column must be its code ($1 below)")
    names = ", ".join(f'"{c}"' for c in cols)
    updates = ", ".join(f'"{c}" = coalesce(EXCLUDED."{c}", t."{c}")' for c in cols if c != "code")
    kept = "code, region, tier, district_code, province_code, tao_plan_integrated, tao_funded"
    place, region = _table(ru.TambonPlaceRollup), _table(ru.TambonRegionRollup)
    counters = ["model", "pilot", "expansion", "tambons", "districts", "provinces", "tao_plan_integrated", "tao_funded"]
    sums = ", ".join(f"sum({c})" for c in counters)
    nonzero = " OR ".join(f"sum({c}) <> 0" for c in counters)
    add = ", ".join(f"{c} = r.{c} + EXCLUDED.{c}" for c in counters)
    # Identifiers come from our own table definitions; every value is a bind parameter.
    return f"""
    WITH new AS ({bulk.unnest(table)}),
    old AS (SELECT {kept} FROM "{table.schema}"."{table.name}" WHERE code = ANY($1::varchar[])),
    up AS (
        INSERT INTO "{table.schema}"."{table.name}" AS t ({names}) SELECT * FROM new
        ON CONFLICT (code) DO UPDATE SET {updates}
        RETURNING {kept}
    ),
    moved AS (SELECT 1 AS sign, * FROM up UNION ALL SELECT -1 AS sign, * FROM old),
    places AS (
        SELECT region, 'district' AS level, district_code AS code, sum(sign) AS d FROM moved
        WHERE region IS NOT NULL AND district_code IS NOT NULL GROUP BY 1, 2, 3
        UNION ALL
        SELECT region, 'province', province_code, sum(sign) FROM moved
        WHERE region IS NOT NULL AND province_code IS NOT NULL GROUP BY 1, 2, 3
    ),
    placed AS (
        INSERT INTO "{place.schema}"."{place.name}" AS r (region, level, code, tambons)
        SELECT region, level, code, d FROM places WHERE d <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (region, level, code) DO UPDATE SET tambons = r.tambons + EXCLUDED.tambons
        RETURNING region, level, code, tambons
    ),
    steps AS (
        SELECT p.region, p.level,
               (a.tambons - p.d <= 0 AND a.tambons > 0)::int - (a.tambons <= 0 AND a.tambons - p.d > 0)::int AS step
        FROM placed a JOIN places p ON p.region = a.region AND p.level = a.level AND p.code = a.code
    ),
    parts AS (
        SELECT region,
               sum(sign * (tier = 'model')::int) AS model, sum(sign * (tier = 'pilot')::int) AS pilot,
               sum(sign * (tier = 'expansion')::int) AS expansion, sum(sign) AS tambons,
               0 AS districts, 0 AS provinces,
               sum(sign * (tao_plan_integrated IS TRUE)::int) AS tao_plan_integrated,
               sum(sign * (tao_funded IS TRUE)::int) AS tao_funded
        FROM moved WHERE region IS NOT NULL GROUP BY region
        UNION ALL
        SELECT region, 0, 0, 0, 0,
               coalesce(sum(step) FILTER (WHERE level = 'district'), 0),
               coalesce(sum(step) FILTER (WHERE level = 'province'), 0), 0, 0
        FROM steps GROUP BY region
    ),
    regions AS (
        INSERT INTO "{region.schema}"."{region.name}" AS r ({", ".join(["region", *counters])})
        SELECT region, {sums} FROM parts GROUP BY region HAVING {nonzero} ORDER BY region
        ON CONFLICT (region) DO UPDATE SET {add}
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM up), (SELECT count(*) FROM placed), (SELECT count(*) FROM regions)
    """  # noqa: S608


TAMBON_SQL = _tambon_sql()


async def upsert_tambons(conn: asyncpg.Connection, columns: list[list[Any]]) -> None:
    """Upsert tambons (one array per column, the table's column order) and move their rollups (see
    ``_tambon_sql``), in the caller's transaction, after ``lock``."""
    await conn.fetchrow(TAMBON_SQL, *columns)


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
