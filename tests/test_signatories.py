"""Two distinct people, neither of them the requester: each bypass written as the attack.

The gateway, registry and budget run in-process (real apps, real tokens, one PostgreSQL); see
``signatory_world``. (A set recorded before persons existed: services/budget/tests/test_signatories_concurrency.py.)
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from signatory_world import World, world


@pytest.fixture(scope="module")
async def w(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    async with world(pg_url, tmp_path_factory.mktemp("sig-world")) as made:
        made.users["sec"] = await made.user("secretariat", person_id=await made.person())
        made.users["admin2"] = await made.user("admin")
        made.users["nc"] = await made.user("national_committee")
        made.users["rc"] = await made.user("regional_committee", region="north")
        yield made


async def _trio(w: World) -> list[Any]:
    return [await w.signatory() for _ in range(3)]


def _change_url(account: dict[str, Any], change: dict[str, Any] | None = None, action: str = "") -> str:
    base = f"/v1/budget/accounts/{account['id']}/signatory-changes"
    return base if change is None else f"{base}/{change['id']}/{action}"


async def test_requester_cannot_cosign_its_own_withdrawal(w: World) -> None:
    """Attack: a signatory who may also request (secretariat) requests, then signs its own withdrawal."""
    person = await w.person()
    both = await w.user("secretariat", "signatory", person_id=person)
    others = [await w.signatory(), await w.signatory()]
    account = await w.account(w.users["sec"], [both.id, others[0].id, others[1].id])
    wd = await w.withdrawal(both, account)
    r = await w.sign(both, wd)
    assert r.status_code == 403 and r.json()["code"] == "requester_cannot_sign", r.text
    assert (await w.sign(others[0], wd)).status_code == 201
    assert (await w.sign(others[1], wd)).json()["status"] == "approved"


async def test_requester_cannot_sign_through_a_second_user_id(w: World) -> None:
    """Attack: the requester's human signs under another user id linked to the same person."""
    person = await w.person()
    requester = await w.user("secretariat", person_id=person)
    same_human = await w.signatory(person_id=person)
    others = [await w.signatory(), await w.signatory()]
    account = await w.account(w.users["sec"], [same_human.id, others[0].id, others[1].id])
    wd = await w.withdrawal(requester, account)
    r = await w.sign(same_human, wd)
    assert r.status_code == 403 and r.json()["code"] == "requester_cannot_sign", r.text


async def test_one_human_with_two_user_ids_cannot_fill_two_slots(w: World) -> None:
    """Attack: one person holds two signatory user ids and lists both, so alone they make 2 of 3."""
    person = await w.person()
    first, second = await w.signatory(person_id=person), await w.signatory(person_id=person)
    third = await w.signatory()
    project = await _project(w)
    r = await w.budget.post(
        "/v1/budget/accounts",
        headers=w.users["sec"].headers,
        json=w.account_body(project, [first.id, second.id, third.id]),
    )
    assert r.status_code == 422 and r.json()["code"] == "same_person_twice", r.text
    assert first.id in r.json()["detail"] and second.id in r.json()["detail"] and third.id not in r.json()["detail"]
    # And through a change of the set: refused the same way.
    account = await w.account(w.users["sec"], [first.id, third.id, (await w.signatory()).id])
    r = await w.budget.put(
        f"/v1/budget/accounts/{account['id']}/signatories",
        headers={**w.users["sec"].headers, "If-Match": "*"},
        json={"signatories": [first.id, second.id, third.id], "threshold": 2, "resolution": _new_resolution()},
    )
    assert r.status_code == 422 and r.json()["code"] == "same_person_twice", r.text


async def test_signatory_list_refuses_made_up_ids_and_client_ids(w: World) -> None:
    """Attack: the signatory list names an id that is no user, a partner client's id, and users who may not sign."""
    good = await w.signatory()
    client = await w.ok(
        w.gw, "POST", "/v1/auth/clients", w.admin, json={"name": "x", "roles": ["bank"], "bank": "BAAC"}
    )
    made_up = str(uuid.uuid4())
    unlinked = await w.user("signatory")
    not_a_signatory = await w.user("auditor", person_id=await w.person())
    disabled = await w.signatory()
    await w.ok(w.gw, "POST", f"/v1/auth/users/{disabled.id}/disable", w.admin, status=200)
    project = await _project(w)
    for bad in (made_up, client["client_id"], unlinked.id, not_a_signatory.id, disabled.id, good.id.upper()):
        r = await w.budget.post(
            "/v1/budget/accounts",
            headers=w.users["sec"].headers,
            json=w.account_body(project, [good.id, bad, (await w.signatory()).id]),
        )
        assert r.status_code == 422 and r.json()["code"] == "unknown_signatory", (bad, r.text)
        assert bad in r.json()["detail"]


