"""feed wake-ups and cheaper co-signature (performance)

Revision ID: budget_0011
Revises: budget_0010
Create Date: 2026-11-27 16:00:00

Reserved in the chain so that work landing in parallel keeps one head; empty until its owner fills it.
"""

from collections.abc import Sequence

revision: str = "budget_0011"
down_revision: str | Sequence[str] | None = "budget_0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
