"""``/v1/reports/...``: the network's reports (thin: scope, call the service, render)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from phaen_common.access import RegionCode, reach
from phaen_common.dates import Month
from phaen_common.errors import responses
from phaen_common.pagination import PageParams, page_params
from phaen_reports.render.respond import Format, document, format_responses, json_response, respond
from phaen_reports.reports import documents as d
from phaen_reports.reports import money, service
from phaen_reports.reports import schemas as s
from phaen_reports.reports.access import MoneyReader, Reader, region_filter
from phaen_reports.reports.audit import audit_bundle, audit_package
from phaen_reports.reports.deps import FreshDep, ReadPathDep, ReadSessionDep
from phaen_reports.reports.errors import (
    AccountNotFound,
    ExpenseNotFound,
    GrantNotFound,
    MoneyReportForbidden,
    NotAVoucher,
    ProjectNotFound,
)

router = APIRouter(prefix="/v1/reports", tags=["reports"])
FormatQ = Annotated[Format, Query(description="json (default), csv (UTF-8 with BOM), xlsx or pdf (Thai)")]
Region = RegionCode
MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


@router.get(
    "/plan-vs-actual",
    response_model=s.PlanVsActual,
    responses={**responses(401, 403, 422, GrantNotFound), **format_responses()},
)
async def plan_vs_actual(read: ReadPathDep, _: Reader, grant: uuid.UUID, format: FormatQ = "json") -> Response:
    """Plan vs actual per grant line; percents sum to exactly 100.00; variance = planned - actual."""
    report = await service.plan_vs_actual(
        db=read.db, grant_id=grant, sources=read.sources, stale_after=read.stale_after
    )
    return await respond(format, report, lambda: d.plan_table(report), f"plan-vs-actual-{grant}")


@router.get("/coverage", response_model=s.Coverage, responses={**responses(401, 403, 422), **format_responses()})
async def coverage(read: ReadPathDep, principal: Reader, format: FormatQ = "json") -> Response:
    """Enrolled tambons per region (model, pilot, expansion, districts, provinces, TAO integration)."""
    report = await service.coverage(
        db=read.db, region=region_filter(principal), sources=read.sources, stale_after=read.stale_after
    )
    return await respond(format, report, lambda: d.coverage_table(report), "coverage")


@router.get(
    "/facilitators", response_model=s.Facilitators, responses={**responses(401, 403, 422), **format_responses()}
)
async def facilitators(
    session: ReadSessionDep, fresh: FreshDep, principal: Reader, format: FormatQ = "json"
) -> Response:
    """Process facilitators per region and level."""
    report = await service.facilitators(session=session, region=region_filter(principal))
    report.as_of, report.stale = fresh.as_of, fresh.stale
    return await respond(format, report, lambda: d.facilitator_table(report), "facilitators")


@router.get(
    "/tranches",
    response_model=s.TrancheReport,
    responses={**responses(401, 403, MoneyReportForbidden, 422), **format_responses()},
)
async def tranches(
    session: ReadSessionDep,
    fresh: FreshDep,
    principal: MoneyReader,
    params: Annotated[PageParams, Depends(page_params)],
    region: Region | None = None,
    project: uuid.UUID | None = None,
    grant: uuid.UUID | None = None,
    format: FormatQ = "json",
) -> Response:
    """Per project: each tranche's state and what blocks the next (JSON paginated; documents list all)."""
    stmt = service.tranche_query(scope=reach(principal, "tranche"), region=region, project_id=project, grant_id=grant)
    report = await service.tranche_report(session=session, stmt=stmt, params=params if format == "json" else None)
    report.as_of, report.stale = fresh.as_of, fresh.stale
    return await respond(format, report, lambda: d.tranche_table(report), "tranches")


