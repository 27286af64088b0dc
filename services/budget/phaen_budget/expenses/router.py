"""Routes: /v1/budget/expenses and /v1/budget/attachments."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import Response

from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.errors import ProjectClosed, ProjectNotFound, ProjectSuspended
from phaen_budget.core.schemas import Reason, SafeStr
from phaen_budget.expenses import service
from phaen_budget.expenses.errors import (
    AlreadyVoid,
    AttachmentNotFound,
    AttachmentTooLarge,
    DuplicateReceipt,
    ExpenseNotFound,
    UnsupportedAttachment,
)
from phaen_budget.expenses.models import Attachment
from phaen_budget.expenses.schemas import AttachmentOut, ExpenseCreate, ExpenseFlag, ExpenseOut
from phaen_budget.tables import idempotency_keys
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import IdempotencyKeyReused, responses
from phaen_common.idempotency import idempotent
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyExpenseRecord = Annotated[Principal, require_money("budget:write", action="expense.record")]
MoneyExpenseVoid = Annotated[Principal, require_money("budget:write", action="expense.void")]

router = APIRouter(prefix="/v1/budget", tags=["expenses"])


@router.post(
    "/expenses",
    status_code=201,
    response_model=ExpenseOut,
    responses=responses(
        401, 403, ProjectNotFound, ProjectSuspended, ProjectClosed, DuplicateReceipt, IdempotencyKeyReused, 422
    ),
)
async def record_expense(
    body: ExpenseCreate, request: Request, session: SessionDep, principal: MoneyExpenseRecord
) -> Any:
    """Record an expense with its receipt or payment voucher. Idempotency-Key honoured."""

    async def run() -> ExpenseOut:
        return service.expense_out(await service.record(session=session, principal=principal, data=body), principal)

    async with audited_denials(
        request, session, principal, action="expense.record", entity="project", entity_id=body.project_id
    ):
        return await idempotent(
            request=request,
            session=session,
            table=idempotency_keys,
            principal=principal,
            body=body,
            status_code=201,
            handler=run,
        )


@router.get("/expenses", response_model=Page[ExpenseOut], responses=responses(401, 403, 422))
async def list_expenses(
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
    params: PageDep,
    project_id: uuid.UUID | None = None,
    grant_id: uuid.UUID | None = None,
    line_no: Annotated[int | None, Query(ge=1, le=999)] = None,
    category: SafeStr | None = None,
    status: Literal["recorded", "void"] | None = None,
    flag: ExpenseFlag | None = None,
) -> Page[ExpenseOut]:
    """Expenses within the caller's scope (`?flag=beyond_paid_out` for the ones an auditor should look at)."""
    rows, total, cursor = await service.list_expenses(
        session=session,
        principal=principal,
        params=params,
        project_id=project_id,
        grant_id=grant_id,
        line_no=line_no,
        category=category,
        status=status,
        flag=flag,
    )
    return Page[ExpenseOut](items=[service.expense_out(e, principal) for e in rows], total=total, next_cursor=cursor)


@router.get("/expenses/{expense_id}", response_model=ExpenseOut, responses=responses(401, 403, ExpenseNotFound, 422))
async def get_expense(
    expense_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> ExpenseOut:
    """One expense."""
    return service.expense_out(
        await service.get_visible(session=session, principal=principal, expense_id=expense_id), principal
    )


@router.post(
    "/expenses/{expense_id}/void",
    response_model=ExpenseOut,
    responses=responses(401, 403, ExpenseNotFound, AlreadyVoid, 422),
)
async def void_expense(
    expense_id: uuid.UUID, body: Reason, request: Request, session: SessionDep, principal: MoneyExpenseVoid
) -> ExpenseOut:
    """Void with a reason: the expense stops counting in the line's actual (nothing is deleted)."""
    async with audited_denials(
        request, session, principal, action="expense.void", entity="expense", entity_id=expense_id
    ):
        expense = await service.void(session=session, principal=principal, expense_id=expense_id, reason=body.reason)
        return service.expense_out(expense, principal)


async def _read_capped(upload: UploadFile, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(1024 * 1024):
        size += len(chunk)
        if size > limit:
            raise AttachmentTooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "/expenses/{expense_id}/attachments",
    status_code=201,
    response_model=AttachmentOut,
    responses=responses(400, 401, 403, ExpenseNotFound, AttachmentTooLarge, UnsupportedAttachment, 422),
)
async def upload_attachment(
    expense_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:write")],
    file: Annotated[UploadFile, File(description="JPEG, PNG or PDF, up to 10 MB")],
) -> AttachmentOut:
    """Attach a photo or PDF of the paper evidence; its SHA-256 is recorded."""
    settings = request.app.state.settings
    data = await _read_capped(file, settings.attachment_max_bytes)
    att = await service.attach(
        session=session,
        principal=principal,
        expense_id=expense_id,
        filename=file.filename or "attachment",
        data=data,
        storage=request.app.state.storage,
    )
    return AttachmentOut.model_validate(att, from_attributes=True)


@router.get(
    "/expenses/{expense_id}/attachments",
    response_model=Page[AttachmentOut],
    responses=responses(401, 403, ExpenseNotFound, 422),
)
async def list_attachments(
    expense_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")], params: PageDep
) -> Page[AttachmentOut]:
    """The expense's attachments."""
    rows, total, cursor = await service.list_attachments(
        session=session, principal=principal, expense_id=expense_id, params=params
    )
    return Page[AttachmentOut](
        items=[AttachmentOut.model_validate(a, from_attributes=True) for a in rows], total=total, next_cursor=cursor
    )


async def _attachment(session: Any, principal: Principal, attachment_id: uuid.UUID) -> Attachment:
    att = await session.get(Attachment, attachment_id)
    if att is None:
        raise AttachmentNotFound()
    try:
        await service.get_visible(session=session, principal=principal, expense_id=att.expense_id)
    except ExpenseNotFound as exc:
        raise AttachmentNotFound() from exc
    return att


@router.get(
    "/attachments/{attachment_id}", response_model=AttachmentOut, responses=responses(401, 403, AttachmentNotFound, 422)
)
async def get_attachment(
    attachment_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> AttachmentOut:
    """An attachment's record (name, type, size, SHA-256)."""
    return AttachmentOut.model_validate(await _attachment(session, principal, attachment_id), from_attributes=True)


@router.get(
    "/attachments/{attachment_id}/content",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {}, "image/jpeg": {}, "image/png": {}}},
        **responses(401, 403, AttachmentNotFound, 422),
    },
)
async def download_attachment(
    attachment_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
) -> Response:
    """The attachment's bytes."""
    att = await _attachment(session, principal, attachment_id)
    data = await request.app.state.storage.get(att.storage_key)
    return Response(
        data, media_type=att.content_type, headers={"X-Content-SHA256": att.sha256, "Content-Disposition": "attachment"}
    )
