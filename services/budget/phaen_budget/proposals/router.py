"""Routes: /v1/budget/proposals."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Request

from phaen_budget.core.denials import audited_denials, require_money
from phaen_budget.core.errors import ProjectNotFound, ProjectSuspended
from phaen_budget.proposals import service
from phaen_budget.proposals.errors import AlreadyDecided, LineBudgetExceeded, ProposalNotFound, WrongCommittee
from phaen_budget.proposals.schemas import Decision, ProposalCreate, ProposalOut
from phaen_common.auth import Principal
from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_common.pagination import Page, PageDep
from phaen_common.web import require

# Money routes: a caller whose role lacks the scope is refused and the refusal audited.
MoneyProposalDecide = Annotated[Principal, require_money("budget:approve", action="proposal.decide")]

router = APIRouter(prefix="/v1/budget/proposals", tags=["proposals"])


@router.post(
    "",
    status_code=201,
    response_model=ProposalOut,
    responses=responses(401, 403, ProjectNotFound, ProjectSuspended, 422),
)
async def create_proposal(
    body: ProposalCreate,
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, require("budget:write")],
) -> ProposalOut:
    """Propose spending; the answer names the route and the rule (`route_rule`) that chose it."""
    proposal = await service.create_proposal(
        session=session,
        principal=principal,
        data=body,
        tiers=request.app.state.tiers,
        authorization=request.headers.get("authorization"),
        standards=request.app.state.settings.tier_standards(),
    )
    return service.proposal_out(proposal)


@router.get("", response_model=Page[ProposalOut], responses=responses(401, 403, 422))
async def list_proposals(
    session: SessionDep,
    principal: Annotated[Principal, require("budget:read")],
    params: PageDep,
    project_id: uuid.UUID | None = None,
    status: Literal["pending", "approved", "rejected"] | None = None,
    route: Literal["regional", "national"] | None = None,
) -> Page[ProposalOut]:
    """Proposals within the caller's scope."""
    rows, total, cursor = await service.list_proposals(
        session=session, principal=principal, params=params, project_id=project_id, status=status, route=route
    )
    return Page[ProposalOut](items=[service.proposal_out(p) for p in rows], total=total, next_cursor=cursor)


@router.get("/{proposal_id}", response_model=ProposalOut, responses=responses(401, 403, ProposalNotFound, 422))
async def get_proposal(
    proposal_id: uuid.UUID, session: SessionDep, principal: Annotated[Principal, require("budget:read")]
) -> ProposalOut:
    """One proposal (404 outside the caller's scope)."""
    proposal, _ = await service.get_visible(session=session, principal=principal, proposal_id=proposal_id)
    return service.proposal_out(proposal)


@router.post(
    "/{proposal_id}/decision",
    response_model=ProposalOut,
    responses=responses(
        401, 403, WrongCommittee, ProposalNotFound, AlreadyDecided, LineBudgetExceeded, ProjectSuspended, 422
    ),
)
async def decide(
    proposal_id: uuid.UUID, body: Decision, request: Request, session: SessionDep, principal: MoneyProposalDecide
) -> ProposalOut:
    """Approve or reject, citing the committee resolution; approval reserves the line's budget."""
    async with audited_denials(
        request, session, principal, action="proposal.decide", entity="proposal", entity_id=proposal_id
    ):
        proposal = await service.decide(session=session, principal=principal, proposal_id=proposal_id, data=body)
        return service.proposal_out(proposal)
