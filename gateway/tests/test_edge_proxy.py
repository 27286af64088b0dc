"""The proxy's one-pass header copy (edge stream, issue 12), written as the requests that could break it."""

from __future__ import annotations

import json

import pytest
from fastapi import FastAPI, Request, Response

from phaen_gateway.testing import closed_port_url, gateway_client, gateway_settings, serve, user_headers


def upstream_app() -> FastAPI:
    """A stand-in registry that tells what it received (raw header bytes included)."""
    app = FastAPI(openapi_url=None)

    @app.api_route("/v1/registry/echo", methods=["GET", "POST", "HEAD", "DELETE"])
    async def echo(request: Request) -> Response:
        body = await request.body()
        raw = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.scope["headers"]]
        return Response(
            content=json.dumps({"method": request.method, "raw": raw, "body": body.decode("latin-1")}),
            media_type="application/json",
            headers={"Connection": "x-secret-hop", "X-Secret-Hop": "1", "X-Kept": "yes", "Server": "upstream"},
        )

    return app


@pytest.fixture(scope="module")
async def proxied(gateway_db, tmp_path_factory):
    async with serve(upstream_app()) as registry_url:
        settings = gateway_settings(
            gateway_db,
            registry_url=registry_url,
            budget_url=closed_port_url(),
            data_dir=tmp_path_factory.mktemp("gw-edge"),
        )
        async with gateway_client(settings) as (app, client):
            yield client, await user_headers(app, client, roles=["auditor"])


def names(seen: dict) -> list[str]:
    return [k for k, _ in seen["raw"]]


async def test_forwarded_for_of_any_bytes_is_never_a_500(proxied):
    client, auth = proxied
    r = await client.get("/v1/registry/echo", headers={**auth, "X-Forwarded-For": b"\xff\xfe 10.0.0.1"})
    assert r.status_code == 200, r.text
    forwarded = [v for k, v in r.json()["raw"] if k == "x-forwarded-for"]
    assert len(forwarded) == 1 and forwarded[0].endswith(", 127.0.0.1")
    r = await client.get("/v1/registry/echo", headers={**auth, "X-Forwarded-For": "10.0.0.1"})
    assert [v for k, v in r.json()["raw"] if k == "x-forwarded-for"] == ["10.0.0.1, 127.0.0.1"]


async def test_other_non_utf8_headers_are_400_and_thai_passes_as_sent(proxied):
    client, auth = proxied
    r = await client.get("/v1/registry/echo", headers={**auth, "X-Note": b"\xff\xfe"})
    assert r.status_code == 400 and r.json()["code"] == "invalid_header"
    thai = "กขค".encode()
    r = await client.get("/v1/registry/echo", headers={**auth, "Idempotency-Key": thai})
    assert r.status_code == 200
    assert [v for k, v in r.json()["raw"] if k == "idempotency-key"] == [thai.decode("latin-1")]


async def test_hop_by_hop_and_connection_listed_fields_dropped_both_ways(proxied):
    client, auth = proxied
    r = await client.get(
        "/v1/registry/echo",
        headers={**auth, "Connection": "keep-alive, X-Mine", "X-Mine": "private", "TE": "trailers", "X-Other": "1"},
    )
    seen = names(r.json())
    assert "x-mine" not in seen and "te" not in seen and "x-other" in seen
    assert seen.count("x-request-id") == 1 and seen.count("host") == 1
    assert r.headers["x-kept"] == "yes" and "x-secret-hop" not in r.headers
    assert r.headers.get("server") != "upstream"
    assert r.headers.get_list("x-request-id") == [v for k, v in r.json()["raw"] if k == "x-request-id"]


async def test_empty_small_and_headless_bodies(proxied):
    client, auth = proxied
    r = await client.post("/v1/registry/echo", content=b"", headers=auth)
    assert r.status_code == 200 and r.json()["body"] == ""
    r = await client.post(
        "/v1/registry/echo", content=b'{"a": 1}', headers={**auth, "Content-Type": "application/json"}
    )
    assert r.json()["body"] == '{"a": 1}'

    async def chunks():
        yield b"ab"
        yield b"cd"

    r = await client.post("/v1/registry/echo", content=chunks(), headers=auth)
    assert r.json()["body"] == "abcd"
    r = await client.head("/v1/registry/echo", headers=auth)
    assert r.status_code == 200 and r.content == b""
    r = await client.delete("/v1/registry/echo", headers=auth)
    assert r.json()["method"] == "DELETE"
