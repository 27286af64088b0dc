"""Make the merged OpenAPI document one that generators and people can trust.

- every schema ``title`` unique (generators name classes after titles, not after component keys);
- ``servers``, and OAuth2 password and client-credentials flows beside the bearer scheme;
- ``Accept-Language`` on every operation (every problem can be answered in Thai);
- plain summaries and an example with real Thai values on every request body;
- the expense categories named in Thai and English; the CSV import's columns;
- OpenAPI ``links`` along the money flow (grant -> project -> tranche -> account -> withdrawal -> signatures
  -> payout), so a partner's tooling and our stateful fuzzing (``tests/test_openapi_fuzz_gateway.py``) know
  which answer feeds which request.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from phaen_common.errors import PROBLEM_JSON
from phaen_gateway.config import ROUTED_API_PREFIXES, UPSTREAMS
from phaen_gateway.openapi_words import (
    CSV_COLUMNS,
    EXAMPLES,
    EXPENSE_CATEGORIES,
    SUMMARIES,
    VOUCHER_EXAMPLE,
)

ACCEPT_LANGUAGE: dict[str, Any] = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "`th` for Thai problem titles, details and field messages; English otherwise.",
    "schema": {"type": "string"},
    "example": "th",
}

TOKEN_URL = "/v1/auth/token"
OAUTH2: dict[str, Any] = {
    "type": "oauth2",
    "description": (
        "Log in on this page: a person with username and password, a partner system (bank, DLA) with its "
        "client id and secret. The token is then sent as `Authorization: Bearer <token>`."
    ),
    "flows": {
        "password": {"tokenUrl": TOKEN_URL, "refreshUrl": TOKEN_URL, "scopes": {}},
        "clientCredentials": {"tokenUrl": TOKEN_URL, "refreshUrl": TOKEN_URL, "scopes": {}},
    },
}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def polish(doc: dict[str, Any]) -> dict[str, Any]:
    """Apply every rule above to ``doc`` (in place) and return it."""
    doc.setdefault("servers", [{"url": "/", "description": "This gateway (the server that sent this document)"}])
    schemes = doc.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes["oauth2"] = copy.deepcopy(OAUTH2)
    doc["security"] = [{"bearer": []}, {"oauth2": []}]
    for item in doc.get("paths", {}).values():
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict) and op.get("security"):
                op["security"] = [{"bearer": []}, {"oauth2": []}]
    unique_titles(doc.get("components", {}).get("schemas", {}))
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            key = f"{method.upper()} {path}"
            op["summary"] = SUMMARIES.get(key) or fallback_summary(op.get("summary"), method, path)
            params = op.setdefault("parameters", [])
            if not any(p.get("in") == "header" and p.get("name", "").lower() == "accept-language" for p in params):
                params.append(dict(ACCEPT_LANGUAGE))
            _example(op, key)
    _categories(doc)
    _csv_import(doc)
    _binary_bodies(doc)
    _gateway_answers(doc)
    _shared_problem(doc)
    _money_flow_links(doc)
    return doc


def _class_name(component: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", component) if part)


def unique_titles(schemas: dict[str, Any]) -> None:
    """Give every component a distinct ``title``: a clash (two services' ``Event``, pydantic's ``-Input`` and
    ``-Output`` halves) is settled by titling each clashing schema after its prefixed component name."""
    by_title: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        if isinstance(schema, dict):
            by_title.setdefault(_class_name(str(schema.get("title") or name)).lower(), []).append(name)
    for names in by_title.values():
        if len(names) > 1:
            for name in names:
                schemas[name]["title"] = _class_name(name)


def fallback_summary(generated: str | None, method: str, path: str) -> str:
    """A sentence-case summary for a route the word list does not know yet (``Put Tambon`` -> ``Put tambon``)."""
    text = (generated or f"{method} {path}").strip()
    words = text.split()
    return " ".join([words[0][:1].upper() + words[0][1:].lower(), *(w.lower() for w in words[1:])])


def _example(op: dict[str, Any], key: str) -> None:
    body = op.get("requestBody")
    if not isinstance(body, dict) or key not in EXAMPLES:
        return
    for media_type, content in body.get("content", {}).items():
        if key == "POST /v1/budget/expenses" and media_type == "application/json":
            voucher = copy.deepcopy(EXAMPLES[key])
            voucher.update(category="1.5", amount="600.00", description="ค่าตอบแทนวิทยากรเวทีประชาคม")
            voucher["evidence"] = VOUCHER_EXAMPLE
            content["examples"] = {
                "receipt": {"summary": "ค่าอาหาร มีใบเสร็จรับเงิน (a receipt)", "value": EXAMPLES[key]},
                "voucher": {"summary": "ค่าตอบแทนวิทยากร ใช้ใบสำคัญรับเงิน (a payment voucher)", "value": voucher},
            }
        elif isinstance(EXAMPLES[key], dict) and media_type in EXAMPLES[key] and "/" in media_type:
            content["example"] = copy.deepcopy(EXAMPLES[key][media_type])  # one example per media type
        else:
            content["example"] = copy.deepcopy(EXAMPLES[key])


def _category_text() -> str:
    rows = "\n".join(f"| `{code}` | {th} | {en} |" for code, (th, en) in EXPENSE_CATEGORIES.items())
    return "Expense category (หมวดค่าใช้จ่าย):\n\n| code | ไทย | English |\n|---|---|---|\n" + rows


def _categories(doc: dict[str, Any]) -> None:
    """Name the categories wherever a schema property holds exactly the category codes."""
    codes = set(EXPENSE_CATEGORIES)

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                for prop in props.values():
                    if isinstance(prop, dict) and set(prop.get("enum") or ()) == codes:
                        prop["description"] = _category_text()
                        prop["x-enum-descriptions"] = [
                            f"{EXPENSE_CATEGORIES[c][0]} ({EXPENSE_CATEGORIES[c][1]})" for c in prop["enum"]
                        ]
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(doc.get("components", {}))
    visit(doc.get("paths", {}))


def _csv_import(doc: dict[str, Any]) -> None:
    op = doc.get("paths", {}).get("/v1/registry/imports/tambons", {}).get("post")
    if not isinstance(op, dict):
        return
    body = op.setdefault("requestBody", {"required": True, "content": {}})
    content = body.setdefault("content", {}).setdefault("text/csv", {})
    content.setdefault("schema", {"type": "string"})
    content["schema"]["description"] = CSV_COLUMNS
    body["description"] = CSV_COLUMNS


def _binary_bodies(doc: dict[str, Any]) -> None:
    """A file answer (PDF, image, spreadsheet, ZIP, CSV) without a schema is declared as binary, and so is a
    raw file body (CSV, XML): generated clients then take bytes, not a string they cannot send."""
    for item in doc.get("paths", {}).values():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            for media_type, content in ((op.get("requestBody") or {}).get("content") or {}).items():
                raw = not any(t in media_type for t in ("json", "form"))
                schema = content.get("schema") if isinstance(content, dict) else None
                if raw and isinstance(schema, dict) and schema.get("type") == "string":
                    schema.setdefault("format", "binary")
            for response in op.get("responses", {}).values():
                for media_type, content in (response.get("content") or {}).items():
                    if "json" not in media_type and isinstance(content, dict) and not content.get("schema"):
                        content["schema"] = {"type": "string", "format": "binary"}


PROBLEM: dict[str, Any] = {
    "type": "object",
    "title": "Problem",
    "description": (
        "An error (RFC 9457 problem+json). `code` is stable: program against it, not against `title`. "
        "With `Accept-Language: th`, `title`, `detail` and `errors[].msg` are Thai."
    ),
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string", "description": "A URI naming the kind of problem"},
        "title": {"type": "string", "description": "A short summary for people"},
        "status": {"type": "integer", "description": "The HTTP status"},
        "detail": {"type": "string", "description": "What went wrong with this request"},
        "code": {"type": "string", "description": "The stable machine-readable code", "example": "not_found"},
        "instance": {"type": "string", "description": "The path of the request"},
        "detail_en": {"type": "string", "description": "The English detail, when `detail` had no Thai of its own"},
        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ProblemFieldError"}},
    },
}
PROBLEM_FIELD_ERROR: dict[str, Any] = {
    "type": "object",
    "title": "ProblemFieldError",
    "description": "One invalid field: where it is and what is wrong with it.",
    "properties": {
        "loc": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
        "msg": {"type": "string"},
    },
}


def _shared_problem(doc: dict[str, Any]) -> None:
    """Every problem+json answer refers to one ``Problem`` schema (generators make one class, not hundreds)."""
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Problem", PROBLEM)
    schemas.setdefault("ProblemFieldError", PROBLEM_FIELD_ERROR)
    for item in doc.get("paths", {}).values():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            for response in op.get("responses", {}).values():
                content = (response.get("content") or {}).get(PROBLEM_JSON)
                if isinstance(content, dict) and "$ref" not in content.get("schema", {}):
                    content["schema"] = {"$ref": "#/components/schemas/Problem"}


RETRY_AFTER: dict[str, Any] = {
    "description": "Seconds to wait before trying again",
    "schema": {"type": "integer", "minimum": 1},
}
# What the gateway itself may answer on a route it forwards, before or instead of the service (issue 10: a
# fuzzer through the gateway met an undocumented 400 for a header that is not UTF-8).
GATEWAY_ANSWERS: dict[str, tuple[str, bool]] = {
    "400": ("A request header is neither ASCII nor UTF-8 (`invalid_header`)", False),
    "413": ("The body is larger than the gateway accepts (`payload_too_large`)", False),
    "429": ("Too many requests from this caller (`too_many_requests`)", True),
    "503": ("The service cannot be reached, or its database is unavailable (`service_unavailable`)", True),
    "504": ("The service did not answer in time (`gateway_timeout`)", False),
}


def _forwarded(path: str) -> bool:
    return any(path.startswith(f"/v1/{name}/") for name in UPSTREAMS) or any(
        path.startswith(prefix) for prefix in ROUTED_API_PREFIXES
    )


def _gateway_answers(doc: dict[str, Any]) -> None:
    """Declare on every operation what the gateway answers itself: the per-caller rate limit (429) on all but
    ``/healthz``, and on forwarded routes a bad header (400), an oversized body (413, where there is a body), an
    unreachable service (503) and a late one (504). 429 and 503 say when to retry (``Retry-After``)."""
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict) or path == "/healthz":
                continue
            wanted = list(GATEWAY_ANSWERS) if _forwarded(path) else ["429"]
            if "requestBody" not in op:
                wanted = [code for code in wanted if code != "413"]
            responses = op.setdefault("responses", {})
            for code in wanted:
                description, retry = GATEWAY_ANSWERS[code]
                answer = responses.setdefault(
                    code, {"description": description, "content": {PROBLEM_JSON: {"schema": {}}}}
                )
                if retry:
                    answer.setdefault("headers", {}).setdefault("Retry-After", dict(RETRY_AFTER))


def _id(field: str = "id") -> str:
    return f"$response.body#/{field}"


# (method, path, status) of an answer -> its links: name -> (method, path of the next request, parameters, body).
# Parameters and body values are runtime expressions (or constants); a body given here is merged into the rest
# of the next request's body.
Link = tuple[str, str, dict[str, Any], dict[str, Any] | None]
W = "/v1/budget/withdrawals/{withdrawal_id}"
MONEY_FLOW_LINKS: dict[tuple[str, str, str], dict[str, Link]] = {
    ("post", "/v1/budget/grants", "201"): {
        "GetGrant": ("get", "/v1/budget/grants/{grant_id}", {"grant_id": _id()}, None),
        "AddLine": ("post", "/v1/budget/grants/{grant_id}/lines", {"grant_id": _id()}, None),
    },
    ("post", "/v1/budget/grants/{grant_id}/lines", "201"): {
        "CreateProject": (
            "post",
            "/v1/budget/projects",
            {},
            {"grant_id": _id("grant_id"), "line_no": _id("no")},
        ),
    },
    ("post", "/v1/budget/projects", "201"): {
        "GetProject": ("get", "/v1/budget/projects/{project_id}", {"project_id": _id()}, None),
        "ListTranches": ("get", "/v1/budget/projects/{project_id}/tranches", {"project_id": _id()}, None),
        "ReleaseFirstTranche": (
            "post",
            "/v1/budget/projects/{project_id}/tranches/{n}/release",
            {"project_id": _id(), "n": 1},
            None,
        ),
        "OpenAccount": ("post", "/v1/budget/accounts", {}, {"project_id": _id(), "name": _id("name")}),
        "CreateProposal": ("post", "/v1/budget/proposals", {}, {"project_id": _id()}),
        "RecordExpense": ("post", "/v1/budget/expenses", {}, {"project_id": _id()}),
    },
    ("post", "/v1/budget/projects/{project_id}/tranches/{n}/release", "200"): {
        "GetProject": ("get", "/v1/budget/projects/{project_id}", {"project_id": _id("project_id")}, None),
        "GetAccount": ("get", "/v1/budget/accounts/{account_id}", {"account_id": _id("account_id")}, None),
        "RequestWithdrawal": ("post", "/v1/budget/withdrawals", {}, {"account_id": _id("account_id")}),
    },
    ("post", "/v1/budget/accounts", "201"): {
        "GetAccount": ("get", "/v1/budget/accounts/{account_id}", {"account_id": _id()}, None),
        "GetLedger": ("get", "/v1/budget/accounts/{account_id}/ledger", {"account_id": _id()}, None),
        "RecordDeposit": ("post", "/v1/budget/accounts/{account_id}/deposits", {"account_id": _id()}, None),
        "RequestWithdrawal": ("post", "/v1/budget/withdrawals", {}, {"account_id": _id()}),
        "ReleaseFirstTranche": (
            "post",
            "/v1/budget/projects/{project_id}/tranches/{n}/release",
            {"project_id": _id("project_id"), "n": 1},
            None,
        ),
    },
    ("post", "/v1/budget/withdrawals", "201"): {
        "GetWithdrawal": ("get", W, {"withdrawal_id": _id()}, None),
        "GetSigningPayload": ("get", W + "/signing-payload", {"withdrawal_id": _id()}, None),
        "Sign": ("post", W + "/signatures", {"withdrawal_id": _id()}, None),
        "Cancel": ("post", W + "/cancel", {"withdrawal_id": _id()}, None),
    },
    ("post", W + "/signatures", "201"): {
        "SignAgain": ("post", W + "/signatures", {"withdrawal_id": _id()}, None),
        "ListSignatures": ("get", W + "/signatures", {"withdrawal_id": _id()}, None),
        "PayOut": ("post", W + "/payout", {"withdrawal_id": _id()}, None),
    },
    ("post", W + "/payout", "200"): {
        "GetWithdrawal": ("get", W, {"withdrawal_id": _id()}, None),
        "GetLedger": ("get", "/v1/budget/accounts/{account_id}/ledger", {"account_id": _id("account_id")}, None),
        "GetMonthlyStatement": (
            "get",
            "/v1/reports/accounts/{account_id}/monthly",
            {"account_id": _id("account_id")},
            None,
        ),
    },
    ("post", W + "/cancel", "200"): {
        "GetWithdrawal": ("get", W, {"withdrawal_id": _id()}, None),
    },
}


def _money_flow_links(doc: dict[str, Any]) -> None:
    """Add ``MONEY_FLOW_LINKS`` to the answers they start from; a link whose target is not in the document (its
    service was down when the document was made) is left out."""
    paths = doc.get("paths", {})
    for (method, path, status), links in MONEY_FLOW_LINKS.items():
        response = paths.get(path, {}).get(method, {}).get("responses", {}).get(status)
        if not isinstance(response, dict):
            continue
        for name, (target_method, target_path, parameters, body) in links.items():
            target = paths.get(target_path, {}).get(target_method)
            if not isinstance(target, dict) or not target.get("operationId"):
                continue
            link: dict[str, Any] = {"operationId": target["operationId"]}
            if parameters:
                link["parameters"] = dict(parameters)
            if body:
                link["requestBody"] = dict(body)
            link["description"] = f"{target_method.upper()} {target_path} with values from this answer"
            response.setdefault("links", {})[name] = link