async def test_person_whose_national_id_was_cleared_is_no_longer_a_signatory(w: World) -> None:
    person = await w.person()
    s = await w.signatory(person_id=person)
    await w.ok(w.registry, "PATCH", f"/v1/registry/people/{person}", w.admin, json={"national_id": None})
    project = await _project(w)
    r = await w.budget.post(
        "/v1/budget/accounts",
        headers=w.users["sec"].headers,
        json=w.account_body(project, [s.id, (await w.signatory()).id]),
    )
    assert r.status_code == 422 and r.json()["code"] == "unknown_signatory" and s.id in r.json()["detail"]


async def test_secretariat_alone_cannot_replace_the_signatories(w: World) -> None:
    """Attack: the secretariat replaces the signatories with people of its choosing and a free-text resolution.

    Now it only proposes (202); its own confirmation is 403; the old set stands and still signs until a
    different budget admin (or a national committee member) confirms."""
    sec = w.users["sec"]
    old, new = await _trio(w), await _trio(w)
    account = await w.account(sec, [s.id for s in old])
    wd = await w.withdrawal(sec, account)
    assert (await w.sign(old[0], wd)).status_code == 201
    change = await w.ok(
        w.budget,
        "PUT",
        f"/v1/budget/accounts/{account['id']}/signatories",
        {**sec.headers, "If-Match": "*"},
        json={"signatories": [s.id for s in new], "threshold": 2, "resolution": _new_resolution()},
        status=202,
    )
    assert change["status"] == "pending" and change["signatories"] == [s.id for s in new]
    assert all(m["person_id"] == s.person_id for m, s in zip(change["members"], new, strict=True))
    r = await w.budget.post(_change_url(account, change, "confirm"), headers=sec.headers)
    assert r.status_code == 403 and r.json()["code"] == "maker_cannot_check"
    r = await w.budget.post(_change_url(account, change, "confirm"), headers=w.users["rc"].headers)
    assert r.status_code == 404  # a regional committee does not see a national network's account
    r = await w.budget.post(_change_url(account, change, "confirm"), headers=(await w.user("auditor")).headers)
    assert r.status_code == 403
    assert (await w.ok(w.budget, "GET", f"/v1/budget/accounts/{account['id']}", w.admin))["signatories"] == [
        s.id for s in old
    ]
    # Only proposed, new[0] is not listed yet: the withdrawal is out of its reach (money-bounds scope: 404).
    r = await w.sign(new[0], wd)
    assert r.status_code == 404 and r.json()["code"] == "withdrawal_not_found"
    # A second proposal while one is pending is refused.
    r = await w.budget.put(
        f"/v1/budget/accounts/{account['id']}/signatories",
        headers={**sec.headers, "If-Match": "*"},
        json={"signatories": [s.id for s in old], "threshold": 2, "resolution": _new_resolution()},
    )
    assert r.status_code == 409 and r.json()["code"] == "signatory_change_pending"
    done = await w.ok(w.budget, "POST", _change_url(account, change, "confirm"), w.users["admin2"].headers, status=200)
    assert done["status"] == "confirmed" and done["decided_by"] == w.users["admin2"].id
    assert (await w.ok(w.budget, "GET", f"/v1/budget/accounts/{account['id']}", w.admin))["signatories"] == [
        s.id for s in new
    ]
    after = await w.ok(w.budget, "GET", f"/v1/budget/withdrawals/{wd['id']}", w.admin)
    assert after["signatures"] == [] and after["version"] == wd["version"] + 1
    assert (await w.sign(old[1], wd)).status_code == 404  # replaced: no longer listed, out of its reach
    assert (await w.sign(new[0], wd)).status_code == 201
    listed = await w.ok(w.budget, "GET", _change_url(account), w.admin)
    assert [c["status"] for c in listed] == ["confirmed"]
    audit = await w.ok(w.budget, "GET", f"/v1/budget/audit?entity=signatory_change&id={change['id']}", w.admin)
    assert {"account.signatory_change.proposed", "account.signatory_change.confirmed"} <= {
        e["action"] for e in audit["items"]
    }
    events = await w.ok(w.budget, "GET", "/v1/budget/events?limit=1000", w.admin)
    kinds = {e["type"] for e in events["items"] if e.get("entity_id") == account["id"]}
    assert {"account.signatory_change_proposed", "account.signatory_change_confirmed"} <= kinds


async def test_proposer_cannot_confirm_under_a_second_user_id(w: World) -> None:
    sec = w.users["sec"]
    accomplice = await w.user("admin", person_id=sec.person_id)  # the secretariat's human, another id
    account = await w.account(sec, [s.id for s in await _trio(w)])
    change = await _propose(w, sec, account, await _trio(w))
    r = await w.budget.post(_change_url(account, change, "confirm"), headers=accomplice.headers)
    assert r.status_code == 403 and r.json()["code"] == "maker_cannot_check"


