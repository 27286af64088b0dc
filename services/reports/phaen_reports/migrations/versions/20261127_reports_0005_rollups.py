"""incrementally maintained report rollups (performance)

Revision ID: reports_0005
Revises: reports_0004
Create Date: 2026-11-27 13:00:00

Per-group counters the projector keeps in the transaction that applies each page of events (see
``phaen_reports.projections.rollups``): expenses per grant line and per project and category, enrolled
tambons per region (and per region and district or province, for the distinct counts). The upgrade fills them
from the rows already in the read model with one GROUP BY each, inside PostgreSQL, so an existing read model
needs no replay.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "reports_0005"
down_revision: str | Sequence[str] | None = "reports_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "reports"


def _count(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.BigInteger(), server_default="0", nullable=False)


def _sum(name: str) -> sa.Column[object]:
    return sa.Column(name, sa.Numeric(precision=18, scale=2), server_default="0", nullable=False)


BACKFILL = [
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


def upgrade() -> None:
    op.create_table(
        "expense_line_rollup",
        sa.Column("grant_id", sa.Uuid(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        _count("recorded_count"),
        _sum("recorded_amount"),
        _count("void_count"),
        sa.PrimaryKeyConstraint("grant_id", "line_no", name=op.f("expense_line_rollup_pkey")),
        schema=S,
    )
    op.create_table(
        "expense_category_rollup",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        _count("recorded_count"),
        _sum("recorded_amount"),
        _count("void_count"),
        sa.PrimaryKeyConstraint("project_id", "category", name=op.f("expense_category_rollup_pkey")),
        schema=S,
    )
    op.create_table(
        "tambon_region_rollup",
        sa.Column("region", sa.String(), nullable=False),
        *[
            _count(c)
            for c in (
                "model",
                "pilot",
                "expansion",
                "tambons",
                "districts",
                "provinces",
                "tao_plan_integrated",
                "tao_funded",
            )
        ],
        sa.PrimaryKeyConstraint("region", name=op.f("tambon_region_rollup_pkey")),
        schema=S,
    )
    op.create_table(
        "tambon_place_rollup",
        sa.Column("region", sa.String(), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        _count("tambons"),
        sa.PrimaryKeyConstraint("region", "level", "code", name=op.f("tambon_place_rollup_pkey")),
        schema=S,
    )
    for sql in BACKFILL:
        op.execute(sql)


def downgrade() -> None:
    for table in ("tambon_place_rollup", "tambon_region_rollup", "expense_category_rollup", "expense_line_rollup"):
        op.drop_table(table, schema=S)
