"""feed wake-ups and cheaper reads (performance)

Revision ID: registry_0004
Revises: registry_0003
Create Date: 2026-11-27 16:00:00

Reserved in the chain so that work landing in parallel keeps one head; empty until its owner fills it.
"""

from collections.abc import Sequence

revision: str = "registry_0004"
down_revision: str | Sequence[str] | None = "registry_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
