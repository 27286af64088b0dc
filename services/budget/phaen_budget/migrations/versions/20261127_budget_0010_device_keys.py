"""device keys for offline signatures (offline-signatures)

Revision ID: budget_0010
Revises: budget_0009
Create Date: 2026-11-27 13:00:00

- ``device_keys``: signatories' Ed25519 public keys (UNIQUE: one key, one owner); never deleted, revoked by
  setting ``revoked_at``; only ``revoked_at``/``revoked_by`` may change, and only once.
- ``signatures``: ``key_id``, ``offline_signature`` and ``delivered_by`` of a signature made offline.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "budget_0010"
down_revision: str | Sequence[str] | None = "budget_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KEY_IMMUTABLE = """
    CREATE OR REPLACE FUNCTION budget.device_key_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.id <> OLD.id OR NEW.owner <> OLD.owner OR NEW.owner_person IS DISTINCT FROM OLD.owner_person
           OR NEW.public_key <> OLD.public_key OR NEW.label <> OLD.label OR NEW.created_at <> OLD.created_at
           OR OLD.revoked_at IS NOT NULL THEN
            RAISE EXCEPTION 'a device key only gets revoked, once' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END $$
"""


def upgrade() -> None:
    op.create_table(
        "device_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("owner_person", sa.String(length=200), nullable=True),
        sa.Column("public_key", sa.String(length=43), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("device_keys_pkey")),
        sa.UniqueConstraint("public_key", name=op.f("device_keys_public_key_key")),
        schema="budget",
    )
    op.create_index(op.f("budget_device_keys_owner_idx"), "device_keys", ["owner"], unique=False, schema="budget")
    op.add_column("signatures", sa.Column("key_id", sa.Uuid(), nullable=True), schema="budget")
    op.add_column("signatures", sa.Column("offline_signature", sa.String(length=86), nullable=True), schema="budget")
    op.add_column("signatures", sa.Column("delivered_by", sa.String(length=200), nullable=True), schema="budget")
    op.create_foreign_key(
        op.f("signatures_key_id_fkey"),
        "signatures",
        "device_keys",
        ["key_id"],
        ["id"],
        source_schema="budget",
        referent_schema="budget",
    )
    op.execute(_KEY_IMMUTABLE)
    op.execute(
        "CREATE TRIGGER device_keys_immutable BEFORE UPDATE ON budget.device_keys "
        "FOR EACH ROW EXECUTE FUNCTION budget.device_key_immutable()"
    )
    op.execute(
        "CREATE TRIGGER device_keys_no_delete BEFORE DELETE ON budget.device_keys "
        "FOR EACH ROW EXECUTE FUNCTION budget.refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER device_keys_no_truncate BEFORE TRUNCATE ON budget.device_keys "
        "FOR EACH STATEMENT EXECUTE FUNCTION budget.refuse_change()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS device_keys_no_truncate ON budget.device_keys")
    op.execute("DROP TRIGGER IF EXISTS device_keys_no_delete ON budget.device_keys")
    op.execute("DROP TRIGGER IF EXISTS device_keys_immutable ON budget.device_keys")
    op.execute("DROP FUNCTION IF EXISTS budget.device_key_immutable()")
    op.drop_constraint(op.f("signatures_key_id_fkey"), "signatures", schema="budget", type_="foreignkey")
    op.drop_column("signatures", "delivered_by", schema="budget")
    op.drop_column("signatures", "offline_signature", schema="budget")
    op.drop_column("signatures", "key_id", schema="budget")
    op.drop_index(op.f("budget_device_keys_owner_idx"), table_name="device_keys", schema="budget")
    op.drop_table("device_keys", schema="budget")
