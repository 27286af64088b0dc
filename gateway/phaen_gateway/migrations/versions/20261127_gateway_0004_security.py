"""login throttling, rate limits, revocation (security)

Revision ID: gateway_0004
Revises: gateway_0003
Create Date: 2026-11-27 13:00:00

- ``rate_counters``: the fixed-window counts of the login and per-client limits, shared by every gateway
  replica (one row per limited key; keys are digests).
- ``users.revoked_before`` / ``clients.revoked_before``: tokens issued before this moment never verify again,
  even after the subject is re-enabled (set when it is disabled).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "gateway_0004"
down_revision: str | Sequence[str] | None = "gateway_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_counters",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        schema="gateway",
    )
    op.create_index("gateway_rate_counters_expires_idx", "rate_counters", ["expires_at"], schema="gateway")
    for table in ("users", "clients"):
        op.add_column(table, sa.Column("revoked_before", sa.DateTime(timezone=True), nullable=True), schema="gateway")
    # Subjects disabled today: their tokens stay refused when they are re-enabled.
    op.execute("UPDATE gateway.users SET revoked_before = disabled_at WHERE disabled_at IS NOT NULL")
    op.execute("UPDATE gateway.clients SET revoked_before = disabled_at WHERE disabled_at IS NOT NULL")


def downgrade() -> None:
    for table in ("users", "clients"):
        op.drop_column(table, "revoked_before", schema="gateway")
    op.drop_index("gateway_rate_counters_expires_idx", table_name="rate_counters", schema="gateway")
    op.drop_table("rate_counters", schema="gateway")
