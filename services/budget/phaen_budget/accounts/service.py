"""Accounts: opening with a checked signatory set, deposits and fees (changes: the signatories package)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts import ledger, repository
from phaen_budget.accounts.errors import AccountExists, AccountNameMismatch, EntryNotFound, FeeOwnBankOnly, FeeTooLarge
from phaen_budget.accounts.models import Account, AccountSignatory, LedgerEntry
from phaen_budget.accounts.schemas import AccountCreate, AccountOut, DepositCreate, EntryOut, FeeCreate
from phaen_budget.audit import service as audit
from phaen_budget.core.access import is_own_bank
from phaen_budget.core.constraints import refuse
from phaen_budget.core.enums import Fund, LedgerKind
from phaen_budget.core.errors import AccountNotFound, BankReferenceUsed
from phaen_budget.core.schemas import Resolution
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.signatories.directory import Directory
from phaen_budget.signatories.rules import check_set
from phaen_budget.tables import outbox
from phaen_common.access import ACTS_EVERYWHERE, Role, mask, sees_account_numbers
from phaen_common.auth import Principal
from phaen_common.errors import ProblemError
from phaen_common.outbox import record_event
from phaen_common.pagination import Page, PageParams


def masked(number: str) -> str:
    """An account number with all but its last 4 digits masked (the one masking function)."""
    return mask(number) or ""


def account_event(account: Account, signatories: list[str]) -> dict[str, Any]:
    return {
        "id": account.id,
        "project_id": account.project_id,
        "bank": account.bank,
        "branch": account.branch,
        "name": account.name,
        "number_last4": account.number.replace("-", "")[-4:],
        "threshold": account.threshold,
        "signatory_count": len(signatories),
    }


async def signatories_of(*, session: AsyncSession, account_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """The current signatories of each account, in resolution order (empty without any)."""
    out: dict[uuid.UUID, list[str]] = {account_id: [] for account_id in account_ids}
    if not account_ids:
        return out
    rows = await session.execute(
        select(col(AccountSignatory.account_id), col(AccountSignatory.user_id))
        .where(
            col(AccountSignatory.account_id).in_(account_ids),
            col(AccountSignatory.removed_at).is_(None),
        )
        .order_by(col(AccountSignatory.position))
    )
    for account_id, user_id in rows.all():
        out[account_id].append(user_id)
    return out


async def current_signatories(*, session: AsyncSession, account_id: uuid.UUID) -> list[str]:
    """The current signatories of one account, in resolution order."""
    return (await signatories_of(session=session, account_ids=[account_id]))[account_id]


def account_out(
    *,
    principal: Principal,
    account: Account,
    balance: Decimal,
    interest: Decimal,
    fees: Decimal,
    signatories: list[str],
) -> AccountOut:
    """The account with figures derived from the ledger (the cache is only a lock target)."""
    number = account.number if sees_account_numbers(principal) else masked(account.number)
    return AccountOut(
        id=account.id,
        project_id=account.project_id,
        bank=account.bank,
        branch=account.branch,
        number=number,
        name=account.name,
        type=account.type,
        atm_card=account.atm_card,
        threshold=account.threshold,
        signatories=signatories,
        resolution=Resolution(number=account.resolution_number, meeting_date=account.resolution_date),
        balance=balance,
        interest_balance=interest,
        grant_balance=balance - interest,
        reserved=account.reserved,
        available=balance - account.reserved,
        available_interest=interest - account.reserved_interest,
        fees_owed_by_codi=fees,
        created_at=account.created_at,
    )


async def account_views(
    *, session: AsyncSession, principal: Principal, accounts: Sequence[Account]
) -> list[AccountOut]:
    """A page of accounts: ledger sums and signatories loaded in one query each."""
    ids = [a.id for a in accounts]
    sums = await ledger.sums(session=session, account_ids=ids)
    signatories = await signatories_of(session=session, account_ids=ids)
    return [
        account_out(
            principal=principal,
            account=a,
            balance=sums[a.id][0],
            interest=sums[a.id][1],
            fees=sums[a.id][2],
            signatories=signatories[a.id],
        )
        for a in accounts
    ]


async def account_view(*, session: AsyncSession, principal: Principal, account: Account) -> AccountOut:
    """One account, as a page shows it."""
    return (await account_views(session=session, principal=principal, accounts=[account]))[0]


async def open_account(
    *, session: AsyncSession, principal: Principal, directory: Directory, data: AccountCreate
) -> Account:
    """Open the project's savings account (named exactly as the project, no ATM card), its signatories checked."""
    project = await projects.get_visible(session=session, principal=principal, project_id=data.project_id)
    if data.name != project.name:
        raise AccountNameMismatch("The account name must be exactly the project's name.", loc=["body", "name"])
    persons = await check_set(directory=directory, user_ids=data.signatories)
    account = Account(
        project_id=project.id,
        bank=data.bank,
        branch=data.branch,
        number=data.number,
        name=data.name,
        type=data.type,
        atm_card=data.atm_card,
        threshold=data.threshold,
        resolution_number=data.resolution.number,
        resolution_date=data.resolution.meeting_date,
        created_by=principal.sub,
    )
    session.add(account)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        refuse(exc, {"accounts_project_id_key": AccountExists})
    for i, user_id in enumerate(data.signatories):
        session.add(
            AccountSignatory(
                account_id=account.id,
                user_id=user_id,
                person_id=persons[user_id],
                position=i,
                resolution_number=data.resolution.number,
            )
        )
    await session.flush()
    state = account_event(account, data.signatories)
    audit.record(
        session,
        actor=principal.sub,
        action="account.open",
        entity="account",
        entity_id=account.id,
        after={**state, "signatories": data.signatories},
    )
    await record_event(session, outbox, type="account.opened", entity="account", entity_id=account.id, payload=state)
    return account


