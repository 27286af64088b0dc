"""With ``Accept-Language: th`` every problem is Thai: title, detail and errors[].msg (401 ... 429, 500)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import APIRouter
from pydantic import BaseModel, Field, SecretStr

from phaen_common.errors import ProblemError, Unprocessable
from phaen_common.i18n import localize_problem, prefers_thai, thai_validation_msg
from phaen_common.money import PositiveMoney
from phaen_common.settings import CommonSettings
from phaen_common.testing import TestKeys, app_client
from phaen_common.web import create_service_app, require

THAI = re.compile(r"[\u0E00-\u0E7F]")
TH = {"Accept-Language": "th"}


class SlowDown(ProblemError):
    status, code, title = 429, "too_many_requests", "Too many requests"


class Body(BaseModel):
    name: str = Field(min_length=2, max_length=5)
    amount: PositiveMoney
    count: int


def build(url: str) -> object:
    router = APIRouter(prefix="/v1/thai")

    @router.post("/things")
    async def create(body: Body, _: object = require("budget:write")) -> dict[str, str]:
        return {"name": body.name}

    @router.get("/busy")
    async def busy() -> None:
        raise SlowDown("Too many requests from this client; wait a minute.")

    @router.get("/checked")
    async def checked() -> None:
        raise Unprocessable("The tambon code must have 6 digits.", loc=["query", "code"])

    @router.get("/boom")
    async def boom() -> None:
        raise RuntimeError("internal")

    settings = CommonSettings(database_url=SecretStr(url), max_body_bytes=200)
    return create_service_app(name="thaitest", prefix="/v1/thai", settings=settings, routers=[router])


@pytest.fixture
async def c(pg_url: str, keys: TestKeys) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(build(pg_url), keys) as client:  # type: ignore[arg-type]
        yield client


def assert_thai(resp: httpx.Response, status: int) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert THAI.search(body["title"]), body
    assert THAI.search(body["detail"]), body
    for err in body.get("errors", []):
        assert THAI.search(err["msg"]), body
    return body


async def test_401_missing_and_bad_token_are_thai(c: httpx.AsyncClient) -> None:
    body = assert_thai(await c.get("/v1/thai/busy", headers=TH), 401)
    assert body["code"] == "unauthorized"
    body = assert_thai(await c.get("/v1/thai/busy", headers={**TH, "Authorization": "Bearer x.y.z"}), 401)
    assert body["detail"] == "โทเค็นเข้าใช้งานมีรูปแบบไม่ถูกต้อง"


async def test_403_404_405_are_thai(c: httpx.AsyncClient, keys: TestKeys) -> None:
    viewer = {**TH, **keys.auth(roles=["viewer"])}
    assert assert_thai(await c.post("/v1/thai/things", json={}, headers=viewer), 403)["code"] == "forbidden"
    admin = {**TH, **keys.auth()}
    assert assert_thai(await c.get("/v1/thai/nothing", headers=admin), 404)["code"] == "not_found"
    assert assert_thai(await c.delete("/v1/thai/things", headers=admin), 405)["code"] == "method_not_allowed"


async def test_413_is_thai(c: httpx.AsyncClient, keys: TestKeys) -> None:
    resp = await c.post("/v1/thai/things", content=b"x" * 500, headers={**TH, **keys.auth()})
    body = assert_thai(resp, 413)
    assert "200" in body["detail"]


async def test_422_messages_are_thai_and_specific(c: httpx.AsyncClient, keys: TestKeys) -> None:
    resp = await c.post(
        "/v1/thai/things", json={"name": "x", "amount": "-1.00", "count": "many"}, headers={**TH, **keys.auth()}
    )
    body = assert_thai(resp, 422)
    msgs = {tuple(e["loc"]): e["msg"] for e in body["errors"]}
    assert msgs[("body", "name")] == "ต้องยาวอย่างน้อย 2 ตัวอักษร"
    assert msgs[("body", "count")] == "ต้องเป็นจำนวนเต็ม"
    assert ("body", "amount") in msgs
    missing = await c.post("/v1/thai/things", json={}, headers={**TH, **keys.auth()})
    assert {e["msg"] for e in assert_thai(missing, 422)["errors"]} == {"ต้องระบุค่านี้"}
    raised = assert_thai(await c.get("/v1/thai/checked", headers={**TH, **keys.auth()}), 422)
    assert raised["detail_en"] == "The tambon code must have 6 digits."


async def test_429_and_500_are_thai(c: httpx.AsyncClient, keys: TestKeys) -> None:
    body = assert_thai(await c.get("/v1/thai/busy", headers={**TH, **keys.auth()}), 429)
    assert body["title"] == "ส่งคำขอถี่เกินไป กรุณารอสักครู่แล้วลองใหม่"
    assert_thai(await c.get("/v1/thai/boom", headers={**TH, **keys.auth()}), 500)


async def test_english_stays_english(c: httpx.AsyncClient, keys: TestKeys) -> None:
    for headers in ({}, {"Accept-Language": "en-US,en;q=0.9,th;q=0.8"}):
        body = (await c.get("/v1/thai/busy", headers={**headers, **keys.auth()})).json()
        assert not THAI.search(body["title"] + body["detail"])
        body = (await c.get("/v1/thai/busy", headers=headers)).json()
        assert body["detail"] == "A bearer access token is required."


@pytest.mark.parametrize(
    ("header", "thai"),
    [
        ("th", True),
        ("th-TH", True),
        ("TH-th, en;q=0.5", True),
        ("en;q=0.4, th;q=0.9", True),
        ("en, th", False),
        ("en-US,en;q=0.9,th;q=0.8", False),
        ("th;q=0", False),
        ("thx", False),
        ("", False),
        (None, False),
        ("*", False),
    ],
)
def test_language_preference(header: str | None, thai: bool) -> None:
    assert prefers_thai(header) is thai


def test_unknown_detail_falls_back_to_the_thai_title_keeping_the_english() -> None:
    body = localize_problem(
        {"title": "Project not found", "detail": "Project 7 is not yours.", "status": 404, "code": "zzz_unknown"}
    )
    assert body["title"] == "ไม่พบข้อมูล" and body["detail"] == "ไม่พบข้อมูล"
    assert body["detail_en"] == "Project 7 is not yours."


def test_every_pydantic_message_is_thai() -> None:
    for kind in ("missing", "string_too_long", "enum", "something_new", "value_error"):
        assert THAI.search(thai_validation_msg({"type": kind, "msg": "x", "ctx": {"max_length": 3, "expected": "'a'"}}))
