"""Who may see or act on budget objects: the shared read filters (``phaen_common.access``) as this service's SQL.

Outside a caller's reach an object is a 404, never a 403. The reach of each object type is defined once in
``phaen_common.access.READS``; here it becomes WHERE clauses on the budget's tables:

- **project content** (proposals, expenses and their attachments, activity reports, tranches): by place,
  everything for the national readers, a regional committee its region, a tambon committee its tambon.
- **account reach** (an account, its ledger, deposits, statements and withdrawals): by place, plus for a
  ``bank`` client the accounts *at its own bank* (token claim ``bank``), and for a ``signatory`` the accounts
  that currently list it.
- **project record**: by place, plus the projects of the accounts in the caller's account reach (a bank or
  signatory sees which project an account belongs to, and whether it is suspended).

Roles combine without widening each other: a tambon committee member who is also a signatory reads its
tambon's objects plus the accounts that list it (and their projects' records), never the whole country.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, or_, select, true
from sqlmodel import col

from phaen_budget.accounts.models import Account, AccountSignatory
from phaen_budget.projects.models import Project
from phaen_common.access import Reach, Role, acts_on, bank_names, reach
from phaen_common.auth import Principal

__all__ = ["acts_for", "bank_names", "is_own_bank", "sees"]


def is_own_bank(principal: Principal, account_bank: str) -> bool:
    """Is ``principal`` a bank client of the bank holding this account?"""
    return Role.BANK in principal.roles and account_bank in bank_names(principal.bank)


def sees(principal: Principal, *, region: str | None, tambon: str | None, what: str = "expense") -> bool:
    """May ``principal`` read a project's content (``what``: expense, proposal, ...) in this region/tambon?"""
    return reach(principal, what).allows(region=region, tambon=tambon)


def acts_for(principal: Principal, *, tambon: str | None) -> bool:
    """May ``principal`` use budget:write on a project of this tambon (propose, request, record)?"""
    return acts_on(principal, tambon=tambon)


def place_clause(scope: Reach, region_col: Any, tambon_col: Any) -> Any:
    """A WHERE clause on region/tambon columns for the place part of ``scope``."""
    if scope.everything:
        return true()
    clauses = []
    if scope.regions:
        clauses.append(region_col.in_(sorted(scope.regions)))
    if scope.tambons:
        clauses.append(tambon_col.in_(sorted(scope.tambons)))
    return or_(*clauses) if clauses else false()


def visible_clause(principal: Principal, region_col: Any, tambon_col: Any, *, what: str = "expense") -> Any:
    """A WHERE clause on project columns matching ``sees`` (project content of type ``what``)."""
    return place_clause(reach(principal, what), region_col, tambon_col)


def account_keys(scope: Reach) -> list[Any]:
    """Clauses on ``Account`` for the accounts reached by bank or signatory list (beyond place)."""
    clauses: list[Any] = []
    names = [name for code in sorted(scope.banks) for name in bank_names(code)]
    if names:
        clauses.append(col(Account.bank).in_(names))
    if scope.signatory is not None:
        listing = select(col(AccountSignatory.account_id)).where(
            col(AccountSignatory.user_id) == scope.signatory, col(AccountSignatory.removed_at).is_(None)
        )
        clauses.append(col(Account.id).in_(listing))
    return clauses


def reached_accounts(principal: Principal) -> list[Any]:
    """Clauses on ``Account`` for the accounts a bank client or signatory reaches beyond its place."""
    return account_keys(reach(principal, "account"))


def account_clause(principal: Principal) -> Any:
    """A WHERE clause on ``Account`` joined with its ``Project``: the caller's account reach."""
    scope = reach(principal, "account")
    if scope.everything:
        return true()
    return or_(place_clause(scope, col(Project.region), col(Project.tambon)), *account_keys(scope))


def project_clause(principal: Principal) -> Any:
    """A WHERE clause on ``Project``: its place plus the projects of the accounts the caller reaches."""
    scope = reach(principal, "project")
    if scope.everything:
        return true()
    place = place_clause(scope, col(Project.region), col(Project.tambon))
    keys = account_keys(scope)
    if not keys:
        return place
    return or_(place, col(Project.id).in_(select(col(Account.project_id)).where(or_(*keys))))


def reaches_accounts_beyond_scope(principal: Principal) -> bool:
    """Has the caller a role (bank, signatory) whose reach of project records is by account, not by place?"""
    return reach(principal, "project").by_account
