"""Signatory sets: who may be a signatory, and maker-checker changes of the set.

The gateway and registry are asked (over HTTP) before any row is locked; the account row is then locked
FOR UPDATE, so a confirmation and a proposal or a second confirmation of the same account are serialised,
and the pending change is re-read under that lock (a second confirm finds it confirmed: 409).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.accounts.errors import ResolutionReused
from phaen_budget.accounts.models import Account
from phaen_budget.accounts.schemas import SignatoryPolicy
from phaen_budget.accounts.service import (
    account_event,
    account_view,
    current_signatories,
    get_visible,
    lock_for_money,
)
from phaen_budget.audit import service as audit
from phaen_budget.core.models import utcnow
from phaen_budget.core.schemas import Resolution
from phaen_budget.signatories import repository
from phaen_budget.signatories.directory import Directory
from phaen_budget.signatories.errors import (
    ChangeNotFound,
    ChangeNotPending,
    ChangePending,
    MakerCannotCheck,
    NotAChecker,
)
from phaen_budget.signatories.models import SignatoryChange
from phaen_budget.signatories.rules import check_set
from phaen_budget.signatories.schemas import SignatoryChangeOut, SignatoryMember
from phaen_budget.tables import outbox
from phaen_common.access import Role
from phaen_common.auth import Principal
from phaen_common.etags import check_if_match, etag_for
from phaen_common.outbox import record_event


def change_out(change: SignatoryChange) -> SignatoryChangeOut:
    """The API view of a change."""
    return SignatoryChangeOut(
        id=change.id,
        account_id=change.account_id,
        signatories=[m["user_id"] for m in change.members],
        members=[SignatoryMember(user_id=m["user_id"], person_id=m.get("person_id")) for m in change.members],
        threshold=change.threshold,
        resolution=Resolution(number=change.resolution_number, meeting_date=change.resolution_date),
        status=change.status,
        proposed_by=change.proposed_by,
        proposed_at=change.proposed_at,
        decided_by=change.decided_by,
        decided_at=change.decided_at,
        reason=change.reason,
    )


def _state(change: SignatoryChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "account_id": change.account_id,
        "signatories": [m["user_id"] for m in change.members],
        "threshold": change.threshold,
        "resolution_number": change.resolution_number,
        "status": change.status,
    }


async def _record(session: AsyncSession, *, actor: str, change: SignatoryChange, what: str, before: Any = None) -> None:
    audit.record(
        session,
        actor=actor,
        action=f"account.signatory_change.{what}",
        entity="signatory_change",
        entity_id=change.id,
        before=before,
        after=_state(change),
    )
    await record_event(
        session,
        outbox,
        type=f"account.signatory_change_{what}",
        entity="account",
        entity_id=change.account_id,
        payload={"change_id": change.id, "account_id": change.account_id, "status": change.status},
    )


async def propose(
    *,
    session: AsyncSession,
    principal: Principal,
    directory: Directory,
    account_id: uuid.UUID,
    data: SignatoryPolicy,
    if_match: str | None = None,
) -> SignatoryChange:
    """Propose a new signatory set (pending until a different user confirms it); the old set stands meanwhile.

    ``if_match`` must name the account as this caller last read it (428 missing, 412 stale): the proposal
    replaces a set the maker has seen, not one changed under them."""
    await get_visible(session=session, principal=principal, account_id=account_id)
    persons = await check_set(directory=directory, user_ids=data.signatories)
    account, _ = await lock_for_money(session=session, principal=principal, account_id=account_id, checked=True)
    check_if_match(if_match, etag_for(await account_view(session=session, principal=principal, account=account)))
    if data.resolution.number == account.resolution_number:
        raise ResolutionReused("Cite the resolution of the meeting that changed the signatories.")
    if await repository.pending_change(session=session, account_id=account.id) is not None:
        raise ChangePending("Confirm, reject or withdraw the pending change first.")
    change = SignatoryChange(
        account_id=account.id,
        members=[{"user_id": u, "person_id": persons[u]} for u in data.signatories],
        threshold=data.threshold,
        resolution_number=data.resolution.number,
        resolution_date=data.resolution.meeting_date,
        proposed_by=principal.sub,
        proposed_by_person=principal.person_id,
    )
    session.add(change)
    try:
        await session.flush()
    except IntegrityError as exc:  # the one-pending index: a concurrent proposal won
        raise ChangePending() from exc
    await _record(session, actor=principal.sub, change=change, what="proposed")
    return change


async def list_changes(*, session: AsyncSession, principal: Principal, account_id: uuid.UUID) -> list[SignatoryChange]:
    """The account's signatory changes, newest first."""
    await get_visible(session=session, principal=principal, account_id=account_id)
    return await repository.changes_of(session=session, account_id=account_id)


