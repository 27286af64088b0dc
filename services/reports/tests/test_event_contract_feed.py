"""The reports side of the event contract: the AsyncAPI document, and the same words as the budget."""

from __future__ import annotations

import uuid

from scenario import seed_grant


async def test_asyncapi_is_served_without_a_token(reports_app, feeds):
    registry, budget = feeds
    async with reports_app([registry.source, budget.source]) as (client, _app):
        r = await client.get("/v1/asyncapi.json")
        assert r.status_code == 200
        doc = r.json()
        assert doc["asyncapi"] == "3.0.0" and "withdrawal_approved" in doc["channels"]
        assert (await client.get("/v1/asyncapi.json")).json() == doc


async def test_a_project_without_account_is_blocked_by_account_required(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    pid = str(uuid.uuid4())
    budget.add(
        "project.created",
        "project",
        pid,
        {"id": pid, "grant_id": net.grant_id, "line_no": 1, "name": "ไม่มีบัญชี", "level": "network", "status": "active"},
    )
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        r = await client.get("/v1/reports/tranches", params={"project": pid}, headers=keys.auth(roles=["auditor"]))
        item = r.json()["items"][0]
        # The budget's own word (its 409 code and its blocked_by): one vocabulary, TrancheBlock.
        assert item["blocked_by"] == ["account_required"]
