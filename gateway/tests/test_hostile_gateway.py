"""Attacks on the gateway's own routes and its proxy, written as the attack: each was a 500 before."""

from __future__ import annotations

import pytest
from fastapi import FastAPI, Request

from phaen_gateway.testing import gateway_client, gateway_settings, serve, user_headers


def _upstream() -> FastAPI:
    app = FastAPI(openapi_url=None)

    @app.get("/v1/budget/echo")
    async def echo(request: Request) -> dict[str, object]:
        return {"headers": {k: v for k, v in request.headers.items()}}

    return app


@pytest.mark.parametrize("field", ["username", "password"])
async def test_nul_in_password_grant_is_not_a_500(client, field) -> None:
    data = {"grant_type": "password", "username": "admin", "password": "x"}
    data[field] = "ad\x00min"
    r = await client.post("/v1/auth/token", data=data)
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("field", ["client_id", "client_secret"])
async def test_nul_in_client_credentials_is_not_a_500(client, field) -> None:
    data = {"grant_type": "client_credentials", "client_id": "c-1", "client_secret": "s"}
    data[field] = "c\x00-1"
    r = await client.post("/v1/auth/token", data=data)
    assert r.status_code == 400, r.text


async def test_surrogate_and_thai_in_login_are_not_a_500(client) -> None:
    for name in ("ผู้ใช้ทดสอบ", "a" * 4000, "\ud800x"):
        body = f"grant_type=password&username={name}&password=x".encode("utf-8", "surrogatepass")
        r = await client.post(
            "/v1/auth/token", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
        )
        # Nobody has these names: the answer is the plain wrong-credentials one, whatever the bytes were.
        assert (r.status_code, r.json()["code"]) == (401, "invalid_grant"), (ascii(name[:10]), r.text)


async def test_bad_utf8_form_is_not_a_500(client) -> None:
    r = await client.post(
        "/v1/auth/token",
        content=b"grant_type=password&username=\xff\xfe&password=x",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert (r.status_code, r.json()["code"]) == (401, "invalid_grant"), r.text


async def test_non_ascii_header_through_the_proxy_is_not_a_500(gateway_db, tmp_path) -> None:
    async with serve(_upstream()) as url:
        settings = gateway_settings(gateway_db, data_dir=tmp_path, budget_url=url)
        async with gateway_client(settings) as (app, client):
            headers = await user_headers(app, client, roles=["admin"])
            value = "คีย์-ไทย".encode()
            r = await client.get("/v1/budget/echo", headers={**headers, "Idempotency-Key": value})
            assert r.status_code == 200, r.text
            # The service sees the bytes the client sent (Starlette decodes header bytes as Latin-1).
            assert r.json()["headers"]["idempotency-key"].encode("latin-1") == value
            for value in (b"\xff\xfe", "é".encode("latin-1")):
                r = await client.get("/v1/budget/echo", headers={**headers, "Idempotency-Key": value})
                assert r.status_code == 400, (value, r.status_code, r.text)
                assert r.json()["code"] == "invalid_header"


async def test_nul_in_basic_client_credentials_is_not_a_500(client) -> None:
    import base64

    basic = base64.b64encode(b"c%00x:secret").decode()
    r = await client.post(
        "/v1/auth/token", data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"}
    )
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "invalid_request"


GATEWAY_HOSTILE = ["%00", "a%00b", "%ED%A0%80", "%FF%FE", "x" * 3000, "ตำบล", "-1", "9" * 30, "'--"]


async def test_no_parameter_of_the_gateways_own_routes_gives_a_5xx(app, client, admin_headers) -> None:
    import re
    import uuid

    from phaen_gateway.auth import admin_router
    from phaen_gateway.auth import router as auth_router

    routes = [r for r in (*auth_router.router.routes, *admin_router.router.routes) if hasattr(r, "dependant")]
    tried = 0
    for route in routes:
        params = [*route.dependant.path_params, *route.dependant.query_params]
        for method in sorted(route.methods - {"HEAD"}):
            for target in params:
                for value in GATEWAY_HOSTILE:
                    path = route.path
                    query = []
                    for p in params:
                        raw = value if p.name == target.name else str(uuid.uuid4())
                        if "{" + p.name + "}" in path:
                            path = path.replace("{" + p.name + "}", raw)
                        elif p.name == target.name:
                            query.append(f"{p.name}={raw}")
                    path = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
                    url = path + ("?" + "&".join(query) if query else "")
                    r = await client.request(method, url, headers=admin_headers)
                    assert r.status_code < 500, (method, url[:120], r.status_code, r.text[:200])
                    tried += 1
    assert tried > 50


async def test_duplicate_keys_on_the_gateways_own_routes_are_a_422(client, admin_headers) -> None:
    raw = (
        b'{"username": "dupkey-user", "password": "long-enough-pw", "display_name": "x",'
        b' "roles": ["auditor"], "roles": ["admin"]}'
    )
    r = await client.post("/v1/auth/users", content=raw, headers={**admin_headers, "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert "duplicate" in r.text
