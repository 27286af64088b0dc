"""``verify``: the chain is intact, complete up to the latest signed head, and agrees with the money.

Four checks, each naming what failed:
- every entry's hash recomputes and links to the one before (``chain_broken`` at the first bad seq);
- the latest validly signed head (kept in the database, in the anchor file outside it, or brought by the
  caller) is in the chain with the same hash (``missing_tail`` when the chain ends before it,
  ``head_mismatch`` otherwise); a head whose signature is not ours is ``head_signature_invalid``;
- every ledger entry has its audit entry and still hashes to the digest recorded there
  (``ledger_entry_unaudited``, ``ledger_entry_altered``), and every audited ledger entry still exists
  (``ledger_entry_missing``);
- every account's cached balance and interest balance equal the sums of its ledger (``balance_mismatch``),
  and its cached reservations the approved, unpaid withdrawals (``reserved_mismatch``: a lowered reservation
  would let more be approved than the account holds).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.accounts.ledger import entry_event
from phaen_budget.audit import heads, repository
from phaen_budget.audit.chain import GENESIS, row_hash
from phaen_budget.audit.service import digest
from phaen_budget.audit.signing import HeadSigner
from phaen_common.money import format_money

MAX_FINDINGS = 100
_BATCH = 5000


@dataclass
class Finding:
    code: str
    detail: str
    seq: int | None = None
    entity: str | None = None
    entity_id: str | None = None


class _Findings:
    def __init__(self) -> None:
        self.items: list[Finding] = []
        self.total = 0

    def add(self, finding: Finding) -> None:
        self.total += 1
        if len(self.items) < MAX_FINDINGS:
            self.items.append(finding)


async def _walk_chain(
    session: AsyncSession, findings: _Findings, anchor_seq: int
) -> tuple[int, int | None, int, str | None]:
    """(entries before the first bad one, first bad seq, last seq, stored hash at ``anchor_seq``)."""
    prev, count, after, first_bad = GENESIS, 0, 0, None
    hash_at_anchor: str | None = GENESIS if anchor_seq == 0 else None
    while rows := await repository.entries_after(session=session, after=after, limit=_BATCH):
        for row in rows:
            if first_bad is None and (row.prev_hash != prev or row.hash != row_hash(row)):
                first_bad = row.seq
                what = "does not link to the entry before it" if row.prev_hash != prev else "does not hash"
                findings.add(Finding("chain_broken", f"entry {row.seq} {what}", seq=row.seq))
            if first_bad is None:
                count += 1
            if row.seq == anchor_seq:
                hash_at_anchor = row.hash
            prev, after = row.hash, row.seq
        session.expunge_all()
    return count, first_bad, after, hash_at_anchor


def _anchor(
    candidates: list[heads.SignedHead | None], signer: HeadSigner, findings: _Findings
) -> heads.SignedHead | None:
    """The latest head whose signature is ours; the others are findings."""
    best: heads.SignedHead | None = None
    for head in candidates:
        if head is None:
            continue
        if not signer.verify(head.message.encode(), head.signature):
            findings.add(
                Finding(
                    "head_signature_invalid",
                    f"the head from the {head.source} at seq {head.seq} is not signed by this service's key",
                    seq=head.seq,
                )
            )
            continue
        if best is None or head.seq > best.seq:
            best = head
    return best


async def _reconcile_ledger(session: AsyncSession, findings: _Findings) -> int:
    after, count = 0, 0
    while rows := await repository.ledger_with_audit(session=session, after=after, limit=_BATCH):
        for entry, audit_seq, after_digest in rows:
            count += 1
            after = entry.seq
            if audit_seq is None:
                findings.add(
                    Finding(
                        "ledger_entry_unaudited",
                        f"ledger entry {entry.seq} has no audit entry",
                        entity="ledger_entry",
                        entity_id=str(entry.id),
                    )
                )
            elif after_digest != digest(entry_event(entry)):
                findings.add(
                    Finding(
                        "ledger_entry_altered",
                        f"ledger entry {entry.seq} differs from what audit entry {audit_seq} recorded",
                        seq=audit_seq,
                        entity="ledger_entry",
                        entity_id=str(entry.id),
                    )
                )
        session.expunge_all()
    for seq, entity_id in await repository.audited_ledger_entries_missing(session=session, limit=MAX_FINDINGS):
        findings.add(
            Finding(
                "ledger_entry_missing",
                f"audit entry {seq} records a ledger entry that is not in the ledger",
                seq=seq,
                entity="ledger_entry",
                entity_id=entity_id,
            )
        )
    return count


async def verify(
    *, session: AsyncSession, signer: HeadSigner, data_dir: Path, supplied: heads.SignedHead | None = None
) -> dict[str, Any]:
    """Check the chain, its completeness against the latest signed head, the ledger and the balances."""
    findings = _Findings()
    kept = await heads.latest_kept(session=session)
    anchor = _anchor([kept, heads.read_anchor(heads.anchor_path(data_dir)), supplied], signer, findings)
    anchor_seq = anchor.seq if anchor else 0
    entries, first_bad, last_seq, hash_at_anchor = await _walk_chain(session, findings, anchor_seq)
    if anchor is not None and anchor.seq > last_seq:
        findings.add(
            Finding(
                "missing_tail",
                f"the chain ends at seq {last_seq} but the head signed at seq {anchor.seq} "
                f"({anchor.source}) is later: entries were removed from its end",
                seq=anchor.seq,
            )
        )
    elif anchor is not None and hash_at_anchor != anchor.hash:
        findings.add(
            Finding(
                "head_mismatch",
                f"the entry at seq {anchor.seq} is not the one the signed head ({anchor.source}) recorded",
                seq=anchor.seq,
            )
        )
    ledger_entries = await _reconcile_ledger(session, findings)
    for account_id, figure, cached, summed in await repository.balance_mismatches(session=session, limit=MAX_FINDINGS):
        findings.add(
            Finding(
                "balance_mismatch",
                f"cached {figure} {format_money(cached)} but the ledger sums to {format_money(summed)}",
                entity="account",
                entity_id=str(account_id),
            )
        )
    for account_id, figure, cached, summed in await repository.reserved_mismatches(session=session, limit=MAX_FINDINGS):
        findings.add(
            Finding(
                "reserved_mismatch",
                f"cached {figure} {format_money(cached)} but the approved withdrawals sum to {format_money(summed)}",
                entity="account",
                entity_id=str(account_id),
            )
        )
    return {
        "ok": findings.total == 0,
        "entries": entries,
        "first_bad_seq": first_bad,
        "last_seq": last_seq,
        "ledger_entries": ledger_entries,
        "head": (
            {"seq": anchor.seq, "hash": anchor.hash, "source": anchor.source, "signed_at": anchor.signed_at}
            if anchor
            else None
        ),
        "findings": [asdict(f) for f in findings.items],
        "findings_total": findings.total,
    }
