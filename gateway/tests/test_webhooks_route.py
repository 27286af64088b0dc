"""The gateway routes /v1/webhooks/* and /v1/asyncapi.json to the reports service (events-webhooks)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI, Request

from phaen_gateway.testing import closed_port_url, gateway_client, gateway_settings, serve, user_headers


def reports_stand_in() -> FastAPI:
    app = FastAPI(openapi_url=None)

    @app.post("/v1/webhooks/subscriptions", status_code=201)
    async def subscribe(request: Request) -> dict:
        return {"path": request.url.path, "body": await request.json(), "auth": "authorization" in request.headers}

    @app.get("/v1/asyncapi.json")
    async def asyncapi() -> dict:
        return {"asyncapi": "3.0.0"}

    @app.get("/v1/reports/openapi.json")
    async def spec() -> dict:
        ok = {"200": {"description": "ok"}}
        return {
            "openapi": "3.1.0",
            "info": {"title": "reports", "version": "1"},
            "paths": {
                "/v1/webhooks/subscriptions": {"post": {"operationId": "subscribe", "responses": ok}},
                "/v1/reports/coverage": {"get": {"operationId": "coverage", "responses": ok}},
            },
        }

    return app


@pytest.fixture(scope="module")
async def gateway(gateway_db, tmp_path_factory):
    async with serve(reports_stand_in()) as reports_url:
        settings = gateway_settings(
            gateway_db,
            reports_url=reports_url,
            budget_url=closed_port_url(),
            registry_url=closed_port_url(),
            data_dir=tmp_path_factory.mktemp("gw-webhooks"),
        )
        async with gateway_client(settings) as (app, client):
            yield client, await user_headers(app, client, roles=["auditor"])


async def test_webhooks_and_asyncapi_reach_the_reports_service(gateway):
    client, headers = gateway
    body = {"url": "https://hooks.example/x", "events": ["withdrawal.approved"]}
    assert (await client.post("/v1/webhooks/subscriptions", json=body)).status_code == 401
    r = await client.post("/v1/webhooks/subscriptions", json=body, headers=headers)
    assert r.status_code == 201 and r.json() == {"path": "/v1/webhooks/subscriptions", "body": body, "auth": True}
    r = await client.get("/v1/asyncapi.json")  # public, like the OpenAPI
    assert r.status_code == 200 and r.json() == {"asyncapi": "3.0.0"}
    doc = (await client.get("/v1/openapi.json")).json()
    assert "/v1/webhooks/subscriptions" in doc["paths"] and "/v1/reports/coverage" in doc["paths"]
