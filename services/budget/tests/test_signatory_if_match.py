"""A signatory change is proposed from the account as the maker last read it: If-Match (428 missing, 412 stale)."""

from __future__ import annotations

from .factory import Budget, uid


async def test_signatory_proposal_needs_the_accounts_current_etag(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("10000.00")
    s = account["signatories"]
    url = f"/v1/budget/accounts/{account['id']}/signatories"
    body = {
        "signatories": [s[0], f"sig-{uid()}", f"sig-{uid()}"],
        "threshold": 2,
        "resolution": {"number": f"มติ {uid()}", "meeting_date": "2004-02-01"},
    }
    read = await client.get(f"/v1/budget/accounts/{account['id']}", headers=b.secretariat)
    etag = read.headers["etag"]

    missing = await client.put(url, headers={**b.secretariat, "Accept-Language": "th"}, json=body)
    assert missing.status_code == 428 and missing.json()["code"] == "precondition_required"
    assert missing.json()["title"] == "ต้องส่ง If-Match พร้อม ETag ล่าสุด"

    # Meanwhile the account moves on (an approved withdrawal reserves money): the maker's copy is stale.
    w = await b.withdrawal(account, "1000.00")
    await b.sign(w, s[0])
    assert (await b.sign(w, s[1]))["status"] == "approved"
    stale = await client.put(url, headers={**b.secretariat, "If-Match": etag}, json=body)
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    changes = await client.get(f"/v1/budget/accounts/{account['id']}/signatory-changes", headers=b.secretariat)
    assert changes.json() == []  # nothing was proposed by the refused attempts

    fresh = (await client.get(f"/v1/budget/accounts/{account['id']}", headers=b.secretariat)).headers["etag"]
    assert fresh != etag
    ok = await client.put(url, headers={**b.secretariat, "If-Match": fresh}, json=body)
    assert ok.status_code == 202 and ok.json()["status"] == "pending"
