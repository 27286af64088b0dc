"""Hot report reads: the report and the read model's freshness in one SQL statement on the read pool.

Coverage and plan vs actual are the most frequent report reads. Through two ORM sessions (the freshness,
then the report) each cost a pool pre-ping, BEGIN, the query and ROLLBACK; here each is one round trip
(``Database.fetchrow``), on the read replica's pool where one is configured.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import asyncpg

from phaen_common.db import Database
from phaen_reports.projections.models import FeedCursor, Grant, GrantLine
from phaen_reports.projections.rollup_models import ExpenseLineRollup, TambonRegionRollup

_CURSOR = FeedCursor.__table__.fullname  # type: ignore[attr-defined]
_GRANT = Grant.__table__.fullname  # type: ignore[attr-defined]
_LINE = GrantLine.__table__.fullname  # type: ignore[attr-defined]
_LINE_ROLLUP = ExpenseLineRollup.__table__.fullname  # type: ignore[attr-defined]
_REGION_ROLLUP = TambonRegionRollup.__table__.fullname  # type: ignore[attr-defined]

# The feed cursors as an array of rows, in ``CursorState`` column order ($1: the consumer's source names).
_CURSORS = f"""ARRAY(
        SELECT ROW(c.source, c.after, c.events_applied, c.last_success_at, c.last_error_at, c.last_error)
        FROM {_CURSOR} c WHERE c.source = ANY($1::text[])
    )"""  # noqa: S608

# Identifiers come from our own table definitions, never from input; values are bind parameters.
# Coverage reads every cursor and every region's rollup row (a handful of rows each, whatever the data): the
# caller keeps its own sources and visible regions. Without parameters or filters the statement is about a
# quarter cheaper than with ``= ANY($n)`` on both (measured, bench/PROFILE.md "Reports").
COVERAGE = f"""
    SELECT ARRAY(
               SELECT ROW(c.source, c.after, c.events_applied, c.last_success_at, c.last_error_at, c.last_error)
               FROM {_CURSOR} c
           ) AS cursors,
           ARRAY(
               SELECT ROW(t.region, t.model, t.pilot, t.expansion, t.tambons, t.districts, t.provinces,
                          t.tao_plan_integrated, t.tao_funded)
               FROM {_REGION_ROLLUP} t
           ) AS regions
"""  # noqa: S608

# The grant's row is NULL when there is no such grant (the cursors still come back).
PLAN_VS_ACTUAL = f"""
    SELECT {_CURSORS} AS cursors, g.id, g.name, g.funder, g.amount, g.fiscal_year,
           ARRAY(
               SELECT ROW(l.no, l.title, l.planned, l.cofunding::text, r.recorded_amount)
               FROM {_LINE} l
               LEFT JOIN {_LINE_ROLLUP} r ON r.grant_id = l.grant_id AND r.line_no = l.no
               WHERE l.grant_id = $2 ORDER BY l.no
           ) AS lines
    FROM (SELECT 1) AS one LEFT JOIN {_GRANT} g ON g.id = $2
"""  # noqa: S608


async def coverage_rows(*, db: Database) -> asyncpg.Record:
    """Every feed cursor and every region's rollup row, in one round trip (the caller picks its own)."""
    row = await db.fetchrow(COVERAGE)
    assert row is not None  # a SELECT without FROM always answers one row
    return row


async def plan_rows(*, db: Database, sources: Sequence[str], grant_id: uuid.UUID) -> asyncpg.Record:
    """The feed cursors, the grant (NULL columns when unknown) and its lines with their actuals, in one round
    trip."""
    row = await db.fetchrow(PLAN_VS_ACTUAL, list(sources), grant_id)
    assert row is not None  # one row from the one-row FROM, grant or not
    return row
