"""audit append function: one round trip under the chain lock

Revision ID: budget_0003
Revises: budget_0002
Create Date: 2026-11-24 02:00:00

The chain lock (pg_advisory_xact_lock) is held until commit, so everything done after taking it is
serialised across the whole service. ``budget.audit_append`` takes the lock, reads the previous hash,
computes this entry's hash and inserts it in a single call, so a writer holds the lock for one
statement plus its commit. The hash is recomputed by ``phaen_budget.audit.service.entry_hash``: the
SHA-256 of the fields, each written as ``<length>:<text>`` (NULL as ``-``) and joined with ``|``.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "budget_0003"
down_revision: str | Sequence[str] | None = "budget_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_KEY = -3940565445803061649  # phaen_budget.audit.service.AUDIT_LOCK_KEY (a test checks they agree)


def upgrade() -> None:
    op.execute("""
        CREATE FUNCTION budget.audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN v IS NULL THEN '-' ELSE length(v)::text || ':' || v END
        $$
    """)
    op.execute(f"""
        CREATE FUNCTION budget.audit_append(p_actor text, p_action text, p_entity text, p_entity_id text,
                                            p_outcome text, p_detail text, p_before text, p_after text)
        RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE
            v_prev text;
            v_seq bigint;
            v_at timestamptz := clock_timestamp();
            v_hash text;
        BEGIN
            PERFORM pg_advisory_xact_lock({LOCK_KEY});
            SELECT hash INTO v_prev FROM budget.audit_log ORDER BY seq DESC LIMIT 1;
            v_prev := coalesce(v_prev, repeat('0', 64));
            v_seq := nextval('budget.audit_log_seq');
            v_hash := encode(sha256(convert_to(concat_ws('|',
                budget.audit_field(v_seq::text),
                budget.audit_field(((extract(epoch FROM v_at) * 1000000)::bigint)::text),
                budget.audit_field(p_actor), budget.audit_field(p_action), budget.audit_field(p_entity),
                budget.audit_field(p_entity_id), budget.audit_field(p_outcome), budget.audit_field(p_detail),
                budget.audit_field(p_before), budget.audit_field(p_after), budget.audit_field(v_prev)),
                'UTF8')), 'hex');
            INSERT INTO budget.audit_log (seq, at, actor, action, entity, entity_id, outcome, detail,
                                          before_digest, after_digest, prev_hash, hash)
            VALUES (v_seq, v_at, p_actor, p_action, p_entity, p_entity_id, p_outcome, p_detail,
                    p_before, p_after, v_prev, v_hash);
            RETURN v_seq;
        END $$
    """)  # noqa: S608 - the only interpolation is our own integer constant


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS budget.audit_append(text, text, text, text, text, text, text, text)")
    op.execute("DROP FUNCTION IF EXISTS budget.audit_field(text)")
