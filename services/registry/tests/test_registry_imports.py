"""Bulk CSV import: dry run reports unresolved and ambiguous rows; the real run is all-or-nothing."""

from __future__ import annotations

import httpx
from registry_helpers import R, events_for, fresh_code

from phaen_common.testing import TestKeys

HEADER = "code,name,province,district,tier,joined_on,villages_total,villages_with_plan,plans_80pct,linked_tao\n"


async def _post(client: httpx.AsyncClient, keys: TestKeys, csv: str, dry_run: bool) -> httpx.Response:
    return await client.post(
        f"{R}/imports/tambons",
        params={"dry_run": str(dry_run).lower()},
        content=csv.encode("utf-8-sig"),
        headers={**keys.auth(roles=["secretariat"], sub="sec-import"), "content-type": "text/csv"},
    )


async def test_dry_run_reports_and_writes_nothing(client: httpx.AsyncClient, keys: TestKeys) -> None:
    good = fresh_code("86")
    csv = (
        HEADER
        + f"{good},,,,pilot,2547-01-15,12,10,1,yes\n"  # by code, Buddhist Era date
        + ",วังตะกอก,ชุมพร,,pilot,,,,,\n"  # the seed's misspelling
        + ",บ้านใหม่,นนทบุรี,,expansion,,,,,\n"  # two districts: ambiguous
        + ",ไม่มีตำบลนี้เลยจริงๆ,ชุมพร,,pilot,,,,,\n"  # unresolved
        + ",ตะโหมด,พัทลุง,,royal,,,,,\n"  # bad tier: invalid
        + ",ตะโหมด,Atlantis,,pilot,,,,,\n"
    )  # unknown province
    r = await _post(client, keys, csv, dry_run=True)
    assert r.status_code == 200, r.text
    rep = r.json()
    assert (rep["dry_run"], rep["applied"], rep["total"]) == (True, False, 6)
    assert [row["status"] for row in rep["rows"]] == ["ok", "ok", "ambiguous", "unresolved", "invalid", "unresolved"]
    assert (rep["ok"], rep["ambiguous"], rep["unresolved"], rep["invalid"]) == (2, 1, 2, 1)
    assert rep["rows"][1]["code"] == "860412" and rep["rows"][1]["match"] == "fuzzy"
    assert {c["code"] for c in rep["rows"][2]["candidates"]} >= {"120306", "120603"}
    assert rep["rows"][0]["line"] == 2 and rep["rows"][0]["action"] == "enrol"
    r = await client.get(f"{R}/tambons/{good}", headers=keys.auth(roles=["auditor"]))
    assert r.status_code == 404


async def test_real_run_is_all_or_nothing(client: httpx.AsyncClient, keys: TestKeys) -> None:
    a, b = fresh_code("93"), fresh_code("93")
    bad = HEADER + f"{a},,,,pilot,,3,2,,\n" + ",ไม่มีตำบลนี้เลยจริงๆ,พัทลุง,,pilot,,,,,\n"
    r = await _post(client, keys, bad, dry_run=False)
    assert r.status_code == 422 and r.json()["code"] == "import_rejected"
    assert r.json()["errors"][0]["loc"] == ["body", 3]
    assert r.json()["report"]["applied"] is False
    assert (await client.get(f"{R}/tambons/{a}", headers=keys.auth(roles=["auditor"]))).status_code == 404

    dup = HEADER + f"{a},,,,pilot,,,,,\n{a},,,,model,,,,,\n"
    r = await _post(client, keys, dup, dry_run=False)
    assert r.status_code == 422 and "same tambon as line 2" in r.text

    good = HEADER + f"{a},,,,pilot,2004-01-15,12,10,1,yes\n{b},,,,expansion,,,,,\n"
    r = await _post(client, keys, good, dry_run=False)
    assert r.status_code == 200, r.text
    assert r.json()["applied"] is True and r.json()["ok"] == 2
    t = (await client.get(f"{R}/tambons/{a}", headers=keys.auth(roles=["auditor"]))).json()
    assert (t["tier"], t["joined_on"], t["villages_with_plan"]) == ("pilot", "2004-01-15", 10)
    assert t["criteria"]["plans_80pct"] and t["criteria"]["linked_tao"] and not t["criteria"]["spread"]

    again = HEADER + f"{a},,,,model,,12,11,,\n"
    r = await _post(client, keys, again, dry_run=False)
    assert r.json()["rows"][0]["action"] == "update"
    hist = (await client.get(f"{R}/tambons/{a}/history", headers=keys.auth(roles=["auditor"]))).json()["items"]
    assert [(h["from_tier"], h["to_tier"], h["changed_by"]) for h in hist] == [
        (None, "pilot", "sec-import"),
        ("pilot", "model", "sec-import"),
    ]
    events = await events_for(client, keys.auth(roles=["admin"]), a)
    assert [e["type"] for e in events] == ["tambon.enrolled", "tambon.updated"]


async def test_bad_files(client: httpx.AsyncClient, keys: TestKeys) -> None:
    for raw in ("", "foo,bar\n1,2\n"):
        r = await _post(client, keys, raw, dry_run=True)
        assert r.status_code == 422 and r.json()["code"] == "bad_csv", raw
    r = await client.post(
        f"{R}/imports/tambons",
        content=b"\xff\xfe\x00bad",
        headers={**keys.auth(roles=["secretariat"]), "content-type": "text/csv"},
    )
    assert r.status_code == 422 and r.json()["code"] == "bad_csv"
    r = await client.post(
        f"{R}/imports/tambons",
        content=HEADER.encode(),
        headers={**keys.auth(roles=["partner_registry"]), "content-type": "text/csv"},
    )
    assert r.status_code == 403
