"""Tranches (งวด): release n > 1 only after an activity report for n-1; a release deposits into the account."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from phaen_budget.accounts import ledger
from phaen_budget.accounts.service import lock_for_money
from phaen_budget.audit import service as audit
from phaen_budget.core.constraints import refuse
from phaen_budget.core.enums import Fund, LedgerKind, ProjectStatus
from phaen_budget.core.schemas import Resolution
from phaen_budget.grants.service import get_line
from phaen_budget.projects import repository as projects_repository
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.tables import outbox
from phaen_budget.tranches import repository
from phaen_budget.tranches.errors import (
    AccountRequired,
    ActivityReportRequired,
    AlreadyReleased,
    AmountRequired,
    PreviousNotReleased,
    ReportNotFound,
    TrancheAmountExceeded,
    TrancheNotFound,
    TrancheNotReleased,
)
from phaen_budget.tranches.models import ActivityReport, TrancheRelease
from phaen_budget.tranches.schemas import ActivityReportCreate, ActivityReportOut, TrancheOut
from phaen_common.auth import Principal
from phaen_common.events.budget import TrancheBlock
from phaen_common.money import CENT
from phaen_common.outbox import record_event
from phaen_common.pagination import Page, PageParams

ZERO = Decimal("0.00")


def _planned(project: Project, n: int) -> Decimal | None:
    if project.amount is None:
        return None
    return (project.amount * projects.tranche_shares(project)[n - 1] / 100).quantize(CENT)


async def _bound(session: AsyncSession, project: Project, n: int) -> Decimal:
    """The most tranche ``n`` may release now.

    With a project amount: the tranche's share of it less what the tranche already released. Without one:
    what the project's grant line has not committed (its projects' amounts and its releases into projects
    without an amount); the line is locked so two such releases cannot both take the same rest.
    """
    planned = _planned(project, n)
    if planned is not None:
        rel = await repository.release_of(session=session, project_id=project.id, n=n)
        return planned - (rel.amount if rel else ZERO)
    line = await get_line(session=session, grant_id=project.grant_id, no=project.line_no, lock=True)
    committed = await projects_repository.line_committed(
        session=session, grant_id=project.grant_id, line_no=project.line_no
    )
    return line.planned - committed


async def release(
    *,
    session: AsyncSession,
    principal: Principal,
    project_id: uuid.UUID,
    n: int,
    amount: Decimal | None,
    resolution: Resolution,
) -> TrancheRelease:
    """Release tranche ``n`` into the project's account, within its bound, citing the resolution."""
    project = await projects.get_visible(session=session, principal=principal, project_id=project_id)
    if not 1 <= n <= len(project.tranches):
        raise TrancheNotFound()
    account_id = await repository.account_id_of(session=session, project_id=project.id)
    if account_id is None:
        raise AccountRequired()
    # The project's scope was checked above and the account is the project's own.
    account, project = await lock_for_money(session=session, principal=principal, account_id=account_id, checked=True)
    projects.ensure_active(project)
    if await repository.release_of(session=session, project_id=project.id, n=n) is not None:
        raise AlreadyReleased()
    if n > 1:
        if await repository.release_of(session=session, project_id=project.id, n=n - 1) is None:
            raise PreviousNotReleased()
        if (await repository.report_counts(session=session, project_id=project.id)).get(n - 1, 0) == 0:
            raise ActivityReportRequired(f"Tranche {n} needs an activity report for tranche {n - 1}.")
    value = amount if amount is not None else _planned(project, n)
    if value is None:
        raise AmountRequired(loc=["body", "amount"])
    bound = await _bound(session, project, n)
    if value > bound:
        raise TrancheAmountExceeded(f"Tranche {n} may release at most {max(bound, ZERO):,.2f}.")
    # An internal reference, unique in the ledger and out of the banks' namespace: never booked twice.
    entry = await ledger.post(
        session=session,
        account=account,
        kind=LedgerKind.TRANCHE,
        fund=Fund.GRANT,
        amount=value,
        actor=principal.sub,
        internal_reference=f"tranche:{project.id}:{n}",
    )
    rel = TrancheRelease(
        project_id=project.id,
        n=n,
        amount=value,
        account_id=account.id,
        ledger_entry_id=entry.id,
        resolution_number=resolution.number,
        resolution_date=resolution.meeting_date,
        released_by=principal.sub,
    )
    session.add(rel)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        refuse(exc, {"tranche_releases_project_id_key": AlreadyReleased})
    payload = {
        "project_id": project.id,
        "n": n,
        "amount": value,
        "account_id": account.id,
        "released_at": rel.released_at,
        "resolution": {"number": resolution.number, "meeting_date": resolution.meeting_date},
    }
    audit.record(
        session, actor=principal.sub, action="tranche.release", entity="tranche", entity_id=rel.id, after=payload
    )
    await record_event(session, outbox, type="tranche.released", entity="tranche", entity_id=rel.id, payload=payload)
    return rel


