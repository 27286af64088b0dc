"""nothing is deleted: DELETE and TRUNCATE refused on every domain table

Revision ID: budget_0004
Revises: budget_0003
Create Date: 2026-11-24 02:30:00

Records of public money are kept (5-10 years for the State Audit Office; 10 here): corrections are made by
voiding, cancelling or revoking, never by deleting. The audit log and the ledger already refuse UPDATE too.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "budget_0004"
down_revision: str | Sequence[str] | None = "budget_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = [
    "grants",
    "grant_lines",
    "projects",
    "proposals",
    "accounts",
    "account_signatories",
    "signatures",
    "expenses",
    "attachments",
    "tranche_releases",
    "activity_reports",
]


def upgrade() -> None:
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON budget.{table} "
            "FOR EACH ROW EXECUTE FUNCTION budget.refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON budget.{table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION budget.refuse_change()"
        )
    op.execute(
        "CREATE TRIGGER withdrawals_no_truncate BEFORE TRUNCATE ON budget.withdrawals "
        "FOR EACH STATEMENT EXECUTE FUNCTION budget.refuse_change()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS withdrawals_no_truncate ON budget.withdrawals")
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON budget.{table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete ON budget.{table}")
