"""Projects: creation under a grant line, the tier snapshot, suspension and reinstatement."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.audit import service as audit
from phaen_budget.core.access import acts_for, reaches_accounts_beyond_scope, sees
from phaen_budget.core.enums import ProjectStatus
from phaen_budget.core.errors import ProjectClosed, ProjectNotFound, ProjectSuspended
from phaen_budget.core.models import utcnow
from phaen_budget.core.tiers import TambonInfo
from phaen_budget.grants.service import get_grant, get_line
from phaen_budget.projects import repository
from phaen_budget.projects.errors import AlreadySuspended, LineAmountExceeded, NotSuspended
from phaen_budget.projects.models import Project
from phaen_budget.projects.repository import ProjectFilters
from phaen_budget.projects.schemas import ProjectCreate, ProjectOut
from phaen_budget.tables import outbox
from phaen_common.auth import Principal
from phaen_common.errors import ProblemError, Unprocessable
from phaen_common.money import format_money
from phaen_common.outbox import record_event
from phaen_common.pagination import Page, PageParams


def project_state(project: Project) -> dict[str, Any]:
    """The event payload (and audit state) of a project."""
    return {
        "id": project.id,
        "grant_id": project.grant_id,
        "line_no": project.line_no,
        "name": project.name,
        "level": project.level,
        "region": project.region,
        "tambon": project.tambon,
        "tier": project.tier,
        "amount": project.amount,
        "tranches": [format_money(t) for t in project.tranches],
        "status": project.status,
    }


async def create_project(
    *, session: AsyncSession, principal: Principal, data: ProjectCreate, tambon_info: TambonInfo | None
) -> Project:
    """Create a project under a grant line, with the tier snapshot the registry gave (if any)."""
    await get_grant(session=session, grant_id=data.grant_id)
    # The line row lock serialises project creations on the line, so the sum check cannot be raced.
    line = await get_line(session=session, grant_id=data.grant_id, no=data.line_no, lock=data.amount is not None)
    if data.amount is not None:
        committed = await repository.line_committed(session=session, grant_id=data.grant_id, line_no=data.line_no)
        if committed + data.amount > line.planned:
            raise LineAmountExceeded(
                f"Line {line.no} has {max(line.planned - committed, Decimal(0)):,.2f} not yet given to projects."
            )
    region: str | None = data.region
    if data.level == "tambon" and tambon_info is not None and tambon_info.region:
        if region and region != tambon_info.region:
            raise Unprocessable("The tambon is in another region.", loc=["body", "region"])
        region = tambon_info.region
    if data.level == "tambon" and not region:
        raise Unprocessable("The region is required (the registry did not give the tambon's).", loc=["body", "region"])
    project = Project(
        grant_id=data.grant_id,
        line_no=data.line_no,
        name=data.name,
        level=data.level,
        region=region,
        tambon=data.tambon,
        amount=data.amount,
        tranches=[str(t) for t in data.tranches],
        created_by=principal.sub,
        tier=tambon_info.tier if tambon_info else None,
        tier_checked_at=utcnow() if tambon_info else None,
    )
    session.add(project)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="project.create",
        entity="project",
        entity_id=project.id,
        after=project_state(project),
    )
    await record_event(
        session, outbox, type="project.created", entity="project", entity_id=project.id, payload=project_state(project)
    )
    return project


async def get_visible(
    *, session: AsyncSession, principal: Principal, project_id: uuid.UUID, lock: str | None = None
) -> Project:
    """The project if ``principal`` may see it (404 otherwise). ``lock``: None, "share" or "update"."""
    if lock is None:
        project = await session.get(Project, project_id)
    else:
        project = await session.get(
            Project, project_id, populate_existing=True, with_for_update={"read": lock == "share"}
        )
    if project is None or not await _sees_record(session, principal, project):
        raise ProjectNotFound()
    return project


async def _sees_record(session: AsyncSession, principal: Principal, project: Project) -> bool:
    """The project record: its scope, or (bank, signatory) an account of it within the caller's reach."""
    if sees(principal, region=project.region, tambon=project.tambon, what="project"):
        return True
    if not reaches_accounts_beyond_scope(principal):
        return False
    return await repository.has_reached_account(session=session, principal=principal, project_id=project.id)


async def list_projects(
    *, session: AsyncSession, principal: Principal, params: PageParams, filters: ProjectFilters
) -> Page[ProjectOut]:
    """A page of the projects the caller sees."""
    rows, total, cursor = await repository.page_projects(
        session=session, principal=principal, params=params, filters=filters
    )
    return Page[ProjectOut](items=[project_out(p) for p in rows], total=total, next_cursor=cursor)


