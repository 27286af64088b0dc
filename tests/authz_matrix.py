"""Who may use what: the authorization policy of the public API, stated once, checked by test_authz_matrix.py.

Roles and their scopes are the contract's (docs/CONTRACT.md). A role missing from a route's set gets a 403;
object-level reach (404 outside the caller's region, tambon, bank or signatory list) is the OBJECTS table.
"""

from __future__ import annotations

from typing import Final

PUBLIC: Final = frozenset({"*"})
DENY = "403"

ADMIN = frozenset({"admin"})
SECRETARIAT = ADMIN | {"secretariat"}
BUDGET_ADMIN = SECRETARIAT
COMMITTEES = frozenset({"national_committee", "regional_committee"})
REGISTRY_READ = SECRETARIAT | COMMITTEES | {"tambon_committee", "auditor", "partner_registry"}
REGISTRY_WRITE = SECRETARIAT
BUDGET_READ = SECRETARIAT | COMMITTEES | {"tambon_committee", "signatory", "auditor", "bank"}
BUDGET_WRITE = SECRETARIAT | {"tambon_committee"}
BUDGET_APPROVE = ADMIN | COMMITTEES
BUDGET_SIGN = ADMIN | {"signatory"}
BANK = frozenset({"bank"})
REPORTS_READ = SECRETARIAT | COMMITTEES | {"tambon_committee", "auditor", "partner_registry"}
AUDIT_READ = SECRETARIAT | {"auditor"}
ANY_USER = PUBLIC

# Not walked: the token endpoint (form body, no bearer) and the documents themselves.
SKIP_ROUTES: Final[set[tuple[str, str]]] = {("POST", "/v1/auth/token")}

ROUTES: dict[tuple[str, str], frozenset[str]] = {}

# Object-level reach: (what, path template, role, reach) with reach "home" (200), "away" (the foreign object
# in another region and at another bank: 404) or "outsider" (the same home object read by a caller of the same
# role in another region/tambon/bank, or a signatory the account does not list: 404).
OBJECTS: list[tuple[str, str, str, str]] = []
