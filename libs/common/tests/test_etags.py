"""ETag on every successful GET, 304 for a current copy, and the If-Match rule (428, 412)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, SecretStr

from phaen_common.etags import PreconditionFailed, PreconditionRequired, check_if_match, etag_for, none_match
from phaen_common.settings import CommonSettings
from phaen_common.testing import TestKeys, app_client
from phaen_common.web import create_service_app

state = {"n": 1}


class Thing(BaseModel):
    id: int
    name: str
    amount: str


def build(url: str) -> object:
    router = APIRouter(prefix="/v1/etag")

    @router.get("/things/1", response_model=Thing)
    async def one() -> Thing:
        return Thing(id=1, name=f"ตำบลเวียง {state['n']}", amount="45000.00")

    @router.post("/things/1", response_model=Thing)
    async def touch() -> Thing:
        state["n"] += 1
        return Thing(id=1, name=f"ตำบลเวียง {state['n']}", amount="45000.00")

    @router.get("/report.csv")
    async def report() -> Response:
        return Response("code,name\n570101,เวียง\n", media_type="text/csv")

    @router.get("/stream")
    async def stream() -> StreamingResponse:
        async def gen():  # type: ignore[no-untyped-def]
            yield b"a" * 10
            yield b"b" * 10

        return StreamingResponse(gen(), media_type="application/octet-stream")

    @router.get("/own-tag")
    async def own_tag() -> Response:
        return Response("x", headers={"ETag": '"mine"'})

    settings = CommonSettings(database_url=SecretStr(url))
    return create_service_app(name="etagtest", prefix="/v1/etag", settings=settings, routers=[router])


@pytest.fixture
async def c(pg_url: str, keys: TestKeys) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(build(pg_url), keys) as client:  # type: ignore[arg-type]
        client.headers.update(keys.auth())
        yield client


async def test_json_get_is_tagged_with_the_models_etag_and_revalidates(c: httpx.AsyncClient) -> None:
    r = await c.get("/v1/etag/things/1")
    etag = r.headers["etag"]
    assert etag == etag_for(Thing.model_validate(r.json()))  # a route can compute it for If-Match
    assert r.headers["cache-control"] == "no-store"  # personal data: never kept by a cache
    again = await c.get("/v1/etag/things/1", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert "content-type" not in again.headers
    weak = await c.get("/v1/etag/things/1", headers={"If-None-Match": f'"zzz", W/{etag}'})
    assert weak.status_code == 304
    await c.post("/v1/etag/things/1")
    changed = await c.get("/v1/etag/things/1", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


async def test_reports_in_any_format_are_tagged(c: httpx.AsyncClient) -> None:
    r = await c.get("/v1/etag/report.csv")
    assert r.status_code == 200 and r.headers["etag"]
    assert (await c.get("/v1/etag/report.csv", headers={"If-None-Match": r.headers["etag"]})).status_code == 304


async def test_what_is_not_tagged(c: httpx.AsyncClient) -> None:
    assert "etag" not in (await c.post("/v1/etag/things/1")).headers
    assert "etag" not in (await c.get("/v1/etag/stream")).headers  # streamed: size unknown, passed through
    assert "etag" not in (await c.get("/v1/etag/nothing")).headers  # a 404


async def test_a_routes_own_etag_is_kept_and_honoured(c: httpx.AsyncClient) -> None:
    r = await c.get("/v1/etag/own-tag")
    assert r.headers["etag"] == '"mine"'
    r = await c.get("/v1/etag/own-tag", headers={"If-None-Match": '"mine"'})
    assert r.status_code == 304 and r.content == b""


def test_if_match_rule() -> None:
    check_if_match(None, None)  # creating: nothing to lose
    check_if_match('"a"', '"a"')
    check_if_match('"b", "a"', '"a"')
    check_if_match("*", '"a"')
    check_if_match("*", None)
    check_if_match(None, '"a"', required=False)
    with pytest.raises(PreconditionRequired):
        check_if_match(None, '"a"')
    with pytest.raises(PreconditionRequired):
        check_if_match("  ", '"a"')
    with pytest.raises(PreconditionFailed):
        check_if_match('"b"', '"a"')
    with pytest.raises(PreconditionFailed):
        check_if_match('W/"a"', '"a"')
    with pytest.raises(PreconditionFailed):
        check_if_match('"a"', None)


def test_none_match() -> None:
    assert none_match('"a"', '"a"') and none_match("*", '"a"') and none_match('W/"a"', '"a"')
    assert not none_match(None, '"a"') and not none_match('"b"', '"a"')