async def get_visible(
    *,
    session: AsyncSession,
    principal: Principal,
    account_id: uuid.UUID,
    not_found: type[ProblemError] = AccountNotFound,
) -> Account:
    """The account if the caller reaches it (``core.access``); otherwise the 404 ``not_found``."""
    account = await repository.reachable_account(session=session, principal=principal, account_id=account_id)
    if account is None:
        raise not_found()
    return account


async def list_accounts(
    *, session: AsyncSession, principal: Principal, params: PageParams, project_id: uuid.UUID | None
) -> Page[AccountOut]:
    """A page of the accounts the caller reaches."""
    rows, total, cursor = await repository.page_accounts(
        session=session, principal=principal, params=params, project_id=project_id
    )
    items = await account_views(session=session, principal=principal, accounts=rows)
    return Page[AccountOut](items=items, total=total, next_cursor=cursor)


async def list_entries(
    *, session: AsyncSession, account: Account, params: PageParams, kinds: Sequence[str] | None = None
) -> Page[EntryOut]:
    """A page of a (visible) account's ledger, oldest first."""
    rows, total, cursor = await repository.page_entries(
        session=session, account_id=account.id, params=params, kinds=kinds
    )
    return Page[EntryOut](items=[entry_out(e) for e in rows], total=total, next_cursor=cursor)


async def get_entry(*, session: AsyncSession, account: Account, entry_id: uuid.UUID) -> EntryOut:
    """One ledger entry of a (visible) account (404 ``entry_not_found`` for another account's)."""
    entry = await session.get(LedgerEntry, entry_id)
    if entry is None or entry.account_id != account.id:
        raise EntryNotFound()
    return entry_out(entry)


async def lock_for_money(
    *, session: AsyncSession, principal: Principal, account_id: uuid.UUID, checked: bool = False
) -> tuple[Account, Project]:
    """Lock the account (FOR UPDATE) then its project (FOR SHARE): the lock order of every money action.

    ``checked``: the caller has already verified the caller's scope over this account.
    """
    if not checked:
        await get_visible(session=session, principal=principal, account_id=account_id)
    locked = await session.get(Account, account_id, with_for_update=True, populate_existing=True)
    if locked is None:
        raise AccountNotFound()
    project = await session.get(Project, locked.project_id, with_for_update={"read": True}, populate_existing=True)
    assert project is not None
    return locked, project


def entry_out(entry: LedgerEntry, *, duplicate: bool = False) -> EntryOut:
    return EntryOut.model_validate({**entry.model_dump(), "owed_by": ledger.owed_by(entry), "duplicate": duplicate})


async def deposit(
    *, session: AsyncSession, principal: Principal, account_id: uuid.UUID, data: DepositCreate
) -> EntryOut:
    """Record money coming in; the same bank reference records once (a repeat returns the first entry)."""
    account, project = await lock_for_money(session=session, principal=principal, account_id=account_id)
    if Role.BANK in principal.roles and not any(r in ACTS_EVERYWHERE for r in principal.roles):
        if not is_own_bank(principal, account.bank):
            raise AccountNotFound()
    existing = await ledger.by_reference(session=session, reference=data.bank_reference)
    if existing is not None:
        if (existing.account_id, existing.kind, existing.amount) == (account.id, data.kind, data.amount):
            return entry_out(existing, duplicate=True)
        raise BankReferenceUsed()
    projects.ensure_active(project)
    fund = Fund.INTEREST if data.kind == LedgerKind.INTEREST else Fund.GRANT
    entry = await ledger.post(
        session=session,
        account=account,
        kind=data.kind,
        fund=fund,
        amount=data.amount,
        actor=principal.sub,
        reference=data.bank_reference,
    )
    return entry_out(entry)


async def charge_fee(
    *, session: AsyncSession, principal: Principal, account_id: uuid.UUID, data: FeeCreate, max_fee: Decimal
) -> EntryOut:
    """Record a bank fee: by the account's own bank only, at most ``max_fee``, never from reserved money.

    CODI owes every fee back to the account (seed: CODI pays transfer fees); the entry says so.
    """
    account = await get_visible(session=session, principal=principal, account_id=account_id)
    if not is_own_bank(principal, account.bank):
        raise FeeOwnBankOnly()
    if data.amount > max_fee:
        raise FeeTooLarge(f"A fee is at most {max_fee:,.2f}.", loc=["body", "amount"])
    account, project = await lock_for_money(session=session, principal=principal, account_id=account.id, checked=True)
    existing = await ledger.by_reference(session=session, reference=data.bank_reference)
    if existing is not None:
        if (existing.account_id, existing.kind, existing.amount) == (account.id, LedgerKind.FEE, -data.amount):
            return entry_out(existing, duplicate=True)
        raise BankReferenceUsed()
    projects.ensure_active(project)
    entry = await ledger.post(
        session=session,
        account=account,
        kind=LedgerKind.FEE,
        fund=Fund.GRANT,
        amount=-data.amount,
        actor=principal.sub,
        reference=data.bank_reference,
    )
    return entry_out(entry)