@router.get(
    "/accounts/{account_id}/monthly",
    response_model=s.MonthlyStatement,
    responses={**responses(401, 403, MoneyReportForbidden, AccountNotFound, 422), **format_responses()},
)
async def monthly(
    request: Request,
    session: ReadSessionDep,
    fresh: FreshDep,
    principal: MoneyReader,
    account_id: uuid.UUID,
    month: Annotated[Month, Query(pattern=MONTH, description="YYYY-MM, between 1990-01 and 2100-12 (CE)")],
    format: FormatQ = "json",
) -> Response:
    """Monthly income-expense statement: opening, receipts, payments, closing (from the ledger)."""
    account = await money.visible_account(session=session, principal=principal, account_id=account_id)
    report = await money.monthly_statement(
        session=session, account=account, month=month, tz=request.app.state.settings.timezone
    )
    report.as_of, report.stale = fresh.as_of, fresh.stale
    return await respond(format, report, lambda: d.statement_table(report), f"statement-{month}")


@router.get(
    "/projects/{project_id}/expense-summary",
    response_model=s.ExpenseSummary,
    responses={**responses(401, 403, MoneyReportForbidden, ProjectNotFound, 422), **format_responses()},
)
async def expense_summary(
    session: ReadSessionDep, fresh: FreshDep, principal: MoneyReader, project_id: uuid.UUID, format: FormatQ = "json"
) -> Response:
    """Activity expense summary of a project by category 1.1 .. 6."""
    project = await money.visible_project(session=session, principal=principal, project_id=project_id)
    report = await money.expense_summary(session=session, project=project)
    report.as_of, report.stale = fresh.as_of, fresh.stale
    return await respond(format, report, lambda: d.expense_summary_table(report), f"expense-summary-{project_id}")


@router.get(
    "/projects/{project_id}/audit-package",
    response_model=s.AuditPackage,
    responses={**responses(401, 403, MoneyReportForbidden, ProjectNotFound, 422), **format_responses("zip")},
)
async def audit(
    request: Request,
    session: ReadSessionDep,
    fresh: FreshDep,
    principal: MoneyReader,
    project_id: uuid.UUID,
    format: Annotated[Literal["json", "csv", "xlsx", "pdf", "zip"], Query()] = "json",
) -> Response:
    """The seed's checklist 3.1-3.11 (present/missing); ``format=zip`` bundles every document with a PDF index."""
    project = await money.visible_project(session=session, principal=principal, project_id=project_id)
    package = await audit_package(session=session, project=project)
    package.as_of, package.stale = fresh.as_of, fresh.stale
    if format != "zip":
        return await respond(format, package, lambda: d.audit_table(package), f"audit-package-{project_id}")
    content = await audit_bundle(
        session=session,
        project=project,
        package=package,
        tz=request.app.state.settings.timezone,
        principal=principal,
        ids=request.app.state.national_ids,
        authorization=request.headers.get("authorization", ""),
    )
    return document(content, "zip", f"audit-package-{project_id}")


@router.get(
    "/expenses/{expense_id}/voucher",
    response_model=s.Voucher,
    responses={**responses(401, 403, MoneyReportForbidden, ExpenseNotFound, NotAVoucher, 422), **format_responses()},
)
async def voucher(
    request: Request,
    session: ReadSessionDep,
    fresh: FreshDep,
    principal: MoneyReader,
    expense_id: uuid.UUID,
    format: Annotated[Literal["json", "pdf"], Query()] = "json",
) -> Response:
    """A payment voucher (ใบสำคัญรับเงิน) for a voucher-backed expense; ``format=pdf`` gives the form.

    The payee's national ID is in clear for the roles that may see it (admin, secretariat, auditor), else its
    last 4 digits behind ``*``."""
    v = await money.voucher(
        session=session,
        principal=principal,
        expense_id=expense_id,
        ids=request.app.state.national_ids,
        authorization=request.headers.get("authorization", ""),
    )
    v.as_of, v.stale = fresh.as_of, fresh.stale
    if format == "pdf":
        return document(await run_in_threadpool(d.voucher_pdf, v), "pdf", f"voucher-{expense_id}")
    return json_response(v)
