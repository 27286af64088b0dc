from __future__ import annotations

from pydantic import SecretStr

from phaen_common.testing import app_client


async def test_service_app_health_auth_and_feed(budget_db, keys):
    from phaen_budget.config import Settings
    from phaen_budget.main import create_app

    app = create_app(Settings(database_url=SecretStr(budget_db)))
    async with app_client(app, keys) as client:
        r = await client.get("/healthz")
        assert r.status_code == 200 and r.json() == {"status": "ok"}
        r = await client.get("/v1/budget/events")
        assert r.status_code == 401 and r.headers["content-type"] == "application/problem+json"
        r = await client.get("/v1/budget/events", headers=keys.auth(roles=["tambon_committee"]))
        assert r.status_code == 403, r.text
        r = await client.get("/v1/budget/events", headers=keys.auth(roles=["admin"]))
        assert r.status_code == 200, r.text
        assert r.json()["items"] == []
