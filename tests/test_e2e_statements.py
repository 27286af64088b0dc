"""The bank's statement through the gateway of a real `make run`, with real tokens: a BAAC partner client imports
its account's statement as raw CSV and camt.053 bodies; another bank's client is refused; the planted debit is an
alert the auditor sees and the secretariat closes."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
from e2e_stack import Stack
from test_e2e_money_flow import RESOLUTION, Api, people  # noqa: F401 - `people` is the shared fixture

BKK = dt.timezone(dt.timedelta(hours=7))


def _client(stack: Stack, admin: Api, bank: str) -> Api:
    made = admin.call(
        "POST",
        "/v1/auth/clients",
        201,
        json={"name": f"{bank} {uuid.uuid4().hex[:6]}", "roles": ["bank"], "bank": bank},
    )
    r = httpx.post(
        f"{stack.gateway}/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": made["client_id"],
            "client_secret": made["client_secret"],
        },
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return Api(stack, r.json()["access_token"])


def test_statement_through_the_gateway(stack: Stack, people: dict[str, Any]) -> None:  # noqa: F811
    sec, baac, auditor = people["sec"]["api"], people["bank"]["api"], people["auditor"]["api"]
    ktb = _client(stack, people["admin"], "KTB")
    grant = sec.call(
        "POST",
        "/v1/budget/grants",
        201,
        json={"name": f"CODI {uuid.uuid4().hex[:4]}", "funder": "CODI", "amount": "100000.00", "fiscal_year": 2547},
    )
    sec.call(
        "POST", f"/v1/budget/grants/{grant['id']}/lines", 201, json={"no": 1, "title": "x", "planned": "100000.00"}
    )
    name = f"Statement e2e {uuid.uuid4().hex[:6]}"
    project = sec.call(
        "POST",
        "/v1/budget/projects",
        201,
        json={
            "grant_id": grant["id"],
            "line_no": 1,
            "name": name,
            "level": "regional",
            "region": "north",
            "amount": "50000.00",
        },
    )
    account = sec.call(
        "POST",
        "/v1/budget/accounts",
        201,
        json={
            "project_id": project["id"],
            "bank": "BAAC",
            "branch": "Chiang Mai",
            "number": "020-1-23456-7",
            "name": name,
            "type": "savings",
            "atm_card": False,
            "signatories": [people[s]["id"] for s in ("s1", "s2", "s3")],
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )
    dep, fee, planted = (f"E2E-{uuid.uuid4().hex[:8]}" for _ in range(3))
    url = f"/v1/budget/accounts/{account['id']}"
    baac.call("POST", f"{url}/deposits", 201, json={"amount": "10000.00", "kind": "transfer", "bank_reference": dep})
    baac.call("POST", f"{url}/fees", 201, json={"amount": "25.00", "bank_reference": fee})

    today = dt.datetime.now(BKK).date()
    day = f"{today.day:02d}/{today.month:02d}/{today.year + 543}"
    csv = (
        "\ufeffdate,description,reference,withdrawal,deposit,balance\n"
        f'{day},โอนเงินงวด,{dep},,"10,000.00","10,000.00"\n'
        f'{day},ค่าธรรมเนียม,{fee},25.00,,"9,975.00"\n'
        f'{day},ถอนเงินสด,{planted},"1,000.00",,"8,975.00"\n'
    ).encode()
    headers = {"Content-Type": "text/csv"}
    refused = ktb.call("POST", f"{url}/statements", 404, content=csv, headers=headers)
    assert refused["code"] == "account_not_found"
    answer = baac.call("POST", f"{url}/statements", 201, content=csv, headers=headers)
    assert (answer["lines"], answer["matched"]) == (3, 2)
    assert sorted(a["code"] for a in answer["alerts"]) == ["balance_mismatch", "unauthorised_debit"]
    again = httpx.post(f"{stack.gateway}{url}/statements", content=csv, headers={**baac.h, **headers}, timeout=60)
    assert again.status_code == 201 and again.json() == answer

    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><Document>&a;</Document>'
    unsafe = baac.call("POST", f"{url}/statements", 422, content=bomb, headers={"Content-Type": "application/xml"})
    assert unsafe["code"] == "statement_unsafe_xml"

    alerts = auditor.call("GET", "/v1/budget/alerts", params={"account": account["id"], "code": "unauthorised_debit"})
    [alert] = alerts["items"]
    assert alert["detail"]["reference"] == planted
    seen = people["rc"]["api"].call("GET", "/v1/budget/alerts", params={"account": account["id"]})
    assert seen["total"] == 2  # the regional committee of the project's region
    auditor.call("POST", f"/v1/budget/alerts/{alert['id']}/resolve", 403, json={"note": "x"})
    closed = sec.call("POST", f"/v1/budget/alerts/{alert['id']}/resolve", 200, json={"note": "bank reversed it"})
    assert closed["open"] is False
    assert auditor.call("GET", "/v1/budget/audit/verify")["ok"] is True
