"""Expenses: evidence checked, items summing to the amount, one receipt per expense; void reverses."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.audit import service as audit
from phaen_budget.core.access import acts_for
from phaen_budget.core.models import utcnow
from phaen_budget.expenses import repository
from phaen_budget.expenses.errors import AlreadyVoid, DuplicateReceipt, ExpenseNotFound, UnsupportedAttachment
from phaen_budget.expenses.models import Attachment, Expense
from phaen_budget.expenses.receipts import receipt_key
from phaen_budget.expenses.schemas import ExpenseCreate, ExpenseOut, Receipt
from phaen_budget.expenses.storage import AttachmentStorage
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.tables import outbox
from phaen_common.access import personal
from phaen_common.auth import Principal
from phaen_common.errors import Unprocessable
from phaen_common.outbox import record_event
from phaen_common.pagination import PageParams, paginate

__all__ = ["receipt_key"]


def _event(e: Expense) -> dict[str, Any]:
    return {
        "id": e.id,
        "project_id": e.project_id,
        "grant_id": e.grant_id,
        "line_no": e.line_no,
        "category": e.category,
        "amount": e.amount,
        "spent_on": e.spent_on,
        "evidence_kind": e.evidence_kind,
        "status": e.status,
        "flags": list(e.flags),
    }


def _feed_payload(e: Expense) -> dict[str, Any]:
    """The event payload: enough of the evidence to print the voucher, never a full national ID."""
    evidence = dict(e.evidence)
    nid = evidence.pop("payee_national_id", None)
    if nid:
        evidence["payee_national_id_last4"] = str(nid)[-4:]
    return {**_event(e), "description": e.description, "evidence": evidence}


def expense_out(e: Expense, principal: Principal) -> ExpenseOut:
    evidence = dict(e.evidence)
    nid = evidence.get("payee_national_id")
    if nid:
        evidence["payee_national_id"] = personal(str(nid), principal, width=13)
    return ExpenseOut.model_validate({**e.model_dump(), "evidence": evidence})


async def record(*, session: AsyncSession, principal: Principal, data: ExpenseCreate) -> Expense:
    """Record an expense with its evidence; it counts in its grant line's actual."""
    # FOR SHARE: a suspension (FOR UPDATE) waits for this expense, and none is recorded after it (409).
    project = await projects.get_actionable(
        session=session, principal=principal, project_id=data.project_id, lock="share"
    )
    projects.ensure_active(project)
    ev = data.evidence
    total = sum(i.amount for i in ev.items)
    if total != data.amount:
        raise Unprocessable(f"The items sum to {total:.2f}, not {data.amount:.2f}.", loc=["body", "evidence", "items"])
    key = None
    if isinstance(ev, Receipt):
        if ev.buyer_name is not None and ev.buyer_name != project.name:
            raise Unprocessable("The receipt must name the project as buyer.", loc=["body", "evidence", "buyer_name"])
        key = receipt_key(ev)
    expense = Expense(
        project_id=project.id,
        grant_id=project.grant_id,
        line_no=project.line_no,
        category=data.category,
        amount=data.amount,
        spent_on=data.spent_on,
        description=data.description,
        evidence_kind=ev.kind,
        evidence=ev.model_dump(mode="json"),
        receipt_key=key,
        created_by=principal.sub,
    )
    session.add(expense)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        raise DuplicateReceipt() from exc
    expense.flags = await _flags(session, project.id)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="expense.record",
        entity="expense",
        entity_id=expense.id,
        after={**_event(expense), "evidence": expense.evidence},
    )
    await record_event(
        session, outbox, type="expense.recorded", entity="expense", entity_id=expense.id, payload=_feed_payload(expense)
    )
    return expense


async def _flags(session: AsyncSession, project_id: uuid.UUID) -> list[str]:
    """The auditor flags of an expense just recorded (it is counted in the project's total)."""
    spent = await repository.recorded_total(session=session, project_id=project_id)
    if spent > await repository.paid_out(session=session, project_id=project_id):
        return ["beyond_paid_out"]
    return []


