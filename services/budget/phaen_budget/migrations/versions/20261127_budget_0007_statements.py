"""bank statements and alerts (statements)

Revision ID: budget_0007
Revises: budget_0006
Create Date: 2026-11-27 13:00:00

Imported bank statements, their lines, and the alerts their reconciliation raises. Statements, lines and
their alert links are append-only (UPDATE, DELETE and TRUNCATE refused); an alert may change only once,
from open to resolved, and only in its ``resolved_*`` columns.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "budget_0007"
down_revision: str | Sequence[str] | None = "budget_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ["bank_statements", "bank_statement_lines", "bank_statement_alerts"]
CHECKS = [
    ("bank_statements", "format_known", "format IN ('camt053', 'csv')"),
    ("bank_statements", "period_ordered", "period_from <= period_to"),
    ("bank_statement_lines", "status_known", "status IN ('matched', 'unmatched')"),
    ("bank_statement_lines", "amount_nonzero", "amount <> 0"),
    (
        "bank_statement_lines",
        "match_consistent",
        "(status = 'matched') = (ledger_entry_id IS NOT NULL AND matched_by IN ('reference', 'amount'))",
    ),
    (
        "alerts",
        "code_known",
        "code IN ('unauthorised_debit', 'unbooked_payout', 'missing_on_statement', 'balance_mismatch')",
    ),
    ("alerts", "severity_known", "severity IN ('critical', 'high', 'medium')"),
    ("alerts", "resolution_complete", "(resolved_at IS NULL) = (resolved_by IS NULL AND resolution_note IS NULL)"),
]


def upgrade() -> None:
    op.create_table(
        "bank_statements",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("format", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("bank_statement_id", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("opening_balance", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("closing_balance", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("ledger_closing_balance", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("matched_count", sa.Integer(), nullable=False),
        sa.Column("unmatched_ledger_entries", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("imported_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["budget.accounts.id"], name=op.f("bank_statements_account_id_fkey")),
        sa.ForeignKeyConstraint(["project_id"], ["budget.projects.id"], name=op.f("bank_statements_project_id_fkey")),
        sa.PrimaryKeyConstraint("id", name=op.f("bank_statements_pkey")),
        sa.UniqueConstraint("account_id", "digest", name=op.f("bank_statements_account_id_key")),
        schema="budget",
    )
    op.create_index(
        op.f("budget_bank_statements_account_id_idx"), "bank_statements", ["account_id"], unique=False, schema="budget"
    )
    op.create_table(
        "bank_statement_lines",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("statement_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("no", sa.Integer(), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("reference", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("balance", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("matched_by", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("ledger_entry_id", sa.Uuid(), nullable=True),
        sa.Column("withdrawal_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["budget.accounts.id"], name=op.f("bank_statement_lines_account_id_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["ledger_entry_id"], ["budget.ledger_entries.id"], name=op.f("bank_statement_lines_ledger_entry_id_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["budget.bank_statements.id"], name=op.f("bank_statement_lines_statement_id_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["withdrawal_id"], ["budget.withdrawals.id"], name=op.f("bank_statement_lines_withdrawal_id_fkey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("bank_statement_lines_pkey")),
        sa.UniqueConstraint("statement_id", "no", name=op.f("bank_statement_lines_statement_id_key")),
        schema="budget",
    )
    op.create_index(
        "bank_statement_lines_account_fingerprint_idx",
        "bank_statement_lines",
        ["account_id", "fingerprint"],
        unique=False,
        schema="budget",
    )
    op.create_index(
        op.f("budget_bank_statement_lines_statement_id_idx"),
        "bank_statement_lines",
        ["statement_id"],
        unique=False,
        schema="budget",
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("severity", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("detail", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("statement_id", sa.Uuid(), nullable=True),
        sa.Column("line_id", sa.Uuid(), nullable=True),
        sa.Column("ledger_entry_id", sa.Uuid(), nullable=True),
        sa.Column("withdrawal_id", sa.Uuid(), nullable=True),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("resolution_note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["budget.accounts.id"], name=op.f("alerts_account_id_fkey")),
        sa.ForeignKeyConstraint(
            ["ledger_entry_id"], ["budget.ledger_entries.id"], name=op.f("alerts_ledger_entry_id_fkey")
        ),
        sa.ForeignKeyConstraint(["line_id"], ["budget.bank_statement_lines.id"], name=op.f("alerts_line_id_fkey")),
        sa.ForeignKeyConstraint(["project_id"], ["budget.projects.id"], name=op.f("alerts_project_id_fkey")),
        sa.ForeignKeyConstraint(["statement_id"], ["budget.bank_statements.id"], name=op.f("alerts_statement_id_fkey")),
        sa.ForeignKeyConstraint(["withdrawal_id"], ["budget.withdrawals.id"], name=op.f("alerts_withdrawal_id_fkey")),
        sa.PrimaryKeyConstraint("id", name=op.f("alerts_pkey")),
        sa.UniqueConstraint("account_id", "code", "subject", name=op.f("alerts_account_id_key")),
        schema="budget",
    )
    op.create_index(op.f("budget_alerts_account_id_idx"), "alerts", ["account_id"], unique=False, schema="budget")
    op.create_index(op.f("budget_alerts_code_idx"), "alerts", ["code"], unique=False, schema="budget")
    op.create_index(op.f("budget_alerts_project_id_idx"), "alerts", ["project_id"], unique=False, schema="budget")
    op.create_table(
        "bank_statement_alerts",
        sa.Column("statement_id", sa.Uuid(), nullable=False),
        sa.Column("alert_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["budget.alerts.id"], name=op.f("bank_statement_alerts_alert_id_fkey")),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["budget.bank_statements.id"], name=op.f("bank_statement_alerts_statement_id_fkey")
        ),
        sa.PrimaryKeyConstraint("statement_id", "alert_id", name=op.f("bank_statement_alerts_pkey")),
        schema="budget",
    )
    for table, name, cond in CHECKS:
        op.execute(f"ALTER TABLE budget.{table} ADD CONSTRAINT {table}_{name}_check CHECK ({cond})")
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON budget.{table} "
            "FOR EACH ROW EXECUTE FUNCTION budget.refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON budget.{table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION budget.refuse_change()"
        )
    op.execute("""
        CREATE FUNCTION budget.alert_resolve_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.resolved_at IS NOT NULL THEN
                RAISE EXCEPTION 'a resolved alert is final' USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF (to_jsonb(NEW) - ARRAY['resolved_at', 'resolved_by', 'resolution_note'])
               IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['resolved_at', 'resolved_by', 'resolution_note']) THEN
                RAISE EXCEPTION 'an alert changes only by being resolved' USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$
    """)
    op.execute(
        "CREATE TRIGGER alerts_resolve_once BEFORE UPDATE ON budget.alerts "
        "FOR EACH ROW EXECUTE FUNCTION budget.alert_resolve_once()"
    )
    op.execute(
        "CREATE TRIGGER alerts_no_delete BEFORE DELETE ON budget.alerts "
        "FOR EACH ROW EXECUTE FUNCTION budget.refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER alerts_no_truncate BEFORE TRUNCATE ON budget.alerts "
        "FOR EACH STATEMENT EXECUTE FUNCTION budget.refuse_change()"
    )


def downgrade() -> None:
    for trigger in ("alerts_no_truncate", "alerts_no_delete", "alerts_resolve_once"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON budget.alerts")
    op.execute("DROP FUNCTION IF EXISTS budget.alert_resolve_once()")
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON budget.{table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update_delete ON budget.{table}")
    op.drop_table("bank_statement_alerts", schema="budget")
    op.drop_index(op.f("budget_alerts_project_id_idx"), table_name="alerts", schema="budget")
    op.drop_index(op.f("budget_alerts_code_idx"), table_name="alerts", schema="budget")
    op.drop_index(op.f("budget_alerts_account_id_idx"), table_name="alerts", schema="budget")
    op.drop_table("alerts", schema="budget")
    op.drop_index(
        op.f("budget_bank_statement_lines_statement_id_idx"), table_name="bank_statement_lines", schema="budget"
    )
    op.drop_index("bank_statement_lines_account_fingerprint_idx", table_name="bank_statement_lines", schema="budget")
    op.drop_table("bank_statement_lines", schema="budget")
    op.drop_index(op.f("budget_bank_statements_account_id_idx"), table_name="bank_statements", schema="budget")
    op.drop_table("bank_statements", schema="budget")
