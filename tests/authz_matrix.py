"""Who may use what: the authorization policy of the public API, stated once, checked by test_authz_matrix.py.

Roles and their scopes are the contract's (docs/CONTRACT.md). A role missing from a route's set gets a 403;
object-level reach (404 outside the caller's region, tambon, bank or signatory list) is the OBJECTS table.
"""

from __future__ import annotations

from typing import Final

PUBLIC: Final = frozenset({"*"})  # any caller with a valid token (or none, where the route is public)
DENY = "403"

ADMIN = frozenset({"admin"})
SECRETARIAT = ADMIN | {"secretariat"}  # budget:admin, registry:write
COMMITTEES = frozenset({"national_committee", "regional_committee"})
REGISTRY_READ = SECRETARIAT | COMMITTEES | {"tambon_committee", "auditor", "partner_registry"}
REPORTS_READ = REGISTRY_READ
MONEY_REPORTS = REPORTS_READ - {"partner_registry"}  # statements, vouchers, tranches: not for DLA
BUDGET_READ = SECRETARIAT | COMMITTEES | {"tambon_committee", "signatory", "auditor", "bank"}
BUDGET_WRITE = SECRETARIAT | {"tambon_committee"}
BUDGET_APPROVE = ADMIN | COMMITTEES
SIGN = ADMIN | {"signatory"}  # then only a listed signatory, not the requester (object level)
PAYOUT = ADMIN | {"bank"}  # then only the account's own bank (object level)
BANK_OR_ADMIN = SECRETARIAT | {"bank"}  # deposits and statement imports
AUDIT_READ = SECRETARIAT | {"auditor"}
AUDIT_HEAD = AUDIT_READ | {"bank"}  # the signed chain head: the bank and auditors keep copies
ALERTS_READ = AUDIT_READ | {"regional_committee"}

# Not walked: the token endpoint (form body, no bearer) and the documents themselves.
SKIP_ROUTES: Final[set[tuple[str, str]]] = {("POST", "/v1/auth/token")}

