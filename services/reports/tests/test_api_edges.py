"""Every report route answers with a documented status and problem+json on errors, never a 500."""

from __future__ import annotations

import uuid

import pytest

# Each route with the one answer it must give (the ids are fresh: nothing is found).
ROUTES = [
    ("/v1/reports/plan-vs-actual?grant={id}", 404, "grant_not_found"),
    ("/v1/reports/plan-vs-actual?grant=not-a-uuid", 422, "validation_error"),
    ("/v1/reports/coverage?format=pdf", 200, None),
    ("/v1/reports/facilitators?format=xlsx", 200, None),
    ("/v1/reports/tranches?cursor=%%%bad&limit=5", 422, "validation_error"),
    ("/v1/reports/tranches?limit=100000", 422, "validation_error"),
    ("/v1/reports/tranches?region=mars", 422, "validation_error"),
    ("/v1/reports/accounts/{id}/monthly?month=2004-01", 404, "account_not_found"),
    ("/v1/reports/accounts/{id}/monthly?month=2004-1", 422, "validation_error"),
    ("/v1/reports/projects/{id}/expense-summary?format=csv", 404, "project_not_found"),
    ("/v1/reports/projects/{id}/audit-package?format=zip", 404, "project_not_found"),
    ("/v1/reports/expenses/{id}/voucher?format=pdf", 404, "expense_not_found"),
    ("/v1/reports/expenses/{id}/voucher?format=xlsx", 422, "validation_error"),
]


@pytest.mark.parametrize(("route", "status", "code"), ROUTES)
async def test_no_route_fails_with_a_500(reports_app, keys, route, status, code):
    async with reports_app([]) as (client, _):
        r = await client.get(route.format(id=uuid.uuid4()), headers=keys.auth(roles=["admin"]))
        assert r.status_code == status, r.text
        if r.status_code != 200:
            body = r.json()
            assert r.headers["content-type"] == "application/problem+json" and body["code"] == code
            assert "Traceback" not in r.text and "SELECT" not in r.text
        th = await client.get(
            route.format(id=uuid.uuid4()), headers={**keys.auth(roles=["admin"]), "Accept-Language": "th"}
        )
        assert th.status_code == status, th.text
        if th.status_code == 404:
            assert th.json()["title"].startswith("ไม่พบ")


async def test_the_reports_service_publishes_no_feed_of_its_own(reports_app, keys):
    """The unused outbox is gone: there is no ``/v1/reports/events`` (issue 9)."""
    async with reports_app([]) as (client, app):
        r = await client.get("/v1/reports/events?after=0", headers=keys.auth(roles=["service_events"]))
        assert r.status_code == 404, r.text
        assert "/v1/reports/events" not in app.openapi()["paths"]


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
