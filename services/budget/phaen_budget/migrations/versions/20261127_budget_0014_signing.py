"""the signing transaction in SQL (signing)

Revision ID: budget_0014
Revises: budget_0013
Create Date: 2026-11-27 16:00:00

A co-signature was ~15 statements through the ORM, with the account row locked while Python worked between
them. Two functions make it two round trips (the rules stay in Python, ``withdrawals/service.py``):

- ``budget.signing_lock``: the caller's reach is checked on an unlocked read (out of reach: no row is
  locked, nothing is returned), then the account is locked FOR UPDATE, its project FOR SHARE, the withdrawal
  FOR UPDATE (the order of every money action), the device key FOR SHARE for an offline signature, and the
  signatory set and the valid signatures are read under those locks; all of it comes back in one row.
- ``budget.signing_write``: the signature row; for the approving one the withdrawal's status and the
  account's reservation (its CHECK constraints refuse an overdraw: the caller maps them to
  ``insufficient_funds``) and the ``withdrawal.approved`` outbox event; then ``audit_reserve`` for the audit
  entry, whose hash the caller computes (``audit/chain.py``) and inserts.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "budget_0014"
down_revision: str | Sequence[str] | None = "budget_0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


LOCK = """
CREATE FUNCTION budget.signing_lock(
    p_withdrawal uuid, p_everything boolean, p_regions text[], p_tambons text[], p_banks text[],
    p_signatory text, p_key uuid,
    OUT visible boolean, OUT w budget.withdrawals,
    OUT threshold integer, OUT balance numeric, OUT interest_balance numeric, OUT reserved numeric,
    OUT reserved_interest numeric, OUT project_status text, OUT project_status_reason text,
    OUT signatories jsonb, OUT signatures jsonb,
    OUT key_found boolean, OUT key_owner text, OUT key_owner_person text, OUT key_public text,
    OUT key_revoked_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    v_account uuid;
    v_project uuid;
    v_region text;
    v_tambon text;
    v_bank text;
BEGIN
    visible := false;
    key_found := false;
    -- Reach first, on an unlocked read: a caller outside it locks nothing (core.access.account_clause).
    SELECT wd.account_id, a.project_id, p.region, p.tambon, a.bank
      INTO v_account, v_project, v_region, v_tambon, v_bank
      FROM budget.withdrawals wd
      JOIN budget.accounts a ON a.id = wd.account_id
      JOIN budget.projects p ON p.id = a.project_id
     WHERE wd.id = p_withdrawal;
    IF v_account IS NULL THEN
        RETURN;
    END IF;
    IF NOT coalesce(
        p_everything
        OR v_region = ANY (p_regions)
        OR v_tambon = ANY (p_tambons)
        OR v_bank = ANY (p_banks)
        OR (p_signatory IS NOT NULL AND EXISTS (
                SELECT 1 FROM budget.account_signatories s
                 WHERE s.account_id = v_account AND s.user_id = p_signatory AND s.removed_at IS NULL)),
        false) THEN
        RETURN;
    END IF;
    -- The lock order of every money action: account, project, withdrawal (then the device key).
    SELECT a.threshold, a.balance, a.interest_balance, a.reserved, a.reserved_interest
      INTO threshold, balance, interest_balance, reserved, reserved_interest
      FROM budget.accounts a WHERE a.id = v_account FOR UPDATE;
    SELECT p.status, p.status_reason INTO project_status, project_status_reason
      FROM budget.projects p WHERE p.id = v_project FOR SHARE;
    SELECT * INTO w FROM budget.withdrawals wd WHERE wd.id = p_withdrawal FOR UPDATE;
    visible := true;
    IF p_key IS NOT NULL THEN
        SELECT k.owner, k.owner_person, k.public_key, k.revoked_at
          INTO key_owner, key_owner_person, key_public, key_revoked_at
          FROM budget.device_keys k WHERE k.id = p_key FOR SHARE;
        key_found := FOUND;
    END IF;
    SELECT coalesce(jsonb_object_agg(s.user_id, s.person_id), '{}'::jsonb) INTO signatories
      FROM budget.account_signatories s WHERE s.account_id = v_account AND s.removed_at IS NULL;
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'signer', g.signer, 'signer_person', g.signer_person, 'digest', g.digest,
               'key_id', g.key_id, 'offline_signature', g.offline_signature, 'signed_at', g.signed_at)
               ORDER BY g.signed_at), '[]'::jsonb)
      INTO signatures
      FROM budget.signatures g WHERE g.withdrawal_id = p_withdrawal AND g.revoked_at IS NULL;
END $$
"""

WRITE = """
CREATE FUNCTION budget.signing_write(
    p_withdrawal uuid, p_account uuid, p_signature uuid, p_signer text, p_person text, p_digest text,
    p_key uuid, p_offline text, p_delivered_by text, p_at timestamptz,
    p_approve boolean, p_fund text, p_amount numeric, p_event_id uuid, p_event jsonb, p_audit_n integer,
    OUT prev_hash text, OUT at timestamptz, OUT seqs bigint[])
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
    SELECT r.prev_hash, r.at, r.seqs INTO prev_hash, at, seqs FROM budget.audit_reserve(p_audit_n) r;
END $$
"""


def upgrade() -> None:
    op.execute(LOCK)
    op.execute(WRITE)


def downgrade() -> None:
    op.execute(
        "DROP FUNCTION IF EXISTS budget.signing_write(uuid, uuid, uuid, text, text, text, uuid, text, text, "
        "timestamptz, boolean, text, numeric, uuid, jsonb, integer)"
    )
    op.execute("DROP FUNCTION IF EXISTS budget.signing_lock(uuid, boolean, text[], text[], text[], text, uuid)")
