"""a co-signature holds the audit chain lock for its last round trip only (sign_chain)

Revision ID: budget_0016
Revises: budget_0015
Create Date: 2026-11-28 00:00:00

Since ``budget_0015`` the co-signature reserved its audit entry's place in the chain in its lock's round trip,
so the chain lock (one for the whole audit log) was held across the rules' Python work, the write's round trip
and the ``COMMIT``'s: every co-signature of the network waited for all of that of the one before it. Measured
bare (asyncpg, 32 clients, 10 accounts), the service's own transaction ran 470-530/s; a minimal one with a
global lock taken where 0015 takes it 880-930/s, taken in the last statement before the commit 1,240-1,320/s.

Here the reservation is the write's last step and the entry is inserted in the commit's round trip:

- ``budget.cosign_lock`` is ``budget_0014``'s lock (the caller's reach, the row locks, what the rules read),
  without the reservation.
- ``budget.cosign_write`` writes the signature (and the approval) as before, then stages the audit entry's
  fields the caller gives (actor, action, entity, entity_id, outcome, detail, the two digests) with the place it
  reserves in the chain (``budget.audit_reserve``: the chain lock, after the row locks, held to the commit), in
  a setting local to the transaction, and returns that place (previous hash, time, seq).
- The caller hashes the entry (``audit/chain.py``, still the one place the hash is computed) and sends
  ``SELECT budget.cosign_chain('<hash>'); COMMIT`` as one message: the function inserts the staged entry with
  that hash (it takes no other value, and refuses anything but 64 hex digits), once.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "budget_0016"
down_revision: str | Sequence[str] | None = "budget_0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _module(name: str) -> ModuleType:
    path = Path(__file__).with_name(f"20261127_{name}.py")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WRITE = """
CREATE FUNCTION budget.cosign_write(
    p_withdrawal uuid, p_account uuid, p_signature uuid, p_signer text, p_person text, p_digest text,
    p_key uuid, p_offline text, p_delivered_by text, p_at timestamptz,
    p_approve boolean, p_fund text, p_amount numeric, p_event_id uuid, p_event jsonb,
    p_actor text, p_action text, p_entity text, p_entity_id text, p_outcome text, p_detail text,
    p_before_digest text, p_after_digest text,
    OUT prev_hash text, OUT at timestamptz, OUT seq bigint)
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
    -- The entry's place in the chain: the chain lock, after the row locks and the writes, held to the commit.
    SELECT r.prev_hash, r.at, r.seqs[1] INTO prev_hash, at, seq FROM budget.audit_reserve(1) r;
    PERFORM set_config('budget.cosign_entry', jsonb_build_object(
        'seq', seq, 'at', at, 'prev_hash', prev_hash,
        'actor', p_actor, 'action', p_action, 'entity', p_entity, 'entity_id', p_entity_id, 'outcome', p_outcome,
        'detail', p_detail, 'before_digest', p_before_digest, 'after_digest', p_after_digest)::text, true);
END $$;
"""

CHAIN = """
CREATE FUNCTION budget.cosign_chain(p_hash text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    e jsonb := nullif(current_setting('budget.cosign_entry', true), '')::jsonb;
BEGIN
    IF e IS NULL THEN
        RAISE EXCEPTION 'no co-signature audit entry is staged in this transaction';
    END IF;
    IF p_hash IS NULL OR p_hash !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'an audit hash is 64 hex digits';
    END IF;
    INSERT INTO budget.audit_log
           (seq, at, actor, action, entity, entity_id, outcome, detail, before_digest, after_digest, prev_hash, hash)
    VALUES ((e->>'seq')::bigint, (e->>'at')::timestamptz, e->>'actor', e->>'action', e->>'entity',
            e->>'entity_id', e->>'outcome', e->>'detail', e->>'before_digest', e->>'after_digest',
            e->>'prev_hash', p_hash);
    PERFORM set_config('budget.cosign_entry', '', true);  -- inserted once
END $$;
"""

_0015_WRITE = (
    "budget.sign_write(uuid, uuid, uuid, text, text, text, uuid, text, text, timestamptz, boolean, text, "
    "numeric, uuid, jsonb, bigint, timestamptz, text, text, text, text, text, text, text, text, text, text)"
)
_0015_LOCK = "budget.sign_lock(uuid, boolean, text[], text[], text[], text, uuid)"
_WRITE = (
    "budget.cosign_write(uuid, uuid, uuid, text, text, text, uuid, text, text, timestamptz, boolean, text, "
    "numeric, uuid, jsonb, text, text, text, text, text, text, text, text)"
)
_LOCK = "budget.cosign_lock(uuid, boolean, text[], text[], text[], text, uuid)"


def upgrade() -> None:
    lock: str = _module("budget_0014_signing").LOCK
    assert "budget.signing_lock(" in lock, "budget_0014's signing_lock is not what this migration renames"
    op.execute(lock.replace("budget.signing_lock(", "budget.cosign_lock("))
    op.execute(WRITE)
    op.execute(CHAIN)
    op.execute(f"DROP FUNCTION IF EXISTS {_0015_WRITE}")
    op.execute(f"DROP FUNCTION IF EXISTS {_0015_LOCK}")


def downgrade() -> None:
    previous = _module("budget_0015_signing_reserve")
    op.execute(previous._lock())
    op.execute(previous.WRITE)
    op.execute("DROP FUNCTION IF EXISTS budget.cosign_chain(text)")
    op.execute(f"DROP FUNCTION IF EXISTS {_WRITE}")
    op.execute(f"DROP FUNCTION IF EXISTS {_LOCK}")
