"""security: bounded denials, input limits (security)

Revision ID: budget_0009
Revises: budget_0008
Create Date: 2026-11-27 13:00:00

Reserved in the chain so that work landing in parallel keeps one head; empty until its owner fills it.
"""

from collections.abc import Sequence

revision: str = "budget_0009"
down_revision: str | Sequence[str] | None = "budget_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
