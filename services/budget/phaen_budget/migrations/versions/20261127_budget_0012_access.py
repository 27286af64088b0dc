"""one access module: scoping support (access)

A signatory's read reach is "the accounts whose current signatory list holds me": every list of accounts,
withdrawals and projects a signatory asks for filters by ``user_id`` among the current signatories. The
existing indexes lead with ``account_id``; this one answers the reach by user.

Revision ID: budget_0012
Revises: budget_0011
Create Date: 2026-11-27 16:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "budget_0012"
down_revision: str | Sequence[str] | None = "budget_0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS account_signatories_current_user_idx ON budget.account_signatories "
        "(user_id, account_id) WHERE removed_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS budget.account_signatories_current_user_idx")
