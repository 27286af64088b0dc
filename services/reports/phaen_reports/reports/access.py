"""Who sees which rows: the shared read filters (``phaen_common.access``) turned into the reports' own queries.

Network-level reports (coverage, facilitator counts) are figures for every reader, a regional committee's
limited to its region. Project and account reports follow the reach of the project, expense or account they
are about. The read model keeps no signatory lists, so a signatory's reach by listing is not honoured here
(narrower, never wider); bank and signatory roles hold no ``reports:read`` in any case.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import false, or_, true
from sqlmodel import col

from phaen_common.access import Reach, Role, reach
from phaen_common.auth import Principal
from phaen_common.web import ScopeGuard, require
from phaen_reports.projections.models import Account, Project
from phaen_reports.reports.errors import MoneyReportForbidden

NO_REGION = "~none~"  # a regional committee token without a region sees no region's rows

Reader = Annotated[Principal, require("reports:read")]


def region_filter(principal: Principal) -> str | None:
    """The one region a regional committee is limited to in network-level figures; None means every region."""
    if principal.sees_everything or Role.REGIONAL_COMMITTEE not in principal.roles:
        return None
    return principal.region or NO_REGION


class MoneyReaderGuard(ScopeGuard):
    """Project-level money reports need a role that reads budgets (partners get network-level only).

    A reader first (``reports:read``), then one of the guard's scopes. Being a ``ScopeGuard``, it refuses
    the caller before any parameter is validated.
    """

    async def __call__(self, principal: Reader) -> Principal:  # type: ignore[override]
        if not self.allows(principal):
            raise MoneyReportForbidden("Project and account reports need a budget-reading role.")
        return principal


MoneyReader = Annotated[Principal, Depends(MoneyReaderGuard("budget:read", "audit:read"))]


def can_see_project(principal: Principal, project: Project, *, what: str = "project") -> bool:
    """Is this project's ``what`` (project, expense, voucher) in reach? Outside it: not found (not leaked)."""
    return reach(principal, what).allows(region=project.region, tambon=project.tambon)


def can_see_account(principal: Principal, account: Account, project: Project | None) -> bool:
    """Is the account in reach: its project's place, or (a bank) its bank?"""
    scope = reach(principal, "account")
    if project is not None and scope.allows(region=project.region, tambon=project.tambon):
        return True
    return scope.allows(bank=account.bank)


def project_clause(scope: Reach) -> Any:
    """A WHERE clause on ``Project`` for a place reach (the reports' project listings)."""
    if scope.everything:
        return true()
    clauses = []
    if scope.regions:
        clauses.append(col(Project.region).in_(sorted(scope.regions)))
    if scope.tambons:
        clauses.append(col(Project.tambon).in_(sorted(scope.tambons)))
    return or_(*clauses) if clauses else false()
