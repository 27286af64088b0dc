"""The event contract end to end: every event type each producer emits goes through the reports consumer.

The registry and the budget run in-process against the test database; a flow through each one's public API
emits every event type the contract gives it; the feed is checked against the models and replayed through
the reports consumer, which must apply every event (none skipped as untyped or malformed).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from phaen_common.events.contract import contract_problems, types_of
from phaen_common.migrations import upgrade
from phaen_common.outbox import Event
from phaen_common.testing import TestKeys, app_client

RESOLUTION = {"number": "มติ 1/2547", "meeting_date": "2004-01-15"}


def uid() -> str:
    return uuid.uuid4().hex[:10]


@pytest.fixture(scope="module")
async def registry(pg_url: str, keys: TestKeys) -> AsyncIterator[httpx.AsyncClient]:
    from phaen_registry import MIGRATIONS_DIR, SCHEMA
    from phaen_registry.config import Settings
    from phaen_registry.main import create_app
    from phaen_registry.setup import load_reference_data

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    load_reference_data(pg_url)
    async with app_client(create_app(Settings(database_url=SecretStr(pg_url))), keys) as client:
        yield client


@pytest.fixture(scope="module")
async def budget(pg_url: str, keys: TestKeys, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Any]:
    from phaen_budget import MIGRATIONS_DIR, SCHEMA
    from phaen_budget.config import Settings
    from phaen_budget.core.tiers import FixedTierLookup
    from phaen_budget.main import create_app
    from phaen_budget.signatories.directory import FixedDirectory

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    app = create_app(Settings(database_url=SecretStr(pg_url), data_dir=tmp_path_factory.mktemp("budget")))
    app.state.tiers = FixedTierLookup({})
    app.state.directory = FixedDirectory(everyone=True)  # no gateway here: any signatory id is its own person
    async with app_client(app, keys) as client:
        yield client


async def _feed(client: httpx.AsyncClient, keys: TestKeys, service: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    after = 0
    headers = keys.auth(roles=["service_events"], sub="reports")
    while True:
        page = (
            await client.get(f"/v1/{service}/events", params={"after": after, "limit": 1000}, headers=headers)
        ).json()
        items += page["items"]
        after = page["next_after"]
        if not page["has_more"]:
            return items


async def _replay(pg_url: str, keys: TestKeys, name: str, events: list[dict[str, Any]]) -> None:
    """Every event through the reports consumer: all applied, none skipped."""
    from phaen_common.events import decode
    from phaen_reports import MIGRATIONS_DIR, SCHEMA
    from phaen_reports.config import Settings
    from phaen_reports.feeds.source import ListFeedSource
    from phaen_reports.main import create_app
    from phaen_reports.projections.apply import handler_for

    typed = [Event.model_validate(e) for e in events]
    for e in typed:
        data = decode(e.type, e.payload)
        assert data is not None, (e.type, e.payload)
        assert handler_for(data) is not None or e.type in UNPROJECTED, f"reports does not read {e.type}"
    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    app = create_app(Settings(database_url=SecretStr(pg_url), feed_enabled=False))
    app.state.feed_sources = [ListFeedSource(name=f"{name}-{uid()}", events=typed)]
    async with app_client(app, keys):
        results = await app.state.consumer.catch_up()
        assert [r.ok for r in results] == [True] and results[0].applied == len(events)


# Event types the read model has no table for (still typed and checked; webhooks may carry them).
UNPROJECTED = {
    "village.created",
    "village.updated",
    "zone.created",
    "mou.created",
    "statement.imported",
    "alert.raised",
    "alert.resolved",
    "audit.head_signed",
    "account.signatory_change_proposed",
    "account.signatory_change_confirmed",
    "account.signatory_change_rejected",
    "account.signatory_change_withdrawn",
}


def _check(events: list[dict[str, Any]], service: str) -> None:
    assert contract_problems(events) == []
    missing = types_of(service) - {e["type"] for e in events}
    assert not missing, f"{service} event types the flow did not emit: {sorted(missing)}"
    for e in events:
        assert e["specversion"] == "1.0" and e["id"] == e["event_id"] and e["source"] == f"/v1/{service}"
        assert e["subject"] == f"{e['entity']}/{e['entity_id']}" and e["time"] and e["datacontenttype"]


async def test_every_registry_event_replays_through_reports(registry, keys, pg_url):
    r, sec = registry, keys.auth(roles=["secretariat"], sub="contract")

    async def ok(method: str, url: str, body: Any, status: int = 201) -> Any:
        resp = await r.request(method, f"/v1/registry{url}", json=body, headers=sec)
        assert resp.status_code == status, (url, resp.status_code, resp.text)
        return resp.json()

    code = random.choice(["570101", "570102", "570103", "570104", "570105"])
    criteria = dict.fromkeys(
        ("plans_80pct", "facilitator_team", "joint_plans", "ongoing_activities", "linked_tao", "tao_support", "spread"),
        True,
    )
    tambon = {"tier": "pilot", "joined_on": "2003-10-01", "villages_total": 10, "villages_with_plan": 8}
    tambon |= {"criteria": criteria, "tao_plan_integrated": True, "tao_funded": False}
    # If-Match (issue 11): "*" as the tambon may be enrolled already (by another test of this run: then the
    # answer is 200, else 201), then the ETag the first answer gave.
    enrolled = (await r.get(f"/v1/registry/tambons/{code}", headers=sec)).status_code == 200
    first = await r.put(f"/v1/registry/tambons/{code}", json=tambon, headers={**sec, "If-Match": "*"})
    assert first.status_code == (200 if enrolled else 201), first.text
    second = await r.put(
        f"/v1/registry/tambons/{code}",
        json={**tambon, "tier": "model"},
        headers={**sec, "If-Match": first.headers["etag"]},
    )
    assert second.status_code == 200, second.text
    await ok("PUT", f"/tambons/{code}/villages/3", {"name_th": "บ้านหนองบัว", "has_plan": True}, status=201)
    await ok("PUT", f"/tambons/{code}/villages/3", {"name_th": "บ้านหนองบัว", "has_plan": False}, status=200)
    person = await ok("POST", "/people", {"full_name": "นายสัญญา ตรงกัน"})
    await ok("PATCH", f"/people/{person['id']}", {"tambon": code}, status=200)
    f = await ok("POST", "/facilitators", {"person_id": person["id"], "tambon": code, "level": "community"})
    await ok("PATCH", f"/facilitators/{f['id']}", {"level": "intensive"}, status=200)
    zone = await ok("POST", "/zones", {"region": "south", "name": f"โซน {uid()}", "provinces": ["80", "86"]})
    c = await ok("POST", "/committees", {"level": "regional", "region": "south", "name": "คณะ", "zone_id": zone["id"]})
    seat = await ok("POST", f"/committees/{c['id']}/members", {"user_id": f"u-{uid()}", "role": "coordinator"})
    await ok("PATCH", f"/committees/{c['id']}/members/{seat['id']}", {"term_end": "2004-09-30"}, status=200)
    await ok("PATCH", f"/committees/{c['id']}", {"name": "คณะประสานงานภาคใต้"}, status=200)
    partner = f"P{uid()}"
    await ok("POST", "/partners", {"code": partner, "name_th": "กรมทดสอบ", "name_en": "Dept", "kind": "government"})
    await ok("PATCH", f"/partners/{partner}", {"name_en": "Department of Tests"}, status=200)
    await ok("POST", f"/partners/{partner}/mous", {"title": "MOU", "scope": "ขยายผล", "starts_on": "2004-03-11"})

    events = await _feed(r, keys, "registry")
    _check(events, "registry")
    await _replay(pg_url, keys, "registry", events)


async def test_every_budget_event_replays_through_reports(budget, keys, pg_url):
    c = budget
    sec, admin = keys.auth(roles=["secretariat"], sub="sec-contract"), keys.auth(roles=["admin"], sub="admin")
    bank = keys.auth(roles=["bank"], sub="bank-contract", bank="ธ.ก.ส.")

    async def ok(method: str, url: str, headers: dict[str, str], body: Any = None, status: int = 201) -> Any:
        resp = await c.request(method, f"/v1/budget{url}", json=body, headers=headers)
        assert resp.status_code == status, (url, resp.status_code, resp.text)
        return resp.json()

    grant = await ok(
        "POST", "/grants", sec, {"name": f"ทุน {uid()}", "funder": "CODI", "amount": "200000.00", "fiscal_year": 2547}
    )
    for no in (1, 2):
        await ok(
            "POST", f"/grants/{grant['id']}/lines", sec, {"no": no, "title": f"แผนงาน {no}", "planned": "100000.00"}
        )
    await ok("POST", f"/grants/{grant['id']}/lines/2/cofunding", sec, {"funder": "สสส.", "amount": "5000.00"})
    body = {
        "grant_id": grant["id"],
        "line_no": 1,
        "name": f"โครงการ {uid()}",
        "level": "network",
        "amount": "100000.00",
    }
    project = await ok("POST", "/projects", sec, {**body, "tranches": [50, 50]})
    signers = [f"sig-{uid()}" for _ in range(3)]
    account = await ok(
        "POST",
        "/accounts",
        sec,
        {
            "project_id": project["id"],
            "bank": "ธ.ก.ส.",
            "branch": "สิงห์บุรี",
            "number": "020-1-23456-7",
            "name": project["name"],
            "type": "savings",
            "atm_card": False,
            "signatories": signers,
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )
    await ok(
        "POST",
        f"/accounts/{account['id']}/deposits",
        bank,
        {"amount": "50000.00", "kind": "transfer", "bank_reference": f"B-{uid()}"},
    )
    base = f"/projects/{project['id']}"
    proposal = await ok(
        "POST",
        "/proposals",
        sec,
        {"project_id": project["id"], "amount": "1000.00", "kind": "change", "title": "เปลี่ยน"},
    )
    await ok(
        "POST",
        f"/proposals/{proposal['id']}/decision",
        admin,
        {"decision": "approve", "resolution": RESOLUTION},
        status=200,
    )
    await ok("POST", f"{base}/tranches/1/release", sec, {"resolution": RESOLUTION}, status=200)
    await ok("POST", f"{base}/activity-reports", sec, {"tranche": 1, "summary": "จัดเวที"})
    w = await ok(
        "POST",
        "/withdrawals",
        sec,
        {"account_id": account["id"], "amount": "1000.00", "purpose": "เวที", "resolution": RESOLUTION},
    )
    for s in signers[:2]:
        await ok("POST", f"/withdrawals/{w['id']}/signatures", keys.auth(roles=["signatory"], sub=s))
    await ok("POST", f"/withdrawals/{w['id']}/payout", bank, {"bank_reference": f"P-{uid()}"}, status=200)
    w2 = await ok(
        "POST",
        "/withdrawals",
        sec,
        {"account_id": account["id"], "amount": "500.00", "purpose": "เวที", "resolution": RESOLUTION},
    )
    await ok("POST", f"/withdrawals/{w2['id']}/cancel", sec, {"reason": "ซ้ำ"}, status=200)
    expiring = await ok(
        "POST",
        "/withdrawals",
        sec,
        {"account_id": account["id"], "amount": "100.00", "purpose": "เวที", "resolution": RESOLUTION},
    )
    from phaen_budget.withdrawals.service import expire

    async with c._transport.app.state.db.sessionmaker() as session, session.begin():  # type: ignore[attr-defined]
        later = dt.datetime.fromisoformat(expiring["expires_at"]) + dt.timedelta(seconds=1)
        assert await expire(session=session, withdrawal_id=uuid.UUID(expiring["id"]), now=later)
    for outcome, action, who in (
        ("withdrawn", "reject", sec),
        ("rejected", "reject", admin),
        ("confirmed", "confirm", admin),
    ):
        policy = {"signatories": [f"n-{uid()}" for _ in range(3)], "threshold": 2}
        change = await ok(
            "PUT",
            f"/accounts/{account['id']}/signatories",
            {**sec, "If-Match": "*"},
            {**policy, "resolution": {"number": f"มติ {uid()}", "meeting_date": "2004-02-01"}},
            status=202,
        )
        done = await ok("POST", f"/accounts/{account['id']}/signatory-changes/{change['id']}/{action}", who, status=200)
        assert done["status"] == outcome
    evidence = {
        "kind": "receipt",
        "seller_name": f"ร้าน {uid()}",
        "seller_address": "อ.เมือง",
        "book_no": "12",
        "receipt_no": "345",
        "date": "2004-05-01",
        "items": [{"description": "อาหาร", "amount": "1500.00"}],
        "receiver_signed": True,
    }
    e = await ok(
        "POST",
        "/expenses",
        sec,
        {
            "project_id": project["id"],
            "category": "1.3",
            "amount": "1500.00",
            "spent_on": "2004-05-01",
            "description": "เวที",
            "evidence": evidence,
        },
    )
    await ok("POST", f"/expenses/{e['id']}/void", sec, {"reason": "บันทึกผิด"}, status=200)
    # A statement with a debit nobody approved: the import raises an alert, the secretariat resolves it.
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date().isoformat()
    csv = f"date,description,reference,withdrawal,deposit,balance\n{today},ถอนเงิน,X{uid()},777.00,,\n"
    resp = await c.post(
        f"/v1/budget/accounts/{account['id']}/statements",
        content=csv.encode(),
        headers={**bank, "Content-Type": "text/csv; charset=utf-8"},
    )
    assert resp.status_code == 201, resp.text
    alert = resp.json()["alerts"][0]
    await ok("POST", f"/alerts/{alert['id']}/resolve", sec, {"note": "ธนาคารคืนเงินแล้ว"}, status=200)
    await ok("POST", f"{base}/suspend", sec, {"reason": "ตรวจสอบ"}, status=200)
    await ok("POST", f"{base}/reinstate", sec, {"reason": "เรียบร้อย"}, status=200)
    await ok("POST", f"{base}/close", admin, {"reason": "เสร็จสิ้น"}, status=200)
    await ok("GET", "/audit/head", admin, status=200)  # signs the new head: audit.head_signed

    events = await _feed(c, keys, "budget")
    _check(events, "budget")
    await _replay(pg_url, keys, "budget", events)
