"""Withdrawals through the API: request, 2-of-3 co-signature, payout once, cancel, suspension."""

from __future__ import annotations

from .factory import RELEASE, Budget, uid


async def test_two_of_three_approve_then_pay_once(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("50000.00")
    sigs = account["signatories"]
    assert account["balance"] == "50000.00" and account["available"] == "50000.00"
    w = await b.withdrawal(account, "20000.00")
    assert w["status"] == "pending" and w["signatures"] == []

    # A signatory the account does not list does not reach the withdrawal (issue 8): 404.
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.signer("stranger"))
    assert r.status_code == 404 and r.json()["code"] == "withdrawal_not_found"

    w1 = await b.sign(w, sigs[0])
    assert w1["status"] == "pending" and [s["signer"] for s in w1["signatures"]] == [sigs[0]]
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.signer(sigs[0]))
    assert r.status_code == 409 and r.json()["code"] == "already_signed"
    w2 = await b.sign(w, sigs[1])
    assert w2["status"] == "approved"
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert acc["balance"] == "50000.00" and acc["available"] == "30000.00"

    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.signer(sigs[2]))
    assert r.status_code == 409 and r.json()["code"] == "withdrawal_not_pending"

    ref = f"PAY-{uid()}"
    paid = await b.ok("POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": ref}, status=200)
    assert paid["status"] == "paid" and paid["bank_reference"] == ref
    again = await b.ok("POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": ref}, status=200)
    assert again["status"] == "paid"
    r = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/payout", headers=b.bank, json={"bank_reference": f"PAY-{uid()}"}
    )
    assert r.status_code == 409 and r.json()["code"] == "already_paid"
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert acc["balance"] == "30000.00" and acc["available"] == "30000.00"
    ledger = await b.get(f"/v1/budget/accounts/{account['id']}/ledger")
    assert [e["kind"] for e in ledger["items"]] == ["transfer", "payout"]
    assert ledger["items"][1]["amount"] == "-20000.00"


async def test_request_over_available_and_approval_rechecks_funds(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("10000.00")
    s = account["signatories"]
    r = await client.post(
        "/v1/budget/withdrawals",
        headers=b.secretariat,
        json={
            "account_id": account["id"],
            "amount": "10000.01",
            "purpose": "x",
            "resolution": {"number": "1", "meeting_date": "2004-01-01"},
        },
    )
    assert r.status_code == 409 and r.json()["code"] == "insufficient_funds"
    w1 = await b.withdrawal(account, "7000.00")
    w2 = await b.withdrawal(account, "7000.00")
    await b.sign(w1, s[0])
    await b.sign(w2, s[0])
    assert (await b.sign(w1, s[1]))["status"] == "approved"
    r = await client.post(f"/v1/budget/withdrawals/{w2['id']}/signatures", headers=b.signer(s[1]))
    assert r.status_code == 409 and r.json()["code"] == "insufficient_funds"
    w2now = await b.get(f"/v1/budget/withdrawals/{w2['id']}")
    assert w2now["status"] == "pending" and [x["signer"] for x in w2now["signatures"]] == [s[0]]
    # Cancelling the approved one frees its reservation; then w2 can be approved.
    c = await b.ok("POST", f"/v1/budget/withdrawals/{w1['id']}/cancel", b.secretariat, {"reason": "ซ้ำ"}, status=200)
    assert c["status"] == "cancelled"
    assert (await b.sign(w2, s[1]))["status"] == "approved"
    r = await client.post(f"/v1/budget/withdrawals/{w1['id']}/payout", headers=b.bank, json={"bank_reference": uid()})
    assert r.status_code == 409 and r.json()["code"] == "withdrawal_not_approved"


async def test_suspension_blocks_every_money_action_and_is_audited(client, keys):
    b = Budget(client, keys)
    project, account = await b.funded("10000.00")
    s = account["signatories"]
    w = await b.withdrawal(account, "1000.00")
    await b.sign(w, s[0])
    w_ok = await b.withdrawal(account, "1000.00")
    await b.sign(w_ok, s[0])
    await b.sign(w_ok, s[1])
    susp = await b.ok(
        "POST", f"/v1/budget/projects/{project['id']}/suspend", b.secretariat, {"reason": "สงสัยทุจริต"}, status=200
    )
    assert susp["status"] == "suspended" and susp["status_reason"] == "สงสัยทุจริต"
    assert susp["status_changed_by"]
    attempts = [
        (
            "/v1/budget/withdrawals",
            b.secretariat,
            {
                "account_id": account["id"],
                "amount": "10.00",
                "purpose": "x",
                "resolution": {"number": "1", "meeting_date": "2004-01-01"},
            },
        ),
        (f"/v1/budget/withdrawals/{w['id']}/signatures", b.signer(s[1]), None),
        (f"/v1/budget/withdrawals/{w_ok['id']}/payout", b.bank, {"bank_reference": uid()}),
        (
            f"/v1/budget/accounts/{account['id']}/deposits",
            b.bank,
            {"amount": "5.00", "kind": "interest", "bank_reference": uid()},
        ),
        (f"/v1/budget/projects/{project['id']}/tranches/1/release", b.secretariat, RELEASE),
    ]
    for url, headers, body in attempts:
        r = await client.post(url, headers=headers, json=body)
        assert r.status_code == 409 and r.json()["code"] == "project_suspended", (url, r.text)
    th = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/signatures", headers={**b.signer(s[1]), "Accept-Language": "th"}
    )
    assert th.status_code == 409 and th.json()["title"] == "โครงการถูกระงับ"
    denied = await b.get(f"/v1/budget/audit?entity=withdrawal&id={w['id']}")
    assert any(e["outcome"] == "denied" and e["detail"] == "project_suspended" for e in denied["items"])
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert acc["balance"] == "10000.00"
    await b.ok("POST", f"/v1/budget/projects/{project['id']}/reinstate", b.secretariat, status=200)
    assert (await b.sign(w, s[1]))["status"] == "approved"


