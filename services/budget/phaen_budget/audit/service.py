"""The audit chain: entries queued during a transaction, appended (hash-chained) at commit.

Entries are written by a ``before_commit`` hook so the chain's advisory lock is taken as late as
possible: every writer holds it only for the few statements of its commit, never while it waits on
row locks. Denied money actions are written by ``record_denial`` in their own short transaction,
because the request's own transaction rolls back.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlmodel import col

from phaen_budget.audit import chain, heads, repository
from phaen_budget.audit.chain import AUDIT_LOCK_KEY, GENESIS
from phaen_budget.audit.signing import HeadSigner
from phaen_common import metrics
from phaen_common.db import Database
from phaen_common.pagination import PageParams, paginate

__all__ = ["AUDIT_LOCK_KEY", "GENESIS", "count_on_commit", "digest", "install_hooks", "item", "record", "record_denial"]

_PENDING = "phaen_budget_audit_pending"
_COUNTED = "phaen_budget_audit_counted"  # (action, status after) for the metrics, counted once committed


def digest(state: Any) -> str | None:
    """SHA-256 of an entity's state in canonical JSON (None for "no state")."""
    if state is None:
        return None
    if hasattr(state, "model_dump"):
        state = state.model_dump(mode="json")
    raw = orjson.dumps(state, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS, default=str)
    return hashlib.sha256(raw).hexdigest()


def item(
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    before: Any = None,
    after: Any = None,
    outcome: str = "ok",
    detail: str | None = None,
) -> dict[str, Any]:
    """One audit entry's fields before it is chained (``chain.chained`` adds seq, time and hashes)."""
    return {
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "outcome": outcome,
        "detail": detail,
        "before_digest": digest(before),
        "after_digest": digest(after),
    }


def count_on_commit(session: AsyncSession, *, action: str, after: Any) -> None:
    """Count an audited change in the metrics once this session commits."""
    status = after.get("status") if isinstance(after, dict) else None
    session.info.setdefault(_COUNTED, []).append((action, status))


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
        item(
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
            outcome=outcome,
            detail=detail,
        )
    )
    if outcome == "ok":
        count_on_commit(session, action=action, after=after)


def _append_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending:
        chain.append(session, pending)


def _discard_pending(session: Session, *args: Any) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_COUNTED, None)


def _count_committed(session: Session) -> None:
    counted = session.info.pop(_COUNTED, None)
    if counted:
        metrics.count_audited(counted)


_installed = False


def install_hooks() -> None:
    """Register the commit hook once per process (sessions without queued entries are untouched)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "before_commit", _append_pending)
    event.listen(Session, "after_rollback", _discard_pending)
    event.listen(Session, "after_commit", _count_committed)
    _installed = True


async def record_denial(*, db: Database, actor: str, action: str, entity: str, entity_id: Any, code: str) -> None:
    """Audit a refused money action in a transaction of its own."""
    async with db.sessionmaker() as session:
        record(session, actor=actor, action=action, entity=entity, entity_id=entity_id, outcome="denied", detail=code)
        await session.commit()


async def list_entries(
    *,
    session: AsyncSession,
    params: PageParams,
    entity: str | None,
    entity_id: str | None,
    action: str | None,
    outcome: str | None,
) -> tuple[list[Any], int, str | None]:
    """One page of the chain in seq order, filtered."""
    stmt = repository.entries_stmt(entity=entity, entity_id=entity_id, action=action, outcome=outcome)
    return await paginate(session, stmt, keys=[col(repository.AuditEntry.seq)], params=params)


async def signed_head(*, session: AsyncSession, signer: HeadSigner, data_dir: Path) -> heads.SignedHead:
    """The current head, signed (and kept, published and anchored the first time)."""
    return await heads.sign_current(session=session, signer=signer, anchor=heads.anchor_path(data_dir))
