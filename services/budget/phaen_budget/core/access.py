"""Who may see or act on budget objects: the one place the budget's read scope is decided.

Outside a caller's reach an object is a 404, never a 403. Three reaches, each role adding to it (roles
combine without widening each other):

- **project scope** (a project's content: the project, its proposals, expenses, receipts, activity
  reports): everything for admin, secretariat, auditor and national committee; a regional committee its
  region; a tambon committee its tambon.
- **account reach** (an account, its ledger, deposits and withdrawals): the project scope, plus for a
  ``bank`` client the accounts *at its own bank* (token claim ``bank``), and for a ``signatory`` the
  accounts that currently list it.
- **project record**: the project scope, plus the projects of the accounts in the caller's account reach
  (a bank or signatory sees which project an account belongs to, and whether it is suspended).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, or_, select, true
from sqlmodel import col

from phaen_budget.accounts.models import Account, AccountSignatory
from phaen_budget.projects.models import Project
from phaen_common.auth import Principal

# Roles whose reads are not limited to a region or tambon. A bank and a signatory are *not* here: they
# reach accounts (their bank's, or the ones listing them), never the whole country.
_READS_ALL = ("admin", "secretariat", "auditor", "national_committee")
_WRITES_ALL = ("admin", "secretariat")

# An account's ``bank`` is written as the opening documents name the bank; a bank client names itself by
# code. The names each code answers to (a code not listed answers to itself only).
BANK_NAMES: dict[str, tuple[str, ...]] = {
    "BAAC": ("BAAC", "ธ.ก.ส.", "ธกส.", "ธกส", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร"),
}


def bank_names(code: str | None) -> tuple[str, ...]:
    """The account ``bank`` values a bank client with this code is (empty without a code)."""
    if not code:
        return ()
    return BANK_NAMES.get(code, (code,))


def is_own_bank(principal: Principal, account_bank: str) -> bool:
    """Is ``principal`` a bank client of the bank holding this account?"""
    return principal.has_role("bank") and account_bank in bank_names(principal.bank)


def sees(principal: Principal, *, region: str | None, tambon: str | None) -> bool:
    """May ``principal`` read a project's content (project scope) in this region/tambon?"""
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
    """A WHERE clause on project columns matching ``sees`` (project scope)."""
    if principal.has_role(*_READS_ALL):
        return true()
    clauses = []
    if principal.has_role("regional_committee") and principal.region:
        clauses.append(region_col == principal.region)
    if principal.has_role("tambon_committee") and principal.tambon:
        clauses.append(tambon_col == principal.tambon)
    return or_(*clauses) if clauses else false()


def reached_accounts(principal: Principal) -> list[Any]:
    """Clauses on ``Account`` for the accounts a bank client or signatory reaches beyond its project scope."""
    clauses: list[Any] = []
    names = bank_names(principal.bank)
    if principal.has_role("bank") and names:
        clauses.append(col(Account.bank).in_(names))
    if principal.has_role("signatory"):
        listing = select(col(AccountSignatory.account_id)).where(
            col(AccountSignatory.user_id) == principal.sub, col(AccountSignatory.removed_at).is_(None)
        )
        clauses.append(col(Account.id).in_(listing))
    return clauses


def account_clause(principal: Principal) -> Any:
    """A WHERE clause on ``Account`` joined with its ``Project``: the caller's account reach."""
    if principal.has_role(*_READS_ALL):
        return true()
    clauses = [visible_clause(principal, col(Project.region), col(Project.tambon)), *reached_accounts(principal)]
    return or_(*clauses)


def project_clause(principal: Principal) -> Any:
    """A WHERE clause on ``Project``: its scope plus the projects of the accounts the caller reaches."""
    if principal.has_role(*_READS_ALL):
        return true()
    scope = visible_clause(principal, col(Project.region), col(Project.tambon))
    reached = reached_accounts(principal)
    if not reached:
        return scope
    return or_(scope, col(Project.id).in_(select(col(Account.project_id)).where(or_(*reached))))


def reaches_accounts_beyond_scope(principal: Principal) -> bool:
    """Does the caller have a role (bank, signatory) whose reach is by account rather than by place?"""
    return not principal.has_role(*_READS_ALL) and principal.has_role("bank", "signatory")
