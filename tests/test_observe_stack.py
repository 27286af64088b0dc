"""The running stack (`make run`): every process serves /metrics, /healthz and /readyz; the Grafana dashboard
asks only for metrics that exist; an idle stack writes nothing at info level."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import httpx
import pytest
from e2e_stack import Stack, login
from prometheus_client.parser import text_string_to_metric_families

DASHBOARD = Path(__file__).resolve().parent.parent / "deploy" / "grafana" / "phaen.json"
PROCESSES = ("gateway", "registry", "budget", "reports")
_METRIC = re.compile(r"\b((?:phaen|process)_[a-z0-9_]+)\b")
_SUFFIXES = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_count", "_sum", "_created")}

pytestmark = pytest.mark.slow


def scrape_names(text: str) -> set[str]:
    """Every series name a query may use: sample names, and each family's names even before its first sample."""
    names: set[str] = set()
    for family in text_string_to_metric_families(text):
        names.add(family.name)
        names.update(family.name + suffix for suffix in _SUFFIXES.get(family.type, ()))
        names.update(sample.name for sample in family.samples)
    return names


def dashboard_metrics() -> set[str]:
    doc = json.loads(DASHBOARD.read_text())
    exprs = [t["expr"] for p in doc["panels"] for t in p.get("targets", [])]
    exprs += [v["definition"] for v in doc["templating"]["list"] if "definition" in v]
    assert len(exprs) > 20
    return {m for e in exprs for m in _METRIC.findall(e)}


def test_every_process_serves_probes_and_metrics_and_the_dashboard_queries_exist(stack: Stack) -> None:
    token = login(stack, "admin", stack.admin_password)
    # One request through the gateway to each service, so the request series exist everywhere.
    for path in ("/v1/registry/regions", "/v1/budget/grants", "/v1/reports/coverage"):
        assert httpx.get(stack.gateway + path, headers={"Authorization": f"Bearer {token}"}, timeout=30).is_success
    names: set[str] = set()
    for name in PROCESSES:
        base = stack.url(name)
        assert httpx.get(f"{base}/healthz", timeout=10).json() == {"status": "ok"}
        ready = httpx.get(f"{base}/readyz", timeout=10)
        assert ready.status_code == 200 and ready.json()["checks"]["migrations"] == "ok", (name, ready.text)
        r = httpx.get(f"{base}/metrics", timeout=10)
        assert r.status_code == 200 and f'service="{name}"' in r.text, name
        assert re.search(r'route="/v1/[^"]*"', r.text), name
        names |= scrape_names(r.text)
    missing = sorted(dashboard_metrics() - names)
    assert missing == [], f"the dashboard queries metrics no process exports: {missing}"


def test_an_idle_stack_logs_nothing_at_info(stack: Stack) -> None:
    time.sleep(2)  # let anything started by earlier requests finish
    before = len(stack.log())
    deadline = time.monotonic() + 6  # several feed polls, webhook and outbox rounds
    while time.monotonic() < deadline:
        for name in PROCESSES:  # a scraper and the probes keep coming while the stack idles
            httpx.get(f"{stack.url(name)}/metrics", timeout=10)
            httpx.get(f"{stack.url(name)}/readyz", timeout=10)
        time.sleep(1)
    new = stack.log()[before:]
    lines = [ln for ln in new.splitlines() if ln.strip()]
    noisy = [ln for ln in lines if '"level": "info"' in ln or '"level": "debug"' in ln or not ln.startswith("{")]
    assert noisy == [], noisy[:5]

    # Not vacuous: the services' lines do reach this log, and a real request's line names its caller and error.
    token = login(stack, "admin", stack.admin_password)
    r = httpx.get(
        f"{stack.gateway}/v1/budget/withdrawals/00000000-0000-0000-0000-000000000000",
        headers={"Authorization": f"Bearer {token}", "X-Request-ID": "observe-idle-check"},
        timeout=30,
    )
    assert r.status_code == 404
    time.sleep(0.5)
    entries = [json.loads(ln) for ln in stack.log()[before:].splitlines() if "observe-idle-check" in ln]
    by_service = {e["service"]: e for e in entries if e.get("msg") == "request"}
    assert set(by_service) >= {"gateway", "budget"}, entries
    assert by_service["budget"]["code"] == "withdrawal_not_found" and by_service["budget"]["sub"]
    assert by_service["gateway"]["sub"] == by_service["budget"]["sub"]


def test_the_dashboard_check_sees_a_missing_metric() -> None:
    text = "# HELP phaen_payouts Withdrawals paid\n# TYPE phaen_payouts counter\nphaen_payouts_total 1.0\n"
    assert {"phaen_payouts_total", "phaen_payouts"} <= scrape_names(text)
    assert "phaen_no_such_thing_total" not in scrape_names(text)
