"""schemathesis through the running gateway: the public document, real tokens, and the money flow's links.

Two runs against the shared `make run` stack (``stack`` and ``world`` fixtures), both from the gateway's merged
``/v1/openapi.json`` exactly as partners download it:

- **every operation**, with generated valid and invalid requests, each sent with the token of a role the
  authorization matrix allows on that route (admin, secretariat, regional committee, signatory, bank, ...);
- **stateful**: schemathesis' state machine follows the document's OpenAPI ``links`` (grant -> project ->
  tranche release -> account -> withdrawal -> signatures -> payout; ``phaen_gateway/openapi_polish.py``), each
  step sent by the person who does it in life. Ids, signatories and resolutions are pinned to the world's (a
  copy of the document narrows those fields), so generated requests get past the references and reach the
  rules behind them; afterwards every withdrawal the run paid has exactly one payout in its ledger.

Every answer must be: no 5xx; a status the operation documents; ``application/problem+json`` with ``status``
and ``code`` for every error; a body that matches the documented schema.

A CI-sized run is part of ``make test`` (one deterministic example per operation; stateful scenarios until a
payout or ``PHAEN_FUZZ_STATEFUL_SECONDS``, 20 s); ``make fuzz`` runs it longer and at random
(``PHAEN_FUZZ_EXAMPLES`` examples per operation and stateful scenarios per run, ``PHAEN_FUZZ_STEPS`` steps each,
every linked operation). Figures: ``fuzz cases sent``, ``fuzz 5xx found``, ``fuzz stateful payouts``.
"""

from __future__ import annotations

import copy
import os
import threading
import time
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest
import schemathesis
from authz_matrix import ROUTES
from authz_world import RESOLUTION, Caller, World
from e2e_stack import Stack
from fuzz_checks import problem_json_on_errors
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Flaky
from hypothesis.stateful import Bundle
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import TestPhase
from schemathesis.generation.stateful.state_machine import StepInput, normalize_name
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.stateful import transition

from phaen_gateway.openapi_polish import MONEY_FLOW_LINKS

