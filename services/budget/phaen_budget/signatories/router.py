"""Routes: /v1/budget/accounts/{id}/signatories (propose) and /signatory-changes (list, confirm, reject)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request

from phaen_budget.accounts.errors import ResolutionReused
from phaen_budget.accounts.schemas import SignatoryPolicy
from phaen_budget.core.denials import audited_denials
from phaen_budget.core.errors import AccountNotFound
from phaen_budget.signatories import service
from phaen_budget.signatories.directory import DirectoryDep
from phaen_budget.signatories.errors import (
    ChangeNotFound,
    ChangeNotPending,
    ChangePending,
    MakerCannotCheck,
    NotAChecker,
    SamePersonTwice,
    UnknownSignatory,
)
from phaen_budget.signatories.schemas import DecisionBody, SignatoryChangeOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import ServiceUnavailable, responses
from phaen_common.etags import PreconditionFailed, PreconditionRequired
from phaen_common.web import require

router = APIRouter(prefix="/v1/budget/accounts", tags=["signatories"])

Maker = Annotated[Principal, require("budget:admin")]
# budget:approve lets a national committee member in; the service refuses a regional one (403 not_a_checker).
Checker = Annotated[Principal, require("budget:admin", "budget:approve")]
_CHANGE = "/{account_id}/signatory-changes/{change_id}"


@router.put(
    "/{account_id}/signatories",
    status_code=202,
    response_model=SignatoryChangeOut,
    responses=responses(
        401,
        403,
        AccountNotFound,
        ResolutionReused,
        ChangePending,
        UnknownSignatory,
        SamePersonTwice,
        ServiceUnavailable,
        PreconditionFailed,
        PreconditionRequired,
        422,
    ),
)
async def propose_signatories(
    account_id: uuid.UUID,
    body: SignatoryPolicy,
    request: Request,
    session: SessionDep,
    principal: Maker,
    directory: DirectoryDep,
    if_match: Annotated[
        str | None,
        Header(alias="If-Match", description="The ETag of your last GET of the account (428 without it, 412 stale)"),
    ] = None,
) -> SignatoryChangeOut:
    """Propose a new signatory set by resolution (202): it takes effect only when a *different* user with
    budget:admin, or a national committee member, confirms it. Until then the old set stands.

    Send ``If-Match`` with the account's ``ETag`` from your last GET: 428 without it, 412 when the account
    changed since (read it again and check the signatories you are replacing)."""
    async with audited_denials(
        request, session, principal, action="account.signatories.propose", entity="account", entity_id=account_id
    ):
        change = await service.propose(
            session=session,
            principal=principal,
            directory=directory,
            account_id=account_id,
            data=body,
            if_match=if_match,
        )
    return service.change_out(change)


@router.get(
    "/{account_id}/signatory-changes",
    response_model=list[SignatoryChangeOut],
    responses=responses(401, 403, AccountNotFound, 422),
)
async def list_signatory_changes(
    account_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> list[SignatoryChangeOut]:
    """Every signatory change of the account (pending, confirmed, rejected, withdrawn), newest first."""
    changes = await service.list_changes(session=session, principal=principal, account_id=account_id)
    return [service.change_out(c) for c in changes]


@router.post(
    _CHANGE + "/confirm",
    response_model=SignatoryChangeOut,
    responses=responses(
        401,
        403,
        NotAChecker,
        MakerCannotCheck,
        AccountNotFound,
        ChangeNotFound,
        ChangeNotPending,
        UnknownSignatory,
        SamePersonTwice,
        ServiceUnavailable,
        422,
    ),
)
async def confirm_signatory_change(
    account_id: uuid.UUID,
    change_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Checker,
    directory: DirectoryDep,
) -> SignatoryChangeOut:
    """Confirm a pending change (not its proposer): the new set takes effect now and signatures on the
    account's pending withdrawals are void (their version is bumped)."""
    async with audited_denials(
        request,
        session,
        principal,
        action="account.signatories.confirm",
        entity="signatory_change",
        entity_id=change_id,
    ):
        change = await service.confirm(
            session=session, principal=principal, directory=directory, account_id=account_id, change_id=change_id
        )
    return service.change_out(change)


@router.post(
    _CHANGE + "/reject",
    response_model=SignatoryChangeOut,
    responses=responses(401, 403, NotAChecker, AccountNotFound, ChangeNotFound, ChangeNotPending, 422),
)
async def reject_signatory_change(
    account_id: uuid.UUID,
    change_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: Checker,
    body: DecisionBody | None = None,
) -> Any:
    """Reject a pending change (a checker) or withdraw it (its proposer); the signatory set is unchanged."""
    async with audited_denials(
        request, session, principal, action="account.signatories.reject", entity="signatory_change", entity_id=change_id
    ):
        change = await service.reject(
            session=session,
            principal=principal,
            account_id=account_id,
            change_id=change_id,
            reason=body.reason if body else None,
        )
    return service.change_out(change)
