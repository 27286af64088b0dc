"""The public OpenAPI document generates a clean client, and the committed client in clients/python matches it.

`openapi-python-client` names classes after schema titles: two services' `Event` used to drop the event feeds,
the grant, the plan-vs-actual report and the voucher from the client. Any warning from it fails here.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("make_client", ROOT / "scripts" / "make_client.py")
assert _spec is not None and _spec.loader is not None
make_client = importlib.util.module_from_spec(_spec)
sys.modules["make_client"] = make_client
_spec.loader.exec_module(make_client)

METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return make_client.build_document()


@pytest.fixture(scope="module")
def generated(doc: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    tmp = tmp_path_factory.mktemp("client")
    spec = tmp / "openapi.json"
    spec.write_text(make_client.dump(doc), encoding="utf-8")
    result = make_client.generate(spec, tmp / "out")
    yield tmp / "out", result.stdout + result.stderr + f"\nexit {result.returncode}"


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method in METHODS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def test_generator_reports_nothing_dropped(generated: tuple[Path, str]) -> None:
    _, log = generated
    assert log.rstrip().endswith("exit 0"), log
    assert make_client.problems(make_client.subprocess.CompletedProcess([], 0, log, "")) == [], log


def test_every_schema_becomes_a_model(doc: dict[str, Any], generated: tuple[Path, str]) -> None:
    out, _ = generated
    exported = set(re.findall(r'"(\w+)"', (out / "phaen_client" / "models" / "__init__.py").read_text()))
    expected = {make_client_class(s.get("title") or n) for n, s in doc["components"]["schemas"].items()}
    assert expected - exported == set()
    # The models the issue names as lost before, by the titles they now carry.
    for name in ("GrantOut", "PlanVsActual", "ExpenseCreate"):
        assert name in exported, name
    # The operations the issue names as lost before, each with a typed answer.
    for op in ("get_grant", "plan_vs_actual", "voucher", "feed", "import_tambons"):
        files = list(out.glob(f"phaen_client/api/*/{op}*.py"))
        assert files, op
        assert all("from ...models" in f.read_text() or op == "import_tambons" for f in files), op


def make_client_class(title: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", title) if p)


def test_committed_client_matches_the_document(doc: dict[str, Any], generated: tuple[Path, str]) -> None:
    out, _ = generated
    committed = make_client.CLIENT_DIR
    assert (committed / "openapi.json").read_text(encoding="utf-8") == make_client.dump(doc), "run `make client`"
    stale = make_client.differences(out / "phaen_client", committed / "phaen_client")
    assert stale == [], f"clients/python is stale, run `make client`: {stale[:10]}"


def test_schema_titles_are_unique(doc: dict[str, Any]) -> None:
    titles = [make_client_class(s.get("title") or n) for n, s in doc["components"]["schemas"].items()]
    assert len(titles) == len(set(titles))


def test_discriminators_point_to_schemas_that_exist(doc: dict[str, Any]) -> None:
    found = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("discriminator"), dict):
                found.append(node)
                for ref in node["discriminator"].get("mapping", {}).values():
                    assert ref.split("/")[-1] in doc["components"]["schemas"], ref
                    assert {"$ref": ref} in node.get("oneOf", node.get("anyOf", [])), ref
            for v in node.values():
                visit(v)
        elif isinstance(node, list):
            for v in node:
                visit(v)

    visit(doc)
    assert found, "the expense evidence has a discriminator"


# Free-text fields a Thai partner fills in Thai (codes, dates, amounts and references stay as they are).
TEXT_FIELDS = {
    "name",
    "name_th",
    "title",
    "purpose",
    "reason",
    "description",
    "summary",
    "full_name",
    "scope",
    "display_name",
    "funder",
    "seller_name",
    "seller_address",
    "payee_name",
    "payee_address",
    "number",
}


def text_fields(node: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from text_fields(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from text_fields(v, key)
    elif isinstance(node, str) and key in TEXT_FIELDS and key != "number":
        yield key, node
    elif isinstance(node, str) and key == "number" and not node[:1].isdigit():
        yield key, node


def _resolver_doc(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "components": doc["components"]}


def test_every_request_body_has_a_valid_thai_example(doc: dict[str, Any]) -> None:
    missing, invalid = [], []
    thai = re.compile(r"[\u0E00-\u0E7F]")
    for key, op in operations(doc):
        body = op.get("requestBody")
        if not body:
            continue
        for media_type, content in body["content"].items():
            examples = [content["example"]] if "example" in content else []
            examples += [e["value"] for e in content.get("examples", {}).values()]
            if not examples:
                missing.append(f"{key} {media_type}")
                continue
            for example in examples:
                english = [f for f, v in text_fields(example) if not thai.search(v)]
                if english:
                    invalid.append(f"{key}: no Thai in {english}")
                if media_type.endswith("json") or media_type.endswith("x-www-form-urlencoded"):
                    validator = jsonschema_rs.validator_for(_resolver_doc(doc, content["schema"]))
                    errors = [e.message for e in validator.iter_errors(example)]
                    if errors:
                        invalid.append(f"{key}: {errors[:2]}")
    assert missing == []
    assert invalid == [], "\n".join(invalid)


def test_headers_are_declared(doc: dict[str, Any]) -> None:
    def headers(op: dict[str, Any]) -> set[str]:
        return {p["name"].lower() for p in op.get("parameters", []) if p.get("in") == "header"}

    ops = dict(operations(doc))
    assert all("accept-language" in headers(op) for op in ops.values())
    idempotent = {k for k, op in ops.items() if "idempotency-key" in headers(op)}
    assert {
        "POST /v1/budget/accounts/{account_id}/deposits",
        "POST /v1/budget/accounts/{account_id}/fees",
        "POST /v1/budget/withdrawals",
        "POST /v1/budget/expenses",
        "POST /v1/budget/projects/{project_id}/tranches/{n}/release",
    } <= idempotent
    assert all(k.startswith("POST ") for k in idempotent)


def test_summaries_are_plain_words(doc: dict[str, Any]) -> None:
    for key, op in operations(doc):
        summary = op["summary"]
        default = " ".join(w.capitalize() for w in op.get("operationId", "").split("_v1_")[0].split("_"))
        assert summary != default or len(summary.split()) == 1, key
        assert not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+\b", summary) or "Bearer" in summary, key


def test_categories_servers_and_oauth2(doc: dict[str, Any]) -> None:
    category = doc["components"]["schemas"]["budget_ExpenseCreate"]["properties"]["category"]
    assert "ค่าอาหาร" in category["description"] and "Meetings: meals" in category["description"]
    assert len(category["x-enum-descriptions"]) == len(category["enum"]) == 13
    csv = doc["paths"]["/v1/registry/imports/tambons"]["post"]["requestBody"]
    assert "villages_with_plan" in csv["content"]["text/csv"]["schema"]["description"]
    assert doc["servers"]
    flows = doc["components"]["securitySchemes"]["oauth2"]["flows"]
    assert flows["password"]["tokenUrl"] == flows["clientCredentials"]["tokenUrl"] == "/v1/auth/token"
