"""`make run` on a fresh data folder serves all four /healthz, and Ctrl-C stops everything cleanly."""

from __future__ import annotations

import httpx
from e2e_stack import Stack, login


def test_all_four_processes_are_healthy(stack: Stack) -> None:
    for name in ("gateway", "registry", "budget", "reports"):
        r = httpx.get(f"{stack.url(name)}/healthz", timeout=10)
        assert r.status_code == 200, (name, r.text)
        assert r.json() == {"status": "ok"}


def test_it_says_where_the_gateway_and_admin_password_are(stack: Stack) -> None:
    log = stack.log()
    assert f"gateway on http://127.0.0.1:{stack.ports['gateway']}" in log
    assert "admin" in log
    assert stack.admin_password not in log  # the password itself is never printed


def test_admin_logs_in_and_reads_reference_data_through_the_gateway(stack: Stack) -> None:
    token = login(stack, "admin", stack.admin_password)
    h = {"Authorization": f"Bearer {token}"}
    regions = httpx.get(f"{stack.gateway}/v1/registry/regions", headers=h, timeout=30)
    assert regions.status_code == 200, regions.text
    counts = {r["code"]: r["province_count"] for r in regions.json()["items"]}
    assert counts == {"north": 15, "central": 28, "northeast": 20, "south": 14}
    spec = httpx.get(f"{stack.gateway}/v1/openapi.json", timeout=30)
    assert spec.status_code == 200
    paths = spec.json()["paths"]
    for p in ("/v1/auth/token", "/v1/registry/regions", "/v1/budget/withdrawals", "/v1/reports/coverage"):
        assert p in paths, p
