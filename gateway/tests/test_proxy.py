"""Routing to the services: streaming both ways, request id, hop-by-hop headers, 413, 503, 504, OpenAPI."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os

import pytest
from fastapi import FastAPI, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import SecretStr

from phaen_gateway.testing import closed_port_url, gateway_client, gateway_settings, serve, user_headers

CAP = 64 * 1024
hits: list[str] = []


def upstream_app() -> FastAPI:
    """A stand-in budget service that tells what it received."""
    app = FastAPI(openapi_url=None)

    @app.api_route("/v1/budget/echo", methods=["GET", "POST", "PUT"])
    async def echo(request: Request) -> Response:
        hits.append(request.url.path)
        body = b""
        async for chunk in request.stream():
            body += chunk
        return Response(
            content=json.dumps(
                {
                    "method": request.method,
                    "query": request.url.query,
                    "headers": dict(request.headers),
                    "multi": request.headers.getlist("x-multi"),
                    "body_len": len(body),
                    "body_sha256": hashlib.sha256(body).hexdigest(),
                }
            ),
            status_code=201 if request.method == "POST" else 200,
            media_type="application/json",
            headers={"x-upstream": "yes", "connection": "close, x-upstream-hop", "x-upstream-hop": "1"},
        )

    @app.get("/v1/budget/big")
    async def big() -> StreamingResponse:
        async def gen():
            for i in range(64):
                yield bytes([i]) * 16384

        return StreamingResponse(gen(), media_type="application/octet-stream")

    @app.get("/v1/budget/slow")
    async def slow() -> dict[str, str]:
        await asyncio.sleep(1.5)
        return {"late": "yes"}

    @app.get("/v1/budget/openapi.json")
    async def spec() -> dict:
        hits.append("openapi")
        return {
            "openapi": "3.1.0",
            "info": {"title": "budget", "version": "1"},
            "paths": {
                "/v1/budget/things": {
                    "get": {
                        "operationId": "list_things",
                        "responses": {
                            "200": {
                                "description": "ok",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                            }
                        },
                    }
                },
                "/v1/budget/openapi.json": {"get": {"responses": {}}},
            },
            "components": {
                "schemas": {
                    "Thing": {"type": "object", "properties": {"other": {"$ref": "#/components/schemas/UserPublic"}}},
                    "UserPublic": {"type": "object"},
                }
            },
        }

    return app


@pytest.fixture(scope="module")
async def proxied(gateway_db, tmp_path_factory):
    async with serve(upstream_app()) as budget_url:
        settings = gateway_settings(
            gateway_db,
            budget_url=budget_url,
            budget_timeout=0.5,
            registry_url=closed_port_url(),
            max_body_bytes=CAP,
            data_dir=tmp_path_factory.mktemp("gw-proxy"),
        )
        async with gateway_client(settings) as (app, client):
            headers = await user_headers(app, client, roles=["auditor"])
            yield client, headers


async def test_request_id_passes_through_both_ways(proxied):
    client, auth = proxied
    r = await client.get("/v1/budget/echo", headers={**auth, "X-Request-ID": "rid-from-client-42"})
    assert r.status_code == 200, r.text
    assert r.json()["headers"]["x-request-id"] == "rid-from-client-42"
    assert r.headers.get_list("x-request-id") == ["rid-from-client-42"]
    r = await client.get("/v1/budget/echo", headers=auth)
    made = r.headers["x-request-id"]
    assert len(made) >= 16 and r.json()["headers"]["x-request-id"] == made


async def test_headers_body_query_and_status_pass_and_hop_by_hop_do_not(proxied):
    client, auth = proxied
    payload = os.urandom(50_000)
    r = await client.post(
        "/v1/budget/echo?a=1&b=%E0%B8%81",
        content=payload,
        headers={
            **auth,
            "Connection": "keep-alive, x-private-hop",
            "X-Private-Hop": "secret",
            "Keep-Alive": "timeout=5",
            "Proxy-Authorization": "Basic eA==",
            "X-Multi": "one",
            "Content-Type": "application/octet-stream",
        },
    )
    assert r.status_code == 201, r.text
    seen = r.json()
    assert seen["method"] == "POST" and seen["query"] == "a=1&b=%E0%B8%81"
    assert seen["body_len"] == len(payload) and seen["body_sha256"] == hashlib.sha256(payload).hexdigest()
    assert seen["headers"]["authorization"] == auth["Authorization"]
    for hop in ("x-private-hop", "keep-alive", "proxy-authorization"):
        assert hop not in seen["headers"], hop
    assert seen["headers"]["x-forwarded-proto"] == "http"
    assert r.headers["x-upstream"] == "yes" and "x-upstream-hop" not in r.headers


async def test_streamed_bodies_both_ways(proxied):
    client, auth = proxied

    async def chunks():
        for _ in range(10):
            yield b"x" * 4096

    r = await client.put("/v1/budget/echo", content=chunks(), headers=auth)
    assert r.status_code == 200 and r.json()["body_len"] == 40960
    r = await client.get("/v1/budget/big", headers=auth)
    assert r.status_code == 200
    assert r.content == b"".join(bytes([i]) * 16384 for i in range(64))


async def test_oversized_body_is_413_and_never_reaches_the_service(proxied):
    client, auth = proxied
    before = len(hits)
    r = await client.post("/v1/budget/echo", content=b"x" * (CAP + 1), headers=auth)
    assert r.status_code == 413 and r.json()["code"] == "payload_too_large"
    assert r.headers["content-type"].startswith("application/problem+json")
    assert len(hits) == before

    async def chunks():  # no Content-Length: the cap is found while streaming
        for _ in range(CAP // 4096 + 2):
            yield b"y" * 4096

    r = await client.post("/v1/budget/echo", content=chunks(), headers=auth)
    assert r.status_code == 413, r.text
    assert r.json()["code"] == "payload_too_large"


async def test_service_down_is_503_with_retry_after(proxied):
    client, auth = proxied
    r = await client.get("/v1/registry/regions", headers=auth)
    assert r.status_code == 503, r.text
    assert r.json()["code"] == "service_unavailable" and int(r.headers["retry-after"]) >= 1
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_slow_service_is_504(proxied):
    client, auth = proxied
    r = await client.get("/v1/budget/slow", headers=auth)
    assert r.status_code == 504, r.text
    assert r.json()["code"] == "gateway_timeout"
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_token_checked_at_the_gateway_before_routing(proxied):
    client, _ = proxied
    before = len(hits)
    for headers in ({}, {"Authorization": "Bearer not.a.token"}, {"Authorization": "Basic eDp5"}):
        r = await client.get("/v1/budget/echo", headers=headers)
        assert r.status_code == 401 and r.json()["code"] == "unauthorized"
    assert len(hits) == before
    # The service's own OpenAPI is the one public passthrough.
    r = await client.get("/v1/budget/openapi.json")
    assert r.status_code == 200 and r.json()["info"]["title"] == "budget"


async def test_aggregated_openapi_survives_a_service_down(proxied):
    client, _ = proxied
    r = await client.get("/v1/openapi.json")
    assert r.status_code == 200, r.text
    doc = r.json()
    assert "/v1/auth/token" in doc["paths"] and "/v1/auth/users" in doc["paths"]
    assert "/v1/budget/things" in doc["paths"] and "/v1/budget/openapi.json" not in doc["paths"]
    ref = doc["paths"]["/v1/budget/things"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ref == {"$ref": "#/components/schemas/budget_Thing"}
    schemas = doc["components"]["schemas"]
    assert schemas["budget_Thing"]["properties"]["other"] == {"$ref": "#/components/schemas/budget_UserPublic"}
    assert "UserPublic" in schemas and "password" not in schemas["UserPublic"]["properties"]
    assert doc["info"]["x-unavailable-services"] == ["registry", "reports"]
    assert doc["paths"]["/v1/auth/token"]["post"]["security"] == []
    r = await client.get("/v1/docs")
    assert r.status_code == 200 and "/v1/openapi.json" in r.text


async def test_healthz(proxied):
    client, _ = proxied
    r = await client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


async def test_own_routes_cap_a_streamed_body_too(proxied):
    client, auth = proxied

    async def chunks():
        yield b'{"username": "'
        for _ in range(CAP // 4096 + 2):
            yield b"z" * 4096
        yield b'"}'

    r = await client.post("/v1/auth/users", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413, r.text


async def test_readyz_is_503_when_the_database_is_down(gateway_db, tmp_path_factory):
    down = "postgresql://postgres@127.0.0.1:1/nowhere"
    settings = gateway_settings(gateway_db, database_url=SecretStr(down), data_dir=tmp_path_factory.mktemp("gw-down"))
    async with gateway_client(settings) as (_, client):
        assert (await client.get("/healthz")).status_code == 200  # alive: restarting would not help
        r = await client.get("/readyz")
        assert r.status_code == 503 and r.json()["code"] == "service_unavailable"
        r = await client.post("/v1/auth/token", data={"grant_type": "password", "username": "a", "password": "b"})
        assert r.status_code == 503 and "retry-after" in r.headers, r.text
        r = await client.get("/v1/auth/me", headers={"Authorization": "Bearer a.b.c"})
        assert r.status_code == 401
