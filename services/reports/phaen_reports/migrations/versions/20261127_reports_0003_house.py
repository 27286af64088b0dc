"""drop the reports service's unused outbox and idempotency tables (house)

Revision ID: reports_0003
Revises: reports_0002
Create Date: 2026-11-27 13:00:00

Reserved in the chain so that work landing in parallel keeps one head; empty until its owner fills it.
"""

from collections.abc import Sequence

revision: str = "reports_0003"
down_revision: str | Sequence[str] | None = "reports_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
