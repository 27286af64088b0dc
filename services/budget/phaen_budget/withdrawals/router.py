"""Routes: /v1/budget/withdrawals (request, sign, pay out, cancel)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlmodel import col

from phaen_budget.core.access import visible_clause
from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.errors import (
    AccountNotFound,
    AlreadyPaid,
    BankReferenceUsed,
    InsufficientFunds,
    ProjectClosed,
    ProjectNotFound,
    ProjectSuspended,
)
from phaen_budget.projects.models import Project
from phaen_budget.tables import idempotency_keys
from phaen_budget.withdrawals import service
from phaen_budget.withdrawals.errors import AlreadySigned, NotApproved, NotASignatory, NotPending, WithdrawalNotFound
from phaen_budget.withdrawals.models import Withdrawal
from phaen_budget.withdrawals.schemas import CancelBody, PayoutCreate, WithdrawalCreate, WithdrawalOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import IdempotencyKeyReused, responses
from phaen_common.idempotency import idempotent
from phaen_common.pagination import Page, PageDep, paginate
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyWithdrawalRequest = Annotated[Principal, require_money("budget:write", action="withdrawal.request")]
MoneyWithdrawalSign = Annotated[Principal, require_money("budget:sign", action="withdrawal.sign")]
MoneyWithdrawalPayout = Annotated[Principal, require_money("bank:execute", action="withdrawal.payout")]
MoneyWithdrawalCancel = Annotated[Principal, require_money("budget:write", action="withdrawal.cancel")]

router = APIRouter(prefix="/v1/budget/withdrawals", tags=["withdrawals"])


async def _money(
    request: Request,
    session: Any,
    principal: Principal,
    *,
    action: str,
    entity: str,
    entity_id: Any,
    body: Any,
    status_code: int,
    handler: Any,
) -> Any:
    async with audited_denials(request, session, principal, action=action, entity=entity, entity_id=entity_id):

        async def run() -> WithdrawalOut:
            return await service.withdrawal_out(session=session, w=await handler())

        return await idempotent(
            request=request,
            session=session,
            table=idempotency_keys,
            principal=principal,
            body=body,
            status_code=status_code,
            handler=run,
        )


@router.post(
    "",
    status_code=201,
    response_model=WithdrawalOut,
    responses=responses(
        401,
        403,
        AccountNotFound,
        ProjectNotFound,
        InsufficientFunds,
        ProjectSuspended,
        ProjectClosed,
        IdempotencyKeyReused,
        422,
    ),
)
async def request_withdrawal(
    body: WithdrawalCreate, request: Request, session: SessionDep, principal: MoneyWithdrawalRequest
) -> Any:
    """Request a withdrawal (pending, no signatures yet). Idempotency-Key honoured."""
    return await _money(
        request,
        session,
        principal,
        action="withdrawal.request",
        entity="account",
        entity_id=body.account_id,
        body=body,
        status_code=201,
        handler=lambda: service.request(session=session, principal=principal, data=body),
    )


@router.get("", response_model=Page[WithdrawalOut], responses=responses(401, 403, 422))
async def list_withdrawals(
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
    params: PageDep,
    account_id: uuid.UUID | None = None,
    project_id: uuid.UUID | None = None,
    status: Literal["pending", "approved", "paid", "cancelled"] | None = None,
) -> Page[WithdrawalOut]:
    """Withdrawals within the caller's scope."""
    stmt = (
        select(Withdrawal)
        .join(Project, col(Project.id) == col(Withdrawal.project_id))
        .where(visible_clause(principal, col(Project.region), col(Project.tambon)))
    )
    for column, value in (
        (col(Withdrawal.account_id), account_id),
        (col(Withdrawal.project_id), project_id),
        (col(Withdrawal.status), status),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    rows, total, cursor = await paginate(session, stmt, keys=[col(Withdrawal.id)], params=params)
    items = await service.withdrawal_outs(session=session, withdrawals=rows)
    return Page[WithdrawalOut](items=items, total=total, next_cursor=cursor)


@router.get("/{withdrawal_id}", response_model=WithdrawalOut, responses=responses(401, 403, WithdrawalNotFound, 422))
async def get_withdrawal(
    withdrawal_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> WithdrawalOut:
    """One withdrawal with its current signatures."""
    w = await service.get_visible(session=session, principal=principal, withdrawal_id=withdrawal_id)
    return await service.withdrawal_out(session=session, w=w)


@router.post(
    "/{withdrawal_id}/signatures",
    status_code=201,
    response_model=WithdrawalOut,
    responses=responses(
        401,
        403,
        NotASignatory,
        WithdrawalNotFound,
        AlreadySigned,
        NotPending,
        InsufficientFunds,
        ProjectSuspended,
        ProjectClosed,
        IdempotencyKeyReused,
        422,
    ),
)
async def sign(withdrawal_id: uuid.UUID, request: Request, session: SessionDep, principal: MoneyWithdrawalSign) -> Any:
    """Co-sign as the caller; the signature that reaches the threshold approves it. Answers the withdrawal."""
    return await _money(
        request,
        session,
        principal,
        action="withdrawal.sign",
        entity="withdrawal",
        entity_id=withdrawal_id,
        body={"withdrawal_id": str(withdrawal_id)},
        status_code=201,
        handler=lambda: service.sign(session=session, principal=principal, withdrawal_id=withdrawal_id),
    )


@router.get(
    "/{withdrawal_id}/signatures", response_model=WithdrawalOut, responses=responses(401, 403, WithdrawalNotFound, 422)
)
async def list_signatures(
    withdrawal_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> WithdrawalOut:
    """The withdrawal with its current signatures."""
    w = await service.get_visible(session=session, principal=principal, withdrawal_id=withdrawal_id)
    return await service.withdrawal_out(session=session, w=w)


@router.post(
    "/{withdrawal_id}/payout",
    response_model=WithdrawalOut,
    responses=responses(
        401,
        403,
        WithdrawalNotFound,
        NotApproved,
        AlreadyPaid,
        BankReferenceUsed,
        ProjectSuspended,
        ProjectClosed,
        IdempotencyKeyReused,
        422,
    ),
)
async def payout(
    withdrawal_id: uuid.UUID,
    body: PayoutCreate,
    request: Request,
    session: SessionDep,
    principal: MoneyWithdrawalPayout,
) -> Any:
    """The bank records the payout of an approved withdrawal, once per `bank_reference`."""
    return await _money(
        request,
        session,
        principal,
        action="withdrawal.payout",
        entity="withdrawal",
        entity_id=withdrawal_id,
        body=body,
        status_code=200,
        handler=lambda: service.payout(
            session=session, principal=principal, withdrawal_id=withdrawal_id, bank_reference=body.bank_reference
        ),
    )


@router.post(
    "/{withdrawal_id}/cancel",
    response_model=WithdrawalOut,
    responses=responses(401, 403, WithdrawalNotFound, AlreadyPaid, NotPending, 422),
)
async def cancel(
    withdrawal_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: MoneyWithdrawalCancel,
    body: CancelBody | None = None,
) -> Any:
    """Cancel before payout (request again to change anything: a withdrawal is immutable)."""
    async with audited_denials(
        request, session, principal, action="withdrawal.cancel", entity="withdrawal", entity_id=withdrawal_id
    ):
        w = await service.cancel(
            session=session, principal=principal, withdrawal_id=withdrawal_id, reason=body.reason if body else None
        )
        return await service.withdrawal_out(session=session, w=w)
