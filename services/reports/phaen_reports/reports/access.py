"""Who sees which rows: network-level reports for every reader, money reports by region/tambon scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from phaen_common.auth import Principal
from phaen_common.web import ScopeGuard, require
from phaen_reports.projections.models import Project
from phaen_reports.reports.errors import MoneyReportForbidden

NO_REGION = "~none~"  # a regional committee token without a region sees no region's rows

Reader = Annotated[Principal, require("reports:read")]


def region_filter(principal: Principal) -> str | None:
    """The one region a regional committee is limited to; None means every region."""
    if principal.sees_everything or not principal.has_role("regional_committee"):
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


def can_see_project(principal: Principal, project: Project) -> bool:
    """An object outside the caller's scope is answered as not found (existence not leaked)."""
    if principal.sees_everything:
        return True
    if principal.has_role("regional_committee") and principal.region and project.region == principal.region:
        return True
    return bool(principal.has_role("tambon_committee") and principal.tambon and project.tambon == principal.tambon)


def project_scope(principal: Principal) -> tuple[str | None, str | None]:
    """(region, tambon) a caller's project listings are limited to; None means unlimited."""
    if principal.sees_everything:
        return None, None
    if principal.has_role("regional_committee"):
        return principal.region or NO_REGION, None
    if principal.has_role("tambon_committee"):
        return None, principal.tambon or NO_REGION
    return NO_REGION, None
