"""The read model from recorded feeds: derived totals, exactly-once, rebuild, staleness, scope."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

import pytest
from scenario import seed_grant, tambon_project

from phaen_common.outbox import Event


async def _plan(client, keys, grant_id, roles=("auditor",)):
    r = await client.get("/v1/reports/plan-vs-actual", params={"grant": grant_id}, headers=keys.auth(roles=roles))
    assert r.status_code == 200, r.text
    return r.json()


async def test_seed_grant_comes_back_with_derived_totals(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        body = await _plan(client, keys, net.grant_id, roles=("partner_registry",))
    assert body["totals"] == {
        "planned": "20455500.00",
        "percent": "100.00",
        "actual": "22833114.00",
        "variance": "-2377614.00",
    }
    assert sum(Decimal(ln["percent"]) for ln in body["lines"]) == Decimal("100.00")
    line7 = next(ln for ln in body["lines"] if ln["no"] == 7)
    assert line7["variance"] == "-6000.00" and line7["actual"] == "3206000.00"
    assert body["stale"] is False and body["as_of"] is not None
    assert body["grant"]["funder"] == "CODI"
    line8 = next(ln for ln in body["lines"] if ln["no"] == 8)
    assert line8["cofunding"] == [{"funder": "ThaiHealth", "amount": "600000.00"}]


async def test_redelivery_replay_and_rebuild_give_the_same_numbers(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    # At-least-once: the feed delivers some events again at later positions.
    for event in list(budget.source.events[:8]):
        budget.add(event.type, event.entity, event.entity_id, event.payload)
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        first = await _plan(client, keys, net.grant_id)
        await app.state.consumer.catch_up()  # nothing new: nothing changes
        assert (await _plan(client, keys, net.grant_id))["lines"] == first["lines"]
        r = await client.post("/v1/reports/rebuild", headers=keys.auth(roles=["tambon_committee"]))
        assert r.status_code == 403
        r = await client.post("/v1/reports/rebuild", headers=keys.auth(roles=["secretariat"]))
        assert r.status_code == 200, r.text
        rebuilt = r.json()
        applied = {s["source"]: s["applied"] for s in rebuilt["sources"]}
        assert applied[budget.source.name] == len(budget.source.events)
        again = await _plan(client, keys, net.grant_id)
    assert again["lines"] == first["lines"] and again["totals"] == first["totals"]


async def test_a_voided_expense_leaves_the_actual(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    victim = next(e for e in budget.source.events if e.type == "expense.recorded" and e.payload["line_no"] == 7)
    budget.add("expense.voided", "expense", victim.entity_id, {**victim.payload, "status": "void"})
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        body = await _plan(client, keys, net.grant_id)
    line7 = next(ln for ln in body["lines"] if ln["no"] == 7)
    assert line7["actual"] == "0.00" and line7["variance"] == "3200000.00"
    assert body["totals"]["actual"] == "19627114.00"


async def test_a_source_down_leaves_reports_serving_stale(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        before = await _plan(client, keys, net.grant_id)
        assert before["stale"] is False
        budget.source.down = True
        xid = str(uuid.uuid4())
        budget.add(
            "expense.recorded",
            "expense",
            xid,
            {
                "id": xid,
                "project_id": net.projects[1],
                "grant_id": net.grant_id,
                "line_no": 1,
                "category": "6",
                "amount": "1000.00",
                "spent_on": "2004-07-01",
                "evidence_kind": "receipt",
                "status": "recorded",
            },
        )
        results = await app.state.consumer.catch_up()
        assert [r.ok for r in results] == [True, False]
        during = await _plan(client, keys, net.grant_id)
        assert during["stale"] is True and during["totals"] == before["totals"]
        status = (await client.get("/v1/reports/feeds", headers=keys.auth(roles=["auditor"]))).json()
        down = next(s for s in status["sources"] if s["source"] == budget.source.name)
        assert down["stale"] is True and "down" in down["last_error"]
        # as_of is the last successful poll of every source: the budget's, before it went down.
        assert during["as_of"] == down["last_success_at"] and during["as_of"] >= before["as_of"]
        budget.source.down = False
        await app.state.consumer.catch_up()
        after = await _plan(client, keys, net.grant_id)
    assert after["stale"] is False and after["totals"]["actual"] == "22834114.00"


async def test_background_consumer_catches_up(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    async with reports_app(
        [registry.source, budget.source],
        feed_enabled=True,
        feed_poll_seconds=0.05,
        reports_client_secret="test-secret-not-default",
    ) as (client, _app):
        body: dict = {}
        for _ in range(200):  # a wait for the data, not a timing assertion
            r = await client.get(
                "/v1/reports/plan-vs-actual", params={"grant": net.grant_id}, headers=keys.auth(roles=["auditor"])
            )
            body = r.json()
            if r.status_code == 200 and body["totals"]["actual"] == "22833114.00":
                break
            await asyncio.sleep(0.05)
    assert body["totals"]["actual"] == "22833114.00"


async def test_unknown_grant_is_404_and_grant_is_required(reports_app, keys):
    async with reports_app([]) as (client, _):
        r = await client.get(
            "/v1/reports/plan-vs-actual", params={"grant": str(uuid.uuid4())}, headers=keys.auth(roles=["auditor"])
        )
        assert r.status_code == 404 and r.json()["code"] == "grant_not_found"
        r = await client.get("/v1/reports/plan-vs-actual", headers=keys.auth(roles=["auditor"]))
        assert r.status_code == 422
        r = await client.get("/v1/reports/coverage", headers=keys.auth(roles=["signatory"]))
        assert r.status_code == 403
        r = await client.get("/v1/reports/coverage")
        assert r.status_code == 401


async def test_unknown_event_types_and_bad_payloads_are_skipped(reports_app, feeds, keys):
    registry, budget = feeds
    budget.add("something.new", "thing", "1", {"x": 1})
    budget.add("ledger.entry", "ledger_entry", "not-a-uuid", {"id": "not-a-uuid", "amount": "1.00"}, raw=True)
    net = seed_grant(budget)
    async with reports_app([registry.source, budget.source]) as (client, app):
        results = await app.state.consumer.catch_up()
        assert all(r.ok for r in results)
        assert (await _plan(client, keys, net.grant_id))["totals"]["actual"] == "22833114.00"
    assert isinstance(budget.source.events[0], Event)


async def test_coverage_lists_every_region_and_scopes_regional_committees(reports_app, feeds, keys):
    registry, budget = feeds
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        base = (await client.get("/v1/reports/coverage", headers=keys.auth(roles=["partner_registry"]))).json()
        codes = {"north": "50", "south": "90"}
        for i, (tier, region) in enumerate(
            [("model", "north"), ("pilot", "north"), ("pilot", "south"), ("expansion", "south")]
        ):
            code = f"{codes[region]}{9900 + i:04d}"
            registry.add(
                "tambon.enrolled",
                "tambon",
                code,
                {
                    "code": code,
                    "name_th": "ทดสอบ",
                    "name_en": "Test",
                    "district_code": code[:4],
                    "province_code": code[:2],
                    "region": region,
                    "tier": tier,
                    "joined_on": "2004-01-01",
                    "villages_total": 5,
                    "villages_with_plan": 5,
                    "criteria": {},
                    "meets_model_criteria": True,
                    "tao_plan_integrated": i % 2 == 0,
                    "tao_funded": i == 0,
                },
            )
        # A later update moves one tambon's tier; the read model keeps only the latest state.
        registry.add(
            "tambon.updated",
            "tambon",
            "909903",
            {
                "code": "909903",
                "name_th": "ทดสอบ",
                "name_en": "Test",
                "district_code": "9099",
                "province_code": "90",
                "region": "south",
                "tier": "pilot",
                "joined_on": "2004-01-01",
                "villages_total": 5,
                "villages_with_plan": 5,
                "criteria": {},
                "meets_model_criteria": True,
                "tao_plan_integrated": False,
                "tao_funded": False,
            },
        )
        for level, region in [("community", "north"), ("intensive", "north"), ("community", "south")]:
            fid = str(uuid.uuid4())
            registry.add(
                "facilitator.created",
                "facilitator",
                fid,
                {
                    "id": fid,
                    "person_id": str(uuid.uuid4()),
                    "tambon": "500101",
                    "district_code": "5001",
                    "province_code": "50",
                    "region": region,
                    "level": level,
                    "trained_on": "2004-02-01",
                },
            )
        basef = (await client.get("/v1/reports/facilitators", headers=keys.auth(roles=["auditor"]))).json()
        await app.state.consumer.catch_up()
        cov = (await client.get("/v1/reports/coverage", headers=keys.auth(roles=["partner_registry"]))).json()
        fac = (await client.get("/v1/reports/facilitators", headers=keys.auth(roles=["auditor"]))).json()
        mine = (
            await client.get("/v1/reports/coverage", headers=keys.auth(roles=["regional_committee"], region="south"))
        ).json()
    assert [r["region"] for r in cov["regions"]] == ["north", "central", "northeast", "south"]

    def delta(key, region):
        new = next(r for r in cov["regions"] if r["region"] == region)[key]
        old = next(r for r in base["regions"] if r["region"] == region)[key]
        return new - old

    assert (delta("model", "north"), delta("pilot", "north"), delta("tambons", "north")) == (1, 1, 2)
    assert (delta("pilot", "south"), delta("expansion", "south"), delta("tambons", "south")) == (2, 0, 2)
    assert delta("tao_plan_integrated", "north") == 1 and delta("tao_funded", "north") == 1
    assert cov["totals"]["tambons"] - base["totals"]["tambons"] == 4
    assert [r["region"] for r in mine["regions"]] == ["south"]
    fd = {r["region"]: r for r in fac["regions"]}
    fb = {r["region"]: r for r in basef["regions"]}
    assert fd["north"]["community"] - fb["north"]["community"] == 1
    assert fd["north"]["intensive"] - fb["north"]["intensive"] == 1
    assert fd["south"]["total"] - fb["south"]["total"] == 1
    assert fac["totals"]["total"] == sum(r["total"] for r in fac["regions"])


async def test_tranche_status_says_what_blocks_the_next(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    tambon = f"34{uuid.uuid4().int % 10000:04d}"
    tambon_project(registry, budget, net, tambon=tambon)
    pid = net.tambon_project
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()

        async def status(roles=("secretariat",), **claims):
            r = await client.get(
                "/v1/reports/tranches", params={"project": pid}, headers=keys.auth(roles=roles, **claims)
            )
            return r

        item = (await status()).json()["items"][0]
        assert [t["status"] for t in item["tranches"]] == ["released", "blocked"]
        assert item["next_tranche"] == 2 and item["blocked_by"] == ["activity_report_required"]
        assert item["tranches"][1]["planned_amount"] == "10000.00"
        rid = str(uuid.uuid4())
        budget.add(
            "activity_report.submitted",
            "activity_report",
            rid,
            {"id": rid, "project_id": pid, "tranche": 1, "submitted_at": "2004-03-01T09:00:00+07:00"},
        )
        await app.state.consumer.catch_up()
        item = (await status()).json()["items"][0]
        assert item["tranches"][1]["status"] == "ready" and item["blocked_by"] == []
        budget.add(
            "project.suspended",
            "project",
            pid,
            {
                "id": pid,
                "grant_id": net.grant_id,
                "line_no": 2,
                "name": "โครงการแผนชุมชนตำบลศรีภูมิ",
                "level": "tambon",
                "region": "northeast",
                "tambon": tambon,
                "amount": "20000.00",
                "tranches": [50, 50],
                "status": "suspended",
            },
        )
        await app.state.consumer.catch_up()
        item = (await status()).json()["items"][0]
        assert item["blocked_by"] == ["project_suspended"] and item["status"] == "suspended"
        # Scope: its own tambon and region see it; another tambon or region does not; partners may not ask.
        assert (await status(roles=("tambon_committee",), tambon=tambon)).json()["total"] == 1
        assert (await status(roles=("tambon_committee",), tambon="100101")).json()["total"] == 0
        assert (await status(roles=("regional_committee",), region="northeast")).json()["total"] == 1
        assert (await status(roles=("regional_committee",), region="north")).json()["total"] == 0
        assert (await status(roles=("partner_registry",))).status_code == 403


@pytest.mark.committed  # two consumers at once: each needs its own connection, as in production
async def test_two_consumers_at_once_apply_every_page_exactly_once(reports_app, feeds, keys):
    from phaen_reports.feeds.consumer import FeedConsumer

    registry, budget = feeds
    net = seed_grant(budget)
    for _ in range(3):
        net2 = seed_grant(budget)
    async with reports_app([registry.source, budget.source], feed_page_size=7) as (client, app):
        other = FeedConsumer(app.state.db, [registry.source, budget.source], page_size=7)
        await asyncio.gather(app.state.consumer.catch_up(), other.catch_up(), app.state.consumer.catch_up())
        status = (await client.get("/v1/reports/feeds", headers=keys.auth(roles=["auditor"]))).json()
        applied = {s["source"]: (s["events_applied"], s["after"]) for s in status["sources"]}
        assert applied[budget.source.name] == (len(budget.source.events), len(budget.source.events))
        for grant in (net.grant_id, net2.grant_id):
            assert (await _plan(client, keys, grant))["totals"]["actual"] == "22833114.00"


async def test_a_page_that_cannot_be_applied_is_retried_and_reported_stale(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    # A tambon code longer than the 6 digits the read model stores: the page's transaction fails.
    registry.add("tambon.enrolled", "tambon", "1234567", {"code": "1234567", "region": "north", "tier": "pilot"})
    async with reports_app([registry.source, budget.source]) as (client, app):
        results = await app.state.consumer.catch_up()
        assert [r.ok for r in results] == [False, True]
        body = await _plan(client, keys, net.grant_id)
        assert body["stale"] is True and body["totals"]["actual"] == "22833114.00"
        status = (await client.get("/v1/reports/feeds", headers=keys.auth(roles=["auditor"]))).json()
        reg = next(s for s in status["sources"] if s["source"] == registry.source.name)
        assert reg["after"] == 0 and reg["last_error"].startswith("applying events failed")
        assert "INSERT" not in reg["last_error"] and "1234567" not in reg["last_error"]
        # Never skipped: the next poll retries the same page (and fails the same way until it can apply).
        results = await app.state.consumer.catch_up()
        assert results[0].ok is False and results[0].applied == 0
