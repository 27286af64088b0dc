"""Tranches: released in order into the account; n > 1 needs an activity report for n-1; never twice."""

from __future__ import annotations

from .factory import RELEASE, Budget


async def test_tranche_flow(client, keys):
    b = Budget(client, keys)
    project = await b.project(amount="40000.00", tranches=[60, 40])
    assert project["tranches"] == ["60.00", "40.00"]
    base = f"/v1/budget/projects/{project['id']}"
    r = await client.post(f"{base}/tranches/1/release", headers=b.secretariat, json=RELEASE)
    assert r.status_code == 409 and r.json()["code"] == "account_required"
    account = await b.account(project)
    t1 = await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, RELEASE, status=200)
    assert t1["released"] is True and t1["amount"] == "24000.00"
    r = await client.post(f"{base}/tranches/1/release", headers=b.secretariat, json=RELEASE)
    assert r.status_code == 409 and r.json()["code"] == "tranche_already_released"
    r = await client.post(f"{base}/tranches/2/release", headers=b.secretariat, json=RELEASE)
    assert r.status_code == 409 and r.json()["code"] == "activity_report_required"
    r = await client.post(f"{base}/tranches/3/release", headers=b.secretariat, json=RELEASE)
    assert r.status_code == 404
    view = await b.get(f"{base}/tranches")
    assert [t["blocked_by"] for t in view] == [None, "activity_report_required"]
    r = await client.post(f"{base}/activity-reports", headers=b.secretariat, json={"tranche": 2, "summary": "x"})
    assert r.status_code == 409 and r.json()["code"] == "tranche_not_released"
    rep = await b.ok(
        "POST", f"{base}/activity-reports", b.secretariat, {"tranche": 1, "summary": "จัดเวที 3 ครั้ง", "participants": 120}
    )
    assert rep["details"] == {"participants": 120}
    assert (await b.get(f"{base}/activity-reports/{rep['id']}"))["summary"] == "จัดเวที 3 ครั้ง"
    t2 = await b.ok("POST", f"{base}/tranches/2/release", b.secretariat, RELEASE, status=200)
    assert t2["amount"] == "16000.00"
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert acc["balance"] == "40000.00"
    kinds = [e["kind"] for e in (await b.get(f"/v1/budget/accounts/{account['id']}/ledger"))["items"]]
    assert kinds == ["tranche", "tranche"]


async def test_release_amount_given_and_required(client, keys):
    b = Budget(client, keys)
    project = await b.project(amount=None)
    await b.account(project)
    base = f"/v1/budget/projects/{project['id']}"
    r = await client.post(f"{base}/tranches/1/release", headers=b.secretariat, json=RELEASE)
    assert r.status_code == 422 and r.json()["code"] == "amount_required"
    t = await b.ok("POST", f"{base}/tranches/1/release", b.secretariat, {"amount": "1234.50", **RELEASE}, status=200)
    assert t["amount"] == "1234.50"
    r = await client.post(
        f"{base}/tranches/1/release", headers=keys.auth(roles=["tambon_committee"], tambon="1"), json=RELEASE
    )
    assert r.status_code == 403
