"""Grants and plan lines: the planned sum may never exceed the grant; everything else is derived."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_budget.audit import service as audit
from phaen_budget.expenses.models import Expense
from phaen_budget.grants.errors import GrantNotFound, LineExists, LineNotFound, OverAllocated
from phaen_budget.grants.models import Grant, GrantLine
from phaen_budget.grants.schemas import (
    Cofunding,
    FiscalPeriod,
    GrantCreate,
    GrantOut,
    GrantTotals,
    LineCreate,
    LineOut,
)
from phaen_budget.tables import outbox
from phaen_common.auth import Principal
from phaen_common.money import CENT
from phaen_common.outbox import record_event
from phaen_common.pagination import Page, PageParams, paginate

ZERO = Decimal("0.00")


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return (part * 100 / whole).quantize(CENT) if whole else ZERO


def fiscal_period(fiscal_year: int) -> FiscalPeriod:
    """FY 2547 (Buddhist Era) runs from 1 October 2003 to 30 September 2004."""
    year = fiscal_year - 543
    return FiscalPeriod(start=dt.date(year - 1, 10, 1), end=dt.date(year, 9, 30))


def grant_event(grant: Grant) -> dict[str, Any]:
    return {
        "id": grant.id,
        "name": grant.name,
        "funder": grant.funder,
        "amount": grant.amount,
        "fiscal_year": grant.fiscal_year,
    }


def line_event(line: GrantLine) -> dict[str, Any]:
    return {
        "grant_id": line.grant_id,
        "no": line.no,
        "title": line.title,
        "planned": line.planned,
        "reserved": line.reserved,
        "cofunding": line.cofunding,
    }


async def create_grant(*, session: AsyncSession, principal: Principal, data: GrantCreate) -> Grant:
    """Record a grant from a funder."""
    grant = Grant(
        name=data.name, funder=data.funder, amount=data.amount, fiscal_year=data.fiscal_year, created_by=principal.sub
    )
    session.add(grant)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="grant.create",
        entity="grant",
        entity_id=grant.id,
        after=grant_event(grant),
    )
    await record_event(
        session, outbox, type="grant.created", entity="grant", entity_id=grant.id, payload=grant_event(grant)
    )
    return grant


async def get_grant(*, session: AsyncSession, grant_id: uuid.UUID, lock: bool = False) -> Grant:
    """The grant or 404."""
    grant = await session.get(Grant, grant_id, with_for_update=lock, populate_existing=lock)
    if grant is None:
        raise GrantNotFound()
    return grant


async def get_line(*, session: AsyncSession, grant_id: uuid.UUID, no: int, lock: bool = False) -> GrantLine:
    """A line of a grant or 404."""
    stmt = select(GrantLine).where(col(GrantLine.grant_id) == grant_id, col(GrantLine.no) == no)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    line = (await session.execute(stmt)).scalar_one_or_none()
    if line is None:
        raise LineNotFound()
    return line


async def add_line(*, session: AsyncSession, principal: Principal, grant_id: uuid.UUID, data: LineCreate) -> GrantLine:
    """Add a plan line; 409 ``over_allocated`` if the planned sum would exceed the grant."""
    # The grant row lock serialises concurrent line additions, so the sum check cannot be raced.
    grant = await get_grant(session=session, grant_id=grant_id, lock=True)
    planned = (
        await session.execute(
            select(func.coalesce(func.sum(col(GrantLine.planned)), 0)).where(col(GrantLine.grant_id) == grant_id)
        )
    ).scalar_one()
    if Decimal(planned) + data.planned > grant.amount:
        raise OverAllocated(f"Lines would plan {Decimal(planned) + data.planned:.2f} of a grant of {grant.amount:.2f}.")
    line = GrantLine(
        grant_id=grant_id,
        no=data.no,
        title=data.title,
        planned=data.planned,
        cofunding=[c.model_dump(mode="json") for c in data.cofunding],
    )
    session.add(line)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        raise LineExists() from exc
    audit.record(
        session,
        actor=principal.sub,
        action="grant_line.create",
        entity="grant_line",
        entity_id=line.id,
        after=line_event(line),
    )
    await record_event(
        session, outbox, type="grant_line.created", entity="grant_line", entity_id=line.id, payload=line_event(line)
    )
    return line


async def add_cofunding(
    *, session: AsyncSession, principal: Principal, grant_id: uuid.UUID, no: int, data: Cofunding
) -> GrantLine:
    """Record that another funder co-funds a line (outside the grant's own amount)."""
    line = await get_line(session=session, grant_id=grant_id, no=no, lock=True)
    before = line_event(line)
    line.cofunding = [*line.cofunding, data.model_dump(mode="json")]
    session.add(line)
    await session.flush()
    audit.record(
        session,
        actor=principal.sub,
        action="grant_line.cofund",
        entity="grant_line",
        entity_id=line.id,
        before=before,
        after=line_event(line),
    )
    await record_event(
        session, outbox, type="grant_line.updated", entity="grant_line", entity_id=line.id, payload=line_event(line)
    )
    return line


async def line_actuals(*, session: AsyncSession, grant_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dict[int, Decimal]]:
    """Actual spending per grant and line: recorded (not voided) expenses, grouped in the database."""
    out: dict[uuid.UUID, dict[int, Decimal]] = {grant_id: {} for grant_id in grant_ids}
    if not grant_ids:
        return out
    rows = await session.execute(
        select(col(Expense.grant_id), col(Expense.line_no), func.sum(col(Expense.amount)))
        .where(col(Expense.grant_id).in_(grant_ids), col(Expense.status) == "recorded")
        .group_by(col(Expense.grant_id), col(Expense.line_no))
    )
    for grant_id, no, total in rows.all():
        out[grant_id][int(no)] = Decimal(total)
    return out


async def lines_of(*, session: AsyncSession, grant_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[GrantLine]]:
    """The plan lines of each grant, by number."""
    out: dict[uuid.UUID, list[GrantLine]] = {grant_id: [] for grant_id in grant_ids}
    if not grant_ids:
        return out
    rows = await session.execute(
        select(GrantLine).where(col(GrantLine.grant_id).in_(grant_ids)).order_by(col(GrantLine.no))
    )
    for line in rows.scalars().all():
        out[line.grant_id].append(line)
    return out


def grant_out(grant: Grant, *, lines: Sequence[GrantLine], actuals: dict[int, Decimal]) -> GrantOut:
    """The grant with its lines and every derived figure."""
    outs = []
    for line in lines:
        actual = actuals.get(line.no, ZERO)
        outs.append(
            LineOut(
                id=line.id,
                grant_id=grant.id,
                no=line.no,
                title=line.title,
                planned=line.planned,
                percent=_pct(line.planned, grant.amount),
                actual=actual,
                variance=line.planned - actual,
                reserved=line.reserved,
                available=line.planned - line.reserved,
                cofunding=[Cofunding.model_validate(c) for c in line.cofunding],
            )
        )
    planned = sum((line.planned for line in lines), ZERO)
    actual_total = sum((o.actual for o in outs), ZERO)
    totals = GrantTotals(
        planned=planned,
        percent=_pct(planned, grant.amount),
        actual=actual_total,
        variance=planned - actual_total,
        reserved=sum((x.reserved for x in lines), ZERO),
        unallocated=grant.amount - planned,
    )
    return GrantOut(
        id=grant.id,
        name=grant.name,
        funder=grant.funder,
        amount=grant.amount,
        fiscal_year=grant.fiscal_year,
        fiscal_period=fiscal_period(grant.fiscal_year),
        created_at=grant.created_at,
        lines=outs,
        totals=totals,
    )


async def grant_views(*, session: AsyncSession, grants: Sequence[Grant]) -> list[GrantOut]:
    """A page of grants: lines and actuals loaded in one query each."""
    ids = [g.id for g in grants]
    lines = await lines_of(session=session, grant_ids=ids)
    actuals = await line_actuals(session=session, grant_ids=ids)
    return [grant_out(g, lines=lines[g.id], actuals=actuals[g.id]) for g in grants]


async def grant_view(*, session: AsyncSession, grant: Grant) -> GrantOut:
    """One grant, as a page shows it."""
    return (await grant_views(session=session, grants=[grant]))[0]


async def list_grants(
    *, session: AsyncSession, params: PageParams, fiscal_year: int | None, funder: str | None
) -> Page[GrantOut]:
    """A page of grants, optionally of one fiscal year or funder, with their lines and derived figures."""
    stmt = select(Grant)
    if fiscal_year is not None:
        stmt = stmt.where(col(Grant.fiscal_year) == fiscal_year)
    if funder is not None:
        stmt = stmt.where(col(Grant.funder) == funder)
    rows, total, cursor = await paginate(session, stmt, keys=[col(Grant.id)], params=params)
    return Page[GrantOut](items=await grant_views(session=session, grants=rows), total=total, next_cursor=cursor)


async def line_view(*, session: AsyncSession, grant_id: uuid.UUID, no: int) -> LineOut:
    """One line of a grant with its derived figures, as the grant's view shows it."""
    view = await grant_view(session=session, grant=await get_grant(session=session, grant_id=grant_id))
    return next(x for x in view.lines if x.no == no)
