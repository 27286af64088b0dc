"""Traces: with OTEL_* set, a request through the gateway to a service is one trace down to its SQL; without
them, the SDK is never imported.

It lives in the repository's own tests (not the gateway's) because it runs the budget app beside the gateway, and a
service's tests import no other service.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from pydantic import SecretStr

from phaen_common.auth import TokenVerifier
from phaen_common.migrations import upgrade
from phaen_gateway.testing import LoopbackServer, gateway_client, gateway_settings, user_headers


@pytest.fixture(scope="module")
def gateway_db(pg_url: str) -> str:
    """The gateway schema, migrated (as the gateway's own tests do)."""
    from phaen_gateway import MIGRATIONS_DIR, SCHEMA

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    return pg_url


@pytest.fixture
def spans(monkeypatch):
    """An in-memory exporter on the process's provider, and OTEL_* set so every app built now is traced."""
    from phaen_common import otel

    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1")  # never used: the provider is ours
    current = trace.get_tracer_provider()
    if not isinstance(current, TracerProvider):
        current = TracerProvider()
        trace.set_tracer_provider(current)
    exporter = InMemorySpanExporter()
    current.add_span_processor(SimpleSpanProcessor(exporter))
    yield exporter
    exporter.shutdown()  # the processor stays on the provider but exports nothing more
    otel.uninstrument()


async def test_a_request_through_the_gateway_is_one_trace_down_to_the_database(
    spans, gateway_db, pg_url, tmp_path_factory
):
    import phaen_budget
    from phaen_budget.config import Settings as BudgetSettings
    from phaen_budget.main import create_app as budget_app

    upgrade(phaen_budget.MIGRATIONS_DIR, pg_url, phaen_budget.SCHEMA)
    budget = budget_app(BudgetSettings(database_url=SecretStr(pg_url), expiry_sweep_seconds=0))
    async with LoopbackServer(budget) as budget_url:
        settings = gateway_settings(gateway_db, budget_url=budget_url, data_dir=tmp_path_factory.mktemp("gw-otel"))
        async with gateway_client(settings) as (gateway, client):
            # The budget checks the gateway's tokens against the gateway's own key ring.
            budget.state.verifier = TokenVerifier(
                gateway.state.ring, issuer=settings.jwt_issuer, audience=settings.jwt_audience
            )
            admin = await user_headers(gateway, client, roles=["admin"])
            spans.clear()
            r = await client.get("/v1/budget/grants", headers=admin)
            assert r.status_code == 200, r.text
            assert (await client.get("/healthz")).status_code == 200

    finished = spans.get_finished_spans()
    servers = [s for s in finished if s.kind == SpanKind.SERVER]
    gateway_span = next(s for s in servers if s.name == "GET /v1/budget/{path:path}")
    budget_span = next(s for s in servers if s.name == "GET /v1/budget/grants")
    trace_id = gateway_span.context.trace_id

    def children(parent):
        return [s for s in finished if s.parent is not None and s.parent.span_id == parent.context.span_id]

    # gateway (server) -> its call to the budget (client) -> the budget (server) -> the budget's SQL (client)
    (forward,) = [s for s in children(gateway_span) if s.attributes.get("db.system") is None]
    assert forward.kind == SpanKind.CLIENT
    assert budget_span.parent.span_id == forward.context.span_id
    sql = children(budget_span)
    assert sql and all(s.attributes["db.system"] == "postgresql" for s in sql)
    assert any("grant" in s.attributes["db.statement"] for s in sql)
    assert {s.context.trace_id for s in [gateway_span, forward, budget_span, *sql]} == {trace_id}
    # Bounded names: no raw path, and the probes are not traced.
    assert not any("healthz" in s.name for s in finished)


def test_without_otel_settings_the_sdk_is_never_imported(pg_url):
    script = textwrap.dedent(
        """
        import sys
        from pydantic import SecretStr
        from phaen_budget.config import Settings
        from phaen_budget.main import create_app
        from phaen_gateway.main import create_app as gateway_app
        from phaen_gateway.testing import gateway_settings
        create_app(Settings(database_url=SecretStr(sys.argv[1])))
        gateway_app(gateway_settings(sys.argv[1]))
        # FastAPI itself imports the OpenTelemetry *API* when it is installed (a no-op without an SDK); ours is
        # the SDK, the exporters and the instrumentations, none of which may load.
        heavy = ("opentelemetry.sdk", "opentelemetry.exporter", "opentelemetry.instrumentation", "phaen_common.otel")
        print(sorted(m for m in sys.modules if m.startswith(heavy)))
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    out = subprocess.run([sys.executable, "-c", script, pg_url], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_settings_that_turn_tracing_on_and_off():
    from phaen_common.tracing import tracing_requested

    assert not tracing_requested({})
    assert tracing_requested({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"})
    assert tracing_requested({"OTEL_TRACES_EXPORTER": "console"})
    assert not tracing_requested({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_SDK_DISABLED": "true"})
    assert not tracing_requested({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_TRACES_EXPORTER": "none"})
