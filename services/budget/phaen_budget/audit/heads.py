"""Signed heads of the audit chain: when they are signed, where they are kept, and how they are read back.

When: on demand (every ``GET /v1/budget/audit/head`` signs the current head unless it is signed already) and
periodically (every ``audit_head_interval_seconds``, default 60, when the chain has moved). Where: the
``audit_heads`` table (append-only), an ``audit.head_signed`` event on the feed (the bank and auditors keep
it), and a file in the data directory, outside the database, holding the latest head this process signed.
A head kept anywhere but the database itself is what finds a deleted tail.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.audit import repository
from phaen_budget.audit.chain import GENESIS
from phaen_budget.audit.models import AuditHead
from phaen_budget.audit.signing import HeadSigner, head_message
from phaen_budget.core.models import utcnow
from phaen_budget.tables import outbox
from phaen_common.outbox import record_event

log = logging.getLogger(__name__)

ANCHOR_FILE = "budget-audit-head.json"


@dataclass(frozen=True)
class SignedHead:
    """A head with its signature, and where it was read from (database, anchor_file, caller, new)."""

    seq: int
    hash: str
    signature: str
    key_id: str
    signed_at: dt.datetime | None
    source: str
    at: dt.datetime | None = None

    @property
    def message(self) -> str:
        return head_message(self.seq, self.hash)


def _from_row(row: AuditHead, *, source: str, at: dt.datetime | None = None) -> SignedHead:
    return SignedHead(
        seq=row.seq,
        hash=row.hash,
        signature=row.signature,
        key_id=row.key_id,
        signed_at=row.signed_at,
        source=source,
        at=at,
    )


def anchor_path(data_dir: Path) -> Path:
    return Path(data_dir) / ANCHOR_FILE


def read_anchor(path: Path) -> SignedHead | None:
    """The head kept in the anchor file (None if there is none or it cannot be read)."""
    try:
        raw = json.loads(path.read_text())
        return SignedHead(
            seq=int(raw["seq"]),
            hash=str(raw["hash"]),
            signature=str(raw["signature"]),
            key_id=str(raw.get("key_id", "")),
            signed_at=dt.datetime.fromisoformat(raw["signed_at"]) if raw.get("signed_at") else None,
            source="anchor_file",
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("the audit anchor file %s cannot be read", path)
        return None


def write_anchor(path: Path, head: SignedHead) -> None:
    """Keep ``head`` in the anchor file unless it already holds a later one (atomic replace)."""
    kept = read_anchor(path)
    if kept is not None and kept.seq >= head.seq:
        return
    body = {
        "seq": head.seq,
        "hash": head.hash,
        "signature": head.signature,
        "key_id": head.key_id,
        "signed_at": head.signed_at.isoformat() if head.signed_at else None,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(body))
    os.replace(tmp, path)


def event_payload(head: SignedHead, signer: HeadSigner) -> dict[str, Any]:
    return {
        "seq": head.seq,
        "hash": head.hash,
        "signed_message": head.message,
        "signature": head.signature,
        "alg": "Ed25519",
        "key_id": head.key_id,
        "public_key": signer.public_key_b64,
        "signed_at": head.signed_at,
    }


async def sign_current(*, session: AsyncSession, signer: HeadSigner, anchor: Path) -> SignedHead:
    """The chain's current head, signed: kept, published and anchored the first time it is signed."""
    last = await repository.last_entry(session=session)
    if last is None:
        return SignedHead(
            seq=0,
            hash=GENESIS,
            signature=signer.sign(head_message(0, GENESIS).encode()),
            key_id=signer.key_id,
            signed_at=None,
            source="genesis",
        )
    kept = await repository.head_at(session=session, seq=last.seq)
    if (
        kept is not None
        and kept.hash == last.hash
        and signer.verify(head_message(kept.seq, kept.hash).encode(), kept.signature)
    ):
        head = _from_row(kept, source="database", at=last.at)
    else:
        row = AuditHead(
            seq=last.seq,
            hash=last.hash,
            signed_at=utcnow(),
            key_id=signer.key_id,
            signature=signer.sign(head_message(last.seq, last.hash).encode()),
        )
        head = _from_row(row, source="new", at=last.at)
        if await repository.add_head(session=session, head=row):
            await record_event(
                session,
                outbox,
                type="audit.head_signed",
                entity="audit_head",
                entity_id=row.seq,
                payload=event_payload(head, signer),
            )
    write_anchor(anchor, head)
    return head


async def latest_kept(*, session: AsyncSession) -> SignedHead | None:
    """The latest head kept in the database."""
    row = await repository.latest_head(session=session)
    return _from_row(row, source="database") if row else None


async def sign_periodically(app: FastAPI, interval: float) -> None:
    """Sign the head every ``interval`` seconds while the app runs (a failure is logged, never fatal)."""
    while True:
        await asyncio.sleep(interval)
        try:
            async with app.state.db.sessionmaker() as session:
                await sign_current(
                    session=session,
                    signer=app.state.audit_signer,
                    anchor=anchor_path(app.state.settings.data_dir),
                )
                await session.commit()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("signing the audit head failed")
