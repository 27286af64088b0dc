"""Network reports: plan vs actual, coverage, facilitators, tranche status."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.access import Reach
from phaen_common.db import Database
from phaen_common.events.budget import TrancheBlock
from phaen_common.money import CENT
from phaen_common.pagination import PageParams, paginate
from phaen_reports.feeds.service import freshness_of
from phaen_reports.projections.models import (
    Account,
    ActivityReport,
    Facilitator,
    Project,
    Tambon,
    Tranche,
    columns,
)
from phaen_reports.reports import repository
from phaen_reports.reports import schemas as s
from phaen_reports.reports.access import project_clause
from phaen_reports.reports.arith import HUNDRED, largest_remainder_percents
from phaen_reports.reports.catalogue import REGION_CODES, REGION_TH
from phaen_reports.reports.errors import GrantNotFound

ZERO = Decimal("0.00")
DEFAULT_TRANCHES = (50, 50)  # two halves, when a project's event names no split


def tranche_split(project: Project) -> list[Any]:
    """A project's tranche shares in percent, as its event gave them (two halves if none)."""
    return list(project.tranches or DEFAULT_TRANCHES)


async def plan_vs_actual(
    *, db: Database, grant_id: uuid.UUID, sources: Sequence[str], stale_after: float
) -> s.PlanVsActual:
    """Planned, percent, actual (recorded, unvoided expenses) and variance per line of a grant, with the read
    model's freshness (one statement on the read pool)."""
    row = await repository.plan_rows(db=db, sources=sources, grant_id=grant_id)
    fresh = freshness_of(row["cursors"], sources=sources, stale_after=stale_after)
    if row["id"] is None:
        raise GrantNotFound()
    # The rollup holds each line's running actual: a few rows, whatever the number of expenses.
    rows = [
        (no, title, planned or ZERO, orjson.loads(cofunding) if cofunding else None, actual or ZERO)
        for no, title, planned, cofunding, actual in row["lines"]
    ]
    planned = [r[2] for r in rows]
    percents = largest_remainder_percents(planned)
    lines = [
        s.PlanLine(
            no=no,
            title=title,
            planned=p,
            percent=pct,
            actual=actual,
            variance=p - actual,
            cofunding=_cofunding(cofunding),
        )
        for (no, title, p, cofunding, actual), pct in zip(rows, percents, strict=True)
    ]
    total_planned = sum(planned, ZERO)
    total_actual = sum((ln.actual for ln in lines), ZERO)
    return s.PlanVsActual(
        grant=s.GrantInfo(
            id=row["id"], name=row["name"], funder=row["funder"], amount=row["amount"], fiscal_year=row["fiscal_year"]
        ),
        lines=lines,
        totals=s.PlanTotals(
            planned=total_planned,
            percent=HUNDRED if lines and total_planned else ZERO,
            actual=total_actual,
            variance=total_planned - total_actual,
        ),
        as_of=fresh.as_of,
        stale=fresh.stale,
    )


def _cofunding(raw: Any) -> list[s.Cofunding]:
    """Co-funders of a line (e.g. ThaiHealth's 600,000 on line 8), as far as the event carried them."""
    out = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("funder") and item.get("amount") is not None:
            try:
                out.append(s.Cofunding(funder=str(item["funder"]), amount=Decimal(str(item["amount"]))))
            except (ArithmeticError, ValueError):
                continue
    return out


def _visible_regions(region: str | None) -> list[str]:
    return REGION_CODES if region is None else [r for r in REGION_CODES if r == region]


_COVERAGE_COUNTS = (
    "model",
    "pilot",
    "expansion",
    "tambons",
    "districts",
    "provinces",
    "tao_plan_integrated",
    "tao_funded",
)
_COVERAGE_ZEROS = (0,) * len(_COVERAGE_COUNTS)


async def coverage(*, db: Database, region: str | None, sources: Sequence[str], stale_after: float) -> s.Coverage:
    """Enrolled tambons per region by tier, with the districts/provinces they span and TAO integration, and
    the read model's freshness (one statement on the read pool)."""
    regions = _visible_regions(region)
    row = await repository.coverage_rows(db=db)
    fresh = freshness_of(row["cursors"], sources=sources, stale_after=stale_after)
    # Only the visible regions are shown and summed (the statement reads every region's rollup row).
    found = {r[0]: r[1:] for r in row["regions"]}
    counts = [found.get(code, _COVERAGE_ZEROS) for code in regions]
    # Plain data validated once as a whole: cheaper than a model per row.
    return s.Coverage.model_validate(
        {
            "regions": [
                {"region": code, "name_th": REGION_TH[code], **dict(zip(_COVERAGE_COUNTS, c, strict=True))}
                for code, c in zip(regions, counts, strict=True)
            ],
            "totals": {
                "region": "total",
                "name_th": "รวม",
                **{k: sum(c[i] for c in counts) for i, k in enumerate(_COVERAGE_COUNTS)},
            },
            "as_of": fresh.as_of,
            "stale": fresh.stale,
        }
    )