def _ensure_checker(principal: Principal, change: SignatoryChange) -> None:
    if not (principal.has_scope("budget:admin") or principal.has_role(Role.NATIONAL_COMMITTEE)):
        raise NotAChecker()
    same_person = principal.person_id is not None and principal.person_id == change.proposed_by_person
    if principal.sub == change.proposed_by or same_person:
        raise MakerCannotCheck()


async def _locked_change(
    session: AsyncSession, principal: Principal, account_id: uuid.UUID, change_id: uuid.UUID
) -> tuple[Account, SignatoryChange]:
    # The caller has already checked the account's scope: lock the account, then the change.
    account, _ = await lock_for_money(session=session, principal=principal, account_id=account_id, checked=True)
    change = await session.get(SignatoryChange, change_id, with_for_update=True, populate_existing=True)
    if change is None or change.account_id != account.id:
        raise ChangeNotFound()
    return account, change


async def _found(session: AsyncSession, account_id: uuid.UUID, change_id: uuid.UUID) -> SignatoryChange:
    change = await session.get(SignatoryChange, change_id)
    if change is None or change.account_id != account_id:
        raise ChangeNotFound()
    return change


async def confirm(
    *,
    session: AsyncSession,
    principal: Principal,
    directory: Directory,
    account_id: uuid.UUID,
    change_id: uuid.UUID,
) -> SignatoryChange:
    """A second user confirms: the new set takes effect; signatures on pending withdrawals are void."""
    await get_visible(session=session, principal=principal, account_id=account_id)
    found = await _found(session, account_id, change_id)
    _ensure_checker(principal, found)
    # The members are checked again (one may have been disabled since), before any lock is taken.
    await check_set(directory=directory, user_ids=[m["user_id"] for m in found.members])
    account, change = await _locked_change(session, principal, account_id, change_id)
    if change.status != "pending":
        raise ChangeNotPending(f"The change is {change.status}.")
    before = await current_signatories(session=session, account_id=account.id)
    now = utcnow()
    await repository.replace_members(session=session, account_id=account.id, change=change, now=now)
    voided = await repository.void_pending_signatures(session=session, account_id=account.id, now=now)
    account.threshold = change.threshold
    account.resolution_number = change.resolution_number
    account.resolution_date = change.resolution_date
    change.status, change.decided_by, change.decided_at = "confirmed", principal.sub, now
    session.add(account)
    session.add(change)
    await session.flush()
    after = [m["user_id"] for m in change.members]
    audit.record(
        session,
        actor=principal.sub,
        action="account.signatories",
        entity="account",
        entity_id=account.id,
        before={"signatories": before},
        after={"signatories": after, "threshold": account.threshold, "voided_withdrawals": voided},
    )
    await _record(session, actor=principal.sub, change=change, what="confirmed")
    await record_event(
        session,
        outbox,
        type="account.updated",
        entity="account",
        entity_id=account.id,
        payload=account_event(account, after),
    )
    return change


async def reject(
    *, session: AsyncSession, principal: Principal, account_id: uuid.UUID, change_id: uuid.UUID, reason: str | None
) -> SignatoryChange:
    """The proposer withdraws a pending change, or a checker rejects it; the set is unchanged."""
    await get_visible(session=session, principal=principal, account_id=account_id)
    found = await _found(session, account_id, change_id)
    own = principal.sub == found.proposed_by
    if not own:
        try:
            _ensure_checker(principal, found)
        except MakerCannotCheck:
            own = True  # another user id of the proposer's own person: a withdrawal, not a check
    _, change = await _locked_change(session, principal, account_id, change_id)
    if change.status != "pending":
        raise ChangeNotPending(f"The change is {change.status}.")
    change.status = "withdrawn" if own else "rejected"
    change.decided_by, change.decided_at, change.reason = principal.sub, utcnow(), reason
    session.add(change)
    await session.flush()
    await _record(session, actor=principal.sub, change=change, what=change.status)
    return change
