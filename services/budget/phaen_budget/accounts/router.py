"""Routes: /v1/budget/accounts (accounts, signatories, deposits, fees, ledger)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlmodel import col

from phaen_budget.accounts import service
from phaen_budget.accounts.errors import AccountExists, AccountNameMismatch, EntryNotFound
from phaen_budget.accounts.models import Account, LedgerEntry
from phaen_budget.accounts.schemas import AccountCreate, AccountOut, DepositCreate, EntryOut, FeeCreate
from phaen_budget.core.access import visible_clause
from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.errors import (
    AccountNotFound,
    BankReferenceUsed,
    InsufficientFunds,
    ProjectClosed,
    ProjectNotFound,
    ProjectSuspended,
)
from phaen_budget.projects.models import Project
from phaen_budget.signatories.directory import DirectoryDep
from phaen_budget.signatories.errors import SamePersonTwice, UnknownSignatory
from phaen_budget.tables import idempotency_keys
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import IdempotencyKeyReused, ServiceUnavailable, responses
from phaen_common.idempotency import idempotent
from phaen_common.pagination import Page, PageDep, PageParams, paginate
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyAccountDeposit = Annotated[Principal, require_money("bank:execute", "budget:admin", action="account.deposit")]
MoneyAccountFee = Annotated[Principal, require_money("bank:execute", "budget:admin", action="account.fee")]

router = APIRouter(prefix="/v1/budget/accounts", tags=["accounts"])


@router.post(
    "",
    status_code=201,
    response_model=AccountOut,
    responses=responses(
        401,
        403,
        ProjectNotFound,
        AccountExists,
        AccountNameMismatch,
        UnknownSignatory,
        SamePersonTwice,
        ServiceUnavailable,
        422,
    ),
)
async def open_account(
    body: AccountCreate,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:admin")],
    directory: DirectoryDep,
) -> AccountOut:
    """Open a project's savings account with its signatories (default 2 of 3) set by resolution.

    Each signatory is an enabled gateway user with the signatory role, linked to a distinct registry person
    with a valid national ID (422 `unknown_signatory` / `same_person_twice`, naming the ids)."""
    account = await service.open_account(session=session, principal=principal, directory=directory, data=body)
    return await service.account_view(session=session, principal=principal, account=account)


@router.get("", response_model=Page[AccountOut], responses=responses(401, 403, 422))
async def list_accounts(
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
    params: PageDep,
    project_id: uuid.UUID | None = None,
) -> Page[AccountOut]:
    """Accounts within the caller's scope."""
    stmt = (
        select(Account)
        .join(Project, col(Project.id) == col(Account.project_id))
        .where(visible_clause(principal, col(Project.region), col(Project.tambon)))
    )
    if project_id is not None:
        stmt = stmt.where(col(Account.project_id) == project_id)
    rows, total, cursor = await paginate(session, stmt, keys=[col(Account.id)], params=params)
    items = await service.account_views(session=session, principal=principal, accounts=rows)
    return Page[AccountOut](items=items, total=total, next_cursor=cursor)


@router.get("/{account_id}", response_model=AccountOut, responses=responses(401, 403, AccountNotFound, 422))
async def get_account(
    account_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> AccountOut:
    """The account: `balance` from the ledger, `available` = balance less approved, unpaid withdrawals."""
    account = await service.get_visible(session=session, principal=principal, account_id=account_id)
    return await service.account_view(session=session, principal=principal, account=account)


async def _money(
    request: Request, session: Any, principal: Principal, *, action: str, account_id: uuid.UUID, body: Any, handler: Any
) -> Any:
    async with audited_denials(request, session, principal, action=action, entity="account", entity_id=account_id):
        return await idempotent(
            request=request,
            session=session,
            table=idempotency_keys,
            principal=principal,
            body=body,
            status_code=201,
            handler=handler,
        )


@router.post(
    "/{account_id}/deposits",
    status_code=201,
    response_model=EntryOut,
    responses=responses(
        401, 403, AccountNotFound, ProjectSuspended, ProjectClosed, BankReferenceUsed, IdempotencyKeyReused, 422
    ),
)
async def deposit(
    account_id: uuid.UUID, body: DepositCreate, request: Request, session: SessionDep, principal: MoneyAccountDeposit
) -> Any:
    """Record a transfer or interest in; the same `bank_reference` twice records once. Idempotency-Key honoured."""
    return await _money(
        request,
        session,
        principal,
        action="account.deposit",
        account_id=account_id,
        body=body,
        handler=lambda: service.deposit(session=session, principal=principal, account_id=account_id, data=body),
    )


@router.post(
    "/{account_id}/fees",
    status_code=201,
    response_model=EntryOut,
    responses=responses(
        401,
        403,
        AccountNotFound,
        ProjectSuspended,
        ProjectClosed,
        BankReferenceUsed,
        InsufficientFunds,
        IdempotencyKeyReused,
        422,
    ),
)
async def charge_fee(
    account_id: uuid.UUID, body: FeeCreate, request: Request, session: SessionDep, principal: MoneyAccountFee
) -> Any:
    """Record a bank fee debited from the account. Idempotency-Key honoured."""
    return await _money(
        request,
        session,
        principal,
        action="account.fee",
        account_id=account_id,
        body=body,
        handler=lambda: service.charge_fee(session=session, principal=principal, account_id=account_id, data=body),
    )


async def _entries(
    session: Any, principal: Principal, account_id: uuid.UUID, params: PageParams, kinds: tuple[str, ...] | None
) -> Page[EntryOut]:
    await service.get_visible(session=session, principal=principal, account_id=account_id)
    stmt = select(LedgerEntry).where(col(LedgerEntry.account_id) == account_id)
    if kinds:
        stmt = stmt.where(col(LedgerEntry.kind).in_(kinds))
    rows, total, cursor = await paginate(session, stmt, keys=[col(LedgerEntry.seq)], params=params)
    return Page[EntryOut](items=[service.entry_out(e) for e in rows], total=total, next_cursor=cursor)


@router.get("/{account_id}/ledger", response_model=Page[EntryOut], responses=responses(401, 403, AccountNotFound, 422))
async def list_ledger(
    account_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")], params: PageDep
) -> Page[EntryOut]:
    """Every ledger entry of the account, oldest first."""
    return await _entries(session, principal, account_id, params, None)


@router.get(
    "/{account_id}/deposits", response_model=Page[EntryOut], responses=responses(401, 403, AccountNotFound, 422)
)
async def list_deposits(
    account_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")], params: PageDep
) -> Page[EntryOut]:
    """Money in: transfers, interest and tranche releases."""
    return await _entries(session, principal, account_id, params, ("transfer", "interest", "tranche"))


@router.get(
    "/{account_id}/deposits/{entry_id}",
    response_model=EntryOut,
    responses=responses(401, 403, AccountNotFound, EntryNotFound, 422),
)
async def get_deposit(
    account_id: uuid.UUID,
    entry_id: uuid.UUID,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
) -> EntryOut:
    """One ledger entry of the account."""
    await service.get_visible(session=session, principal=principal, account_id=account_id)
    entry = await session.get(LedgerEntry, entry_id)
    if entry is None or entry.account_id != account_id:
        raise EntryNotFound()
    return service.entry_out(entry)
