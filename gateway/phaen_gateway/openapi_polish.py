"""Make the merged OpenAPI document one that generators and people can trust.

- every schema ``title`` unique (generators name classes after titles, not after component keys);
- ``servers``, and OAuth2 password and client-credentials flows beside the bearer scheme;
- ``Accept-Language`` on every operation (every problem can be answered in Thai);
- plain summaries and an example with real Thai values on every request body;
- the expense categories named in Thai and English; the CSV import's columns.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from phaen_common.errors import PROBLEM_JSON
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
    _shared_problem(doc)
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
