"""Property-based fuzzing of registry, budget and reports from their own OpenAPI (schemathesis, real PostgreSQL).

Each service app runs in-process: schemathesis drives it over ASGI in its own event loop, lifespan included, on
the run's test database. Requests are generated (valid and invalid) from the service's OpenAPI and carry an
admin token. Every response must be: never a 5xx (nor a 401: the token must get through); problem+json when the
status is >= 400; a documented status code, content type and body; a 405 with ``Allow`` for a method the path
does not have; and invalid input must be refused (4xx), not stored.

The operations are collected from each app's ``openapi()`` (pytest needs them before any fixture runs); the
test asserts that the live ``/v1/<svc>/openapi.json`` serves the very same document.

Left out on purpose: ``POST /v1/reports/rebuild`` empties the read model every other reports test reads (it has
its own tests), and the gateway, whose own routes are fuzzed in ``gateway/tests/test_fuzz.py``.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from typing import Any

import jsonschema_rs
import pytest
import schemathesis
from fuzz_checks import problem_json_on_errors
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.python import asgi as schemathesis_asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from phaen_budget.config import Settings as BudgetSettings
from phaen_budget.main import create_app as create_budget
from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys
from phaen_registry.config import Settings as RegistrySettings
from phaen_registry.main import create_app as create_registry
from phaen_reports.config import Settings as ReportsSettings
from phaen_reports.main import create_app as create_reports

# A few examples per operation keep the file near a minute on 2 cores; the coverage phase adds each
# operation's boundary and missing-field cases on top. Deterministic unless PHAEN_FUZZ_EXAMPLES asks for a
# longer, random hunt (e.g. PHAEN_FUZZ_EXAMPLES=100).
HUNT = int(os.environ.get("PHAEN_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=HUNT or 6, deadline=None, derandomize=not HUNT, suppress_health_check=list(HealthCheck))

CONFIG = {"phases": {"stateful": {"enabled": False}}}
EXCLUDED = {("POST", "/v1/reports/rebuild")}
COLLECT_ONLY_URL = SecretStr("postgresql://fuzz@/collect-only")  # never connected: only openapi() is called


def _document(create_app: Any, settings_cls: Any) -> dict[str, Any]:
    return dict(create_app(settings_cls(database_url=COLLECT_ONLY_URL)).openapi())


DOCS = {
    "registry": _document(create_registry, RegistrySettings),
    "budget": _document(create_budget, BudgetSettings),
    "reports": _document(create_reports, ReportsSettings),
}


def _schema(name: str) -> Any:
    schema = schemathesis.openapi.from_dict(copy.deepcopy(DOCS[name]), config=SchemathesisConfig.from_dict(CONFIG))
    return schema.exclude(func=lambda ctx: (ctx.operation.method.upper(), ctx.operation.path) in EXCLUDED)


def _money_input(prop: dict[str, Any]) -> bool:
    """A money input field (``Money``, ``PositiveMoney``, ``SignedMoney``, optional or not)."""
    return any(
        p.get("type") == "string" and "[0-9]{1,12}" in p.get("pattern", "") for p in [prop, *prop.get("anyOf", [])]
    )


def _integer_field(prop: dict[str, Any]) -> bool:
    return any(p.get("type") == "integer" for p in [prop, *prop.get("anyOf", [])])


def _tolerated(node: Any, money: set[str], integers: set[str]) -> Any:
    """``node`` with the two coercions we accept written the strict way: a money amount given as a JSON integer
    (the contract takes ``45000``; the schema shows a string so generated clients never send floats) and
    pydantic's lax ``true``/``false`` for an integer field (harmless: 1/0)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in money and isinstance(value, int) and not isinstance(value, bool):
                out[key] = str(value)
            elif key in integers and isinstance(value, bool):
                out[key] = int(value)
            else:
                out[key] = _tolerated(value, money, integers)
        return out
    if isinstance(node, list):
        return [_tolerated(v, money, integers) for v in node]
    return node


def _only_tolerated_coercions(case: Any) -> bool:
    """Is the body invalid only by the coercions ``_tolerated`` accepts?"""
    data = getattr(getattr(case.meta, "phase", None), "data", None)
    location = getattr(data, "parameter_location", None)
    if location is None or location.value != "body" or not isinstance(case.body, dict | list):
        return False
    doc = next(d for d in DOCS.values() if case.operation.path in d["paths"])
    operation = doc["paths"][case.operation.path][case.method.lower()]
    body_schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if body_schema is None:
        return False
    components = doc.get("components", {})
    props = [
        (name, prop)
        for schema in components.get("schemas", {}).values()
        for name, prop in (schema.get("properties") or {}).items()
    ]
    money = {name for name, prop in props if _money_input(prop)}
    integers = {name for name, prop in props if _integer_field(prop)}
    validator = jsonschema_rs.validator_for({**body_schema, "components": components})
    return bool(validator.is_valid(_tolerated(case.body, money, integers)))


def negative_data_refused(ctx: Any, response: Any, case: Any) -> bool | None:
    """Schemathesis' ``negative_data_rejection``, less the coercions ``_tolerated`` accepts."""
    try:
        return negative_data_rejection(ctx, response, case)
    except AcceptedNegativeData:
        if _only_tolerated_coercions(case):
            return None
        raise


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_refused,
    unsupported_method,
    problem_json_on_errors,
]