HUNT = int(os.environ.get("PHAEN_FUZZ_EXAMPLES", "0"))
STEPS = int(os.environ.get("PHAEN_FUZZ_STEPS", "0"))
# `make fuzz`: the stateless run's time budget (then one example per remaining operation).
HUNT_SECONDS = float(os.environ.get("PHAEN_FUZZ_SECONDS", "600"))
# The stateful run goes on (fresh Hypothesis runs) until a payout was reached or this many seconds passed.
STATEFUL_SECONDS = float(os.environ.get("PHAEN_FUZZ_STATEFUL_SECONDS", "20"))
# Left out on purpose: the token endpoint (its failures are counted per client address: a fuzzer would lock the
# other tests' logins out; fuzzed in-process in gateway/tests/test_fuzz.py), key rotation and the read-model
# rebuild (they change what every other test sees), and new webhook subscriptions (they would deliver to
# whatever host the fuzzer names).
EXCLUDED = {
    ("POST", "/v1/auth/token"),
    ("POST", "/v1/auth/keys/rotate"),
    ("POST", "/v1/reports/rebuild"),
    ("POST", "/v1/webhooks/subscriptions"),
}
CONFIG = {"phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}}}
# Who sends what when more than one role may: the person who does it in life first.
PREFERRED = (
    "signatory",
    "bank",
    "tambon_committee",
    "secretariat",
    "regional_committee",
    "national_committee",
    "auditor",
    "partner_registry",
    "admin",
)
# The operations the money flow's links start from or lead to.
MONEY_FLOW = {(m, p) for m, p, _ in MONEY_FLOW_LINKS} | {
    (link[0], link[1]) for links in MONEY_FLOW_LINKS.values() for link in links.values()
}
W = "/v1/budget/withdrawals/{withdrawal_id}"
MONEY_PATH = {
    ("post", "/v1/budget/projects"),
    ("post", "/v1/budget/accounts"),
    ("post", "/v1/budget/projects/{project_id}/tranches/{n}/release"),
    ("post", "/v1/budget/withdrawals"),
    ("post", W + "/signatures"),
    ("post", W + "/payout"),
    ("get", W),
    ("get", "/v1/budget/accounts/{account_id}/ledger"),
}
# Where a stateful scenario may start (a grant too in `make fuzz`, for the grant's own links).
ROOTS = {("post", "/v1/budget/projects"), ("post", "/v1/budget/withdrawals")} | (
    {("post", "/v1/budget/grants")} if HUNT else set()
)
READERS = ("admin", "regional_committee", "signatory", "bank", "auditor", "tambon_committee", "secretariat")


class Tally:
    """What the fuzz saw, shared by both runs (the figures and the failures)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.cases = 0
        self.server_errors: list[str] = []
        self.statuses: dict[int, int] = {}

    def see(self, response: Any, case: Any) -> None:
        with self.lock:
            self.cases += 1
            self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                self.server_errors.append(
                    f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:200]}"
                )


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    problem_json_on_errors,
]


@pytest.fixture(scope="module")
def gateway_doc(stack: Stack, world: World) -> dict[str, Any]:
    """The merged document as a partner downloads it (every service answered: none is missing)."""
    doc: dict[str, Any] = httpx.get(f"{stack.gateway}/v1/openapi.json", timeout=60).json()
    assert not doc["info"].get("x-unavailable-services"), doc["info"]
    return doc


@pytest.fixture(scope="module")
def tally(figures: Any) -> Any:
    seen = Tally()
    yield seen
    figures.add("fuzz cases sent", seen.cases)
    figures.add("fuzz 5xx found", len(seen.server_errors))


def _schema(doc: dict[str, Any], base_url: str, config: dict[str, Any]) -> Any:
    schema = schemathesis.openapi.from_dict(copy.deepcopy(doc), config=SchemathesisConfig.from_dict(config))
    schema.config.update(base_url=base_url)
    return schema.exclude(func=lambda ctx: (ctx.operation.method.upper(), ctx.operation.path) in EXCLUDED)


@pytest.fixture(scope="module")
def gateway_schema(gateway_doc: dict[str, Any], stack: Stack) -> Any:
    return _schema(gateway_doc, stack.gateway, CONFIG)


class Roles:
    """Picks a caller for each request: one of the roles the authorization matrix allows on its route."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.turn: dict[tuple[str, str], int] = {}

    def allowed(self, method: str, path: str) -> list[str]:
        allowed = ROUTES.get((method, path), frozenset({"admin"}))
        if "*" in allowed:
            return ["admin"]
        return [r for r in (READERS if method == "GET" else PREFERRED) if r in allowed] or ["admin"]

    def caller(self, method: str, path: str) -> Caller:
        """The roles allowed on a read take turns; a write goes to the person who does it."""
        roles = self.allowed(method, path)
        if method == "GET":
            n = self.turn.get((method, path), 0)
            self.turn[(method, path)] = n + 1
            return self.world.callers[roles[n % len(roles)]]
        return self.world.callers[roles[0]]


@pytest.fixture(scope="module")
def roles(world: World) -> Roles:
    return Roles(world)


def _headers(caller: Caller) -> dict[str, str]:
    return dict(caller.headers)


def test_every_operation_through_the_gateway(gateway_schema: Any, roles: Roles, tally: Tally) -> None:
    """Valid and invalid requests for every operation (but the four left out), each with an allowed role."""
    failures: list[str] = []
    operations = [result.ok() for result in gateway_schema.get_all_operations()]
    assert len(operations) > 100, len(operations)
    budget = time.monotonic() + HUNT_SECONDS
    for operation in operations:
        # Past the time budget, each remaining operation still gets its one CI-sized example.
        examples = HUNT if HUNT and time.monotonic() < budget else 1
        cases = st.one_of(
            operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
            operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
        )

        @given(case=cases)
        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=examples == 1,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.generate],
        )
        def send(case: Any) -> None:
            caller = roles.caller(case.method.upper(), case.path)
            response = case.call(headers=_headers(caller), timeout=60)
            tally.see(response, case)
            try:
                # Else every check would pass on a wall of 401s: the token must get through.
                assert response.status_code != 401, response.text
                case.validate_response(response, checks=CHECKS, headers=_headers(caller))
            except (Exception, FailureGroup) as exc:  # every check failure: all are reported at the end
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {exc}"[:2000])

        send()
    assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures[:30])


# The stateful run: fields that refer to the world are pinned to it in a copy of the document.
SIGN_BODY_ANY = {"anyOf": [{"type": "object", "properties": {}, "additionalProperties": False}, {"type": "null"}]}


def _user_id(caller: Caller) -> str:
    me = caller.ok("GET", "/v1/auth/me")
    return str(me.get("id") or me["sub"])


