"""The audit chain: entries queued during a transaction, appended (hash-chained) at commit.

Entries are written by a ``before_commit`` hook so the chain's advisory lock is taken as late as
possible: every writer holds it only for the few statements of its commit, never while it waits on
row locks. Denied money actions are written by ``record_denial`` in their own short transaction,
because the request's own transaction rolls back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import orjson
from sqlalchemy import event, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlmodel import col

from phaen_budget.audit.models import AuditEntry
from phaen_common.db import Database

GENESIS = "0" * 64
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_PENDING = "phaen_budget_audit_pending"
_APPEND = text(
    "SELECT budget.audit_append(:actor, :action, :entity, :entity_id, :outcome, :detail, :before_digest, :after_digest)"
)
# The key of the chain's pg_advisory_xact_lock (written into migration budget_0003).
AUDIT_LOCK_KEY = int.from_bytes(hashlib.sha256(b"budget.audit_log").digest()[:8], "big", signed=True)


def digest(state: Any) -> str | None:
    """SHA-256 of an entity's state in canonical JSON (None for "no state")."""
    if state is None:
        return None
    if hasattr(state, "model_dump"):
        state = state.model_dump(mode="json")
    raw = orjson.dumps(state, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str)
    return hashlib.sha256(raw).hexdigest()


def _field(value: object) -> str:
    if value is None:
        return "-"
    text_value = str(value)
    return f"{len(text_value)}:{text_value}"


def entry_hash(
    *,
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    outcome: str,
    detail: str | None,
    before_digest: str | None,
    after_digest: str | None,
    prev_hash: str,
) -> str:
    """The hash of one entry, chaining it to the previous one (the same as ``budget.audit_append``)."""
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    at_us = (aware - _EPOCH) // dt.timedelta(microseconds=1)
    fields = [seq, at_us, actor, action, entity, entity_id, outcome, detail, before_digest, after_digest, prev_hash]
    return hashlib.sha256("|".join(_field(f) for f in fields).encode()).hexdigest()


def record(
    session: AsyncSession,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    before: Any = None,
    after: Any = None,
    outcome: str = "ok",
    detail: str | None = None,
) -> None:
    """Queue an audit entry; it is appended when this session commits (same transaction)."""
    session.info.setdefault(_PENDING, []).append(
        {
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": str(entity_id),
            "outcome": outcome,
            "detail": detail,
            "before_digest": digest(before),
            "after_digest": digest(after),
        }
    )


def _append_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    # One statement per entry; the first takes the chain lock, held only until this commit ends.
    for item in pending:
        session.execute(_APPEND, item)


def _discard_pending(session: Session, *args: Any) -> None:
    session.info.pop(_PENDING, None)


_installed = False


def install_hooks() -> None:
    """Register the commit hook once per process (sessions without queued entries are untouched)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_commit", _append_pending)
    event.listen(Session, "after_rollback", _discard_pending)
    _installed = True


async def record_denial(db: Database, *, actor: str, action: str, entity: str, entity_id: Any, code: str) -> None:
    """Audit a refused money action in a transaction of its own."""
    async with db.sessionmaker() as session:
        record(session, actor=actor, action=action, entity=entity, entity_id=entity_id, outcome="denied", detail=code)
        await session.commit()


async def verify_chain(session: AsyncSession, *, batch: int = 5000) -> dict[str, Any]:
    """Recompute every hash in seq order; report the first entry that does not match."""
    prev = GENESIS
    count = 0
    after = 0
    while True:
        rows = (
            (
                await session.execute(
                    select(AuditEntry).where(col(AuditEntry.seq) > after).order_by(col(AuditEntry.seq)).limit(batch)
                )
            )
            .scalars()
            .all()
        )
        if not rows:
            return {"ok": True, "entries": count}
        for row in rows:
            expected = entry_hash(
                seq=row.seq,
                at=row.at,
                actor=row.actor,
                action=row.action,
                entity=row.entity,
                entity_id=row.entity_id,
                outcome=row.outcome,
                detail=row.detail,
                before_digest=row.before_digest,
                after_digest=row.after_digest,
                prev_hash=row.prev_hash,
            )
            if row.prev_hash != prev or row.hash != expected:
                return {"ok": False, "entries": count, "first_bad_seq": row.seq}
            prev = row.hash
            count += 1
            after = row.seq
        session.expunge_all()