def _serve(app: Any, name: str, keys: TestKeys) -> Any:
    """Start ``app`` under schemathesis' ASGI client; its live OpenAPI must be the collected one."""
    app.state.verifier = keys.verifier()
    live = schemathesis.openapi.from_asgi(f"/v1/{name}/openapi.json", app)
    assert json.dumps(live.raw_schema, sort_keys=True) == json.dumps(DOCS[name], sort_keys=True)
    return app


@pytest.fixture(scope="module", autouse=True)
def _stop_apps() -> Iterator[None]:
    """Schemathesis keeps each app's lifespan running; end them (and their pools) before the database goes."""
    yield
    schemathesis_asgi.shutdown_lifespans()


@pytest.fixture(scope="module")
def registry_app(pg_url: str, keys: TestKeys) -> Any:
    from phaen_registry import MIGRATIONS_DIR, SCHEMA
    from phaen_registry.setup import load_reference_data

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    load_reference_data(pg_url)
    return _serve(create_registry(RegistrySettings(database_url=SecretStr(pg_url))), "registry", keys)


@pytest.fixture(scope="module")
def budget_app(pg_url: str, keys: TestKeys, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from phaen_budget import MIGRATIONS_DIR, SCHEMA
    from phaen_budget.core.tiers import FixedTierLookup, TambonInfo
    from phaen_budget.signatories.directory import FixedDirectory

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    data_dir = tmp_path_factory.mktemp("fuzz-budget")
    app = create_budget(BudgetSettings(database_url=SecretStr(pg_url), data_dir=data_dir))
    app.state.tiers = FixedTierLookup({"100101": TambonInfo(tier="pilot", region="central")})
    app.state.directory = FixedDirectory(everyone=True)  # no gateway directory in this test
    return _serve(app, "budget", keys)


@pytest.fixture(scope="module")
def reports_app(pg_url: str, keys: TestKeys) -> Any:
    from phaen_reports import MIGRATIONS_DIR, SCHEMA
    from phaen_reports.feeds.source import ListFeedSource

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    app = create_reports(ReportsSettings(database_url=SecretStr(pg_url), feed_enabled=False))
    app.state.feed_sources = [ListFeedSource(name="fuzz-empty", events=[])]  # reads what other tests stored
    return _serve(app, "reports", keys)


@pytest.fixture
def admin(keys: TestKeys) -> dict[str, str]:
    return keys.auth(roles=["admin"], sub="openapi-fuzz-admin")


# Text PostgreSQL cannot store (NUL) or UTF-8 cannot encode (an unpaired surrogate). Hypothesis draws them too
# rarely for a few examples per operation, so every valid request is also sent with them in each string of its
# JSON body, query and path.
UNSTORABLE = ("\x00", "\ud800")


def _poisoned(node: Any, bad: str) -> Any:
    if isinstance(node, str):
        return node[:1] + bad + node[1:]
    if isinstance(node, dict):
        return {k: _poisoned(v, bad) for k, v in node.items()}
    if isinstance(node, list):
        return [_poisoned(v, bad) for v in node]
    return node


def _send(case: Any, app: Any, headers: dict[str, str], checks: list[Any]) -> None:
    response = case.call(headers=headers, app=app)
    # Else every check would pass on a wall of 401s: the admin token must get through to the routes.
    assert response.status_code != 401, response.text
    case.validate_response(response, checks=checks, headers=headers, transport_kwargs={"app": app})


def _check(case: Any, app: Any, headers: dict[str, str], figures: Any) -> None:
    _send(case, app, headers, CHECKS)
    figures.add("fuzz cases sent")
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
    sent = {"body": case.body, "query": case.query, "path_parameters": case.path_parameters}
    variants = []
    if isinstance(case.body, dict) and case.media_type == "application/json":
        variants += [{**sent, "body": _poisoned(case.body, bad)} for bad in UNSTORABLE]
    # A URL carries NUL (%00) but no unpaired surrogate.
    variants.append({**sent, "query": _poisoned(case.query, "\x00")})
    variants.append({**sent, "path_parameters": _poisoned(case.path_parameters, "\x00")})
    for variant in variants:
        if variant != sent:
            poisoned = case.operation.Case(media_type=case.media_type, **variant)
            _send(poisoned, app, headers, [not_a_server_error, status_code_conformance, problem_json_on_errors])
            figures.add("fuzz cases sent")


registry = _schema("registry")
budget = _schema("budget")
reports = _schema("reports")


@settings(FUZZ)
@registry.parametrize()
def test_registry_fuzz(case: Any, registry_app: Any, admin: dict[str, str], figures: Any) -> None:
    _check(case, registry_app, admin, figures)


@settings(FUZZ)
@budget.parametrize()
def test_budget_fuzz(case: Any, budget_app: Any, admin: dict[str, str], figures: Any) -> None:
    _check(case, budget_app, admin, figures)


@settings(FUZZ)
@reports.parametrize()
def test_reports_fuzz(case: Any, reports_app: Any, admin: dict[str, str], figures: Any) -> None:
    _check(case, reports_app, admin, figures)
