"""Who may see or act on a project: scope by region/tambon (outside scope is a 404, never a 403)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, true

from phaen_common.auth import Principal

# Roles whose budget reads are not limited to a region or tambon. The bank reads every account it
# serves; a signatory must see the withdrawals it is asked to co-sign.
_READS_ALL = ("admin", "secretariat", "auditor", "national_committee", "bank", "signatory")
_WRITES_ALL = ("admin", "secretariat")


def sees(principal: Principal, *, region: str | None, tambon: str | None) -> bool:
    """May ``principal`` read an object of this region/tambon?"""
    if principal.has_role(*_READS_ALL):
        return True
    if principal.has_role("regional_committee") and principal.region and region == principal.region:
        return True
    return bool(principal.has_role("tambon_committee") and principal.tambon and tambon == principal.tambon)


def acts_for(principal: Principal, *, tambon: str | None) -> bool:
    """May ``principal`` use budget:write on a project of this tambon (propose, request, record)?"""
    if principal.has_role(*_WRITES_ALL):
        return True
    return bool(principal.has_role("tambon_committee") and principal.tambon and tambon == principal.tambon)


def visible_clause(principal: Principal, region_col: Any, tambon_col: Any) -> Any:
    """A WHERE clause on project columns matching ``sees``."""
    if principal.has_role(*_READS_ALL):
        return true()
    clauses = []
    if principal.has_role("regional_committee") and principal.region:
        clauses.append(region_col == principal.region)
    if principal.has_role("tambon_committee") and principal.tambon:
        clauses.append(tambon_col == principal.tambon)
    if not clauses:
        return false()
    from sqlalchemy import or_

    return or_(*clauses)
