"""Every report route answers with a documented status and problem+json on errors, never a 500."""

from __future__ import annotations

import uuid

import pytest

ROUTES = [
    "/v1/reports/plan-vs-actual?grant={id}",
    "/v1/reports/plan-vs-actual?grant=not-a-uuid",
    "/v1/reports/coverage?format=pdf",
    "/v1/reports/facilitators?format=xlsx",
    "/v1/reports/tranches?cursor=%%%bad&limit=5",
    "/v1/reports/tranches?limit=100000",
    "/v1/reports/tranches?region=mars",
    "/v1/reports/accounts/{id}/monthly?month=2004-01",
    "/v1/reports/accounts/{id}/monthly?month=2004-1",
    "/v1/reports/projects/{id}/expense-summary?format=csv",
    "/v1/reports/projects/{id}/audit-package?format=zip",
    "/v1/reports/expenses/{id}/voucher?format=pdf",
    "/v1/reports/expenses/{id}/voucher?format=xlsx",
]


@pytest.mark.parametrize("route", ROUTES)
async def test_no_route_fails_with_a_500(reports_app, keys, route):
    async with reports_app([]) as (client, _):
        r = await client.get(route.format(id=uuid.uuid4()), headers=keys.auth(roles=["admin"]))
        assert r.status_code in (200, 404, 422), r.text
        if r.status_code != 200:
            body = r.json()
            assert r.headers["content-type"] == "application/problem+json" and body["code"]
            assert "Traceback" not in r.text and "SELECT" not in r.text
        th = await client.get(
            route.format(id=uuid.uuid4()), headers={**keys.auth(roles=["admin"]), "Accept-Language": "th"}
        )
        if th.status_code == 404:
            assert th.json()["title"].startswith("ไม่พบ")


async def test_reconcile_bodies_out_of_range_are_422(reports_app, keys):
    async with reports_app([]) as (client, _):
        for line in (
            {"no": 1, "planned": "1", "actual": "1", "percent": "Infinity"},
            {"no": 1, "planned": "1", "actual": "1", "percent": 1e308},
            {"no": 1, "planned": "1.001", "actual": "1"},
            {"no": -1, "planned": "1", "actual": "1"},
            {"no": 1, "planned": "-5", "actual": "1"},
        ):
            r = await client.post(
                "/v1/reports/reconcile/budget-statement", json={"lines": [line]}, headers=keys.auth(roles=["auditor"])
            )
            assert r.status_code == 422, (line, r.text)
        r = await client.post(
            "/v1/reports/reconcile/budget-statement",
            json={"lines": [{"no": 1, "planned": "0", "actual": "0", "percent": "0"}]},
            headers=keys.auth(roles=["auditor"]),
        )
        assert r.status_code == 200 and r.json()["computed"]["totals"]["percent"] == "0.00"
