"""Money in every service's OpenAPI is a string with a pattern, never a JSON number.

A ``Decimal`` left to FastAPI becomes ``type: number``: generated clients then use floats and a fuzzer sends
``5e-324`` (docs/PITFALLS.md). This walks every schema in the registry, budget and reports documents (components,
inline bodies, responses and parameters) and checks each property or parameter whose name says money.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from phaen_budget.config import Settings as BudgetSettings
from phaen_budget.main import create_app as create_budget
from phaen_registry.config import Settings as RegistrySettings
from phaen_registry.main import create_app as create_registry
from phaen_reports.config import Settings as ReportsSettings
from phaen_reports.main import create_app as create_reports

# Names that carry baht: whole words of a snake_case name (``grant_balance``, ``planned_amount``, ``fees``).
MONEY_WORDS = re.compile(
    r"(^|_)(amount|amounts|planned|actual|variance|balance|available|reserved|unallocated|receipt|receipts|"
    r"payment|payments|opening|closing|total|totals|spent|paid|withdrawn|deposited|deposit|deposits|fee|fees|"
    r"budget|ceiling|interest|cofunded|price|cost|costs|sum)($|_)"
)
# ...unless the name is about something else: a time, a date, an id, a number or a count of things.
NOT_MONEY = re.compile(r"_(at|on|id|ids|no|count|by|n|seq|pct|percent|share)$")
# ``total`` is also a count of rows (``Page.total``, ``villages_total``): an integer count is fine there.
COUNTS_TOO = {"total", "totals"}

COLLECT_ONLY_URL = SecretStr("postgresql://money@/collect-only")  # never connected: only openapi() is called


def _documents() -> dict[str, dict[str, Any]]:
    return {
        "registry": create_registry(RegistrySettings(database_url=COLLECT_ONLY_URL)).openapi(),
        "budget": create_budget(BudgetSettings(database_url=COLLECT_ONLY_URL)).openapi(),
        "reports": create_reports(ReportsSettings(database_url=COLLECT_ONLY_URL)).openapi(),
    }


def is_money_name(name: str) -> bool:
    return bool(MONEY_WORDS.search(name)) and not NOT_MONEY.search(name)


def money_fields(node: Any, where: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every (location, name, schema) of a money-named property or parameter anywhere under ``node``."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and is_money_name(name):
                yield f"{where}.properties.{name}", name, prop
        if "in" in node and "name" in node and isinstance(node.get("schema"), dict) and is_money_name(node["name"]):
            yield f"{where}[{node['in']} {node['name']}]", node["name"], node["schema"]
        for key, value in node.items():
            yield from money_fields(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from money_fields(value, f"{where}[{i}]")


def violation(name: str, schema: dict[str, Any]) -> str | None:
    """Why ``schema`` is not a money string, or None when it is (or is a container of money fields)."""
    alternatives = [s for s in schema.get("anyOf", schema.get("oneOf", [schema])) if s.get("type") != "null"]
    problems = []
    for alt in alternatives:
        kind = alt.get("type")
        if "$ref" in alt or kind in ("object", "array"):
            continue  # e.g. ``totals``: an object whose own money fields are checked where it is defined
        if (isinstance(kind, list) and "number" in kind) or kind == "number":
            problems.append(f"type {kind!r} (a JSON number: clients would use floats)")
        elif kind == "integer" and not COUNTS_TOO & set(name.split("_")):
            problems.append("type 'integer' (money has satang: a string with 2 decimals)")
        elif kind == "string" and not alt.get("pattern"):
            problems.append("a string without a pattern")
        elif kind not in ("string", "integer"):
            problems.append(f"type {kind!r}")
    return "; ".join(problems) or None


DOCS = _documents()


@pytest.mark.parametrize("service", sorted(DOCS))
def test_money_is_a_string_with_a_pattern(service: str) -> None:
    found = list(money_fields(DOCS[service]))
    assert found, f"no money field found in the {service} OpenAPI: the name rules are wrong"
    bad = [f"{where}: {why}" for where, name, schema in found if (why := violation(name, schema))]
    assert not bad, f"{service} OpenAPI has money that is not a string with a pattern:\n" + "\n".join(bad)


def test_the_rules_see_money_and_leave_counts_alone() -> None:
    money = {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$"}
    assert violation("amount", money) is None
    assert violation("planned", {"anyOf": [money, {"type": "null"}]}) is None
    assert violation("amount", {"type": "number"}) is not None
    assert violation("balance", {"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}]}) is not None
    assert violation("variance", {"type": "string"}) is not None
    assert violation("grant_balance", {"type": "integer"}) is not None
    assert violation("total", {"type": "integer"}) is None  # a count of rows
    assert violation("totals", {"$ref": "#/components/schemas/Totals"}) is None
    assert is_money_name("grant_balance") and is_money_name("planned_amount") and is_money_name("fees")
    assert not is_money_name("paid_at") and not is_money_name("receipt_no")
    assert violation("villages_total", {"type": "integer"}) is None
    assert not is_money_name("share") and not is_money_name("score") and not is_money_name("percent")
    line = {"properties": {"amount": {"type": "number"}, "no": {"type": "integer"}}}
    param = {"in": "query", "name": "min_amount", "schema": {"type": "number"}}
    doc = {"components": {"schemas": {"Line": line}}, "paths": {"/x": {"get": {"parameters": [param]}}}}
    assert [w for w, _, _ in money_fields(doc)] == [
        "components.schemas.Line.properties.amount",
        "paths./x.get.parameters[0][query min_amount]",
    ]
