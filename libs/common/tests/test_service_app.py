"""The shared app factory: errors, auth order, body cap, idempotency, health."""

from __future__ import annotations

import asyncio

from common_testapp import build_app
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from phaen_common.db import to_async_url
from phaen_common.testing import app_client


async def count_things(url: str, name: str) -> int:
    from common_testapp import things

    engine = create_async_engine(to_async_url(url))
    async with engine.connect() as conn:
        n = (await conn.execute(select(func.count()).select_from(things).where(things.c.name == name))).scalar_one()
    await engine.dispose()
    return int(n)


async def test_health_and_problem_shapes(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        assert (await c.get("/healthz")).json() == {"status": "ok"}
        r = await c.get("/v1/test/nothing", headers=keys.auth())
        assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
        assert r.json()["code"] == "not_found"
        r = await c.delete("/v1/test/things", headers=keys.auth())
        assert r.status_code == 405 and r.json()["code"] == "method_not_allowed"
        r = await c.post("/v1/test/things", json={"name": "x", "amount": 1.5}, headers=keys.auth())
        assert r.status_code == 422
        body = r.json()
        assert body["code"] == "validation_error" and body["errors"][0]["loc"] == ["body", "amount"]
        r = await c.post(
            "/v1/test/things",
            json={"name": "x", "amount": "1.5"},
            headers={**keys.auth(), "Accept-Language": "th"},
            content=None,
        )
        assert r.status_code == 201
        r = await c.get("/v1/test/nothing", headers={**keys.auth(), "Accept-Language": "th-TH"})
        assert r.json()["title"] == "ไม่พบข้อมูล"


async def test_unexpected_error_is_a_bare_500(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        r = await c.post("/v1/test/things", json={"name": "boom", "amount": "5"}, headers=keys.auth())
        assert r.status_code == 500
        assert r.json()["code"] == "internal_error"
        assert "SELECT" not in r.text and "Traceback" not in r.text
    assert await count_things(common_db, "boom") == 0  # rolled back


async def test_authorization_comes_before_validation(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        r = await c.post("/v1/test/things", content=b"{not json", headers={"Content-Type": "application/json"})
        assert r.status_code == 401
        r = await c.post(
            "/v1/test/things",
            content=b"{not json",
            headers={**keys.auth(roles=["auditor"]), "Content-Type": "application/json"},
        )
        assert r.status_code == 403
        r = await c.post("/v1/test/things", json={"wrong": 1}, headers=keys.auth(roles=["auditor"]))
        assert r.status_code == 403
        r = await c.post("/v1/test/things", json={"wrong": 1}, headers=keys.auth(roles=["tambon_committee"]))
        assert r.status_code == 422


async def test_unreadable_body_is_a_422_like_malformed_json(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        for content in (b"{not json", b'{"name": "\x80"}'):  # malformed JSON; a byte that is not UTF-8
            r = await c.post(
                "/v1/test/things", content=content, headers={**keys.auth(), "Content-Type": "application/json"}
            )
            assert r.status_code == 422, (content, r.text)
            assert r.headers["content-type"] == "application/problem+json"
            assert r.json()["code"] == "validation_error" and r.json()["errors"][0]["loc"][0] == "body"


async def test_body_cap_is_413(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        r = await c.post(
            "/v1/test/things", content=b"x" * 5000, headers={**keys.auth(), "Content-Type": "application/json"}
        )
        assert r.status_code == 413 and r.json()["code"] == "payload_too_large"


async def test_request_id_is_passed_through_or_made(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        r = await c.get("/healthz", headers={"X-Request-ID": "abc-123"})
        assert r.headers["x-request-id"] == "abc-123"
        r = await c.get("/healthz", headers={"X-Request-ID": "bad id\nwith newline"})
        assert r.headers["x-request-id"] != "bad id\nwith newline" and len(r.headers["x-request-id"]) == 32


async def test_idempotency_replays_and_refuses_other_bodies(common_db, keys):
    sub = "idem-user-1"
    auth = keys.auth(sub=sub)
    async with app_client(build_app(common_db), keys) as c:
        h = {**auth, "Idempotency-Key": "k-1"}
        r1 = await c.post("/v1/test/things", json={"name": "idem-a", "amount": "10"}, headers=h)
        r2 = await c.post("/v1/test/things", json={"name": "idem-a", "amount": "10.00"}, headers=h)
        assert r1.status_code == r2.status_code == 201
        assert r1.json() == r2.json()
        r3 = await c.post("/v1/test/things", json={"name": "idem-b", "amount": "10"}, headers=h)
        assert r3.status_code == 409 and r3.json()["code"] == "idempotency_key_reused"
        # Another caller may use the same key string for its own request.
        r4 = await c.post(
            "/v1/test/things",
            json={"name": "idem-a", "amount": "10"},
            headers={**keys.auth(sub="idem-user-2"), "Idempotency-Key": "k-1"},
        )
        assert r4.status_code == 201 and r4.json()["id"] != r1.json()["id"]
    assert await count_things(common_db, "idem-a") == 2
    assert await count_things(common_db, "idem-b") == 0


async def test_concurrent_retries_with_one_key_run_once(common_db, keys):
    h = {**keys.auth(sub="idem-user-3"), "Idempotency-Key": "k-concurrent"}
    async with app_client(build_app(common_db), keys) as c:
        rs = await asyncio.gather(
            *[c.post("/v1/test/things", json={"name": "idem-c", "amount": "3"}, headers=h) for _ in range(20)]
        )
    assert {r.status_code for r in rs} == {201}
    assert len({r.json()["id"] for r in rs}) == 1
    assert await count_things(common_db, "idem-c") == 1
