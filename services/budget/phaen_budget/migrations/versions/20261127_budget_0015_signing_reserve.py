"""a co-signature in four round trips (signing_reserve)

Revision ID: budget_0015
Revises: budget_0014
Create Date: 2026-11-27 22:00:00

``budget_0014`` made the co-signature two functions and the audit row a third statement, because the audit
seq and previous hash were reserved in the write: ``BEGIN``, lock, write, audit insert, ``COMMIT``. Here the
reservation moves into the lock's round trip (once the caller is known to reach the withdrawal and the row locks
are held, so the chain lock is still taken after the row locks, the order of every audited change), and the
write inserts the audit row it is given, whose hash the caller computed from that reservation
(``audit/chain.py``, the one place the hash is computed): ``BEGIN``, lock, write, ``COMMIT``.

The chain lock is now held from the lock's round trip to the commit, across the rules' Python work (about as
long as the audit insert's round trip it replaces). A refused signature rolls its reservation back with
everything else; the seq it drew is not reused (a gap, as after any rolled-back audited change: the chain
links entries by hash, not by consecutive seqs).

``budget.signing_lock`` and ``budget.signing_write`` become ``budget.sign_lock`` and ``budget.sign_write``
(the old ones are dropped here: nothing else calls them; the downgrade makes them again).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "budget_0015"
down_revision: str | Sequence[str] | None = "budget_0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _signing_0014() -> ModuleType:
    path = Path(__file__).with_name("20261127_budget_0014_signing.py")
    spec = importlib.util.spec_from_file_location("budget_0014_signing", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The lock of 0014, with the audit reservation as its last step (the caller's reach checked, the rows locked).
_LOCK_OUT = "OUT key_revoked_at timestamptz)"
_LOCK_END = "      FROM budget.signatures g WHERE g.withdrawal_id = p_withdrawal AND g.revoked_at IS NULL;\nEND $$"


def _lock() -> str:
    lock: str = _signing_0014().LOCK
    assert _LOCK_OUT in lock and _LOCK_END in lock, "budget_0014's signing_lock is not what this migration extends"
    return (
        lock.replace("budget.signing_lock(", "budget.sign_lock(")
        .replace(
            _LOCK_OUT, "OUT key_revoked_at timestamptz,\n    OUT prev_hash text, OUT at timestamptz, OUT seq bigint)"
        )
        .replace(
            _LOCK_END,
            "      FROM budget.signatures g WHERE g.withdrawal_id = p_withdrawal AND g.revoked_at IS NULL;\n"
            "    -- The audit entry's place in the chain: the chain lock, after the row locks, held to the commit.\n"
            "    SELECT r.prev_hash, r.at, r.seqs[1] INTO prev_hash, at, seq FROM budget.audit_reserve(1) r;\n"
            "END $$",
        )
    )


WRITE = """
CREATE FUNCTION budget.sign_write(
    p_withdrawal uuid, p_account uuid, p_signature uuid, p_signer text, p_person text, p_digest text,
    p_key uuid, p_offline text, p_delivered_by text, p_at timestamptz,
    p_approve boolean, p_fund text, p_amount numeric, p_event_id uuid, p_event jsonb,
    p_seq bigint, p_audit_at timestamptz, p_actor text, p_action text, p_entity text, p_entity_id text,
    p_outcome text, p_detail text, p_before_digest text, p_after_digest text, p_prev_hash text, p_hash text)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO budget.signatures
           (id, withdrawal_id, signer, signer_person, digest, key_id, offline_signature, delivered_by, signed_at)
    VALUES (p_signature, p_withdrawal, p_signer, p_person, p_digest, p_key, p_offline, p_delivered_by, p_at);
    IF p_approve THEN
        -- The account's CHECK constraints refuse a reservation beyond the balance (insufficient_funds).
        UPDATE budget.accounts
           SET reserved = reserved + p_amount,
               reserved_interest = reserved_interest + CASE WHEN p_fund = 'interest' THEN p_amount ELSE 0 END
         WHERE id = p_account;
        UPDATE budget.withdrawals SET status = 'approved', approved_at = p_at
         WHERE id = p_withdrawal AND status = 'pending';
        IF NOT FOUND THEN
            RAISE EXCEPTION 'withdrawal % is not pending', p_withdrawal USING ERRCODE = 'serialization_failure';
        END IF;
        INSERT INTO budget.outbox (event_id, type, entity, entity_id, payload)
        VALUES (p_event_id, 'withdrawal.approved', 'withdrawal', p_withdrawal::text, p_event);
    END IF;
    INSERT INTO budget.audit_log
           (seq, at, actor, action, entity, entity_id, outcome, detail, before_digest, after_digest, prev_hash, hash)
    VALUES (p_seq, p_audit_at, p_actor, p_action, p_entity, p_entity_id, p_outcome, p_detail, p_before_digest,
            p_after_digest, p_prev_hash, p_hash);
END $$
"""

_OLD_WRITE = (
    "budget.signing_write(uuid, uuid, uuid, text, text, text, uuid, text, text, timestamptz, boolean, text, "
    "numeric, uuid, jsonb, integer)"
)
_OLD_LOCK = "budget.signing_lock(uuid, boolean, text[], text[], text[], text, uuid)"
_NEW_WRITE = (
    "budget.sign_write(uuid, uuid, uuid, text, text, text, uuid, text, text, timestamptz, boolean, text, "
    "numeric, uuid, jsonb, bigint, timestamptz, text, text, text, text, text, text, text, text, text, text)"
)
_NEW_LOCK = "budget.sign_lock(uuid, boolean, text[], text[], text[], text, uuid)"


def upgrade() -> None:
    op.execute(_lock())
    op.execute(WRITE)
    op.execute(f"DROP FUNCTION IF EXISTS {_OLD_WRITE}")
    op.execute(f"DROP FUNCTION IF EXISTS {_OLD_LOCK}")


def downgrade() -> None:
    old = _signing_0014()
    op.execute(old.LOCK)
    op.execute(old.WRITE)
    op.execute(f"DROP FUNCTION IF EXISTS {_NEW_WRITE}")
    op.execute(f"DROP FUNCTION IF EXISTS {_NEW_LOCK}")
