"""Proposals: routing by rule (seed §1.4), decisions by the routed committee, line reservations."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.audit import service as audit
from phaen_budget.core.models import utcnow
from phaen_budget.core.schemas import Resolution
from phaen_budget.core.tiers import TierLookup, fiscal_year_of, route_for
from phaen_budget.grants.service import get_line
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.proposals import repository
from phaen_budget.proposals.errors import AlreadyDecided, LineBudgetExceeded, ProposalNotFound, WrongCommittee
from phaen_budget.proposals.models import Proposal
from phaen_budget.proposals.schemas import Decision, ProposalCreate, ProposalOut
from phaen_budget.tables import outbox
from phaen_common.access import Role
from phaen_common.auth import Principal
from phaen_common.outbox import record_event
from phaen_common.pagination import PageParams, paginate

__all__ = ["route_for"]


def proposal_out(p: Proposal) -> ProposalOut:
    resolution = (
        Resolution(number=p.resolution_number, meeting_date=p.resolution_date)
        if p.resolution_number and p.resolution_date
        else None
    )
    return ProposalOut(
        id=p.id,
        project_id=p.project_id,
        amount=p.amount,
        kind=p.kind,
        title=p.title,
        activities=p.activities,
        route=p.route,
        route_rule=p.route_rule,
        tier=p.tier,
        fiscal_year=p.fiscal_year,
        route_total=p.route_total,
        status=p.status,
        resolution=resolution,
        decided_by=p.decided_by,
        decided_at=p.decided_at,
        created_by=p.created_by,
        created_at=p.created_at,
    )


def _event(p: Proposal) -> dict[str, Any]:
    out = proposal_out(p).model_dump(mode="json")
    return {
        k: out[k]
        for k in (
            "id",
            "project_id",
            "amount",
            "kind",
            "title",
            "route",
            "route_rule",
            "status",
            "resolution",
            "tier",
            "fiscal_year",
            "route_total",
        )
    }


async def create_proposal(
    *,
    session: AsyncSession,
    principal: Principal,
    data: ProposalCreate,
    tiers: TierLookup,
    authorization: str | None,
    standards: dict[str, Decimal],
) -> Proposal:
    """Propose spending; the route (and the rule that chose it) is fixed at creation."""
    project = await projects.get_actionable(session=session, principal=principal, project_id=data.project_id)
    projects.ensure_active(project)
    if project.tambon:
        # No row lock is held here: the registry call cannot stall other transactions.
        info = await tiers.lookup(project.tambon, authorization=authorization)
        await projects.refresh_tier(session=session, project=project, tambon_info=info)
    fiscal_year = fiscal_year_of(utcnow())
    year_total = None
    if data.kind == "standard":
        await repository.lock_project_proposals(session=session, project_id=project.id)
        year_total = (
            await repository.standard_total(session=session, project_id=project.id, fiscal_year=fiscal_year)
            + data.amount
        )
    route, rule = route_for(
        kind=data.kind,
        amount=data.amount,
        level=project.level,
        tier=project.tier,
        standards=standards,
        year_total=year_total,
    )
    proposal = Proposal(
        project_id=project.id,
        amount=data.amount,
        kind=data.kind,
        title=data.title,
        activities=data.activities,
        route=route,
        route_rule=rule,
        tier=project.tier,
        fiscal_year=fiscal_year,
        route_total=year_total,
        created_by=principal.sub,
    )
    session.add(proposal)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="proposal.create",
        entity="proposal",
        entity_id=proposal.id,
        after=_event(proposal),
    )
    await record_event(
        session, outbox, type="proposal.created", entity="proposal", entity_id=proposal.id, payload=_event(proposal)
    )
    return proposal


async def list_proposals(
    *,
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    project_id: uuid.UUID | None = None,
    status: str | None = None,
    route: str | None = None,
) -> tuple[list[Any], int, str | None]:
    """One page of the proposals in the caller's scope, filtered."""
    stmt = repository.proposals_stmt(principal=principal, project_id=project_id, status=status, route=route)
    return await paginate(session, stmt, keys=[col(Proposal.id)], params=params)


async def get_visible(
    *, session: AsyncSession, principal: Principal, proposal_id: uuid.UUID, lock: bool = False
) -> tuple[Proposal, Project]:
    """The proposal and its project, if the caller's scope covers it (404 otherwise)."""
    proposal = await session.get(Proposal, proposal_id, with_for_update=lock, populate_existing=lock)
    if proposal is None:
        raise ProposalNotFound()
    project = await projects.project_seen_by(
        session=session, principal=principal, project_id=proposal.project_id, not_found=ProposalNotFound
    )
    return proposal, project


def _may_decide(principal: Principal, *, route: str, region: str | None) -> bool:
    if principal.is_admin:
        return True
    if route == "national":
        return principal.has_role(Role.NATIONAL_COMMITTEE)
    return bool(principal.has_role(Role.REGIONAL_COMMITTEE) and principal.region and principal.region == region)


async def decide(*, session: AsyncSession, principal: Principal, proposal_id: uuid.UUID, data: Decision) -> Proposal:
    """Approve or reject with a resolution; approval reserves the line's budget."""
    proposal, project = await get_visible(session=session, principal=principal, proposal_id=proposal_id)
    if not _may_decide(principal, route=proposal.route, region=project.region):
        raise WrongCommittee(f"This proposal is routed to the {proposal.route} committee.")
    # Lock order: project (share) -> proposal -> line.
    project = await projects.get_visible(session=session, principal=principal, project_id=project.id, lock="share")
    proposal, _ = await get_visible(session=session, principal=principal, proposal_id=proposal_id, lock=True)
    if proposal.status != "pending":
        raise AlreadyDecided()
    before = _event(proposal)
    if data.decision == "approve":
        projects.ensure_active(project)
        line = await get_line(session=session, grant_id=project.grant_id, no=project.line_no, lock=True)
        if line.reserved + proposal.amount > line.planned:
            raise LineBudgetExceeded(f"The line has {line.planned - line.reserved:.2f} left to reserve.")
        line.reserved = line.reserved + proposal.amount
        session.add(line)
    proposal.status = "approved" if data.decision == "approve" else "rejected"
    proposal.resolution_number = data.resolution.number
    proposal.resolution_date = data.resolution.meeting_date
    proposal.decided_by = principal.sub
    proposal.decided_at = utcnow()
    session.add(proposal)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action=f"proposal.{data.decision}",
        entity="proposal",
        entity_id=proposal.id,
        before=before,
        after=_event(proposal),
    )
    await record_event(
        session, outbox, type="proposal.decided", entity="proposal", entity_id=proposal.id, payload=_event(proposal)
    )
    return proposal
