"""signatories: distinct persons, maker-checker changes, signed digests, expiry (signatories)

Revision ID: budget_0006
Revises: budget_0005
Create Date: 2026-11-27 13:00:00

- ``account_signatories.person_id``: the registry person behind each signatory user id.
- ``withdrawals``: ``version`` (bumped by changes that void signatures), ``expires_at`` (backfilled as
  requested + 30 days), ``expired_at``, ``requested_by_person``; status ``expired``, which is final.
- ``signatures``: ``signer_person`` (UNIQUE per withdrawal among valid signatures: two user ids of one
  person count once) and ``digest`` (what was signed).
- ``signatory_changes``: proposed sets awaiting a second user's confirmation (one pending per account).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "budget_0006"
down_revision: str | Sequence[str] | None = "budget_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IMMUTABLE = """
    CREATE OR REPLACE FUNCTION budget.withdrawal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.account_id <> OLD.account_id OR NEW.project_id <> OLD.project_id OR NEW.amount <> OLD.amount
           OR NEW.fund <> OLD.fund OR NEW.purpose <> OLD.purpose
           OR NEW.resolution_number <> OLD.resolution_number OR NEW.resolution_date <> OLD.resolution_date
           OR NEW.requested_by <> OLD.requested_by
           OR NEW.requested_by_person IS DISTINCT FROM OLD.requested_by_person
           OR NEW.expires_at <> OLD.expires_at OR NEW.version < OLD.version THEN
            RAISE EXCEPTION 'a requested withdrawal is immutable' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status IN ('paid', 'cancelled', 'expired') THEN
            RAISE EXCEPTION 'a % withdrawal is final', OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END $$
"""

_IMMUTABLE_BEFORE = """
    CREATE OR REPLACE FUNCTION budget.withdrawal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.account_id <> OLD.account_id OR NEW.project_id <> OLD.project_id OR NEW.amount <> OLD.amount
           OR NEW.fund <> OLD.fund OR NEW.purpose <> OLD.purpose
           OR NEW.resolution_number <> OLD.resolution_number OR NEW.requested_by <> OLD.requested_by THEN
            RAISE EXCEPTION 'a requested withdrawal is immutable' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status IN ('paid', 'cancelled') THEN
            RAISE EXCEPTION 'a % withdrawal is final', OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END $$
"""


def upgrade() -> None:
    op.add_column("account_signatories", sa.Column("person_id", sa.String(length=200), nullable=True), schema="budget")

    op.add_column(
        "withdrawals", sa.Column("requested_by_person", sa.String(length=200), nullable=True), schema="budget"
    )
    op.add_column(
        "withdrawals",
        sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")),
        schema="budget",
    )
    op.alter_column("withdrawals", "version", server_default=None, schema="budget")
    op.add_column("withdrawals", sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True), schema="budget")
    op.add_column("withdrawals", sa.Column("expired_at", sa.DateTime(timezone=True), nullable=True), schema="budget")
    # The trigger refuses updates of final withdrawals: backfill with it off, inside this transaction.
    op.execute("ALTER TABLE budget.withdrawals DISABLE TRIGGER withdrawals_immutable")
    op.execute("UPDATE budget.withdrawals SET expires_at = requested_at + interval '30 days'")
    op.execute("ALTER TABLE budget.withdrawals ENABLE TRIGGER withdrawals_immutable")
    op.alter_column("withdrawals", "expires_at", nullable=False, schema="budget")
    op.execute("ALTER TABLE budget.withdrawals DROP CONSTRAINT withdrawals_status_known_check")
    op.execute(
        "ALTER TABLE budget.withdrawals ADD CONSTRAINT withdrawals_status_known_check "
        "CHECK (status IN ('pending', 'approved', 'paid', 'cancelled', 'expired'))"
    )
    op.execute("ALTER TABLE budget.withdrawals ADD CONSTRAINT withdrawals_version_positive_check CHECK (version >= 1)")
    op.execute(_IMMUTABLE)

    op.add_column("signatures", sa.Column("signer_person", sa.String(length=200), nullable=True), schema="budget")
    op.add_column("signatures", sa.Column("digest", sa.String(length=64), nullable=True), schema="budget")
    op.create_index(
        "signatures_withdrawal_person_key",
        "signatures",
        ["withdrawal_id", "signer_person"],
        unique=True,
        schema="budget",
        postgresql_where=sa.text("revoked_at IS NULL AND signer_person IS NOT NULL"),
    )

    op.create_table(
        "signatory_changes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("members", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("resolution_number", sa.String(length=100), nullable=False),
        sa.Column("resolution_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("proposed_by", sa.String(length=200), nullable=False),
        sa.Column("proposed_by_person", sa.String(length=200), nullable=True),
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["budget.accounts.id"], name=op.f("signatory_changes_account_id_fkey")),
        sa.PrimaryKeyConstraint("id", name=op.f("signatory_changes_pkey")),
        sa.CheckConstraint(
            "status IN ('pending', 'confirmed', 'rejected', 'withdrawn')",
            name=op.f("signatory_changes_status_known_check"),
        ),
        sa.CheckConstraint("threshold >= 2", name=op.f("signatory_changes_threshold_check")),
        schema="budget",
    )
    op.create_index(
        op.f("budget_signatory_changes_account_id_idx"),
        "signatory_changes",
        ["account_id"],
        unique=False,
        schema="budget",
    )
    op.create_index(
        "signatory_changes_one_pending_key",
        "signatory_changes",
        ["account_id"],
        unique=True,
        schema="budget",
        postgresql_where=sa.text("status = 'pending'"),
    )
    # Nothing is deleted (see budget_0004).
    op.execute(
        "CREATE TRIGGER signatory_changes_no_delete BEFORE DELETE ON budget.signatory_changes "
        "FOR EACH ROW EXECUTE FUNCTION budget.refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER signatory_changes_no_truncate BEFORE TRUNCATE ON budget.signatory_changes "
        "FOR EACH STATEMENT EXECUTE FUNCTION budget.refuse_change()"
    )


def downgrade() -> None:
    op.drop_table("signatory_changes", schema="budget")
    op.drop_index("signatures_withdrawal_person_key", table_name="signatures", schema="budget")
    op.drop_column("signatures", "digest", schema="budget")
    op.drop_column("signatures", "signer_person", schema="budget")
    op.execute(_IMMUTABLE_BEFORE)
    op.execute("ALTER TABLE budget.withdrawals DROP CONSTRAINT withdrawals_version_positive_check")
    op.execute("ALTER TABLE budget.withdrawals DROP CONSTRAINT withdrawals_status_known_check")
    op.execute(
        "ALTER TABLE budget.withdrawals ADD CONSTRAINT withdrawals_status_known_check "
        "CHECK (status IN ('pending', 'approved', 'paid', 'cancelled'))"
    )
    for column in ("expired_at", "expires_at", "version", "requested_by_person"):
        op.drop_column("withdrawals", column, schema="budget")
    op.drop_column("account_signatories", "person_id", schema="budget")
