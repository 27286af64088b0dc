"""the signing transaction in SQL (signing)

Revision ID: budget_0014
Revises: budget_0013
Create Date: 2026-11-27 16:00:00

Reserved in the chain so that work landing in parallel keeps one head; empty until its owner fills it.
"""

from collections.abc import Sequence

revision: str = "budget_0014"
down_revision: str | Sequence[str] | None = "budget_0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
