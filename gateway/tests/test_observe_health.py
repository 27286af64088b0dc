"""/healthz is alive (no database), /readyz is ready to serve: database, migrations at head, the key ring."""

from __future__ import annotations

from phaen_common import health


async def test_gateway_readyz_gates_on_its_own_checks_and_reports_upstreams(client):
    r = await client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}
    r = await client.get("/readyz")
    assert r.status_code == 200, r.text
    checks = r.json()["checks"]
    assert checks["database"] == checks["migrations"] == checks["keys"] == "ok"
    # The test gateway's upstreams listen nowhere: reported, but the gateway still serves logins and the JWKS.
    assert checks["upstream:budget"] == "failing"


async def test_readyz_is_503_while_migrations_are_behind(client, monkeypatch):
    monkeypatch.setattr(health, "_heads", lambda _dir: frozenset({"a_newer_revision"}))
    r = await client.get("/readyz")
    assert r.status_code == 503 and r.headers["retry-after"] == "1"
    body = r.json()
    assert body["code"] == "service_unavailable" and body["checks"]["migrations"] == "failing"
    assert "migrations" in body["detail"]
    assert (await client.get("/healthz")).status_code == 200


async def test_metrics_on_the_gateway_count_routes_not_paths(client, admin_headers):
    await client.get("/v1/auth/users/00000000-0000-0000-0000-000000000001", headers=admin_headers)
    text = (await client.get("/metrics")).text
    assert 'route="/v1/auth/users/{user_id}"' in text and "00000000-0000-0000-0000-000000000001" not in text
    assert 'service="gateway"' in text