async def release_and_view(
    *,
    session: AsyncSession,
    principal: Principal,
    project_id: uuid.UUID,
    n: int,
    amount: Decimal | None,
    resolution: Resolution,
) -> TrancheOut:
    """Release tranche ``n`` and answer with its view."""
    await release(
        session=session, principal=principal, project_id=project_id, n=n, amount=amount, resolution=resolution
    )
    project = await projects.get_visible(session=session, principal=principal, project_id=project_id)
    return (await tranche_view(session=session, project=project))[n - 1]


def _resolution(rel: TrancheRelease | None) -> Resolution | None:
    if rel is None or rel.resolution_number is None or rel.resolution_date is None:
        return None
    return Resolution.model_construct(number=rel.resolution_number, meeting_date=rel.resolution_date)


async def tranche_view(*, session: AsyncSession, project: Project) -> list[TrancheOut]:
    """Every tranche of the project: state and what blocks the next release."""
    has_account = await repository.account_id_of(session=session, project_id=project.id)
    releases = await repository.releases(session=session, project_id=project.id)
    report_counts = await repository.report_counts(session=session, project_id=project.id)
    out: list[TrancheOut] = []
    prev_released, prev_reports = True, 1
    for i, share in enumerate(projects.tranche_shares(project), start=1):
        rel = releases.get(i)
        reports = report_counts.get(i, 0)
        blocked: str | None = None
        if rel is None:
            if project.status != ProjectStatus.ACTIVE:
                blocked = f"project_{project.status}"
            elif has_account is None:
                blocked = TrancheBlock.ACCOUNT_REQUIRED
            elif not prev_released:
                blocked = TrancheBlock.PREVIOUS_TRANCHE_NOT_RELEASED
            elif i > 1 and prev_reports == 0:
                blocked = TrancheBlock.ACTIVITY_REPORT_REQUIRED
        out.append(
            TrancheOut(
                project_id=project.id,
                n=i,
                share=share,
                planned=_planned(project, i),
                released=rel is not None,
                amount=rel.amount if rel else None,
                account_id=rel.account_id if rel else None,
                released_at=rel.released_at if rel else None,
                resolution=_resolution(rel),
                activity_reports=reports,
                blocked_by=blocked,
            )
        )
        prev_released, prev_reports = rel is not None, reports
    return out


async def submit_report(
    *, session: AsyncSession, principal: Principal, project_id: uuid.UUID, data: ActivityReportCreate
) -> ActivityReport:
    """An activity summary for a released tranche (it unlocks the next one); none on a suspended project."""
    # FOR SHARE: a suspension waits for this report, and none is submitted after it (409).
    project = await projects.get_actionable(session=session, principal=principal, project_id=project_id, lock="share")
    projects.ensure_active(project)
    if not 1 <= data.tranche <= len(project.tranches):
        raise TrancheNotFound()
    if await repository.release_of(session=session, project_id=project.id, n=data.tranche) is None:
        raise TrancheNotReleased()
    details: dict[str, Any] = dict(data.model_extra or {})
    report = ActivityReport(
        project_id=project.id, tranche=data.tranche, summary=data.summary, details=details, submitted_by=principal.sub
    )
    session.add(report)
    await session.flush()
    payload = {
        "id": report.id,
        "project_id": project.id,
        "tranche": report.tranche,
        "submitted_at": report.submitted_at,
    }
    audit.record(
        session,
        actor=principal.sub,
        action="activity_report.submit",
        entity="activity_report",
        entity_id=report.id,
        after=payload,
    )
    await record_event(
        session,
        outbox,
        type="activity_report.submitted",
        entity="activity_report",
        entity_id=report.id,
        payload=payload,
    )
    return report


def report_out(report: ActivityReport) -> ActivityReportOut:
    """The API view of an activity report."""
    return ActivityReportOut.model_validate(report, from_attributes=True)


async def list_reports(*, session: AsyncSession, project: Project, params: PageParams) -> Page[ActivityReportOut]:
    """A page of a (visible) project's activity reports."""
    rows, total, cursor = await repository.page_reports(session=session, project_id=project.id, params=params)
    return Page[ActivityReportOut](items=[report_out(r) for r in rows], total=total, next_cursor=cursor)


async def get_report(*, session: AsyncSession, project: Project, report_id: uuid.UUID) -> ActivityReportOut:
    """One activity report of a (visible) project."""
    report = await session.get(ActivityReport, report_id)
    if report is None or report.project_id != project.id:
        raise ReportNotFound()
    return report_out(report)
