"""one access module: scoping support (access)

Revision ID: gateway_0005
Revises: gateway_0004
Create Date: 2026-11-27 16:00:00

Reserved in the chain so that work landing in parallel keeps one head; empty until its owner fills it.
"""

from collections.abc import Sequence

revision: str = "gateway_0005"
down_revision: str | Sequence[str] | None = "gateway_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