def project_out(project: Project) -> ProjectOut:
    """The API view of a project."""
    return ProjectOut.model_validate(project, from_attributes=True)


async def project_seen_by(
    *, session: AsyncSession, principal: Principal, project_id: uuid.UUID, not_found: type[ProblemError]
) -> Project:
    """The project if its content (expenses, proposals, reports) is in the caller's scope; else ``not_found``.

    A bank or a signatory reaches accounts, not a project's content: they are out of scope here.
    """
    project = await session.get(Project, project_id)
    if project is None or not sees(principal, region=project.region, tambon=project.tambon):
        raise not_found()
    return project


async def get_actionable(
    *, session: AsyncSession, principal: Principal, project_id: uuid.UUID, lock: str | None = None
) -> Project:
    """The project if ``principal`` may act on it with budget:write (404 outside its tambon)."""
    project = await get_visible(session=session, principal=principal, project_id=project_id, lock=lock)
    if not acts_for(principal, tambon=project.tambon):
        raise ProjectNotFound()
    return project


def ensure_active(project: Project) -> None:
    """Money moves only on an active project (409 ``project_suspended`` / ``project_closed``)."""
    ensure_status(project.status, project.status_reason)


def ensure_status(status: str, reason: str | None) -> None:
    """``ensure_active`` on a project's status and reason as read (the signing path reads them in SQL)."""
    if status == ProjectStatus.SUSPENDED:
        raise ProjectSuspended(f"The project is suspended: {reason}")
    if status == ProjectStatus.CLOSED:
        raise ProjectClosed()


async def set_status(
    *, session: AsyncSession, principal: Principal, project_id: uuid.UUID, suspend: bool, reason: str | None
) -> Project:
    """Suspend (at once) or reinstate a project, recording who and why."""
    # FOR UPDATE waits for money actions holding the row FOR SHARE; none starts after this commits.
    project = await get_visible(session=session, principal=principal, project_id=project_id, lock="update")
    before = project_state(project)
    if suspend and project.status == ProjectStatus.SUSPENDED:
        raise AlreadySuspended()
    if not suspend and project.status != ProjectStatus.SUSPENDED:
        raise NotSuspended()
    if project.status == ProjectStatus.CLOSED:
        raise ProjectClosed()
    project.status = ProjectStatus.SUSPENDED if suspend else ProjectStatus.ACTIVE
    project.status_reason = reason
    project.status_changed_by = principal.sub
    project.status_changed_at = utcnow()
    session.add(project)
    await session.flush()
    action = "project.suspend" if suspend else "project.reinstate"
    audit.record(
        session,
        actor=principal.sub,
        action=action,
        entity="project",
        entity_id=project.id,
        before=before,
        after={**project_state(project), "reason": reason},
    )
    payload = {**project_state(project), "reason": reason, "actor": principal.sub}
    await record_event(
        session,
        outbox,
        type="project.suspended" if suspend else "project.reinstated",
        entity="project",
        entity_id=project.id,
        payload=payload,
    )
    return project


async def close(*, session: AsyncSession, principal: Principal, project_id: uuid.UUID, reason: str | None) -> Project:
    """Close a finished project: no money moves on it again (closed is final)."""
    project = await get_visible(session=session, principal=principal, project_id=project_id, lock="update")
    if project.status == ProjectStatus.CLOSED:
        raise ProjectClosed()
    before = project_state(project)
    project.status = ProjectStatus.CLOSED
    project.status_reason = reason
    project.status_changed_by = principal.sub
    project.status_changed_at = utcnow()
    session.add(project)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="project.close",
        entity="project",
        entity_id=project.id,
        before=before,
        after={**project_state(project), "reason": reason},
    )
    await record_event(
        session,
        outbox,
        type="project.updated",
        entity="project",
        entity_id=project.id,
        payload={**project_state(project), "reason": reason, "actor": principal.sub},
    )
    return project


async def refresh_tier(*, session: AsyncSession, project: Project, tambon_info: TambonInfo | None) -> None:
    """Keep the tier snapshot current when the registry answered."""
    if tambon_info is None or tambon_info.tier == project.tier:
        return
    project.tier = tambon_info.tier
    project.tier_checked_at = utcnow()
    session.add(project)
    await session.flush()
    await record_event(
        session, outbox, type="project.updated", entity="project", entity_id=project.id, payload=project_state(project)
    )


def tranche_shares(project: Project) -> list[Decimal]:
    return [Decimal(str(t)) for t in project.tranches]