def pinned(doc: dict[str, Any], world: World) -> dict[str, Any]:
    """``doc`` with the references a generator cannot guess narrowed to the world's values."""
    doc = copy.deepcopy(doc)
    schemas = doc["components"]["schemas"]
    signers = [_user_id(c) for c in world.signers]
    resolution = {"const": RESOLUTION}

    def pin(name: str, **props: Any) -> None:
        schema = schemas[name]
        for prop, value in props.items():
            schema["required"] = [r for r in schema.get("required", []) if r != prop]
            if value is None:
                schema["properties"].pop(prop, None)
            else:
                schema["properties"][prop] = value
                schema["required"].append(prop)

    pin("budget_GrantCreate", amount={"enum": ["20000000.00"]}, fiscal_year={"const": 2547})
    pin("budget_LineCreate", planned={"enum": ["3000000.00"]}, cofunding=None)
    pin(
        "budget_ProjectCreate",
        grant_id={"const": world.ids["grant_id"]},
        line_no={"const": 1},
        level={"const": "tambon"},
        region={"const": "north"},
        tambon={"const": world.ids["tambon"]},
        amount={"enum": ["1000.00", "2500.50"]},
        tranches=None,
    )
    pin("budget_ReleaseBody", resolution=resolution, amount=None)
    pin(
        "budget_AccountCreate",
        signatories={"const": signers},
        threshold={"const": 2},
        resolution=resolution,
        bank={"const": "BAAC"},
    )
    pin(
        "budget_WithdrawalCreate",
        account_id={"const": world.ids["account_id"]},
        amount={"enum": ["1.00", "12.34"]},
        resolution=resolution,
        fund={"const": "grant"},
    )
    sign = doc["paths"]["/v1/budget/withdrawals/{withdrawal_id}/signatures"]["post"]["requestBody"]
    sign["content"]["application/json"]["schema"] = SIGN_BODY_ANY
    return doc


def test_the_money_flow_links_are_published(gateway_doc: dict[str, Any]) -> None:
    """The links partners see (and the state machine follows) reach from a project to a payout."""
    paths = gateway_doc["paths"]
    ids = {op["operationId"]: (m, p) for p, item in paths.items() for m, op in item.items() if isinstance(op, dict)}

    def targets(method: str, path: str, status: str) -> set[tuple[str, str]]:
        links = paths[path][method]["responses"][status].get("links", {})
        return {ids[link["operationId"]] for link in links.values()}

    w = "/v1/budget/withdrawals/{withdrawal_id}"
    assert ("post", "/v1/budget/projects/{project_id}/tranches/{n}/release") in targets(
        "post", "/v1/budget/projects", "201"
    )
    assert ("post", "/v1/budget/withdrawals") in targets("post", "/v1/budget/accounts", "201")
    assert ("post", w + "/signatures") in targets("post", "/v1/budget/withdrawals", "201")
    assert ("post", w + "/payout") in targets("post", w + "/signatures", "201")
    assert ("get", "/v1/budget/accounts/{account_id}/ledger") in targets("post", w + "/payout", "200")