ROUTES: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/v1/auth/clients"): ADMIN,
    ("GET", "/v1/auth/clients/{client_id}"): ADMIN,
    ("GET", "/v1/auth/directory/users"): ADMIN,
    ("GET", "/v1/auth/jwks.json"): PUBLIC,
    ("GET", "/v1/auth/me"): PUBLIC,
    ("GET", "/v1/auth/revocations"): PUBLIC,
    ("GET", "/v1/auth/users"): ADMIN,
    ("GET", "/v1/auth/users/{user_id}"): ADMIN,
    ("GET", "/v1/budget/accounts"): BUDGET_READ,
    ("GET", "/v1/budget/accounts/{account_id}"): BUDGET_READ,
    ("GET", "/v1/budget/accounts/{account_id}/deposits"): BUDGET_READ,
    ("GET", "/v1/budget/accounts/{account_id}/deposits/{entry_id}"): BUDGET_READ,
    ("GET", "/v1/budget/accounts/{account_id}/ledger"): BUDGET_READ,
    ("GET", "/v1/budget/accounts/{account_id}/statements"): BUDGET_READ,
    ("GET", "/v1/budget/accounts/{account_id}/statements/{statement_id}"): BUDGET_READ,
    ("GET", "/v1/budget/alerts"): ALERTS_READ,
    ("GET", "/v1/budget/alerts/{alert_id}"): ALERTS_READ,
    ("GET", "/v1/budget/attachments/{attachment_id}"): BUDGET_READ,
    ("GET", "/v1/budget/attachments/{attachment_id}/content"): BUDGET_READ,
    ("GET", "/v1/budget/audit"): AUDIT_READ,
    ("GET", "/v1/budget/audit/head"): AUDIT_HEAD,
    ("GET", "/v1/budget/audit/verify"): AUDIT_READ,
    ("GET", "/v1/budget/events"): AUDIT_READ,
    ("GET", "/v1/budget/expenses"): BUDGET_READ,
    ("GET", "/v1/budget/expenses/{expense_id}"): BUDGET_READ,
    ("GET", "/v1/budget/expenses/{expense_id}/attachments"): BUDGET_READ,
    ("GET", "/v1/budget/grants"): BUDGET_READ,
    ("GET", "/v1/budget/grants/{grant_id}"): BUDGET_READ,
    ("GET", "/v1/budget/projects"): BUDGET_READ,
    ("GET", "/v1/budget/projects/{project_id}"): BUDGET_READ,
    ("GET", "/v1/budget/projects/{project_id}/activity-reports"): BUDGET_READ,
    ("GET", "/v1/budget/projects/{project_id}/activity-reports/{report_id}"): BUDGET_READ,
    ("GET", "/v1/budget/projects/{project_id}/tranches"): BUDGET_READ,
    ("GET", "/v1/budget/proposals"): BUDGET_READ,
    ("GET", "/v1/budget/proposals/{proposal_id}"): BUDGET_READ,
    ("GET", "/v1/budget/withdrawals"): BUDGET_READ,
    ("GET", "/v1/budget/withdrawals/{withdrawal_id}"): BUDGET_READ,
    ("GET", "/v1/budget/withdrawals/{withdrawal_id}/signatures"): BUDGET_READ,
    ("GET", "/v1/registry/abolished/{code}"): REGISTRY_READ,
    ("GET", "/v1/registry/committees"): REGISTRY_READ,
    ("GET", "/v1/registry/committees/{committee_id}"): REGISTRY_READ,
    ("GET", "/v1/registry/committees/{committee_id}/members"): REGISTRY_READ,
    ("GET", "/v1/registry/committees/{committee_id}/members/{member_id}"): REGISTRY_READ,
    ("GET", "/v1/registry/districts"): REGISTRY_READ,
    ("GET", "/v1/registry/districts/{code}"): REGISTRY_READ,
    ("GET", "/v1/registry/events"): AUDIT_READ,
    ("GET", "/v1/registry/facilitators"): REGISTRY_READ,
    ("GET", "/v1/registry/facilitators/{facilitator_id}"): REGISTRY_READ,
    ("GET", "/v1/registry/partners"): REGISTRY_READ,
    ("GET", "/v1/registry/partners/{code}"): REGISTRY_READ,
    ("GET", "/v1/registry/partners/{code}/mous"): REGISTRY_READ,
    ("GET", "/v1/registry/partners/{code}/mous/{mou_id}"): REGISTRY_READ,
    ("GET", "/v1/registry/people"): REGISTRY_READ,
    ("GET", "/v1/registry/people/{person_id}"): REGISTRY_READ,
    ("GET", "/v1/registry/provinces"): REGISTRY_READ,
    ("GET", "/v1/registry/provinces/{code}"): REGISTRY_READ,
    ("GET", "/v1/registry/regions"): REGISTRY_READ,
    ("GET", "/v1/registry/regions/{code}"): REGISTRY_READ,
    ("GET", "/v1/registry/resolve"): REGISTRY_READ,
    ("GET", "/v1/registry/search"): REGISTRY_READ,
    ("GET", "/v1/registry/subdistricts"): REGISTRY_READ,
    ("GET", "/v1/registry/subdistricts/{code}"): REGISTRY_READ,
    ("GET", "/v1/registry/tambons"): REGISTRY_READ,
    ("GET", "/v1/registry/tambons/{code}"): REGISTRY_READ,
    ("GET", "/v1/registry/tambons/{code}/history"): REGISTRY_READ,
    ("GET", "/v1/registry/tambons/{code}/villages"): REGISTRY_READ,
    ("GET", "/v1/registry/tambons/{code}/villages/{no}"): REGISTRY_READ,
    ("GET", "/v1/registry/zones"): REGISTRY_READ,
    ("GET", "/v1/registry/zones/{zone_id}"): REGISTRY_READ,
    ("GET", "/v1/reports/accounts/{account_id}/monthly"): MONEY_REPORTS,
    ("GET", "/v1/reports/coverage"): REPORTS_READ,
    ("GET", "/v1/reports/expenses/{expense_id}/voucher"): MONEY_REPORTS,
    ("GET", "/v1/reports/facilitators"): REPORTS_READ,
    ("GET", "/v1/reports/feeds"): REPORTS_READ,
    ("GET", "/v1/reports/plan-vs-actual"): REPORTS_READ,
    ("GET", "/v1/reports/projects/{project_id}/audit-package"): MONEY_REPORTS,
    ("GET", "/v1/reports/projects/{project_id}/expense-summary"): MONEY_REPORTS,
    ("GET", "/v1/reports/tranches"): MONEY_REPORTS,
    ("PATCH", "/v1/registry/committees/{committee_id}"): SECRETARIAT,
    ("PATCH", "/v1/registry/committees/{committee_id}/members/{member_id}"): SECRETARIAT,
    ("PATCH", "/v1/registry/facilitators/{facilitator_id}"): SECRETARIAT,
    ("PATCH", "/v1/registry/partners/{code}"): SECRETARIAT,
    ("PATCH", "/v1/registry/people/{person_id}"): SECRETARIAT,
    ("POST", "/v1/auth/clients"): ADMIN,
    ("POST", "/v1/auth/clients/{client_id}/disable"): ADMIN,
    ("POST", "/v1/auth/clients/{client_id}/enable"): ADMIN,
    ("POST", "/v1/auth/keys/rotate"): ADMIN,
    ("POST", "/v1/auth/users"): ADMIN,
    ("POST", "/v1/auth/users/{user_id}/disable"): ADMIN,
    ("POST", "/v1/auth/users/{user_id}/enable"): ADMIN,
    ("POST", "/v1/budget/accounts"): SECRETARIAT,
    ("POST", "/v1/budget/accounts/{account_id}/deposits"): BANK_OR_ADMIN,
    ("POST", "/v1/budget/accounts/{account_id}/fees"): PAYOUT,
    ("POST", "/v1/budget/accounts/{account_id}/statements"): BANK_OR_ADMIN,
    ("POST", "/v1/budget/alerts/{alert_id}/resolve"): SECRETARIAT,
    ("POST", "/v1/budget/expenses"): BUDGET_WRITE,
    ("POST", "/v1/budget/expenses/{expense_id}/attachments"): BUDGET_WRITE,
    ("POST", "/v1/budget/expenses/{expense_id}/void"): BUDGET_WRITE,
    ("POST", "/v1/budget/grants"): SECRETARIAT,
    ("POST", "/v1/budget/grants/{grant_id}/lines"): SECRETARIAT,
    ("POST", "/v1/budget/grants/{grant_id}/lines/{no}/cofunding"): SECRETARIAT,
    ("POST", "/v1/budget/projects"): SECRETARIAT,
    ("POST", "/v1/budget/projects/{project_id}/activity-reports"): BUDGET_WRITE,
    ("POST", "/v1/budget/projects/{project_id}/close"): SECRETARIAT,
    ("POST", "/v1/budget/projects/{project_id}/reinstate"): SECRETARIAT,
    ("POST", "/v1/budget/projects/{project_id}/suspend"): SECRETARIAT,
    ("POST", "/v1/budget/projects/{project_id}/tranches/{n}/release"): SECRETARIAT,
    ("POST", "/v1/budget/proposals"): BUDGET_WRITE,
    ("POST", "/v1/budget/proposals/{proposal_id}/decision"): BUDGET_APPROVE,
    ("POST", "/v1/budget/withdrawals"): BUDGET_WRITE,
    ("POST", "/v1/budget/withdrawals/{withdrawal_id}/cancel"): BUDGET_WRITE,
    ("POST", "/v1/budget/withdrawals/{withdrawal_id}/payout"): PAYOUT,
    ("POST", "/v1/budget/withdrawals/{withdrawal_id}/signatures"): SIGN,
    ("POST", "/v1/budget/signatories/me/keys"): frozenset({"signatory"}),
    ("GET", "/v1/budget/signatories/me/keys"): SIGN,
    ("POST", "/v1/budget/signatories/me/keys/{key_id}/revoke"): SIGN,
    ("GET", "/v1/budget/signatories/me/pending"): SIGN,
    ("POST", "/v1/budget/sync"): BUDGET_READ,
    ("POST", "/v1/registry/committees"): SECRETARIAT,
    ("POST", "/v1/registry/committees/{committee_id}/members"): SECRETARIAT,
    ("POST", "/v1/registry/facilitators"): SECRETARIAT,
    ("POST", "/v1/registry/imports/tambons"): SECRETARIAT,
    ("POST", "/v1/registry/partners"): SECRETARIAT,
    ("POST", "/v1/registry/partners/{code}/mous"): SECRETARIAT,
    ("POST", "/v1/registry/people"): SECRETARIAT,
    ("POST", "/v1/registry/zones"): SECRETARIAT,
    ("POST", "/v1/reports/rebuild"): SECRETARIAT,
    ("POST", "/v1/reports/reconcile/budget-statement"): REPORTS_READ,
    ("PUT", "/v1/budget/accounts/{account_id}/signatories"): SECRETARIAT,
    ("PUT", "/v1/registry/tambons/{code}"): SECRETARIAT,
    ("PUT", "/v1/registry/tambons/{code}/villages/{no}"): SECRETARIAT,
    ("GET", "/v1/asyncapi.json"): PUBLIC,
    ("PUT", "/v1/auth/users/{user_id}/person"): ADMIN,
    ("GET", "/v1/budget/accounts/{account_id}/signatory-changes"): BUDGET_READ,
    # Any budget:admin or budget:approve holder gets past the route; the service then allows only a different
    # budget:admin user or a national committee member (object level).
    ("POST", "/v1/budget/accounts/{account_id}/signatory-changes/{change_id}/confirm"): SECRETARIAT | COMMITTEES,
    ("POST", "/v1/budget/accounts/{account_id}/signatory-changes/{change_id}/reject"): SECRETARIAT | COMMITTEES,
    ("GET", "/v1/budget/withdrawals/{withdrawal_id}/signing-payload"): BUDGET_READ,
    # Webhook subscriptions: any partner or user manages its own (what it may receive is checked on subscribing).
    ("GET", "/v1/webhooks/subscriptions"): PUBLIC,
    ("POST", "/v1/webhooks/subscriptions"): PUBLIC,
    ("GET", "/v1/webhooks/subscriptions/{subscription_id}"): PUBLIC,
    ("DELETE", "/v1/webhooks/subscriptions/{subscription_id}"): PUBLIC,
    ("GET", "/v1/webhooks/subscriptions/{subscription_id}/deliveries"): PUBLIC,
    ("POST", "/v1/webhooks/subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver"): PUBLIC,
    ("POST", "/v1/webhooks/subscriptions/{subscription_id}/enable"): PUBLIC,
    ("POST", "/v1/webhooks/subscriptions/{subscription_id}/secret"): PUBLIC,
}

