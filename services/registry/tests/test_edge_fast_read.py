"""The subdistrict read's ASGI fast path answers exactly what FastAPI's route answers (edge stream, issue 12).

Each request is sent twice to the same app: once through ``SubdistrictFastPath`` and once with it switched off
(FastAPI's routing, dependencies and exception handlers). Status, body bytes and headers (but the request id)
must be the same, and so must the metrics route label.
"""

from __future__ import annotations

import httpx
from prometheus_client import REGISTRY
from registry_helpers import R, fresh_code

from phaen_common.testing import TestKeys
from phaen_registry.geography.fast import ROUTE_LABEL, SubdistrictFastPath

CRITERIA = (
    "plans_80pct",
    "facilitator_team",
    "joint_plans",
    "ongoing_activities",
    "linked_tao",
    "tao_support",
    "spread",
)


def _shape(r: httpx.Response) -> tuple[int, bytes, dict[str, str]]:
    headers = {k: v for k, v in r.headers.items() if k != "x-request-id"}
    return r.status_code, r.content, headers


async def _both(client: httpx.AsyncClient, path: str, headers: dict[str, str]) -> tuple[httpx.Response, ...]:
    fast = await client.get(path, headers=headers)
    SubdistrictFastPath.enabled = False
    try:
        slow = await client.get(path, headers=headers)
    finally:
        SubdistrictFastPath.enabled = True
    return fast, slow


def _served(route: str, status: str) -> float:
    value = REGISTRY.get_sample_value(
        "phaen_http_requests_total", {"service": "registry", "method": "GET", "route": route, "status": status}
    )
    return value or 0.0


async def test_same_answers_as_the_route(client: httpx.AsyncClient, keys: TestKeys) -> None:
    reader = keys.auth(roles=["partner_registry"])
    cases = [
        (f"{R}/subdistricts/840503", reader),  # Ko Tao
        (f"{R}/subdistricts/840503?unused=1", reader),
        (f"{R}/subdistricts/100205", reader),  # abolished: 404 area_abolished with successors
        (f"{R}/subdistricts/999999", reader),  # unknown: 404
        (f"{R}/subdistricts/999999", {**reader, "Accept-Language": "th"}),  # Thai problem
        (f"{R}/subdistricts/840503", keys.auth(roles=["signatory"])),  # no registry:read: 403
        (f"{R}/subdistricts/840503", keys.auth(roles=["bank"])),
        (f"{R}/subdistricts/๘๔๐๕๐๓", reader),  # Thai digits: FastAPI's pattern decides
        (f"{R}/subdistricts/84050", reader),  # too short: 422 from FastAPI
    ]
    for path, headers in cases:
        fast, slow = await _both(client, path, headers)
        assert _shape(fast) == _shape(slow), path
        assert fast.headers["x-request-id"]
    assert (await client.get(f"{R}/subdistricts/840503", headers=reader)).headers["etag"]


async def test_enrolled_tambon_and_revalidation(client: httpx.AsyncClient, keys: TestKeys) -> None:
    code = fresh_code("55")
    sec = keys.auth(roles=["secretariat"], sub="sec-fast")
    body = {
        "tier": "pilot",
        "joined_on": "2003-10-01",
        "villages_total": 10,
        "villages_with_plan": 8,
        "criteria": dict.fromkeys(CRITERIA, True),
        "tao_plan_integrated": True,
        "tao_funded": False,
    }
    assert (await client.put(f"{R}/tambons/{code}", json=body, headers=sec)).status_code == 201
    reader = keys.auth(roles=["auditor"])
    fast, slow = await _both(client, f"{R}/subdistricts/{code}", reader)
    assert _shape(fast) == _shape(slow)
    assert fast.json()["network"]["tier"] == "pilot"
    etag = fast.headers["etag"]
    fast, slow = await _both(client, f"{R}/subdistricts/{code}", {**reader, "If-None-Match": etag})
    assert fast.status_code == slow.status_code == 304
    assert _shape(fast) == _shape(slow)


async def test_token_still_checked_and_metrics_label_kept(client: httpx.AsyncClient, keys: TestKeys) -> None:
    route = ROUTE_LABEL  # what FastAPI's matched route gives the metrics (its template within its router)
    for headers in ({}, {"Authorization": "Bearer nonsense"}):
        fast, slow = await _both(client, f"{R}/subdistricts/840503", headers)
        assert fast.status_code == slow.status_code == 401
        assert _shape(fast) == _shape(slow)
    before = _served(route, "200")
    await client.get(f"{R}/subdistricts/840503", headers=keys.auth(roles=["auditor"]))
    assert _served(route, "200") == before + 1
    SubdistrictFastPath.enabled = False
    try:
        await client.get(f"{R}/subdistricts/840503", headers=keys.auth(roles=["auditor"]))
    finally:
        SubdistrictFastPath.enabled = True
    assert _served(route, "200") == before + 2


async def test_the_route_stays_documented(client: httpx.AsyncClient) -> None:
    doc = (await client.get(f"{R}/openapi.json")).json()
    op = doc["paths"][f"{R}/subdistricts/{{code}}"]["get"]
    assert {"200", "401", "403", "404", "422"} <= set(op["responses"])