async def test_national_committee_confirms_and_changes_can_be_rejected_or_withdrawn(w: World) -> None:
    sec = w.users["sec"]
    account = await w.account(sec, [s.id for s in await _trio(w)])
    first = await _propose(w, sec, account, await _trio(w))
    withdrawn = await w.ok(
        w.budget, "POST", _change_url(account, first, "reject"), sec.headers, json={"reason": "x"}, status=200
    )
    assert withdrawn["status"] == "withdrawn"
    second = await _propose(w, sec, account, await _trio(w))
    rejected = await w.ok(
        w.budget, "POST", _change_url(account, second, "reject"), w.users["admin2"].headers, status=200
    )
    assert rejected["status"] == "rejected"
    r = await w.budget.post(_change_url(account, second, "confirm"), headers=w.users["nc"].headers)
    assert r.status_code == 409 and r.json()["code"] == "signatory_change_not_pending"
    third_set = await _trio(w)
    third = await _propose(w, sec, account, third_set)
    confirmed = await w.ok(w.budget, "POST", _change_url(account, third, "confirm"), w.users["nc"].headers, status=200)
    assert confirmed["status"] == "confirmed"
    listed = await w.ok(w.budget, "GET", _change_url(account), w.admin)
    assert [c["status"] for c in listed] == ["confirmed", "rejected", "withdrawn"]


async def test_signing_payload_is_rfc8785_and_a_signature_over_an_old_digest_is_stale(w: World) -> None:
    """Attack: a signature approved for one version of a withdrawal is delivered after the version changed."""
    sec = w.users["sec"]
    trio = await _trio(w)
    account = await w.account(sec, [s.id for s in trio])
    wd = await w.withdrawal(sec, account, "1234.50")
    payload = await w.ok(w.budget, "GET", f"/v1/budget/withdrawals/{wd['id']}/signing-payload", trio[0].headers)
    raw = base64.urlsafe_b64decode(payload["canonical_b64url"] + "=" * (-len(payload["canonical_b64url"]) % 4))
    assert raw == payload["canonical"].encode() and hashlib.sha256(raw).hexdigest() == payload["digest"] == wd["digest"]
    fields = json.loads(raw)
    assert list(fields) == sorted(fields)  # JCS: keys in code-point order, no whitespace
    assert b" " not in raw.replace("ค่าจัดเวที".encode(), b"").replace("มติ 1/2547".encode(), b"")
    assert fields == {
        "domain": "phaen.withdrawal.v1",
        "withdrawal_id": wd["id"],
        "account_id": account["id"],
        "amount": "1234.50",
        "fund": "grant",
        "purpose": "ค่าจัดเวที",
        "resolution": {"number": "มติ 1/2547", "meeting_date": "2004-01-15"},
        "version": 1,
        "expires_at": fields["expires_at"],
    }
    assert dt.datetime.fromisoformat(fields["expires_at"].replace("Z", "+00:00")) == dt.datetime.fromisoformat(
        wd["expires_at"]
    )
    old_digest = payload["digest"]
    # The set changes (same members, new resolution): pending signatures are void and the version moves on.
    change = await _propose(w, sec, account, trio)
    await w.ok(w.budget, "POST", _change_url(account, change, "confirm"), w.users["admin2"].headers, status=200)
    r = await w.sign(trio[0], wd, {"digest": old_digest})
    assert r.status_code == 409 and r.json()["code"] == "stale_signature", r.text
    r = await w.sign(trio[0], wd, {"digest": "0" * 64})
    assert r.status_code == 409 and r.json()["code"] == "stale_signature"
    fresh = await w.ok(w.budget, "GET", f"/v1/budget/withdrawals/{wd['id']}/signing-payload", trio[0].headers)
    assert fresh["version"] == 2 and fresh["digest"] != old_digest
    signed = await w.sign(trio[0], wd, {"digest": fresh["digest"]})
    assert signed.status_code == 201
    sig = signed.json()["signatures"][0]
    assert sig["digest"] == fresh["digest"] and sig["person_id"] == trio[0].person_id


