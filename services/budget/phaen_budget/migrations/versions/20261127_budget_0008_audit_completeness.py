"""audit chain heads, receipt normalisation, auditor rules (audit-rules)

Revision ID: budget_0008
Revises: budget_0007
Create Date: 2026-11-27 13:00:00

- The audit hash is computed in one place, ``phaen_budget.audit.chain.entry_hash`` (Python). The database
  keeps only what must be serialised: ``budget.audit_reserve(n)`` takes the chain lock and returns the
  previous hash, the time and ``n`` seqs in one round trip. ``budget.audit_append`` (which hashed in SQL)
  and its helper are dropped.
- ``audit_heads``: the signed heads of the chain, append-only.
- ``expenses.flags``: auditor flags (``beyond_paid_out``); every receipt key is recomputed with the new
  normalisation (``phaen_budget.expenses.receipts``). Live expenses that now share a key with an earlier one
  keep a key of their own (suffixed with their id, so the unique index holds) and are flagged
  ``duplicate_receipt`` for an auditor to look at.
- ``proposals.fiscal_year`` and ``route_total``: what the proposal-splitting rule compares (backfilled from
  ``created_at`` in Bangkok time, UTC+7 all year).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "budget_0008"
down_revision: str | Sequence[str] | None = "budget_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_KEY = -3940565445803061649  # phaen_budget.audit.chain.AUDIT_LOCK_KEY (a test checks they agree)


def upgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS budget.audit_append(text, text, text, text, text, text, text, text)")
    op.execute("DROP FUNCTION IF EXISTS budget.audit_field(text)")
    # Each statement of a volatile plpgsql function takes a fresh snapshot: the head is read after the lock.
    op.execute(f"""
        CREATE FUNCTION budget.audit_reserve(n integer, OUT prev_hash text, OUT at timestamptz, OUT seqs bigint[])
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({LOCK_KEY});
            SELECT hash INTO prev_hash FROM budget.audit_log ORDER BY seq DESC LIMIT 1;
            prev_hash := coalesce(prev_hash, repeat('0', 64));
            at := clock_timestamp();
            seqs := ARRAY(SELECT nextval('budget.audit_log_seq') FROM generate_series(1, n));
        END $$
    """)  # noqa: S608 - the only interpolation is our own integer constant
    op.create_table(
        "audit_heads",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("signature", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("audit_heads_pkey")),
        schema="budget",
    )
    op.execute("""CREATE TRIGGER audit_heads_no_update_delete BEFORE UPDATE OR DELETE ON budget.audit_heads
                  FOR EACH ROW EXECUTE FUNCTION budget.refuse_change()""")
    op.execute("""CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON budget.audit_heads
                  FOR EACH STATEMENT EXECUTE FUNCTION budget.refuse_change()""")
    _expenses_upgrade()
    _proposals_upgrade()


def _expenses_upgrade() -> None:
    from phaen_budget.expenses.receipts import key

    op.add_column(
        "expenses",
        sa.Column("flags", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=False),
        schema="budget",
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, status, evidence->>'seller_name' AS seller, evidence->>'book_no' AS book, "
            "evidence->>'receipt_no' AS number FROM budget.expenses WHERE receipt_key IS NOT NULL "
            "ORDER BY created_at, id"
        )
    ).all()
    # Clear first so that recomputing in order never trips the unique index on a stale key.
    bind.execute(sa.text("UPDATE budget.expenses SET receipt_key = NULL WHERE receipt_key IS NOT NULL"))
    live: set[str] = set()
    for row in rows:
        new_key, flags = key(row.seller or "", row.book or "", row.number or ""), "[]"
        if row.status == "recorded":
            if new_key in live:
                new_key, flags = f"{new_key}#{row.id}"[:700], '["duplicate_receipt"]'
            live.add(new_key)
        bind.execute(
            sa.text("UPDATE budget.expenses SET receipt_key = :k, flags = CAST(:f AS jsonb) WHERE id = :id"),
            {"k": new_key, "f": flags, "id": row.id},
        )


def _proposals_upgrade() -> None:
    op.add_column("proposals", sa.Column("fiscal_year", sa.Integer(), nullable=True), schema="budget")
    op.add_column(
        "proposals", sa.Column("route_total", sa.Numeric(precision=14, scale=2), nullable=True), schema="budget"
    )
    op.execute("""
        UPDATE budget.proposals SET fiscal_year = extract(year FROM l)::int + 543
                                                  + CASE WHEN extract(month FROM l) >= 10 THEN 1 ELSE 0 END
        FROM (SELECT id AS pid, (created_at AT TIME ZONE 'UTC') + interval '7 hours' AS l FROM budget.proposals) b
        WHERE id = b.pid
    """)
    op.create_index(
        "proposals_project_fiscal_year_idx", "proposals", ["project_id", "fiscal_year"], unique=False, schema="budget"
    )


def _revision_0003() -> ModuleType:
    path = next(Path(__file__).parent.glob("*budget_0003_*.py"))
    spec = importlib.util.spec_from_file_location("budget_0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    op.drop_index("proposals_project_fiscal_year_idx", table_name="proposals", schema="budget")
    op.drop_column("proposals", "route_total", schema="budget")
    op.drop_column("proposals", "fiscal_year", schema="budget")
    op.drop_column("expenses", "flags", schema="budget")
    op.drop_table("audit_heads", schema="budget")
    op.execute("DROP FUNCTION IF EXISTS budget.audit_reserve(integer)")
    _revision_0003().upgrade()  # the SQL append function as budget_0003 made it
