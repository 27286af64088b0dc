"""Reports fed by the real registry and budget services (in-process apps, their real event feeds).

The reports service reads ``GET /v1/registry/events`` and ``GET /v1/budget/events`` over HTTP (ASGI
transport) with an ``events:read`` token, exactly as in production; it never touches their tables.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pypdfium2 as pdfium
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys, app_client

SEED_LINES = [  # seed §1.4: no, planned, actual
    (1, "2205000", "3020000"),
    (2, "4325000", "4655000"),
    (3, "1777500", "1446238"),
    (4, "1848000", "2048868"),
    (5, "300000", "167393"),
    (6, "4000000", "3886477"),
    (7, "3200000", "3206000"),
    (8, "800000", "800000"),
    (9, "1000000", "2978637"),
    (10, "1000000", "624501"),
]
RESOLUTION = {"number": "มติ 3/2547", "meeting_date": "2004-01-15"}
VALID_ID = "1101700203450"


def _ok(r: httpx.Response, status: int | tuple[int, ...] = 200) -> Any:
    assert r.status_code in (status if isinstance(status, tuple) else (status,)), (r.request.url, r.status_code, r.text)
    return r.json()


@dataclass
class Stack:
    registry: httpx.AsyncClient
    budget: httpx.AsyncClient
    reports: httpx.AsyncClient
    app: FastAPI
    keys: TestKeys

    def auth(self, *roles: str, **claims: Any) -> dict[str, str]:
        return self.keys.auth(roles=list(roles), **claims)

    async def catch_up(self) -> list[Any]:
        return list(await self.app.state.consumer.catch_up())


@pytest.fixture(scope="module")
async def stack(pg_url: str, keys: TestKeys) -> AsyncIterator[Stack]:
    import phaen_budget
    import phaen_registry
    import phaen_reports
    from phaen_budget.config import Settings as BudgetSettings
    from phaen_budget.core.tiers import FixedTierLookup
    from phaen_budget.main import create_app as budget_app
    from phaen_budget.signatories.directory import FixedDirectory
    from phaen_registry.config import Settings as RegistrySettings
    from phaen_registry.main import create_app as registry_app
    from phaen_registry.setup import load_reference_data
    from phaen_reports.config import Settings as ReportsSettings
    from phaen_reports.feeds.source import HttpFeedSource, StaticToken
    from phaen_reports.main import create_app as reports_app
    from phaen_reports.reports.evidence import BudgetNationalIds

    for pkg in (phaen_registry, phaen_budget, phaen_reports):
        upgrade(pkg.MIGRATIONS_DIR, pg_url, pkg.SCHEMA)
    load_reference_data(pg_url)
    url = SecretStr(pg_url)
    reg = registry_app(RegistrySettings(database_url=url))
    bud = budget_app(BudgetSettings(database_url=url))
    bud.state.tiers = FixedTierLookup({})
    bud.state.directory = FixedDirectory(everyone=True)
    async with app_client(reg, keys) as rc, app_client(bud, keys) as bc:
        token = StaticToken(keys.token(roles=["service_events"], sub="phaen-reports", ttl=3600))
        app = reports_app(ReportsSettings(database_url=url, feed_enabled=False, stale_after_seconds=3600))
        # A voucher's national ID in clear comes from the budget service, asked with the caller's own token.
        app.state.national_ids = BudgetNationalIds("http://testserver", client=bc)
        app.state.feed_sources = [
            HttpFeedSource(
                name="registry", base_url="http://testserver", path="/v1/registry/events", tokens=token, client=rc
            ),
            HttpFeedSource(
                name="budget", base_url="http://testserver", path="/v1/budget/events", tokens=token, client=bc
            ),
        ]
        async with app_client(app, keys) as pc:
            # The read model is shared with other test modules fed from recorded lists: start from the
            # real feeds alone, so "a rebuild gives the same numbers" compares like with like.
            await app.state.consumer.rebuild()
            yield Stack(registry=rc, budget=bc, reports=pc, app=app, keys=keys)


async def _free_tambon(s: Stack, province: str) -> dict[str, Any]:
    """A real subdistrict of ``province`` not yet in the network."""
    r = _ok(
        await s.registry.get(
            "/v1/registry/subdistricts", params={"province": province, "limit": 500}, headers=s.auth("secretariat")
        )
    )
    return next(t for t in r["items"] if not t.get("network"))


async def _seed_grant(s: Stack) -> dict[str, Any]:
    sec = s.auth("secretariat", sub="sec-e2e")
    grant = _ok(
        await s.budget.post(
            "/v1/budget/grants",
            headers=sec,
            json={
                "name": f"แผนแม่บทชุมชน 4 ภาค {uuid.uuid4().hex[:6]}",
                "funder": "CODI",
                "amount": "20455500",
                "fiscal_year": 2547,
            },
        ),
        201,
    )
    for no, planned, actual in SEED_LINES:
        _ok(
            await s.budget.post(
                f"/v1/budget/grants/{grant['id']}/lines",
                headers=sec,
                json={"no": no, "title": f"แผนงาน {no}", "planned": planned},
            ),
            201,
        )
        project = _ok(
            await s.budget.post(
                "/v1/budget/projects",
                headers=sec,
                json={
                    "grant_id": grant["id"],
                    "line_no": no,
                    "name": f"แผนงาน {no} {uuid.uuid4().hex[:6]}",
                    "level": "network",
                    "amount": planned,
                },
            ),
            201,
        )
        _ok(
            await s.budget.post(
                "/v1/budget/expenses",
                headers=sec,
                json={
                    "project_id": project["id"],
                    "category": "6",
                    "amount": actual,
                    "spent_on": "2004-06-30",
                    "description": f"ค่าใช้จ่ายแผนงาน {no}",
                    "evidence": {
                        "kind": "receipt",
                        "seller_name": "ร้านค้า",
                        "seller_address": "กรุงเทพฯ",
                        "book_no": "1",
                        "receipt_no": uuid.uuid4().hex[:12],
                        "date": "2004-06-30",
                        "items": [{"description": "รวม", "amount": actual}],
                        "receiver_signed": True,
                    },
                },
            ),
            201,
        )
    return grant


async def _plan(s: Stack, grant_id: str, *roles: str) -> dict[str, Any]:
    return _ok(
        await s.reports.get(
            "/v1/reports/plan-vs-actual", params={"grant": grant_id}, headers=s.auth(*(roles or ("auditor",)))
        )
    )


async def test_seed_table_entered_through_budget_comes_back_derived(stack: Stack) -> None:
    grant = await _seed_grant(stack)
    await stack.catch_up()
    body = await _plan(stack, grant["id"], "partner_registry")
    assert body["totals"] == {
        "planned": "20455500.00",
        "percent": "100.00",
        "actual": "22833114.00",
        "variance": "-2377614.00",
    }
    assert sum(Decimal(ln["percent"]) for ln in body["lines"]) == Decimal("100.00")
    assert next(ln for ln in body["lines"] if ln["no"] == 7)["variance"] == "-6000.00"
    assert body["stale"] is False and body["as_of"]


async def test_a_tambon_project_through_both_services(stack: Stack) -> None:
    s = stack
    sec = s.auth("secretariat", sub="sec-e2e")
    await s.catch_up()
    cov0 = _ok(await s.reports.get("/v1/reports/coverage", headers=s.auth("partner_registry")))
    fac0 = _ok(await s.reports.get("/v1/reports/facilitators", headers=s.auth("partner_registry")))
    sub = await _free_tambon(s, "58")  # Mae Hong Son: a northern province
    code = sub["code"]
    _ok(
        await s.registry.put(
            f"/v1/registry/tambons/{code}",
            headers=sec,
            json={
                "tier": "pilot",
                "joined_on": "2003-10-01",
                "villages_total": 8,
                "villages_with_plan": 8,
                "tao_plan_integrated": True,
                "tao_funded": True,
            },
        ),
        (200, 201),
    )
    person = _ok(
        await s.registry.post(
            "/v1/registry/people", headers=sec, json={"full_name": "นายทดสอบ รายงาน", "tambon": code}
        ),
        201,
    )
    committee = _ok(
        await s.registry.post(
            "/v1/registry/committees",
            headers=sec,
            json={"level": "tambon", "tambon": code, "name": f"คณะกรรมการตำบล {code}"},
        ),
        201,
    )
    _ok(
        await s.registry.post(
            f"/v1/registry/committees/{committee['id']}/members",
            headers=sec,
            json={"person_id": person["id"], "role": "chair"},
        ),
        201,
    )
    _ok(
        await s.registry.post(
            "/v1/registry/facilitators",
            headers=sec,
            json={"person_id": person["id"], "tambon": code, "level": "intensive", "trained_on": "2004-02-01"},
        ),
        201,
    )

    from phaen_budget.core.tiers import TambonInfo

    s.budget._transport.app.state.tiers.table[code] = TambonInfo(tier="pilot", region="north")  # type: ignore[attr-defined]
    grant = _ok(
        await s.budget.post(
            "/v1/budget/grants",
            headers=sec,
            json={"name": f"ทุนตำบล {code}", "funder": "CODI", "amount": "100000", "fiscal_year": 2547},
        ),
        201,
    )
    _ok(
        await s.budget.post(
            f"/v1/budget/grants/{grant['id']}/lines",
            headers=sec,
            json={"no": 1, "title": "ตำบลนำร่อง", "planned": "100000"},
        ),
        201,
    )
    project = _ok(
        await s.budget.post(
            "/v1/budget/projects",
            headers=sec,
            json={
                "grant_id": grant["id"],
                "line_no": 1,
                "name": f"โครงการตำบล {code}",
                "level": "tambon",
                "tambon": code,
                "amount": "20000",
            },
        ),
        201,
    )
    pid = project["id"]
    signers = [f"sig-{uuid.uuid4().hex[:8]}" for _ in range(3)]
    account = _ok(
        await s.budget.post(
            "/v1/budget/accounts",
            headers=sec,
            json={
                "project_id": pid,
                "bank": "ธ.ก.ส.",
                "branch": "แม่ฮ่องสอน",
                "number": "020-1-23456-7",
                "name": project["name"],
                "type": "savings",
                "atm_card": False,
                "signatories": signers,
                "threshold": 2,
                "resolution": RESOLUTION,
            },
        ),
        201,
    )
    _ok(
        await s.budget.post(
            f"/v1/budget/projects/{pid}/tranches/1/release", headers=sec, json={"resolution": RESOLUTION}
        )
    )
    tc = s.auth("tambon_committee", tambon=code, region="north", sub=f"tc-{code}")
    proposal = _ok(
        await s.budget.post(
            "/v1/budget/proposals",
            headers=tc,
            json={"project_id": pid, "amount": "20000", "kind": "standard", "title": "เวทีประชาคม", "activities": []},
        ),
        201,
    )
    _ok(
        await s.budget.post(
            f"/v1/budget/proposals/{proposal['id']}/decision",
            headers=s.auth("regional_committee", region="north", sub="rc-north"),
            json={"decision": "approve", "resolution": RESOLUTION},
        )
    )
    w = _ok(
        await s.budget.post(
            "/v1/budget/withdrawals",
            headers=tc,
            json={"account_id": account["id"], "amount": "3000", "purpose": "ค่าอาหาร", "resolution": RESOLUTION},
        ),
        201,
    )
    for signer in signers[:2]:
        _ok(
            await s.budget.post(
                f"/v1/budget/withdrawals/{w['id']}/signatures", headers=s.auth("signatory", sub=signer)
            ),
            201,
        )
    _ok(
        await s.budget.post(
            f"/v1/budget/withdrawals/{w['id']}/payout",
            headers=s.auth("bank", sub="baac", bank="BAAC"),
            json={"bank_reference": f"BAAC-{uuid.uuid4().hex[:8]}"},
        )
    )
    expense = _ok(
        await s.budget.post(
            "/v1/budget/expenses",
            headers=tc,
            json={
                "project_id": pid,
                "category": "1.3",
                "amount": "3000",
                "spent_on": "2004-03-20",
                "description": "ค่าอาหารเวทีประชาคม",
                "evidence": {
                    "kind": "voucher",
                    "payee_name": "นางสมศรี ใจดี",
                    "payee_address": "หมู่ 3",
                    "payee_national_id": VALID_ID,
                    "items": [{"description": "อาหาร 60 ชุด", "amount": "3000"}],
                    "payee_signed": True,
                    "payer_signed": True,
                    "head_certified": True,
                },
            },
        ),
        201,
    )
    balance = _ok(await s.budget.get(f"/v1/budget/accounts/{account['id']}", headers=sec))["balance"]

    await s.catch_up()
    cov = _ok(await s.reports.get("/v1/reports/coverage", headers=s.auth("partner_registry")))
    north, north0 = cov["regions"][0], cov0["regions"][0]
    assert [r["region"] for r in cov["regions"]] == ["north", "central", "northeast", "south"]
    assert (north["pilot"] - north0["pilot"], north["tambons"] - north0["tambons"]) == (1, 1)
    assert north["tao_funded"] - north0["tao_funded"] == 1
    mine = _ok(await s.reports.get("/v1/reports/coverage", headers=s.auth("regional_committee", region="north")))
    assert [r["region"] for r in mine["regions"]] == ["north"]
    fac = _ok(await s.reports.get("/v1/reports/facilitators", headers=s.auth("partner_registry")))
    assert fac["regions"][0]["intensive"] - fac0["regions"][0]["intensive"] == 1

    tr = _ok(await s.reports.get("/v1/reports/tranches", params={"project": pid}, headers=tc))["items"][0]
    assert [t["status"] for t in tr["tranches"]] == ["released", "blocked"]
    assert tr["blocked_by"] == ["activity_report_required"]

    # The tranche and payout were booked just now; statements use the network's (Bangkok) months.
    month = dt.datetime.now(ZoneInfo("Asia/Bangkok")).strftime("%Y-%m")
    st = _ok(await s.reports.get(f"/v1/reports/accounts/{account['id']}/monthly", params={"month": month}, headers=tc))
    assert (st["opening"], st["receipts"], st["payments"]) == ("0.00", "10000.00", "3000.00")
    assert st["closing"] == balance == "7000.00"  # the statement reconciles with the budget's ledger
    r = await s.reports.get(
        f"/v1/reports/accounts/{account['id']}/monthly",
        params={"month": month},
        headers=s.auth("regional_committee", region="south"),
    )
    assert r.status_code == 404

    pkg = _ok(await s.reports.get(f"/v1/reports/projects/{pid}/audit-package", headers=s.auth("auditor")))
    status = {i["no"]: i["status"] for i in pkg["items"]}
    assert {k for k, v in status.items() if v == "present"} >= {"3.1", "3.2", "3.3", "3.4", "3.5", "3.8", "3.9", "3.10"}
    assert status["3.6"] == "missing" and status["3.7"] == "missing"
    _ok(
        await s.budget.post(
            f"/v1/budget/projects/{pid}/activity-reports", headers=tc, json={"tranche": 1, "summary": "สรุปผลงวดที่ 1"}
        ),
        201,
    )
    await s.catch_up()
    tr = _ok(await s.reports.get("/v1/reports/tranches", params={"project": pid}, headers=tc))["items"][0]
    assert tr["tranches"][1]["status"] == "ready" and tr["blocked_by"] == []
    pkg = _ok(await s.reports.get(f"/v1/reports/projects/{pid}/audit-package", headers=s.auth("auditor")))
    assert {i["no"]: i["status"] for i in pkg["items"]}["3.6"] == "present"
    z = await s.reports.get(
        f"/v1/reports/projects/{pid}/audit-package", params={"format": "zip"}, headers=s.auth("auditor")
    )
    names = zipfile.ZipFile(io.BytesIO(z.content)).namelist()
    assert "00-index.pdf" in names and f"3.4-voucher-{expense['id']}.pdf" in names

    v = await s.reports.get(f"/v1/reports/expenses/{expense['id']}/voucher", params={"format": "pdf"}, headers=tc)
    assert v.status_code == 200
    doc = pdfium.PdfDocument(v.content)
    text = doc[0].get_textpage().get_text_range().replace("\u200b", "")
    assert "20 มีนาคม 2547" in text and "สามพันบาทถ้วน" in text
    # The payee comes through the budget's event feed; only the last 4 digits of the ID ever do.
    assert "นางสมศรี" in text and VALID_ID[-4:] in text and VALID_ID not in text.replace(" ", "")
    assert "*********" + VALID_ID[-4:] in text  # masked with the one masking character
    # The auditor may see the ID: the reports service asks the budget service with the auditor's own token.
    v = _ok(await s.reports.get(f"/v1/reports/expenses/{expense['id']}/voucher", headers=s.auth("auditor")))
    assert v["payee_national_id"] == VALID_ID
    v = _ok(await s.reports.get(f"/v1/reports/expenses/{expense['id']}/voucher", headers=tc))
    assert v["payee_national_id"] == "*********" + VALID_ID[-4:]
    assert doc[0].render(scale=1).to_pil().size[0] > 0


async def test_stopping_budget_leaves_reports_serving_stale(stack: Stack) -> None:
    s = stack
    grant = await _seed_grant(s)
    await s.catch_up()
    before = await _plan(s, grant["id"])
    budget_source = s.app.state.consumer.sources[1]
    real_client = budget_source.client

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    budget_source.client = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    try:
        results = await s.catch_up()
        assert [r.ok for r in results] == [True, False]
        during = await _plan(s, grant["id"])
        assert during["stale"] is True and during["totals"] == before["totals"]
        cov = _ok(await s.reports.get("/v1/reports/coverage", headers=s.auth("auditor")))
        assert cov["stale"] is True and len(cov["regions"]) == 4
    finally:
        await budget_source.client.aclose()
        budget_source.client = real_client
    await s.catch_up()
    assert (await _plan(s, grant["id"]))["stale"] is False


async def test_rebuild_from_zero_gives_the_same_numbers(stack: Stack) -> None:
    s = stack
    grant = await _seed_grant(s)
    await s.catch_up()
    plan = await _plan(s, grant["id"])
    cov = _ok(await s.reports.get("/v1/reports/coverage", headers=s.auth("auditor")))
    fac = _ok(await s.reports.get("/v1/reports/facilitators", headers=s.auth("auditor")))
    r = await s.reports.post("/v1/reports/rebuild", headers=s.auth("partner_registry"))
    assert r.status_code == 403
    rebuilt = _ok(await s.reports.post("/v1/reports/rebuild", headers=s.auth("admin")))
    assert all(src["ok"] for src in rebuilt["sources"]) and rebuilt["freshness"]["stale"] is False
    again = await _plan(s, grant["id"])
    assert (again["lines"], again["totals"]) == (plan["lines"], plan["totals"])
    assert _ok(await s.reports.get("/v1/reports/coverage", headers=s.auth("auditor")))["regions"] == cov["regions"]
    assert _ok(await s.reports.get("/v1/reports/facilitators", headers=s.auth("auditor")))["regions"] == fac["regions"]
