"""The authorization matrix, walked through the gateway of a real `make run` with a real token of every role.

Two tables in `authz_matrix.py` state the policy:
- ROUTES: every operation of the public API and, for each role, whether it may use it at all (else 403). Walked
  with well-formed ids of objects that do not exist and an empty body, so that a role that may act gets past
  authorization (to a 404 or a 422) and one that may not is refused first, whatever it sends.
- OBJECTS: object-level reach. Each object type, read from another region, another tambon, another bank or by a
  signatory the account does not list, is a 404; read by the caller in scope it is there.

A route in the live OpenAPI that is missing from ROUTES fails the test: every new route states who may use it.
Set PHAEN_AUTHZ_RECORD=1 to print what the system does now, in the table's own syntax, for review.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from authz_matrix import COMBINED_ROLES, DENY, OBJECTS, PUBLIC, REPORTS, ROUTES, SKIP_ROUTES
from authz_world import ROLES, World
from e2e_stack import Stack

RECORD = os.environ.get("PHAEN_AUTHZ_RECORD") == "1"
_PARAM = re.compile(r"\{([^}]+)\}")


def live_operations(stack: Stack) -> set[tuple[str, str]]:
    spec = httpx.get(f"{stack.gateway}/v1/openapi.json", timeout=60).json()
    return {
        (method.upper(), path)
        for path, ops in spec["paths"].items()
        for method in ops
        if method in ("get", "post", "put", "patch", "delete")
    }


def fake_path(path: str) -> str:
    """The path with well-formed ids of objects that do not exist."""

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in ("n", "no"):
            return "1"
        if name == "code":
            return "999999"
        return str(uuid.uuid4())

    return _PARAM.sub(fill, path)


def outcome(status: int) -> str:
    if status >= 500:
        return f"5xx:{status}"
    if status in (401, 403):
        return str(status)
    return "allow"


def probe(world: World, role: str, method: str, path: str) -> int:
    kw: dict[str, Any] = {}
    if method in ("POST", "PUT", "PATCH"):
        kw["json"] = {}
    return world.callers[role].request(method, fake_path(path), **kw).status_code


def test_every_route_of_the_live_api_is_in_the_matrix(stack: Stack) -> None:
    missing = sorted(live_operations(stack) - set(ROUTES) - SKIP_ROUTES)
    assert not missing, f"add these routes to tests/authz_matrix.py ROUTES (who may use them): {missing}"


def test_each_role_is_allowed_or_refused_as_the_matrix_says(world: World, figures: Any) -> None:
    """Every route x role (and each combined caller), all mismatches reported together."""
    walked = (*ROLES, *COMBINED_ROLES)

    def allows(allowed: frozenset[str], role: str) -> bool:
        return allowed is PUBLIC or any(r in allowed for r in COMBINED_ROLES.get(role, (role,)))

    def walk(item: tuple[tuple[str, str], frozenset[str]]) -> str | None:
        (method, path), allowed = item
        seen = {role: outcome(probe(world, role, method, path)) for role in walked}
        want = {role: ("allow" if allows(allowed, role) else DENY) for role in walked}
        if seen == want:
            return None
        return f"{method} {path}: " + ", ".join(f"{r} {seen[r]} (want {want[r]})" for r in walked if seen[r] != want[r])

    with ThreadPoolExecutor(max_workers=6) as pool:
        wrong = [w for w in pool.map(walk, sorted(ROUTES.items())) if w]
    figures.add("route x role pairs checked through the gateway", len(ROUTES) * len(walked))
    assert not wrong, "\n".join(wrong)


def wait_for_reports(world: World, target: str, seconds: float = 60) -> None:
    """The reports read model catches up within seconds: wait until the admin reads the object (bounded)."""
    deadline = time.monotonic() + seconds
    while world.callers["admin"].request("GET", target).status_code == 404:
        assert time.monotonic() < deadline, f"the reports read model never showed {target}"
        time.sleep(0.5)


@pytest.mark.parametrize(("what", "path", "role", "reach"), OBJECTS, ids=lambda v: str(v))
def test_objects_outside_the_callers_reach_are_404_and_inside_are_there(
    world: World, what: str, path: str, role: str, reach: str, figures: Any
) -> None:
    """``reach`` as in authz_matrix.py: "home" and "reached" are 200, "away", "outsider" and "never" 404."""
    foreign = reach in ("away", "reached")
    caller = world.outsiders[role] if reach == "outsider" else world.callers[role]
    target = path.format(**({**world.ids, **world.foreign} if foreign else world.ids))
    if path in REPORTS.values():
        wait_for_reports(world, target)
    r = caller.request("GET", target)
    want = 200 if reach in ("home", "reached") else 404
    if RECORD:
        print(f"RECORD-OBJ {what} {role} {reach} {r.status_code}")
        return
    figures.add("object-level reach cases checked")
    assert r.status_code == want, f"{role} ({reach}) GET {target}: {r.status_code} {r.text[:300]}"


@pytest.mark.skipif(not RECORD, reason="PHAEN_AUTHZ_RECORD=1 prints the observed table for review")
def test_record_what_the_system_does_now(stack: Stack, world: World) -> None:
    lines = []
    for method, path in sorted(live_operations(stack) - SKIP_ROUTES):
        seen = {role: outcome(probe(world, role, method, path)) for role in ROLES}
        allowed = sorted(r for r, o in seen.items() if o == "allow")
        odd = {r: o for r, o in seen.items() if o not in ("allow", DENY)}
        lines.append(f'    ("{method}", "{path}"): frozenset({allowed}),  # {odd or ""}')
    with open("/tmp/authz-record.txt", "w") as fh:
        fh.write("\n".join(lines) + "\n")
