"""The audit chain's hash and its writer: the one place the hash of an entry is computed.

The database only serialises writers and hands out the next seq, the previous hash and the time
(``budget.audit_reserve``, one round trip under the chain lock); the hash itself is computed here, by the
same function that ``verify`` uses. Keeping it out of SQL also means a database superuser cannot make
verify agree with an altered row by replacing a stored function.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from phaen_budget.audit.models import AuditEntry

GENESIS = "0" * 64
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# The key of the chain's pg_advisory_xact_lock (written into migrations budget_0003 and budget_0008).
AUDIT_LOCK_KEY = int.from_bytes(hashlib.sha256(b"budget.audit_log").digest()[:8], "big", signed=True)
_RESERVE = text("SELECT prev_hash, at, seqs FROM budget.audit_reserve(:n)")


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
    """SHA-256 of the fields, each written ``<length>:<text>`` (NULL as ``-``), joined with ``|``."""
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    at_us = (aware - _EPOCH) // dt.timedelta(microseconds=1)
    fields = [seq, at_us, actor, action, entity, entity_id, outcome, detail, before_digest, after_digest, prev_hash]
    return hashlib.sha256("|".join(_field(f) for f in fields).encode()).hexdigest()


def row_hash(row: AuditEntry) -> str:
    """The hash a stored row should carry, recomputed from its fields."""
    return entry_hash(
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


def chained(items: list[dict[str, Any]], *, prev_hash: str, at: dt.datetime, seqs: list[int]) -> list[dict[str, Any]]:
    """The rows of ``items`` chained after ``prev_hash`` at the seqs and time ``audit_reserve`` handed out."""
    rows = []
    prev = prev_hash
    for seq, item in zip(seqs, items, strict=True):
        row = {**item, "seq": seq, "at": at, "prev_hash": prev}
        row["hash"] = prev = entry_hash(**row)
        rows.append(row)
    return rows


def append(session: Session, items: list[dict[str, Any]]) -> None:
    """Chain ``items`` after the current head: two statements, the chain lock held until this commit ends."""
    reserved = session.execute(_RESERVE, {"n": len(items)}).one()
    rows = chained(items, prev_hash=reserved.prev_hash, at=reserved.at, seqs=list(reserved.seqs))
    session.execute(insert(AuditEntry), rows)


# The fields of an entry its writer gives (``item``); seq, time and the hashes come from the chain.
ENTRY_FIELDS = ("actor", "action", "entity", "entity_id", "outcome", "detail", "before_digest", "after_digest")
