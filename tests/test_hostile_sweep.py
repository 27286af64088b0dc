"""Every parameter of every route of registry, budget and reports, walked with hostile values (the attack).

Table-driven: the routes come from each service's own OpenAPI; each path and query parameter gets every value of
``HOSTILE`` (NUL, a lone surrogate, bytes that are not UTF-8, over-long text, Thai text in an identifier, huge and
negative numbers, impossible dates, crafted cursors), and every route that takes a JSON body gets every body of
``HOSTILE_BODIES`` (deep nesting, duplicate keys, numbers past any column, bad UTF-8). An admin token is used so
the value reaches the code that reads it. The answer must never be a 5xx, and an error is problem+json.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys, app_client

HOSTILE = [
    "%00",
    "a%00b",
    "%ED%A0%80",
    "%FF%FE",
    "x" * 3000,
    "ตำบลทดสอบ",
    "-1",
    "0",
    "99999999999999999999999999999",
    "-99999999999999999999999999999",
    "1e309",
    "NaN",
    "0000-01-01",
    "9999-12-31",
    "2569-13-45",
    "0000-01",
    "'; DROP TABLE x; --",
    base64.urlsafe_b64encode(json.dumps([None, None]).encode()).decode().rstrip("="),
    base64.urlsafe_b64encode(json.dumps([10**30]).encode()).decode().rstrip("="),
]

HOSTILE_BODIES = [
    b'{"a": 1, "a": 2}',
    b"[" * 5000 + b"]" * 5000,
    b'{"x": ' + b"[" * 300 + b"]" * 300 + b"}",
    b'{"amount": 1e999, "n": 99999999999999999999999999999999999}',
    b'{"name": "\\u0000", "title": "\\ud800"}',
    b'{"name": "\xff\xfe"}',
    b"null",
    b'"x"',
]


def _sample(schema: dict[str, Any]) -> str:
    """A plausible value for a parameter we are not attacking right now."""
    if schema.get("format") == "uuid" or "uuid" in json.dumps(schema):
        return str(uuid.uuid4())
    if schema.get("type") == "integer":
        return "1"
    return "x"


def _routes(app: Any) -> list[tuple[str, str, list[dict[str, Any]], bool]]:
    doc = app.openapi()
    out = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            params = [p for p in op.get("parameters", []) if p.get("in") in ("path", "query")]
            out.append((method.upper(), path, params, "requestBody" in op))
    return out


def _url(path: str, params: list[dict[str, Any]], target: str | None, value: str) -> str:
    query = []
    for p in params:
        raw = value if p["name"] == target else _sample(p.get("schema", {}))
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", raw)
        elif p["name"] == target or p.get("required"):
            query.append(f"{p['name']}={raw}")
    path = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
    return path + ("?" + "&".join(query) if query else "")


def _check(r: httpx.Response, what: str) -> None:
    assert r.status_code < 500, f"{what} -> {r.status_code} {r.text[:300]}"
    if r.status_code >= 400:
        assert r.headers["content-type"].startswith("application/problem+json"), what


@pytest.fixture(scope="module")
async def services(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[dict[str, Any]]:
    from phaen_budget import MIGRATIONS_DIR as BUDGET_MIGRATIONS
    from phaen_budget import SCHEMA as BUDGET
    from phaen_budget.config import Settings as BudgetSettings
    from phaen_budget.core.tiers import FixedTierLookup, TambonInfo
    from phaen_budget.main import create_app as create_budget
    from phaen_registry import MIGRATIONS_DIR as REGISTRY_MIGRATIONS
    from phaen_registry import SCHEMA as REGISTRY
    from phaen_registry.config import Settings as RegistrySettings
    from phaen_registry.main import create_app as create_registry
    from phaen_registry.setup import load_reference_data
    from phaen_reports import MIGRATIONS_DIR as REPORTS_MIGRATIONS
    from phaen_reports import SCHEMA as REPORTS
    from phaen_reports.config import Settings as ReportsSettings
    from phaen_reports.feeds.source import ListFeedSource
    from phaen_reports.main import create_app as create_reports

    upgrade(REGISTRY_MIGRATIONS, pg_url, REGISTRY)
    load_reference_data(pg_url)
    upgrade(BUDGET_MIGRATIONS, pg_url, BUDGET)
    upgrade(REPORTS_MIGRATIONS, pg_url, REPORTS)
    url = SecretStr(pg_url)
    budget = create_budget(BudgetSettings(database_url=url, data_dir=tmp_path_factory.mktemp("sweep")))
    budget.state.tiers = FixedTierLookup({"100101": TambonInfo(tier="pilot", region="central")})
    reports = create_reports(ReportsSettings(database_url=url, feed_enabled=False))
    reports.state.feed_sources = [ListFeedSource(name="sweep-empty", events=[])]
    yield {"registry": create_registry(RegistrySettings(database_url=url)), "budget": budget, "reports": reports}


EXCLUDED = {("POST", "/v1/reports/rebuild")}


@pytest.mark.parametrize("name", ["registry", "budget", "reports"])
async def test_no_parameter_of_any_route_gives_a_5xx(services, keys: TestKeys, name: str) -> None:
    app = services[name]
    admin = keys.auth(roles=["admin"], sub=f"hostile-sweep-{name}")
    tried = 0
    async with app_client(app, keys) as c:
        for method, path, params, _ in _routes(app):
            if (method, path) in EXCLUDED:
                continue
            for p in params:
                for value in HOSTILE:
                    url = _url(path, params, p["name"], value)
                    r = await c.request(method, url, headers=admin, json={} if method != "GET" else None)
                    _check(r, f"{method} {path} {p['name']}={value[:30]!r}")
                    tried += 1
    assert tried > 100


@pytest.mark.parametrize("name", ["registry", "budget", "reports"])
async def test_no_hostile_body_gives_a_5xx(services, keys: TestKeys, name: str) -> None:
    app = services[name]
    admin = {**keys.auth(roles=["admin"], sub=f"hostile-body-{name}"), "Content-Type": "application/json"}
    async with app_client(app, keys) as c:
        for method, path, params, has_body in _routes(app):
            if not has_body or (method, path) in EXCLUDED:
                continue
            url = _url(path, params, None, "")
            for body in HOSTILE_BODIES:
                r = await c.request(method, url, headers=admin, content=body)
                _check(r, f"{method} {path} body={body[:30]!r}")


# --- valid bodies with one poisoned field ---------------------------------------------------------------

POISON: list[Any] = [
    "x" * 20000,
    "ตำบล" * 500,
    "a\u0000b",
    "=HYPERLINK(1)",
    10**30,
    -(10**30),
    2**63,
    1e308,
    -1,
    "9999-12-31",
    "0001-01-01",
    "99999999999999999999.99",
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
    {"nested": {"deep": [1, 2, {"x": None}]}},
]


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    if "anyOf" in schema:
        options = [o for o in schema["anyOf"] if o.get("type") != "null"]
        return _resolve(doc, options[0]) if options else {"type": "null"}
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return _resolve(doc, schema["allOf"][0])
    return schema


def _valid(doc: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> Any:
    """A small valid instance (required members only) of a request schema."""
    schema = _resolve(doc, schema)
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    if schema.get("examples"):
        return schema["examples"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 4:
            return {}
        props = schema.get("properties", {})
        return {k: _valid(doc, props[k], depth + 1) for k in schema.get("required", []) if k in props}
    if kind == "array":
        n = schema.get("minItems", 0)
        return [_valid(doc, schema.get("items", {}), depth + 1) for _ in range(n)]
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1) if "maximum" not in schema else int(schema.get("minimum", 1))
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    fmt = schema.get("format")
    if fmt == "uuid":
        return str(uuid.uuid4())
    if fmt == "date":
        return "2026-01-01"
    if fmt == "date-time":
        return "2026-01-01T00:00:00Z"
    if "pattern" in schema and "[0-9]" in schema["pattern"]:
        return "1.00" if "\\." in schema["pattern"] else "1"
    return "x" * max(1, schema.get("minLength", 1))


@pytest.mark.parametrize("name", ["registry", "budget", "reports"])
async def test_no_poisoned_field_of_a_valid_body_gives_a_5xx(services, keys: TestKeys, name: str) -> None:
    app = services[name]
    doc = app.openapi()
    admin = keys.auth(roles=["admin"], sub=f"hostile-field-{name}")
    tried = 0
    async with app_client(app, keys) as c:
        for method, path, params, has_body in _routes(app):
            if not has_body or (method, path) in EXCLUDED:
                continue
            op = doc["paths"][path][method.lower()]
            content = op["requestBody"].get("content", {})
            if "application/json" not in content:
                continue
            schema = _resolve(doc, content["application/json"]["schema"])
            base = _valid(doc, schema)
            if not isinstance(base, dict):
                continue
            url = _url(path, params, None, "")
            for field in list(schema.get("properties", {}))[:20]:
                for value in POISON:
                    r = await c.request(method, url, headers=admin, json={**base, field: value})
                    _check(r, f"{method} {path} {field}={str(value)[:30]!r}")
                    tried += 1
    assert tried > 0