async def test_signature_after_expiry_is_refused_and_the_sweep_releases(
    pg_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Attack: a withdrawal left pending (or approved, unpaid) is signed or paid long after its window."""
    from phaen_budget.withdrawals.service import expire_due

    async with world(pg_url, tmp_path_factory.mktemp("sig-exp"), expiry=dt.timedelta(seconds=2)) as x:
        sec = await x.user("secretariat")
        trio = await _trio(x)
        account = await x.account(sec, [s.id for s in trio])
        pending = await x.withdrawal(sec, account, "100.00")
        approved = await x.withdrawal(sec, account, "200.00")
        assert (await x.sign(trio[0], pending)).status_code == 201
        for s in trio[:2]:
            assert (await x.sign(s, approved)).status_code == 201
        acc = await x.ok(x.budget, "GET", f"/v1/budget/accounts/{account['id']}", x.admin)
        assert acc["reserved"] == "200.00"
        expires = max(dt.datetime.fromisoformat(x["expires_at"]) for x in (pending, approved))
        await asyncio.sleep(max(0.0, (expires - dt.datetime.now(dt.UTC)).total_seconds()) + 0.5)
        r = await x.sign(trio[1], pending)
        assert r.status_code == 409 and r.json()["code"] == "withdrawal_expired", r.text
        r = await x.budget.post(
            f"/v1/budget/withdrawals/{approved['id']}/payout",
            headers=x.admin,
            json={"bank_reference": f"P-{uuid.uuid4().hex[:8]}"},
        )
        assert r.status_code == 409 and r.json()["code"] == "withdrawal_expired", r.text
        assert (await x.ok(x.budget, "GET", f"/v1/budget/withdrawals/{pending['id']}", x.admin))["status"] == "expired"
        assert await expire_due(db=x.budget_app.state.db) >= 2
        for wd in (pending, approved):
            got = await x.ok(x.budget, "GET", f"/v1/budget/withdrawals/{wd['id']}", x.admin)
            assert got["status"] == "expired" and got["signatures"] == [] and got["expired_at"]
        acc = await x.ok(x.budget, "GET", f"/v1/budget/accounts/{account['id']}", x.admin)
        assert acc["reserved"] == "0.00" and acc["available"] == acc["balance"]
        assert await expire_due(db=x.budget_app.state.db) == 0  # once
        listed = await x.ok(
            x.budget, "GET", f"/v1/budget/withdrawals?account_id={account['id']}&status=expired", x.admin
        )
        assert listed["total"] == 2


async def test_the_background_sweep_persists_expiry(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No one touches the withdrawal again: the app's own sweep still expires it and frees its reservation."""
    # 3 s, not 1: the expiry is counted from the request's whole second, so 1 s left between 0 and 1 s for the two
    # signatures below, and a loaded machine sometimes took longer (the second signature then met an expired one).
    async with world(
        pg_url, tmp_path_factory.mktemp("sig-sweep"), expiry=dt.timedelta(seconds=3), sweep_seconds=0.2
    ) as x:
        sec = await x.user("secretariat")
        trio = await _trio(x)
        account = await x.account(sec, [s.id for s in trio])
        wd = await x.withdrawal(sec, account, "300.00")
        for s in trio[:2]:
            assert (await x.sign(s, wd)).status_code == 201
        got: dict[str, Any] = {}
        for _ in range(150):  # bounded: at most ~30 s on a loaded machine
            got = await x.ok(x.budget, "GET", f"/v1/budget/withdrawals/{wd['id']}", x.admin)
            if got["expired_at"]:
                break
            await asyncio.sleep(0.2)
        assert got["status"] == "expired" and got["expired_at"] and got["signatures"] == []
        acc = await x.ok(x.budget, "GET", f"/v1/budget/accounts/{account['id']}", x.admin)
        assert acc["reserved"] == "0.00"


async def _project(w: World) -> dict[str, Any]:
    grant = await w.ok(
        w.budget,
        "POST",
        "/v1/budget/grants",
        w.users["sec"].headers,
        json={"name": f"ทุน {uuid.uuid4().hex[:6]}", "funder": "CODI", "amount": "100000.00", "fiscal_year": 2547},
    )
    await w.ok(
        w.budget,
        "POST",
        f"/v1/budget/grants/{grant['id']}/lines",
        w.users["sec"].headers,
        json={"no": 1, "title": "x", "planned": "100000.00"},
    )
    return await w.ok(
        w.budget,
        "POST",
        "/v1/budget/projects",
        w.users["sec"].headers,
        json={"grant_id": grant["id"], "line_no": 1, "name": f"โครงการ {uuid.uuid4().hex[:6]}", "level": "network"},
    )


def _new_resolution() -> dict[str, str]:
    return {"number": f"มติ {uuid.uuid4().hex[:6]}", "meeting_date": "2004-02-01"}


async def _propose(w: World, who: Any, account: dict[str, Any], members: list[Any]) -> Any:
    return await w.ok(
        w.budget,
        "PUT",
        f"/v1/budget/accounts/{account['id']}/signatories",
        {**who.headers, "If-Match": "*"},
        json={"signatories": [s.id for s in members], "threshold": 2, "resolution": _new_resolution()},
        status=202,
    )
