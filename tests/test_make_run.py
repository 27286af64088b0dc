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


def test_the_processes_are_forked_from_the_supervisor_and_named_by_their_command_line(stack: Stack) -> None:
    """`make run` imports the shared libraries once and forks the four from that interpreter (scripts/prefork.py);
    each still carries its uvicorn command line (ps, pgrep -f and the fault tests find it by it)."""
    import subprocess
    from pathlib import Path

    assert "shared libraries imported" in stack.log()
    for name in ("gateway", "registry", "budget", "reports"):
        out = subprocess.run(
            ["pgrep", "-f", f"phaen_{name}.main:create_app.*--port {stack.ports[name]}"],
            capture_output=True,
            text=True,
            check=False,
        )
        pids = out.stdout.split()
        assert len(pids) == 1, (name, pids)
        ppid = Path(f"/proc/{pids[0]}/stat").read_text().rsplit(")", 1)[1].split()[1]
        assert "scripts/run.py" in Path(f"/proc/{ppid}/cmdline").read_text().replace("\0", " ")