async def test_signatory_change_revokes_pending_signatures(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("10000.00")
    s = account["signatories"]
    w = await b.withdrawal(account, "1000.00")
    await b.sign(w, s[0])
    new = [s[0], f"sig-{uid()}", f"sig-{uid()}"]
    r = await client.put(
        f"/v1/budget/accounts/{account['id']}/signatories",
        headers={**b.secretariat, "If-Match": "*"},
        json={"signatories": new, "threshold": 2, "resolution": account["resolution"]},
    )
    assert r.status_code == 409 and r.json()["code"] == "resolution_reused"
    change = await b.ok(
        "PUT",
        f"/v1/budget/accounts/{account['id']}/signatories",
        {**b.secretariat, "If-Match": "*"},
        {"signatories": new, "threshold": 2, "resolution": {"number": "2/2547", "meeting_date": "2004-02-01"}},
        status=202,
    )
    assert change["status"] == "pending" and (await b.get(f"/v1/budget/accounts/{account['id']}"))["signatories"] == s
    await b.ok(
        "POST",
        f"/v1/budget/accounts/{account['id']}/signatory-changes/{change['id']}/confirm",
        b.admin,
        status=200,
    )
    assert (await b.get(f"/v1/budget/accounts/{account['id']}"))["signatories"] == new
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}"))["signatures"] == []
    # Replaced, s[1] is no longer listed: the withdrawal is out of its reach (404).
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.signer(s[1]))
    assert r.status_code == 404 and r.json()["code"] == "withdrawal_not_found"
    await b.sign(w, s[0])
    assert (await b.sign(w, new[1]))["status"] == "approved"


async def test_idempotency_key_on_withdrawal_and_signature(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("10000.00")
    body = {
        "account_id": account["id"],
        "amount": "100.00",
        "purpose": "x",
        "resolution": {"number": "1", "meeting_date": "2004-01-01"},
    }
    h = {**b.secretariat, "Idempotency-Key": uid()}
    r1 = await client.post("/v1/budget/withdrawals", headers=h, json=body)
    r2 = await client.post("/v1/budget/withdrawals", headers=h, json=body)
    assert r1.status_code == r2.status_code == 201 and r1.json()["id"] == r2.json()["id"]
    r3 = await client.post("/v1/budget/withdrawals", headers=h, json={**body, "amount": "200.00"})
    assert r3.status_code == 409 and r3.json()["code"] == "idempotency_key_reused"
    sh = {**b.signer(account["signatories"][0]), "Idempotency-Key": uid()}
    a = await client.post(f"/v1/budget/withdrawals/{r1.json()['id']}/signatures", headers=sh)
    c = await client.post(f"/v1/budget/withdrawals/{r1.json()['id']}/signatures", headers=sh)
    assert a.status_code == c.status_code == 201 and c.headers.get("idempotent-replayed") == "true"
    listed = await b.get(f"/v1/budget/withdrawals?account_id={account['id']}")
    assert listed["total"] == 1


async def test_closed_project_moves_no_money(client, keys):
    b = Budget(client, keys)
    project, account = await b.funded("1000.00")
    closed = await b.ok(
        "POST", f"/v1/budget/projects/{project['id']}/close", b.secretariat, {"reason": "จบโครงการ"}, status=200
    )
    assert closed["status"] == "closed"
    r = await client.post(
        "/v1/budget/withdrawals",
        headers=b.secretariat,
        json={
            "account_id": account["id"],
            "amount": "1.00",
            "purpose": "x",
            "resolution": {"number": "1", "meeting_date": "2004-01-01"},
        },
    )
    assert r.status_code == 409 and r.json()["code"] == "project_closed"
    r = await client.post(f"/v1/budget/projects/{project['id']}/reinstate", headers=b.secretariat)
    assert r.status_code == 409
    r = await client.post(f"/v1/budget/projects/{project['id']}/close", headers=b.secretariat)
    assert r.status_code == 409 and r.json()["code"] == "project_closed"
