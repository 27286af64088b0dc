"""Routing by rule, decisions by the routed committee, reservations against the line."""

from __future__ import annotations

import pytest

from phaen_budget.core.tiers import TambonInfo

from .factory import RESOLUTION, Budget


async def _propose(b: Budget, project: dict, amount: str, kind: str = "standard", status: int = 201) -> dict:
    return await b.ok(
        "POST",
        "/v1/budget/proposals",
        b.secretariat,
        {"project_id": project["id"], "amount": amount, "kind": kind, "title": "เวทีประชาคม", "activities": ["เวที 1"]},
        status=status,
    )


@pytest.mark.parametrize(
    ("tambon", "amount", "kind", "route", "rule"),
    [
        ("100101", "20000.00", "standard", "regional", "within_pilot_standard"),
        ("100101", "20000.01", "standard", "national", "over_pilot_standard"),
        ("500101", "45000", "standard", "regional", "within_model_standard"),
        ("500101", "45000.01", "standard", "national", "over_model_standard"),
        ("500101", "100.00", "change", "national", "change_goes_national"),
        ("300101", "100.00", "standard", "national", "no_standard_for_expansion"),
    ],
)
async def test_route_rule(client, keys, tambon, amount, kind, route, rule):
    b = Budget(client, keys)
    project = await b.project(level="tambon", tambon=tambon)
    p = await _propose(b, project, amount, kind)
    assert (p["route"], p["route_rule"], p["status"]) == (route, rule, "pending")


async def test_network_project_and_unknown_tier_go_national(client, keys, tiers):
    b = Budget(client, keys)
    p = await _propose(b, await b.project(), "10.00")
    assert (p["route"], p["route_rule"]) == ("national", "not_a_tambon_project")
    p = await _propose(b, await b.project(level="tambon", tambon="999999", region="south"), "10.00")
    assert (p["route"], p["route_rule"]) == ("national", "tier_unknown")


async def test_tier_snapshot_refreshed_at_proposal_time(client, keys, tiers):
    b = Budget(client, keys)
    tiers.table["700101"] = TambonInfo(tier="pilot", region="central")
    project = await b.project(level="tambon", tambon="700101")
    assert project["tier"] == "pilot" and project["region"] == "central"
    tiers.table["700101"] = TambonInfo(tier="model", region="central")  # promoted in the registry
    p = await _propose(b, project, "30000.00")
    assert (p["route"], p["tier"]) == ("regional", "model")
    assert (await b.get(f"/v1/budget/projects/{project['id']}"))["tier"] == "model"
    del tiers.table["700101"]  # registry down: the snapshot stands
    # 10,000: with the first 30,000 still within the model standard for the year (the splitting rule).
    p = await _propose(b, project, "10000.00")
    assert (p["route"], p["tier"]) == ("regional", "model")


async def test_decisions_by_the_routed_committee_only(client, keys):
    b = Budget(client, keys)
    grant = await b.grant(amount="100000.00", lines=[(1, "50000.00")])
    project = await b.project(grant=grant, level="tambon", tambon="100101", amount="50000.00")  # central, pilot
    regional = await _propose(b, project, "20000.00")
    national = await _propose(b, project, "25000.00")
    central = keys.auth(roles=["regional_committee"], region="central", sub="rc-central")
    north = keys.auth(roles=["regional_committee"], region="north", sub="rc-north")
    nat = keys.auth(roles=["national_committee"], sub="nc-1")
    decision = {"decision": "approve", "resolution": RESOLUTION}

    r = await client.post(f"/v1/budget/proposals/{regional['id']}/decision", headers=north, json=decision)
    assert r.status_code == 404  # another region: outside its scope
    r = await client.post(f"/v1/budget/proposals/{national['id']}/decision", headers=central, json=decision)
    assert r.status_code == 403 and r.json()["code"] == "wrong_committee"
    r = await client.post(f"/v1/budget/proposals/{regional['id']}/decision", headers=nat, json=decision)
    assert r.status_code == 403
    r = await client.post(f"/v1/budget/proposals/{regional['id']}/decision", headers=b.secretariat, json=decision)
    assert r.status_code == 403  # secretariat has no budget:approve
    r = await client.post(
        f"/v1/budget/proposals/{regional['id']}/decision", headers=central, json={"decision": "approve"}
    )
    assert r.status_code == 422  # a decision cites a resolution

    ok = await b.ok("POST", f"/v1/budget/proposals/{regional['id']}/decision", central, decision, status=200)
    assert ok["status"] == "approved" and ok["resolution"] == RESOLUTION and ok["decided_by"] == "rc-central"
    r = await client.post(f"/v1/budget/proposals/{regional['id']}/decision", headers=central, json=decision)
    assert r.status_code == 409 and r.json()["code"] == "already_decided"
    line = (await b.get(f"/v1/budget/grants/{grant['id']}"))["lines"][0]
    assert line["reserved"] == "20000.00" and line["available"] == "30000.00"

    # 25,000 + 20,000 fits in 50,000; a third 20,000 (pilot, regional) would not. It is another project's
    # (on the same line): a third standard proposal of this one would go national by the splitting rule.
    await b.ok("POST", f"/v1/budget/proposals/{national['id']}/decision", nat, decision, status=200)
    other = await b.project(grant=grant, level="tambon", tambon="100101", amount=None)  # no share of the line
    third = await _propose(b, other, "20000.00")
    r = await client.post(f"/v1/budget/proposals/{third['id']}/decision", headers=central, json=decision)
    assert r.status_code == 409 and r.json()["code"] == "line_budget_exceeded"
    rej = await b.ok(
        "POST",
        f"/v1/budget/proposals/{third['id']}/decision",
        central,
        {"decision": "reject", "resolution": RESOLUTION},
        status=200,
    )
    assert rej["status"] == "rejected"
    line = (await b.get(f"/v1/budget/grants/{grant['id']}"))["lines"][0]
    assert line["reserved"] == "45000.00"


async def test_tambon_committee_proposes_only_for_its_own_tambon(client, keys):
    b = Budget(client, keys)
    mine = await b.project(level="tambon", tambon="100101")
    other = await b.project(level="tambon", tambon="900101")
    tc = keys.auth(roles=["tambon_committee"], tambon="100101", region="central")
    body = {"amount": "100.00", "kind": "standard", "title": "t"}
    r = await client.post("/v1/budget/proposals", headers=tc, json={**body, "project_id": mine["id"]})
    assert r.status_code == 201
    r = await client.post("/v1/budget/proposals", headers=tc, json={**body, "project_id": other["id"]})
    assert r.status_code == 404
    r = await client.get(f"/v1/budget/projects/{other['id']}", headers=tc)
    assert r.status_code == 404
    listed = (await client.get("/v1/budget/projects?limit=500", headers=tc)).json()
    assert {p["tambon"] for p in listed["items"]} == {"100101"}
    r = await client.post("/v1/budget/proposals", headers=keys.auth(roles=["auditor"]), json={"garbage": 1})
    assert r.status_code == 403  # authorization before validation