# The callers holding several roles, walked like the others: a combined caller may use a route if any one of
# its roles may (the token's scopes are the union), and reads no more than each role reads (OBJECTS).
COMBINED = "tambon_committee+signatory"
COMBINED_ROLES: dict[str, tuple[str, ...]] = {COMBINED: ("tambon_committee", "signatory")}

# Object-level reach: (what, path template, role, reach) with reach
# - "home": the caller's own object (200);
# - "away": the foreign object, in another region (the south), another tambon and at another bank (404);
# - "outsider": the home object read by a caller of the same role in another region/tambon/bank, or by a
#   signatory the account does not list (404);
# - "never": the home object read by the in-scope caller of a role that never reads this type (a bank or a
#   signatory reads accounts, not a project's expenses or their receipt scans: 404);
# - "reached": the foreign object read by a caller whose role reaches it anyway (200): a national reader of
#   the registry, a signatory listed on the foreign account, and the account's project record.
_PLACE = {
    "expense": "/v1/budget/expenses/{expense_id}",
    "expense attachments": "/v1/budget/expenses/{expense_id}/attachments",
    "attachment": "/v1/budget/attachments/{attachment_id}",
    "attachment content": "/v1/budget/attachments/{attachment_id}/content",
    "facilitator": "/v1/registry/facilitators/{facilitator_id}",
    "person": "/v1/registry/people/{person_id}",
    "committee": "/v1/registry/committees/{committee_id}",
}
_READS = {
    "project": "/v1/budget/projects/{project_id}",
    # The tranches released into a project's account: read with the project record (a bank, a listed signatory).
    "project tranches": "/v1/budget/projects/{project_id}/tranches",
    "account": "/v1/budget/accounts/{account_id}",
    "account ledger": "/v1/budget/accounts/{account_id}/ledger",
    "account deposits": "/v1/budget/accounts/{account_id}/deposits",
    "account statements": "/v1/budget/accounts/{account_id}/statements",
    "account signatory changes": "/v1/budget/accounts/{account_id}/signatory-changes",
}
# A project's content listed under it: read by place only.
_CONTENT = {
    "project activity reports": "/v1/budget/projects/{project_id}/activity-reports",
}
# The reports service's read model of the same objects (eventually consistent: the test waits for it).
REPORTS = {
    "report expense summary": "/v1/reports/projects/{project_id}/expense-summary",
    "report audit package": "/v1/reports/projects/{project_id}/audit-package",
    "report monthly statement": "/v1/reports/accounts/{account_id}/monthly?month=2004-06",
}
_HOME_ONLY = {
    "withdrawal": "/v1/budget/withdrawals/{withdrawal_id}",
    "withdrawal signatures": "/v1/budget/withdrawals/{withdrawal_id}/signatures",
    "proposal": "/v1/budget/proposals/{proposal_id}",
}
_COMMITTEES = ("regional_committee", "tambon_committee")
_BUDGET_PLACE = ("expense", "expense attachments", "attachment", "attachment content")
_REGISTRY = ("facilitator", "person", "committee")
_RECORD = ("project", "project tranches")
_ACCOUNT = ("account", "account ledger", "account deposits", "account statements", "account signatory changes")
OBJECTS: list[tuple[str, str, str, str]] = [
    *[(w, p, r, reach) for w, p in _READS.items() for r in _COMMITTEES for reach in ("home", "away", "outsider")],
    *[(w, p, r, reach) for w, p in _PLACE.items() for r in _COMMITTEES for reach in ("home", "away", "outsider")],
    *[(w, p, r, reach) for w, p in _CONTENT.items() for r in _COMMITTEES for reach in ("home", "away", "outsider")],
    *[(w, p, r, reach) for w, p in REPORTS.items() for r in _COMMITTEES for reach in ("home", "away", "outsider")],
    *[(w, p, r, reach) for w, p in _HOME_ONLY.items() for r in _COMMITTEES for reach in ("home", "outsider")],
    # The foreign account lists two of the home signatories (so "away" is a bank case only).
    *[(w, _READS[w], "bank", reach) for w in _ACCOUNT for reach in ("home", "away", "outsider")],
    *[(w, _READS[w], "signatory", reach) for w in _ACCOUNT for reach in ("home", "outsider", "reached")],
    *[(w, _READS[w], role, reach) for w in _RECORD for role in ("bank", "signatory") for reach in ("home", "outsider")],
    # Their reach of a project record does not extend to its content.
    *[(w, p, role, "never") for w, p in _CONTENT.items() for role in ("bank", "signatory")],
    *[
        ("withdrawal", "/v1/budget/withdrawals/{withdrawal_id}", role, reach)
        for role in ("bank", "signatory")
        for reach in ("home", "outsider")
    ],
    # A bank or a signatory never reads a project's expenses or their scans, not even of its own accounts.
    *[
        (w, _PLACE[w], role, reach)
        for w in _BUDGET_PLACE
        for role in ("bank", "signatory")
        for reach in ("never", "outsider")
    ],
    # Facilitators, people and committees are read in full by the national readers and the registry partner.
    *[
        (w, _PLACE[w], role, reach)
        for w in _REGISTRY
        for role in ("national_committee", "auditor", "partner_registry")
        for reach in ("home", "reached")
    ],
    # Tambon committee + signatory: its tambon, plus the foreign account that lists it, never the foreign content.
    *[(w, p, COMBINED, "home") for w, p in {**_READS, **_PLACE, **_HOME_ONLY, **_CONTENT, **REPORTS}.items()],
    *[(w, _READS[w], COMBINED, "reached") for w in (*_RECORD, *_ACCOUNT)],
    *[(w, p, COMBINED, "away") for w, p in {**_CONTENT, **REPORTS}.items()],
    *[(w, _PLACE[w], COMBINED, "away") for w in (*_BUDGET_PLACE, *_REGISTRY)],
]
