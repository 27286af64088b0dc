"""Routes: /v1/budget/accounts (accounts, signatories, deposits, fees, ledger)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from phaen_budget.accounts import service
from phaen_budget.accounts.errors import AccountExists, AccountNameMismatch, EntryNotFound, FeeOwnBankOnly, FeeTooLarge
from phaen_budget.accounts.models import Account
from phaen_budget.accounts.schemas import AccountCreate, AccountOut, DepositCreate, EntryOut, FeeCreate
from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.enums import LedgerKind
from phaen_budget.core.errors import (
    AccountNotFound,
    BalanceLimitExceeded,
    BankReferenceUsed,
    InsufficientFunds,
    ProjectClosed,
    ProjectNotFound,
    ProjectSuspended,
)
from phaen_budget.signatories.directory import DirectoryDep
from phaen_budget.signatories.errors import SamePersonTwice, UnknownSignatory
from phaen_budget.tables import idempotency_keys
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import IdempotencyKeyReused, ServiceUnavailable, responses
from phaen_common.idempotency import idempotent
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyAccountDeposit = Annotated[Principal, require_money("bank:execute", "budget:admin", action="account.deposit")]
# A fee: only a bank may (the secretariat cannot: 403); the service then requires the account's own bank.
MoneyAccountFee = Annotated[Principal, require_money("bank:execute", action="account.fee")]
Reader = Annotated[Principal, require("budget:read")]


async def visible_account(account_id: uuid.UUID, session: SessionDep, principal: Reader) -> Account:
    """The account of the path, loaded once, if the caller reaches it (404 otherwise)."""
    return await service.get_visible(session=session, principal=principal, account_id=account_id)


VisibleAccount = Annotated[Account, Depends(visible_account)]

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
    """Accounts within the caller's reach (a bank: its own bank's; a signatory: those listing it)."""
    return await service.list_accounts(session=session, principal=principal, params=params, project_id=project_id)


@router.get("/{account_id}", response_model=AccountOut, responses=responses(401, 403, AccountNotFound, 422))
async def get_account(account: VisibleAccount, session: SessionDep, principal: Reader) -> AccountOut:
    """The account: `balance` from the ledger, `available` = balance less approved, unpaid withdrawals."""
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
        401,
        403,
        AccountNotFound,
        ProjectSuspended,
        ProjectClosed,
        BankReferenceUsed,
        BalanceLimitExceeded,
        IdempotencyKeyReused,
        422,
    ),
)
async def deposit(
    account_id: uuid.UUID, body: DepositCreate, request: Request, session: SessionDep, principal: MoneyAccountDeposit
) -> Any:
    """Record a transfer or interest in (a bank: at its own bank's accounts only, else 404); the same
    `bank_reference` twice records once. Idempotency-Key honoured."""
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
        FeeOwnBankOnly,
        AccountNotFound,
        ProjectSuspended,
        ProjectClosed,
        BankReferenceUsed,
        InsufficientFunds,
        BalanceLimitExceeded,
        IdempotencyKeyReused,
        FeeTooLarge,
    ),
)
async def charge_fee(
    account_id: uuid.UUID, body: FeeCreate, request: Request, session: SessionDep, principal: MoneyAccountFee
) -> Any:
    """Record a bank fee debited from the account: only by the account's own bank, at most `PHAEN_FEE_MAX_AMOUNT`
    (default 500.00), never from money reserved for approved withdrawals. CODI owes each fee back to the account
    (`owed_by: "CODI"`; the account shows `fees_owed_by_codi`). Idempotency-Key honoured."""
    return await _money(
        request,
        session,
        principal,
        action="account.fee",
        account_id=account_id,
        body=body,
        handler=lambda: service.charge_fee(
            session=session,
            principal=principal,
            account_id=account_id,
            data=body,
            max_fee=request.app.state.settings.fee_max_amount,
        ),
    )


@router.get("/{account_id}/ledger", response_model=Page[EntryOut], responses=responses(401, 403, AccountNotFound, 422))
async def list_ledger(account: VisibleAccount, session: SessionDep, params: PageDep) -> Page[EntryOut]:
    """Every ledger entry of the account, oldest first."""
    return await service.list_entries(session=session, account=account, params=params)


@router.get(
    "/{account_id}/deposits", response_model=Page[EntryOut], responses=responses(401, 403, AccountNotFound, 422)
)
async def list_deposits(account: VisibleAccount, session: SessionDep, params: PageDep) -> Page[EntryOut]:
    """Money in: transfers, interest and tranche releases."""
    kinds = (LedgerKind.TRANSFER, LedgerKind.INTEREST, LedgerKind.TRANCHE)
    return await service.list_entries(session=session, account=account, params=params, kinds=kinds)


@router.get(
    "/{account_id}/deposits/{entry_id}",
    response_model=EntryOut,
    responses=responses(401, 403, AccountNotFound, EntryNotFound, 422),
)
async def get_deposit(account: VisibleAccount, entry_id: uuid.UUID, session: SessionDep) -> EntryOut:
    """One ledger entry of the account."""
    return await service.get_entry(session=session, account=account, entry_id=entry_id)
