"""Reconciling the seed's §1.4 table as printed finds its four known slips (actual total stated 18,951,747, is
22,833,114; variance total stated 2,103,252, is -2,377,614; line 7 variance printed 6,000, is -6,000; percents sum to
99.96); a consistent table finds none."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from seed14 import statement_as_printed

from phaen_reports.reports.arith import largest_remainder_percents


async def test_seed_table_as_printed_finds_each_slip(reports_app, keys):
    async with reports_app([]) as (client, _):
        r = await client.post(
            "/v1/reports/reconcile/budget-statement", json=statement_as_printed(), headers=keys.auth(roles=["auditor"])
        )
    assert r.status_code == 200, r.text
    body = r.json()
    found = {(d["where"], d["stated"], d["computed"]) for d in body["discrepancies"]}
    assert ("total actual", "18951747.00", "22833114.00") in found
    assert ("total variance", "2103252.00", "-2377614.00") in found
    assert ("line 7 variance", "6000.00", "-6000.00") in found
    assert ("total percent", "99.96", "100.00") in found
    # Nothing else is wrong in the printed table: the other variances and the planned total hold,
    # and each printed percent is its exact share truncated to the hundredth.
    assert len(found) == 4, body["discrepancies"]
    totals = body["computed"]["totals"]
    assert totals == {"planned": "20455500.00", "percent": "100.00", "actual": "22833114.00", "variance": "-2377614.00"}
    assert sum(Decimal(ln["percent"]) for ln in body["computed"]["lines"]) == Decimal("100.00")


async def test_consistent_table_gives_no_discrepancy(reports_app, keys):
    body = statement_as_printed()
    planned = [Decimal(str(ln["planned"])) for ln in body["lines"]]  # type: ignore[union-attr]
    percents = largest_remainder_percents(planned)
    for ln, pct in zip(body["lines"], percents, strict=True):  # type: ignore[arg-type]
        ln["variance"] = str(Decimal(ln["planned"]) - Decimal(ln["actual"]))
        ln["percent"] = str(pct)
    body["stated_totals"] = {
        "planned": "20455500.00",
        "percent": "100.00",
        "actual": "22833114.00",
        "variance": "-2377614.00",
    }
    async with reports_app([]) as (client, _):
        r = await client.post(
            "/v1/reports/reconcile/budget-statement", json=body, headers=keys.auth(roles=["secretariat"])
        )
    assert r.status_code == 200, r.text
    assert r.json()["discrepancies"] == []


async def test_a_wrong_line_percent_is_named(reports_app, keys):
    body = {
        "lines": [
            {"no": 1, "title": "a", "planned": "300", "percent": "50.00", "actual": "0"},
            {"no": 2, "title": "b", "planned": "100", "percent": "50.00", "actual": "0"},
        ]
    }
    async with reports_app([]) as (client, _):
        r = await client.post(
            "/v1/reports/reconcile/budget-statement", json=body, headers=keys.auth(roles=["partner_registry"])
        )
        assert r.status_code == 200, r.text
        wheres = {d["where"]: d for d in r.json()["discrepancies"]}
        assert wheres["line 1 percent"]["computed"] == "75.00"
        assert wheres["line 2 percent"]["computed"] == "25.00"
        csv_r = await client.post(
            "/v1/reports/reconcile/budget-statement?format=csv", json=body, headers=keys.auth(roles=["auditor"])
        )
        assert csv_r.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(csv_r.content.decode("utf-8-sig"))))
        assert rows[0][0] == "ตำแหน่ง" and {r[0] for r in rows[1:]} == {"line 1 percent", "line 2 percent"}


async def test_reconcile_rejects_floats_and_needs_a_token(reports_app, keys):
    async with reports_app([]) as (client, _):
        r = await client.post(
            "/v1/reports/reconcile/budget-statement",
            json={"lines": [{"no": 1, "planned": 1.5, "actual": "1"}]},
            headers=keys.auth(roles=["auditor"]),
        )
        assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json"
        r = await client.post("/v1/reports/reconcile/budget-statement", json={"lines": []})
        assert r.status_code == 401
        r = await client.post(
            "/v1/reports/reconcile/budget-statement", json={"lines": "bad"}, headers=keys.auth(roles=["signatory"])
        )
        assert r.status_code == 403


async def test_lines_adding_up_past_the_largest_amount_are_a_422(reports_app, keys):
    async with reports_app([]) as (client, _):
        lines = [
            {"no": 1, "planned": "1", "actual": "600000000000.00"},
            {"no": 2, "planned": "1", "actual": "500000000000.00"},
        ]
        r = await client.post(
            "/v1/reports/reconcile/budget-statement", json={"lines": lines}, headers=keys.auth(roles=["auditor"])
        )
        assert r.status_code == 422, r.text
        assert r.headers["content-type"] == "application/problem+json"
        lines[1]["actual"] = "399999999999.99"  # exactly the largest amount in total: still fine
        r = await client.post(
            "/v1/reports/reconcile/budget-statement", json={"lines": lines}, headers=keys.auth(roles=["auditor"])
        )
        assert r.status_code == 200, r.text
        assert r.json()["computed"]["totals"]["actual"] == "999999999999.99"


def test_largest_remainder_sums_to_exactly_100():
    amounts = [Decimal(x) for x in ("1", "1", "1")]
    assert largest_remainder_percents(amounts) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert largest_remainder_percents([Decimal(0)]) == [Decimal("0.00")]
