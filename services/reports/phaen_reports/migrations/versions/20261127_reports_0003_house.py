"""drop the reports service's unused outbox and idempotency tables (house)

Revision ID: reports_0003
Revises: reports_0002
Create Date: 2026-11-27 13:00:00

The reports service reads the other services' feeds and publishes none of its own: its outbox, its
``GET /v1/reports/events`` (always empty) and its idempotency table (no route used it) are gone from the code,
and this revision drops the two tables. The downgrade recreates them as reports_0001 made them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "reports_0003"
down_revision: str | Sequence[str] | None = "reports_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index(
        op.f("reports_outbox_id_idx"), table_name="outbox", schema="reports", postgresql_where=sa.text("pos IS NULL")
    )
    op.drop_table("outbox", schema="reports")
    op.drop_table("idempotency_keys", schema="reports")


def downgrade() -> None:
    op.create_table(
        "idempotency_keys",
        sa.Column("principal", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("endpoint", sa.String(length=300), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("response", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("principal", "key", name=op.f("idempotency_keys_pkey")),
        schema="reports",
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("pos", sa.BigInteger(), nullable=True),
        sa.Column("type", sa.String(length=80), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.String(length=80), nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("outbox_pkey")),
        sa.UniqueConstraint("event_id", name=op.f("outbox_event_id_key")),
        sa.UniqueConstraint("pos", name=op.f("outbox_pos_key")),
        schema="reports",
    )
    op.create_index(
        op.f("reports_outbox_id_idx"),
        "outbox",
        ["id"],
        unique=False,
        schema="reports",
        postgresql_where=sa.text("pos IS NULL"),
    )
