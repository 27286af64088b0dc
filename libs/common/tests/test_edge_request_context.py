"""One request-context layer counts the metrics too (edge stream, issue 12): what the separate metrics layer
counted is still counted, once, under the same labels; request ids and security headers are unchanged."""

from __future__ import annotations

import re

from common_testapp import build_app
from prometheus_client import REGISTRY

from phaen_common.metrics import IN_FLIGHT
from phaen_common.testing import app_client
from phaen_common.web import SECURITY_HEADERS, with_security_headers

THINGS = "/v1/test/things"


def served(method: str, route: str, status: int) -> float:
    labels = {"service": "commontest", "method": method, "route": route, "status": str(status)}
    return REGISTRY.get_sample_value("phaen_http_requests_total", labels) or 0.0


def served_any(method: str, status: int) -> float:
    """Over every route label (a request refused before routing is named as ``metrics._route_of`` can)."""
    return sum(
        sample.value
        for metric in REGISTRY.collect()
        for sample in metric.samples
        if sample.name == "phaen_http_requests_total"
        and sample.labels.get("service") == "commontest"
        and sample.labels.get("method") == method
        and sample.labels.get("status") == str(status)
    )


def timed(method: str, route: str) -> float:
    labels = {"service": "commontest", "method": method, "route": route}
    return REGISTRY.get_sample_value("phaen_http_request_duration_seconds_count", labels) or 0.0


async def test_each_request_counted_once_with_its_sent_status(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        before = {
            "401": served_any("POST", 401),
            "413": served_any("POST", 413),
            "422": served("POST", THINGS, 422),
            "201": served("POST", THINGS, 201),
            "404": served("GET", "unmatched", 404),
            "timed": timed("POST", THINGS),
        }
        assert (await c.post(THINGS, json={"name": "a", "amount": "1.00"})).status_code == 401
        big = {"name": "x" * 2000, "amount": "1.00"}
        assert (await c.post(THINGS, json=big, headers=keys.auth(roles=["admin"]))).status_code == 413
        assert (await c.post(THINGS, json={"name": 1}, headers=keys.auth(roles=["admin"]))).status_code == 422
        r = await c.post(THINGS, json={"name": "edge", "amount": "1.00"}, headers=keys.auth(roles=["admin"]))
        assert r.status_code == 201
        assert (await c.get("/v1/test/nowhere", headers=keys.auth())).status_code == 404
        assert served_any("POST", 401) == before["401"] + 1
        assert served_any("POST", 413) == before["413"] + 1
        assert served("POST", THINGS, 422) == before["422"] + 1
        assert served("POST", THINGS, 201) == before["201"] + 1
        assert served("GET", "unmatched", 404) == before["404"] + 1
        assert timed("POST", THINGS) == before["timed"] + 2  # the 422 and the 201 (routed)
        assert IN_FLIGHT.labels(service="commontest")._value.get() == 0


async def test_a_500_is_counted_as_sent_and_ids_and_headers_kept(common_db, keys):
    async with app_client(build_app(common_db), keys) as c:
        before = served("POST", THINGS, 500)
        r = await c.post(THINGS, json={"name": "boom", "amount": "1.00"}, headers=keys.auth(roles=["admin"]))
        assert r.status_code == 500 and r.json()["code"] == "internal_error"
        assert served("POST", THINGS, 500) == before + 1
        assert re.fullmatch(r"[0-9a-f]{32}", r.headers["x-request-id"])
        r = await c.get("/healthz", headers={"X-Request-ID": "edge-rid-1"})
        assert r.headers["x-request-id"] == "edge-rid-1"
        for name, value in SECURITY_HEADERS:
            assert r.headers.get_list(name.decode()) == [value.decode()]
        assert r.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"


def test_security_headers_added_only_where_missing():
    html = with_security_headers([(b"content-type", b"text/html; charset=utf-8"), (b"Cache-Control", b"max-age=60")])
    names = [n.lower() for n, _ in html]
    assert names.count(b"cache-control") == 1 and (b"Cache-Control", b"max-age=60") in html
    assert b"content-security-policy" not in names
    api = with_security_headers([(b"content-type", b"application/json")])
    assert [n for n, _ in api].count(b"content-security-policy") == 1
    assert len(api) == 1 + len(SECURITY_HEADERS) + 1
    own = with_security_headers([(b"content-security-policy", b"x")])
    assert [v for n, v in own if n == b"content-security-policy"] == [b"x"]