def test_the_money_flow_through_the_gateway_by_its_links(
    gateway_doc: dict[str, Any], stack: Stack, world: World, roles: Roles, tally: Tally, figures: Any
) -> None:
    # Only the money flow's own links: schemathesis' inferred links would also follow the user list to
    # "disable" and "link a person", and take the world's own callers apart.
    config = {"phases": {"stateful": {"inference": {"algorithms": []}}}}
    # The CI-sized run walks the straight path to a payout; `make fuzz` every linked operation.
    walked = MONEY_FLOW if HUNT else MONEY_PATH
    schema = _schema(pinned(gateway_doc, world), stack.gateway, config).include(
        func=lambda ctx: (ctx.operation.method.lower(), ctx.operation.path) in walked
    )
    signer_turn: dict[str, int] = {}
    paid: set[str] = set()
    signed: set[str] = set()
    failures: list[str] = []

    base = schema.as_state_machine()
    # Scenarios start only where the world's pinned references make a new object (a project on the world's
    # grant line, a withdrawal from the world's account). schemathesis' own roots include signatures
    # and payouts on random ids (404s the stateless run already covers, spending the steps) and leave out
    # the project and the withdrawal (they have incoming links): replace them.
    rules: dict[str, Any] = dict.fromkeys(base.root_rules)
    for method, path in sorted(ROOTS):
        operation = schema[path][method.upper()]
        name = normalize_name(f"START -> {method.upper()} {path}")
        rules[name] = transition(
            name=name,
            target=Bundle("catch_all"),
            precondition=_may_start,
            input=operation.as_strategy(phase=TestPhase.STATEFUL).map(StepInput.initial),
        )

    class MoneyFlow(base):  # type: ignore[misc,valid-type]
        starts = 0
        steps = 0
        stuck = False

        def step(self, input: Any) -> Any:
            self.steps += 1
            self.starts += input.transition is None
            output = super().step(input)
            self.stuck = output.response.status_code >= 400
            return output

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            method, path = case.method.upper(), case.path
            if path.endswith("/signatures") and method == "POST":
                # Each signature on a withdrawal comes from the next of its three signatories.
                wid = str(case.path_parameters.get("withdrawal_id"))
                n = signer_turn.get(wid, 0)
                signer_turn[wid] = n + 1
                caller = world.signers[n % len(world.signers)]
            else:
                caller = roles.caller(method, path)
            headers = _headers(caller)
            if method == "POST":
                # A fresh key per step: the generator's keys ("0", "00") repeat across steps, and a reused key
                # on another request is a 409 the stateless run already meets; the flow would stop there.
                headers["Idempotency-Key"] = f"fuzz-{uuid.uuid4()}"
            return {"headers": headers, "timeout": 60}

        locals().update(rules)

        def after_call(self, response: Any, case: Any) -> None:
            super().after_call(response, case)
            tally.see(response, case)
            if case.method.upper() == "POST" and response.status_code in (200, 201):
                if case.path.endswith("/payout"):
                    paid.add(response.json()["id"])
                elif case.path.endswith("/signatures"):
                    signed.add(response.json()["id"])

        def validate_response(self, response: Any, case: Any, additional_checks: Any = None, **kw: Any) -> None:
            # Recorded, not raised: a live server's answers change between Hypothesis' runs of one scenario, so
            # its replay of a failure is flaky; the failure seen once is what counts.
            try:
                assert response.status_code != 401, response.text
                case.validate_response(response, checks=CHECKS, headers=kw.get("headers"))
            except (Exception, FailureGroup) as exc:  # every check failure, whatever its class
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {exc}"[:2000])

    deadline = time.monotonic() + STATEFUL_SECONDS
    runs = 0
    while time.monotonic() < deadline and (runs == 0 or HUNT or not paid):
        runs += 1
        try:
            MoneyFlow.run(
                settings=settings(
                    max_examples=HUNT or 8,
                    stateful_step_count=STEPS or 12,
                    deadline=None,
                    database=None,
                    suppress_health_check=list(HealthCheck),
                    phases=[Phase.generate],
                )
            )
        except Flaky:
            # The server's state moved under Hypothesis' replay (a withdrawal already signed, a line spent):
            # the scenarios so far ran and were checked; start a fresh run.
            continue
    figures.add("fuzz stateful payouts", len(paid))
    assert not failures, "\n\n".join(failures[:20])
    assert signed, "the state machine never reached a signature: the links no longer lead there"
    _each_paid_exactly_once(world, paid)


def _may_start(machine: Any) -> bool:
    """A new scenario start only now and then: Hypothesis draws among the enabled rules alike, and the two
    starts, always enabled, would leave the links (where the money moves) a few steps in ten. Always when no
    link can be followed (Hypothesis refuses a state in which no rule may run)."""
    if machine.starts == 0 or machine.stuck or machine.steps >= 5 * machine.starts:
        return True
    return not any(
        machine.bundles.get(f"{source} -> {link.status_code}")
        and machine.control.allow_transition(source, link.target.label)
        for source, transitions in machine._transitions.operations.items()
        for link in transitions.outgoing
    )


def _each_paid_exactly_once(world: World, paid: set[str]) -> None:
    """Every withdrawal the run paid has exactly one payout entry, for its amount, in its account's ledger."""
    sec = world.callers["secretariat"]
    for wid in paid:
        w = sec.ok("GET", f"/v1/budget/withdrawals/{wid}")
        assert w["status"] == "paid", w
        entries, cursor = [], None
        while True:
            params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
            page = sec.ok("GET", f"/v1/budget/accounts/{w['account_id']}/ledger", params=params)
            entries += [e for e in page["items"] if e.get("withdrawal_id") == wid]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        assert len(entries) == 1, entries
        assert abs(Decimal(entries[0]["amount"])) == Decimal(w["amount"])
