"""The docs pages load nothing from outside the gateway; ``/`` leads to them; unknown paths are 404."""

from __future__ import annotations

import re

import httpx
import pytest

URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}""")
ASSET_REF = re.compile(r"""(?:src|href|url)\s*[=:(]\s*['"]?(/[^'")\s]+)""")


def external_urls(html: str) -> list[str]:
    return URL.findall(html)


def test_the_checker_finds_a_cdn_url() -> None:
    # The check below must be able to fail: FastAPI's default page loads from jsDelivr.
    from fastapi.openapi.docs import get_swagger_ui_html

    default = get_swagger_ui_html(openapi_url="/x.json", title="x").body.decode()
    assert external_urls(default)


@pytest.mark.parametrize("page", ["/v1/docs", "/v1/redoc"])
async def test_docs_page_has_no_external_url_and_its_assets_are_served(client: httpx.AsyncClient, page: str) -> None:
    resp = await client.get(page)
    assert resp.status_code == 200
    html = resp.text
    assert external_urls(html) == []
    assets = [ref for ref in ASSET_REF.findall(html) if ref.startswith("/v1/docs/assets/")]
    assert assets, html
    for ref in assets:
        got = await client.get(ref)  # no token: the page must load before anyone logs in
        assert got.status_code == 200, ref
        assert len(got.content) > 100


async def test_swagger_ui_can_log_in(client: httpx.AsyncClient) -> None:
    html = (await client.get("/v1/docs")).text
    assert "/v1/docs/oauth2-redirect" in html
    redirect = await client.get("/v1/docs/oauth2-redirect")
    assert redirect.status_code == 200


async def test_root_leads_to_the_docs(client: httpx.AsyncClient) -> None:
    resp = await client.get("/")
    assert resp.status_code == 307
    assert resp.headers["location"] == "/v1/docs"


@pytest.mark.parametrize("path", ["/nope", "/v1/nope", "/v1/docs/assets/not-there.js", "/v2/budget/projects"])
async def test_unknown_path_is_404_without_a_token(client: httpx.AsyncClient, path: str) -> None:
    resp = await client.get(path)
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["code"] == "not_found"


async def test_unknown_path_is_404_with_a_bad_token(client: httpx.AsyncClient) -> None:
    resp = await client.get("/nope", headers={"Authorization": "Bearer not-a-token"})
    assert resp.status_code == 404


async def test_known_paths_still_need_a_token(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/auth/me")).status_code == 401
    assert (await client.get("/v1/budget/projects")).status_code == 401
    assert (await client.get("/v1/auth/users")).status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("GET", "/v1/auth/me", {}, 401),
        ("GET", "/v1/auth/me", {"Authorization": "Bearer nope"}, 401),
        ("GET", "/v1/budget/projects", {}, 401),
        ("GET", "/nope", {}, 404),
        ("POST", "/v1/auth/token", {}, 422),
    ],
)
async def test_gateway_problems_are_thai(
    client: httpx.AsyncClient, method: str, path: str, headers: dict[str, str], status: int
) -> None:
    resp = await client.request(method, path, headers={"Accept-Language": "th-TH,th;q=0.9", **headers})
    assert resp.status_code == status
    body = resp.json()
    thai = re.compile(r"[\u0E00-\u0E7F]")
    assert thai.search(body["title"]) and thai.search(body["detail"]), body
    for err in body.get("errors", []):
        assert thai.search(err["msg"]), body


async def test_services_serve_no_cdn_docs_page(pg_url: str) -> None:
    from pydantic import SecretStr

    from phaen_common.settings import CommonSettings
    from phaen_common.testing import TestKeys, app_client
    from phaen_common.web import create_service_app

    app = create_service_app(
        name="nodocs", prefix="/v1/nodocs", settings=CommonSettings(database_url=SecretStr(pg_url)), routers=[]
    )
    async with app_client(app, TestKeys()) as c:
        assert (await c.get("/v1/nodocs/openapi.json")).status_code == 200
        assert (await c.get("/v1/nodocs/docs")).status_code == 404