async def list_expenses(
    *,
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    project_id: uuid.UUID | None = None,
    grant_id: uuid.UUID | None = None,
    line_no: int | None = None,
    category: str | None = None,
    status: str | None = None,
    flag: str | None = None,
) -> tuple[list[Any], int, str | None]:
    """One page of the expenses in the caller's scope, filtered."""
    stmt = repository.expenses_stmt(
        principal=principal,
        project_id=project_id,
        grant_id=grant_id,
        line_no=line_no,
        category=category,
        status=status,
        flag=flag,
    )
    return await paginate(session, stmt, keys=[col(Expense.id)], params=params)


async def list_attachments(
    *, session: AsyncSession, principal: Principal, expense_id: uuid.UUID, params: PageParams
) -> tuple[list[Any], int, str | None]:
    """One page of an expense's attachments (404 if the expense is out of scope)."""
    await get_visible(session=session, principal=principal, expense_id=expense_id)
    stmt = repository.attachments_stmt(expense_id=expense_id)
    return await paginate(session, stmt, keys=[col(Attachment.id)], params=params)


async def get_visible(
    *, session: AsyncSession, principal: Principal, expense_id: uuid.UUID, lock: bool = False
) -> Expense:
    """The expense if the caller's scope covers its project (404 otherwise); ``lock`` takes a row lock."""
    expense = await session.get(Expense, expense_id, with_for_update=lock, populate_existing=lock)
    if expense is None:
        raise ExpenseNotFound()
    await projects.project_seen_by(
        session=session, principal=principal, project_id=expense.project_id, not_found=ExpenseNotFound
    )
    return expense


async def _actionable(session: AsyncSession, principal: Principal, expense_id: uuid.UUID, lock: bool) -> Expense:
    expense = await get_visible(session=session, principal=principal, expense_id=expense_id, lock=lock)
    project = await session.get(Project, expense.project_id)
    if project is None or not acts_for(principal, tambon=project.tambon):
        raise ExpenseNotFound()
    return expense


async def void(*, session: AsyncSession, principal: Principal, expense_id: uuid.UUID, reason: str) -> Expense:
    """Void an expense with a reason: it stops counting; nothing is deleted."""
    expense = await _actionable(session, principal, expense_id, lock=True)
    if expense.status == "void":
        raise AlreadyVoid()
    before = _event(expense)
    expense.status = "void"
    expense.void_reason = reason
    expense.voided_by = principal.sub
    expense.voided_at = utcnow()
    session.add(expense)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="expense.void",
        entity="expense",
        entity_id=expense.id,
        before=before,
        after={**_event(expense), "reason": reason},
    )
    await record_event(
        session, outbox, type="expense.voided", entity="expense", entity_id=expense.id, payload=_feed_payload(expense)
    )
    return expense


_MAGIC = ((b"%PDF-", "application/pdf"), (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))


def sniff(data: bytes) -> str:
    """The file's real type from its first bytes (the client's Content-Type is not trusted)."""
    for magic, ctype in _MAGIC:
        if data.startswith(magic):
            return ctype
    raise UnsupportedAttachment()


async def attach(
    *,
    session: AsyncSession,
    principal: Principal,
    expense_id: uuid.UUID,
    filename: str,
    data: bytes,
    storage: AttachmentStorage,
) -> Attachment:
    """Store a scan of the evidence with its SHA-256."""
    expense = await _actionable(session, principal, expense_id, lock=False)
    ctype = sniff(data)
    sha = hashlib.sha256(data).hexdigest()
    key = await storage.put(sha, data)
    att = Attachment(
        expense_id=expense.id,
        filename=filename[:255] or "attachment",
        content_type=ctype,
        size=len(data),
        sha256=sha,
        storage_key=key,
        uploaded_by=principal.sub,
    )
    session.add(att)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="expense.attach",
        entity="attachment",
        entity_id=att.id,
        after={"expense_id": expense.id, "sha256": sha, "size": len(data), "content_type": ctype},
    )
    return att
