"""Tranches (งวด): release n > 1 only after an activity report for n-1; a release deposits into the account."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.accounts import ledger
from phaen_budget.accounts.models import Account
from phaen_budget.accounts.service import lock_for_money
from phaen_budget.audit import service as audit
from phaen_budget.projects import service as projects
from phaen_budget.projects.models import Project
from phaen_budget.tables import outbox
from phaen_budget.tranches.errors import (
    AccountRequired,
    ActivityReportRequired,
    AlreadyReleased,
    AmountRequired,
    PreviousNotReleased,
    TrancheNotFound,
    TrancheNotReleased,
)
from phaen_budget.tranches.models import ActivityReport, TrancheRelease
from phaen_budget.tranches.schemas import ActivityReportCreate, TrancheOut
from phaen_common.auth import Principal
from phaen_common.events.budget import TrancheBlock
from phaen_common.money import CENT
from phaen_common.outbox import record_event


async def _release_of(session: AsyncSession, project_id: uuid.UUID, n: int) -> TrancheRelease | None:
    return (
        await session.execute(
            select(TrancheRelease).where(col(TrancheRelease.project_id) == project_id, col(TrancheRelease.n) == n)
        )
    ).scalar_one_or_none()


async def _report_count(session: AsyncSession, project_id: uuid.UUID, n: int) -> int:
    return int(
        (
            await session.execute(
                select(func.count())
                .select_from(ActivityReport)
                .where(col(ActivityReport.project_id) == project_id, col(ActivityReport.tranche) == n)
            )
        ).scalar_one()
    )


async def _releases(session: AsyncSession, project_id: uuid.UUID) -> dict[int, TrancheRelease]:
    # UNIQUE (project_id, n): at most one release per tranche.
    rows = await session.execute(select(TrancheRelease).where(col(TrancheRelease.project_id) == project_id))
    return {rel.n: rel for rel in rows.scalars().all()}


async def _report_counts(session: AsyncSession, project_id: uuid.UUID) -> dict[int, int]:
    rows = await session.execute(
        select(col(ActivityReport.tranche), func.count())
        .where(col(ActivityReport.project_id) == project_id)
        .group_by(col(ActivityReport.tranche))
    )
    return {int(n): int(count) for n, count in rows.all()}


def _planned(project: Project, n: int) -> Decimal | None:
    if project.amount is None:
        return None
    return (project.amount * projects.tranche_shares(project)[n - 1] / 100).quantize(CENT)


async def release(
    *, session: AsyncSession, principal: Principal, project_id: uuid.UUID, n: int, amount: Decimal | None
) -> TrancheRelease:
    """Release tranche ``n`` into the project's account."""
    project = await projects.get_visible(session=session, principal=principal, project_id=project_id)
    if not 1 <= n <= len(project.tranches):
        raise TrancheNotFound()
    account_id = (await session.execute(select(col(Account.id)).where(col(Account.project_id) == project.id))).scalar()
    if account_id is None:
        raise AccountRequired()
    # The project's scope was checked above and the account is the project's own.
    account, project = await lock_for_money(session=session, principal=principal, account_id=account_id, checked=True)
    projects.ensure_active(project)
    if await _release_of(session, project.id, n) is not None:
        raise AlreadyReleased()
    if n > 1:
        if await _release_of(session, project.id, n - 1) is None:
            raise PreviousNotReleased()
        if await _report_count(session, project.id, n - 1) == 0:
            raise ActivityReportRequired(f"Tranche {n} needs an activity report for tranche {n - 1}.")
    value = amount if amount is not None else _planned(project, n)
    if value is None:
        raise AmountRequired(loc=["body", "amount"])
    # The reference is unique in the ledger: a second release of the same tranche cannot book twice.
    entry = await ledger.post(
        session=session,
        account=account,
        kind="tranche",
        fund="grant",
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
        released_by=principal.sub,
    )
    session.add(rel)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        raise AlreadyReleased() from exc
    payload = {
        "project_id": project.id,
        "n": n,
        "amount": value,
        "account_id": account.id,
        "released_at": rel.released_at,
    }
    audit.record(
        session, actor=principal.sub, action="tranche.release", entity="tranche", entity_id=rel.id, after=payload
    )
    await record_event(session, outbox, type="tranche.released", entity="tranche", entity_id=rel.id, payload=payload)
    return rel


async def tranche_view(*, session: AsyncSession, project: Project) -> list[TrancheOut]:
    """Every tranche of the project: state and what blocks the next release."""
    has_account = (await session.execute(select(col(Account.id)).where(col(Account.project_id) == project.id))).scalar()
    releases = await _releases(session, project.id)
    report_counts = await _report_counts(session, project.id)
    out: list[TrancheOut] = []
    prev_released, prev_reports = True, 1
    for i, share in enumerate(projects.tranche_shares(project), start=1):
        rel = releases.get(i)
        reports = report_counts.get(i, 0)
        blocked: str | None = None
        if rel is None:
            if project.status != "active":
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
                activity_reports=reports,
                blocked_by=blocked,
            )
        )
        prev_released, prev_reports = rel is not None, reports
    return out


async def submit_report(
    *, session: AsyncSession, principal: Principal, project_id: uuid.UUID, data: ActivityReportCreate
) -> ActivityReport:
    """An activity summary for a released tranche (it unlocks the next one)."""
    project = await projects.get_actionable(session=session, principal=principal, project_id=project_id)
    if not 1 <= data.tranche <= len(project.tranches):
        raise TrancheNotFound()
    if await _release_of(session, project.id, data.tranche) is None:
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
