"""The network's money flow end to end, through the gateway of a real `make run`.

A pilot tambon is enrolled; CODI's grant funds its project; tranche 1 reaches the project's savings account; the
tambon proposes, its regional committee approves by resolution; a withdrawal is co-signed by 2 of 3 signatories
and paid by the bank; the expense is recorded with a payment voucher; the reports catch up; the audit chain holds.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import pytest
from e2e_stack import Stack, http, login

from phaen_common.thai_id import national_id_check_digit

RESOLUTION = {"number": "3/2547", "meeting_date": "2004-03-15"}
VALID_ID = "1101700230708"  # check digit valid (synthetic)


class Api:
    def __init__(self, stack: Stack, token: str) -> None:
        self.base = stack.gateway
        self.h = {"Authorization": f"Bearer {token}"}

    def call(self, method: str, path: str, expect: int | tuple[int, ...] = 200, **kw: Any) -> Any:
        headers = {**self.h, **kw.pop("headers", {})}
        r = http().request(method, f"{self.base}{path}", headers=headers, timeout=60, **kw)
        want = (expect,) if isinstance(expect, int) else expect
        assert r.status_code in want, f"{method} {path} -> {r.status_code}: {r.text[:800]}"
        if r.headers.get("content-type", "").startswith(("application/json", "application/problem+json")):
            return r.json()
        return r


@pytest.fixture(scope="module")
def people(stack: Stack) -> dict[str, Any]:
    admin = Api(stack, login(stack, "admin", stack.admin_password))
    tag = uuid.uuid4().hex[:6]
    regions = admin.call("GET", "/v1/registry/subdistricts", params={"province": "50", "limit": 1})
    tambon = regions["items"][0]["code"]
    pw = "pw-" + uuid.uuid4().hex
    made: dict[str, Any] = {"tambon": tambon, "pw": pw, "admin": admin}
    specs = {
        "sec": {"roles": ["secretariat"]},
        "rc": {"roles": ["regional_committee"], "region": "north"},
        "rc_south": {"roles": ["regional_committee"], "region": "south"},
        "nc": {"roles": ["national_committee"]},
        "tc": {"roles": ["tambon_committee"], "region": "north", "province": "50", "tambon": tambon},
        "s1": {"roles": ["signatory"]},
        "s2": {"roles": ["signatory"]},
        "s3": {"roles": ["signatory"]},
        "auditor": {"roles": ["auditor"]},
    }
    # A signatory is a registry person with a valid national ID, each a different person.
    for name in ("s1", "s2", "s3"):
        first12 = "5" + f"{uuid.uuid4().int % 10**11:011d}"
        person = admin.call(
            "POST",
            "/v1/registry/people",
            201,
            json={"full_name": f"ผู้ลงนาม {name} {tag}", "national_id": first12 + str(national_id_check_digit(first12))},
        )
        specs[name]["person_id"] = person["id"]
    for name, spec in specs.items():
        user = admin.call(
            "POST",
            "/v1/auth/users",
            201,
            json={"username": f"{name}-{tag}", "password": pw, "display_name": f"{name} {tag}", **spec},
        )
        assert "password" not in user and "password_hash" not in user
        made[name] = {"id": user["id"], "api": Api(stack, login(stack, f"{name}-{tag}", pw))}
    client = admin.call(
        "POST", "/v1/auth/clients", 201, json={"name": f"BAAC {tag}", "roles": ["bank"], "bank": "BAAC"}
    )
    r = httpx.post(
        f"{stack.gateway}/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
        },
        timeout=30,
    )
    assert r.status_code == 200, r.text
    made["bank"] = {"api": Api(stack, r.json()["access_token"])}
    return made


def test_money_flow(stack: Stack, people: dict[str, Any]) -> None:
    sec, tc, rc = people["sec"]["api"], people["tc"]["api"], people["rc"]["api"]
    tambon = people["tambon"]
    sec.call(
        "PUT",
        f"/v1/registry/tambons/{tambon}",
        (200, 201),
        headers={"If-Match": "*"},  # enrol or overwrite: other e2e tests of this stack may have enrolled it
        json={
            "tier": "pilot",
            "joined_on": "2003-10-01",
            "villages_total": 10,
            "villages_with_plan": 9,
            "criteria": {
                k: True
                for k in (
                    "plans_80pct",
                    "facilitator_team",
                    "joint_plans",
                    "ongoing_activities",
                    "linked_tao",
                    "tao_support",
                    "spread",
                )
            },
            "tao_plan_integrated": True,
            "tao_funded": False,
        },
    )

    grant = sec.call(
        "POST",
        "/v1/budget/grants",
        201,
        json={"name": "CODI 2547", "funder": "CODI", "amount": "20455500.00", "fiscal_year": 2547},
    )
    sec.call(
        "POST",
        f"/v1/budget/grants/{grant['id']}/lines",
        201,
        json={"no": 1, "title": "Pilot tambons", "planned": "3460000.00"},
    )
    over = sec.call(
        "POST",
        f"/v1/budget/grants/{grant['id']}/lines",
        409,
        json={"no": 2, "title": "Too much", "planned": "20000000.00"},
    )
    assert over["code"] == "over_allocated"

    name = f"Tambon plan {tambon} {uuid.uuid4().hex[:4]}"
    project = sec.call(
        "POST",
        "/v1/budget/projects",
        201,
        json={
            "grant_id": grant["id"],
            "line_no": 1,
            "name": name,
            "level": "tambon",
            "region": "north",
            "tambon": tambon,
            "amount": "20000.00",
        },
    )
    assert project["status"] == "active"
    signers = [people[s]["id"] for s in ("s1", "s2", "s3")]
    bad = sec.call(
        "POST",
        "/v1/budget/accounts",
        422,
        json={
            "project_id": project["id"],
            "bank": "BAAC",
            "branch": "Chiang Mai",
            "number": "0201234567",
            "name": "Some other name",
            "type": "savings",
            "atm_card": False,
            "signatories": signers,
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )
    assert bad["code"] == "account_name_mismatch"
    account = sec.call(
        "POST",
        "/v1/budget/accounts",
        201,
        json={
            "project_id": project["id"],
            "bank": "BAAC",
            "branch": "Chiang Mai",
            "number": "0201234567",
            "name": name,
            "type": "savings",
            "atm_card": False,
            "signatories": signers,
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )

    sec.call("POST", f"/v1/budget/projects/{project['id']}/tranches/1/release", 200, json={"resolution": RESOLUTION})
    blocked = sec.call(
        "POST", f"/v1/budget/projects/{project['id']}/tranches/2/release", 409, json={"resolution": RESOLUTION}
    )
    assert blocked["code"] == "activity_report_required"
    acct = sec.call("GET", f"/v1/budget/accounts/{account['id']}")
    assert acct["balance"] == "10000.00" and acct["available"] == "10000.00"

    proposal = tc.call(
        "POST",
        "/v1/budget/proposals",
        201,
        json={
            "project_id": project["id"],
            "amount": "15000.00",
            "kind": "standard",
            "title": "Village plan forum",
            "activities": ["forum"],
        },
    )
    assert proposal["route"] == "regional" and proposal["status"] == "pending"
    people["rc_south"]["api"].call(
        "POST",
        f"/v1/budget/proposals/{proposal['id']}/decision",
        404,
        json={"decision": "approve", "resolution": RESOLUTION},
    )
    rc.call(
        "POST",
        f"/v1/budget/proposals/{proposal['id']}/decision",
        200,
        json={"decision": "approve", "resolution": RESOLUTION},
    )
    change = tc.call(
        "POST",
        "/v1/budget/proposals",
        201,
        json={
            "project_id": project["id"],
            "amount": "5000.00",
            "kind": "change",
            "title": "Changed plan",
            "activities": ["x"],
        },
    )
    assert change["route"] == "national"
    rc.call(
        "POST",
        f"/v1/budget/proposals/{change['id']}/decision",
        403,
        json={"decision": "approve", "resolution": RESOLUTION},
    )

    w = tc.call(
        "POST",
        "/v1/budget/withdrawals",
        201,
        json={"account_id": account["id"], "amount": "8000.00", "purpose": "Forum meals", "resolution": RESOLUTION},
    )
    assert w["status"] == "pending" and w["signatures"] == []
    people["s1"]["api"].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 201, json={})
    again = people["s1"]["api"].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 409, json={})
    assert again["code"] == "already_signed"
    done = people["s2"]["api"].call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", 201, json={})
    assert done["status"] == "approved"
    short = tc.call(
        "POST",
        "/v1/budget/withdrawals",
        409,
        json={"account_id": account["id"], "amount": "5000.00", "purpose": "Too much", "resolution": RESOLUTION},
    )
    assert short["code"] == "insufficient_funds"
    paid = people["bank"]["api"].call(
        "POST", f"/v1/budget/withdrawals/{w['id']}/payout", 200, json={"bank_reference": f"BAAC-{uuid.uuid4().hex[:8]}"}
    )
    assert paid["status"] == "paid"
    acct = sec.call("GET", f"/v1/budget/accounts/{account['id']}")
    assert acct["balance"] == "2000.00"

    tc.call(
        "POST",
        "/v1/budget/expenses",
        201,
        json={
            "project_id": project["id"],
            "category": "1.3",
            "amount": "8000.00",
            "spent_on": "2004-03-20",
            "description": "Meals for the forum",
            "evidence": {
                "kind": "voucher",
                "payee_name": "นางสมศรี ใจดี",
                "payee_address": "หมู่ 3 ตำบลศรีภูมิ",
                "payee_national_id": VALID_ID,
                "items": [{"description": "อาหาร 80 ชุด", "amount": "8000.00"}],
                "payee_signed": True,
                "payer_signed": True,
                "head_certified": True,
            },
        },
    )

    verify = people["auditor"]["api"].call("GET", "/v1/budget/audit/verify")
    assert verify["ok"] is True and verify["entries"] > 0

    deadline = time.monotonic() + 20
    report: dict[str, Any] = {}
    while time.monotonic() < deadline:
        report = people["auditor"]["api"].call(
            "GET", "/v1/reports/plan-vs-actual", params={"grant": grant["id"]}, expect=(200, 404)
        )
        if report.get("totals", {}).get("actual") == "8000.00":
            break
        time.sleep(0.5)
    assert report["totals"]["actual"] == "8000.00", report
    assert report["lines"][0]["variance"] == "3452000.00"
    assert report["totals"]["percent"] == "100.00"


def test_disabled_user_is_refused_everywhere_within_the_window(stack: Stack, people: dict[str, Any]) -> None:
    admin = people["admin"]
    victim = people["s3"]
    victim["api"].call("GET", "/v1/auth/me")
    admin.call("POST", f"/v1/auth/users/{victim['id']}/disable", 200, json={})
    direct = Api(stack, victim["api"].h["Authorization"][7:])
    direct.base = stack.url("budget")
    deadline = time.monotonic() + 15
    codes: tuple[int, int] = (0, 0)
    while time.monotonic() < deadline:
        g = httpx.get(f"{stack.gateway}/v1/budget/accounts", headers=victim["api"].h, timeout=10).status_code
        d = httpx.get(f"{direct.base}/v1/budget/accounts", headers=direct.h, timeout=10).status_code
        codes = (g, d)
        if codes == (401, 401):
            break
        time.sleep(0.5)
    assert codes == (401, 401)