async def facilitators(*, session: AsyncSession, region: str | None) -> s.Facilitators:
    """Trained process facilitators per region and level."""
    regions = _visible_regions(region)
    f = columns(Facilitator)
    stmt = select(f.region, f.level, func.count().label("n")).where(f.region.in_(regions)).group_by(f.region, f.level)
    counts: dict[str, dict[str, int]] = {code: {} for code in regions}
    for r in (await session.execute(stmt)).all():
        counts[r.region][r.level or "other"] = r.n
    rows = []
    for code in regions:
        c = counts[code]
        other = sum(n for level, n in c.items() if level not in ("community", "intensive"))
        rows.append(
            s.FacilitatorRow(
                region=code,
                name_th=REGION_TH[code],
                community=c.get("community", 0),
                intensive=c.get("intensive", 0),
                other=other,
                total=sum(c.values()),
            )
        )
    totals = s.FacilitatorRow(
        region="total",
        name_th="รวม",
        community=sum(r.community for r in rows),
        intensive=sum(r.intensive for r in rows),
        other=sum(r.other for r in rows),
        total=sum(r.total for r in rows),
    )
    return s.Facilitators(regions=rows, totals=totals)


def tranche_query(
    *, scope: Reach, region: str | None, project_id: uuid.UUID | None, grant_id: uuid.UUID | None
) -> Select[Any]:
    """Projects in the caller's reach, by filters (a region filter outside one's own shows nothing)."""
    stmt = select(Project).where(project_clause(scope))
    if region is not None:
        stmt = stmt.where(col(Project.region) == region)
    if project_id is not None:
        stmt = stmt.where(col(Project.id) == project_id)
    if grant_id is not None:
        stmt = stmt.where(col(Project.grant_id) == grant_id)
    return stmt


async def tranche_report(*, session: AsyncSession, stmt: Select[Any], params: PageParams | None) -> s.TrancheReport:
    """Each project's tranches (released / ready / blocked / pending) and what blocks the next one."""
    if params is None:
        projects = list((await session.execute(stmt.order_by(col(Project.id)))).scalars().all())
        total, next_cursor = len(projects), None
    else:
        projects, total, next_cursor = await paginate(session, stmt, keys=[col(Project.id)], params=params)
    ids = [p.id for p in projects]
    released: dict[uuid.UUID, dict[int, Tranche]] = {}
    reported: dict[uuid.UUID, set[int]] = {}
    with_account: set[uuid.UUID] = set()
    if ids:
        for t in (await session.execute(select(Tranche).where(col(Tranche.project_id).in_(ids)))).scalars():
            released.setdefault(t.project_id, {})[t.n] = t
        ar = columns(ActivityReport)
        for pid, n in (
            await session.execute(
                select(ar.project_id, ar.tranche).where(and_(ar.project_id.in_(ids), ar.tranche.is_not(None)))
            )
        ).all():
            reported.setdefault(pid, set()).add(n)
        with_account = {
            pid
            for pid in (
                await session.execute(select(col(Account.project_id)).where(col(Account.project_id).in_(ids)))
            ).scalars()
            if pid is not None
        }
    items = [
        project_tranches(p, released.get(p.id, {}), reported.get(p.id, set()), p.id in with_account) for p in projects
    ]
    names = await tambon_names(session=session, codes={p.tambon for p in projects if p.tambon})
    for item in items:
        item.tambon_name = names.get(item.tambon or "")
    return s.TrancheReport(items=items, total=total, next_cursor=next_cursor)


async def tambon_names(*, session: AsyncSession, codes: set[str]) -> dict[str, str]:
    """Thai names of the tambons with these codes (those the registry's feed has named)."""
    if not codes:
        return {}
    t = columns(Tambon)
    rows = await session.execute(select(t.code, t.name_th).where(t.code.in_(sorted(codes))))
    return {code: name for code, name in rows.all() if name}


def project_tranches(
    project: Project, released: dict[int, Tranche], reported: set[int], has_account: bool
) -> s.ProjectTranches:
    """The tranche rule: tranche n+1 waits for tranche n's activity report (and an account, an active project)."""
    shares = [Decimal(str(x)) for x in tranche_split(project)]
    count = max(len(shares), max(released, default=0))
    next_n = next((n for n in range(1, count + 1) if n not in released), None)
    blocked: list[str] = []
    if next_n is not None:
        if project.status == "suspended":
            blocked.append(TrancheBlock.PROJECT_SUSPENDED)
        if not has_account:
            blocked.append(TrancheBlock.ACCOUNT_REQUIRED)
        if next_n > 1 and (next_n - 1) not in reported:
            blocked.append(TrancheBlock.ACTIVITY_REPORT_REQUIRED)
    states = []
    for n in range(1, count + 1):
        share = shares[n - 1] if n <= len(shares) else None
        planned = (
            (project.amount * share / 100).quantize(CENT) if project.amount is not None and share is not None else None
        )
        t = released.get(n)
        status = "released" if t else ("pending" if n != next_n else ("blocked" if blocked else "ready"))
        states.append(
            s.TrancheState(
                n=n,
                percent=share.quantize(CENT) if share is not None else None,
                planned_amount=planned,
                status=status,
                amount=t.amount if t else None,
                released_at=t.released_at if t else None,
                activity_report=n in reported,
            )
        )
    return s.ProjectTranches(
        project_id=project.id,
        name=project.name,
        region=project.region,
        tambon=project.tambon,
        status=project.status,
        amount=project.amount,
        tranches=states,
        next_tranche=next_n,
        blocked_by=blocked,
    )
