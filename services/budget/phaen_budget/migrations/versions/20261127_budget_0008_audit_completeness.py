"""audit chain heads, receipt normalisation, auditor rules (audit-rules)

Revision ID: budget_0008
Revises: budget_0007
Create Date: 2026-11-27 13:00:00

- The audit hash is computed in one place, ``phaen_budget.audit.chain.entry_hash`` (Python). The database
  keeps only what must be serialised: ``budget.audit_reserve(n)`` takes the chain lock and returns the
  previous hash, the time and ``n`` seqs in one round trip. ``budget.audit_append`` (which hashed in SQL)
  and its helper are dropped.
- ``audit_heads``: the signed heads of the chain, append-only.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
import sqlmodel
from alembic import op

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


def _revision_0003() -> ModuleType:
    path = next(Path(__file__).parent.glob("*budget_0003_*.py"))
    spec = importlib.util.spec_from_file_location("budget_0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    op.drop_table("audit_heads", schema="budget")
    op.execute("DROP FUNCTION IF EXISTS budget.audit_reserve(integer)")
    _revision_0003().upgrade()  # the SQL append function as budget_0003 made it
