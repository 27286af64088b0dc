"""cheap report reads and a faster replay (reports performance)

Revision ID: reports_0008
Revises: reports_0007
Create Date: 2026-11-27 16:00:00

Reserved in the chain so that work landing in parallel keeps one head; empty until its owner fills it.
"""

from collections.abc import Sequence

revision: str = "reports_0008"
down_revision: str | Sequence[str] | None = "reports_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
