"""webhook subscriptions and deliveries (events-webhooks)

Revision ID: reports_0004
Revises: reports_0003
Create Date: 2026-11-27 13:00:00

Subscriptions, one delivery per (subscription, event) queued with the feed cursor, and every attempt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "reports_0004"
down_revision: str | Sequence[str] | None = "reports_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "reports"


def upgrade() -> None:
    ts = sa.DateTime(timezone=True)
    op.create_table(
        "webhook_subscription",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("roles", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("bank", sa.String(length=100), nullable=True),
        sa.Column("region", sa.String(length=40), nullable=True),
        sa.Column("province", sa.String(length=10), nullable=True),
        sa.Column("tambon", sa.String(length=10), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("events", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("secret", sa.String(length=200), nullable=False),
        sa.Column("previous_secret", sa.String(length=200), nullable=True),
        sa.Column("previous_secret_until", ts, nullable=True),
        sa.Column("start_after", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("disabled_at", ts, nullable=True),
        sa.Column("disabled_reason", sa.String(length=500), nullable=True),
        sa.Column("created_at", ts, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("webhook_subscription_pkey")),
        schema=S,
    )
    op.create_index("webhook_subscription_owner_idx", "webhook_subscription", ["owner"], schema=S)
    op.create_table(
        "webhook_delivery",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(length=80), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", ts, nullable=False),
        sa.Column("window_from", ts, nullable=False),
        sa.Column("last_attempt_at", ts, nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.String(length=300), nullable=True),
        sa.Column("delivered_at", ts, nullable=True),
        sa.Column("created_at", ts, nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            [f"{S}.webhook_subscription.id"],
            name=op.f("webhook_delivery_subscription_id_fkey"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("webhook_delivery_pkey")),
        sa.UniqueConstraint("seq", name=op.f("webhook_delivery_seq_key")),
        sa.UniqueConstraint("subscription_id", "event_id", name="webhook_delivery_once_key"),
        schema=S,
    )
    op.create_index(
        "webhook_delivery_due_idx",
        "webhook_delivery",
        ["next_attempt_at"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index(
        "webhook_delivery_subject_idx",
        "webhook_delivery",
        ["subscription_id", "subject", "seq"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index("webhook_delivery_log_idx", "webhook_delivery", ["subscription_id", "seq"], schema=S)
    op.create_table(
        "webhook_attempt",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("delivery_id", sa.Uuid(), nullable=False),
        sa.Column("attempted_at", ts, nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(length=300), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["delivery_id"], [f"{S}.webhook_delivery.id"], name=op.f("webhook_attempt_delivery_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("webhook_attempt_pkey")),
        schema=S,
    )
    op.create_index("webhook_attempt_delivery_idx", "webhook_attempt", ["delivery_id", "id"], schema=S)


def downgrade() -> None:
    op.drop_table("webhook_attempt", schema=S)
    op.drop_table("webhook_delivery", schema=S)
    op.drop_table("webhook_subscription", schema=S)
