"""security: bounded denials, input limits (security)

Revision ID: budget_0009
Revises: budget_0008
Create Date: 2026-11-27 13:00:00

``rate_counters``: fixed-window counts shared by every replica of the budget service; today the number of
denied money actions audited per caller (beyond the bound a caller's further denials are refused but not
written to the chain, so nobody can flood it).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "budget_0009"
down_revision: str | Sequence[str] | None = "budget_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_counters",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        schema="budget",
    )
    op.create_index("budget_rate_counters_expires_idx", "rate_counters", ["expires_at"], schema="budget")


def downgrade() -> None:
    op.drop_index("budget_rate_counters_expires_idx", table_name="rate_counters", schema="budget")
    op.drop_table("rate_counters", schema="budget")
