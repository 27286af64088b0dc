"""Offline signatures (issue 14): device keys, signatures over the signing payload delivered by anyone, sync."""

from __future__ import annotations

import base64
import uuid
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .factory import Budget, uid


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64u(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Phone:
    """A signatory's device: its own key pair, registered through the signatory's token."""

    def __init__(self, b: Budget, sub: str) -> None:
        self.b, self.sub = b, sub
        self.headers = b.keys.auth(roles=["signatory"], sub=sub, person_id=f"person:{sub}")
        self.private = Ed25519PrivateKey.generate()
        self.public = b64u(self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
        self.key_id = ""

    async def register(self) -> Phone:
        key = await self.b.ok(
            "POST", "/v1/budget/signatories/me/keys", self.headers, {"public_key": self.public, "label": "โทรศัพท์"}
        )
        assert key["owner"] == self.sub and key["owner_person"] == f"person:{self.sub}" and key["revoked_at"] is None
        self.key_id = key["id"]
        return self

    def sign(self, payload: dict[str, Any]) -> dict[str, str]:
        """The offline signature body over the downloaded payload's exact bytes."""
        data = unb64u(payload["canonical_b64url"])
        return {"key_id": self.key_id, "digest": payload["digest"], "signature": b64u(self.private.sign(data))}


async def _setup(client: Any, keys: Any) -> tuple[Budget, dict[str, Any], dict[str, Any], list[Phone]]:
    b = Budget(client, keys)
    _, account = await b.funded("50000.00")
    w = await b.withdrawal(account, "12000.00")
    phones = [await Phone(b, s).register() for s in account["signatories"]]
    return b, account, w, phones


async def _payload(b: Budget, w: dict[str, Any]) -> dict[str, Any]:
    return await b.get(f"/v1/budget/withdrawals/{w['id']}/signing-payload")


async def test_the_whole_offline_path_register_download_sign_deliver_by_another_user_approve(client, keys):
    b, account, w, phones = await _setup(client, keys)
    # Offline, each phone downloaded what awaits it while it had a signal.
    pend = await b.ok("GET", "/v1/budget/signatories/me/pending", phones[0].headers, status=200)
    mine = [i for i in pend["items"] if i["withdrawal"]["id"] == w["id"]]
    assert len(mine) == 1 and mine[0]["payload"]["digest"] == w["digest"]
    sig0 = phones[0].sign(mine[0]["payload"])
    pend1 = await b.ok("GET", "/v1/budget/signatories/me/pending", phones[1].headers, status=200)
    sig1 = phones[1].sign(next(i["payload"] for i in pend1["items"] if i["withdrawal"]["id"] == w["id"]))

    # The tambon committee's phone (not a signatory: a reader in scope) delivers both later.
    committee = keys.auth(roles=["secretariat"], sub="committee-" + uid())
    url = f"/v1/budget/withdrawals/{w['id']}/signatures"
    first = await b.ok("POST", url, committee, sig0)
    assert first["status"] == "pending"
    assert [(s["signer"], s["person_id"], s["key_id"]) for s in first["signatures"]] == [
        (phones[0].sub, f"person:{phones[0].sub}", phones[0].key_id)
    ]
    # Delivered twice: answered like the first, nothing doubles.
    again = await b.ok("POST", url, committee, sig0)
    assert again == first
    approved = await b.ok("POST", url, committee, sig1)
    assert approved["status"] == "approved" and len(approved["signatures"]) == 2
    acc = await b.get(f"/v1/budget/accounts/{account['id']}")
    assert acc["available"] == "38000.00"
    # Nothing awaits phone 0 any more; the delivery of an approved one again changes nothing.
    pend = await b.ok("GET", "/v1/budget/signatories/me/pending", phones[0].headers, status=200)
    assert all(i["withdrawal"]["id"] != w["id"] for i in pend["items"])
    assert (await b.ok("POST", url, committee, sig0))["status"] == "approved"
    assert len((await b.get(f"/v1/budget/withdrawals/{w['id']}"))["signatures"]) == 2
    # Registering and the signatures are in the audit chain (who signed and who delivered).
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True


async def test_pending_sends_an_etag_and_answers_304_when_unchanged(client, keys):
    b, _account, w, phones = await _setup(client, keys)
    r = await client.get("/v1/budget/signatories/me/pending", headers=phones[2].headers)
    assert r.status_code == 200 and r.headers.get("etag")
    r2 = await client.get(
        "/v1/budget/signatories/me/pending", headers={**phones[2].headers, "If-None-Match": r.headers["etag"]}
    )
    assert r2.status_code == 304 and r2.content == b""
    await b.ok(
        "POST", f"/v1/budget/withdrawals/{w['id']}/signatures", b.secretariat, phones[2].sign(await _payload(b, w))
    )
    r3 = await client.get(
        "/v1/budget/signatories/me/pending", headers={**phones[2].headers, "If-None-Match": r.headers["etag"]}
    )
    assert r3.status_code == 200 and r3.headers["etag"] != r.headers["etag"]


async def test_a_signature_that_does_not_verify_is_422_bad_signature(client, keys):
    b, _account, w, phones = await _setup(client, keys)
    payload = await _payload(b, w)
    url = f"/v1/budget/withdrawals/{w['id']}/signatures"
    # Signed by another key than the one named.
    forged = {**phones[1].sign(payload), "key_id": phones[0].key_id}
    r = await client.post(url, headers=b.secretariat, json=forged)
    assert r.status_code == 422 and r.json()["code"] == "bad_signature"
    # Signed over other bytes (an altered amount) but claiming the current digest.
    altered = payload["canonical"].replace('"12000.00"', '"1200.00"').encode()
    body = {"key_id": phones[0].key_id, "digest": payload["digest"], "signature": b64u(phones[0].private.sign(altered))}
    r = await client.post(url, headers=b.secretariat, json=body)
    assert r.status_code == 422 and r.json()["code"] == "bad_signature"
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}"))["signatures"] == []


async def test_a_signature_over_an_old_digest_is_409_stale_signature(client, keys):
    b, _account, w, phones = await _setup(client, keys)
    payload = await _payload(b, w)
    old = {**payload, "digest": "0" * 64}
    r = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.secretariat, json=phones[0].sign(old)
    )
    assert r.status_code == 409 and r.json()["code"] == "stale_signature"


async def test_a_signature_after_expiry_is_409_withdrawal_expired(client, keys, settings):
    import datetime as dt

    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    b, _account, w, phones = await _setup(client, keys)
    payload = await _payload(b, w)
    engine = create_async_engine(settings.database_url.get_secret_value())
    try:
        async with engine.begin() as conn:
            # Bypass the immutability trigger (as the clock would): the withdrawal is past its expiry.
            await conn.execute(text("ALTER TABLE budget.withdrawals DISABLE TRIGGER withdrawals_immutable"))
            await conn.execute(
                text("UPDATE budget.withdrawals SET expires_at = :t WHERE id = :id"),
                {"t": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1), "id": uuid.UUID(w["id"])},
            )
            await conn.execute(text("ALTER TABLE budget.withdrawals ENABLE TRIGGER withdrawals_immutable"))
    finally:
        await engine.dispose()
    r = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.secretariat, json=phones[0].sign(payload)
    )
    assert r.status_code == 409 and r.json()["code"] == "withdrawal_expired"


async def test_a_revoked_key_is_refused_but_what_it_delivered_before_stands(client, keys):
    b, _account, w, phones = await _setup(client, keys)
    payload = await _payload(b, w)
    url = f"/v1/budget/withdrawals/{w['id']}/signatures"
    before = phones[0].sign(payload)
    await b.ok("POST", url, b.secretariat, before)
    revoked = await b.ok(
        "POST", f"/v1/budget/signatories/me/keys/{phones[0].key_id}/revoke", phones[0].headers, status=200
    )
    assert revoked["revoked_at"] is not None
    # Another withdrawal signed with the revoked key: 403.
    w2 = await b.withdrawal({"id": w["account_id"]}, "100.00")
    r = await client.post(
        f"/v1/budget/withdrawals/{w2['id']}/signatures",
        headers=b.secretariat,
        json=phones[0].sign(await _payload(b, w2)),
    )
    assert r.status_code == 403 and r.json()["code"] == "key_revoked"
    # The one delivered before revocation stands, and its redelivery is answered like the first.
    again = await b.ok("POST", url, b.secretariat, before)
    assert [s["key_id"] for s in again["signatures"]] == [phones[0].key_id]
    listed = await b.ok("GET", "/v1/budget/signatories/me/keys", phones[0].headers, status=200)
    assert [k["id"] for k in listed["items"]] == [phones[0].key_id] and listed["items"][0]["revoked_at"]
    # Another signatory cannot revoke (or see) someone else's key: 404.
    r = await client.post(f"/v1/budget/signatories/me/keys/{phones[1].key_id}/revoke", headers=phones[0].headers)
    assert r.status_code == 404 and r.json()["code"] == "device_key_not_found"


async def test_the_key_owner_must_be_a_listed_signatory_and_not_the_requester(client, keys):
    b = Budget(client, keys)
    _, account = await b.funded("50000.00")
    outsider = await Phone(b, "outsider-" + uid()).register()
    owner_sub = account["signatories"][0]
    owner = await Phone(b, owner_sub).register()
    # The same person as signatory 0 requests the withdrawal under another user id (a secretariat login).
    requester = keys.auth(roles=["secretariat"], sub="sec-" + uid(), person_id=f"person:{owner_sub}")
    w = await b.withdrawal(account, "100.00", headers=requester)
    payload = await _payload(b, w)
    url = f"/v1/budget/withdrawals/{w['id']}/signatures"
    r = await client.post(url, headers=b.secretariat, json=outsider.sign(payload))
    assert r.status_code == 403 and r.json()["code"] == "not_a_signatory"
    r = await client.post(url, headers=b.secretariat, json=owner.sign(payload))
    assert r.status_code == 403 and r.json()["code"] == "requester_cannot_sign"
    # Distinct person: an online signature of the key's owner and the offline one count once.
    other = await Phone(b, account["signatories"][1]).register()
    await b.sign(w, other.sub)
    r = await client.post(url, headers=b.secretariat, json=other.sign(payload))
    assert r.status_code == 409 and r.json()["code"] == "already_signed"
    assert (await b.get(f"/v1/budget/withdrawals/{w['id']}"))["status"] == "pending"


async def test_only_a_signatory_registers_keys_and_each_public_key_once(client, keys):
    b = Budget(client, keys)
    phone = await Phone(b, "sig-" + uid()).register()
    r = await client.post(
        "/v1/budget/signatories/me/keys", headers=phone.headers, json={"public_key": phone.public, "label": "again"}
    )
    assert r.status_code == 409 and r.json()["code"] == "key_already_registered"
    other = Phone(b, "sig-" + uid())
    r = await client.post(
        "/v1/budget/signatories/me/keys", headers=b.secretariat, json={"public_key": other.public, "label": "x"}
    )
    assert r.status_code == 403
    r = await client.post(
        "/v1/budget/signatories/me/keys", headers=other.headers, json={"public_key": "_" * 43, "label": "x"}
    )
    assert r.status_code == 422 and r.json()["code"] == "invalid_public_key"


async def test_the_online_signature_still_works_and_needs_budget_sign(client, keys):
    b, _account, w, _phones = await _setup(client, keys)
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.secretariat)
    assert r.status_code == 403
    r = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.secretariat, json={"digest": w["digest"]}
    )
    assert r.status_code == 403
    signed = await b.sign(w, _account["signatories"][0])
    assert signed["signatures"][0]["key_id"] is None


async def test_a_batch_sync_with_good_and_bad_signatures_answers_each_and_is_safe_to_resend(client, keys):
    b, account, w, phones = await _setup(client, keys)
    w2 = await b.withdrawal(account, "300.00")
    p1, p2 = await _payload(b, w), await _payload(b, w2)
    good1 = {"withdrawal_id": w["id"], **phones[0].sign(p1)}
    good2 = {"withdrawal_id": w2["id"], **phones[1].sign(p2)}
    sig = phones[1].sign(p1)
    flipped = bytearray(unb64u(sig["signature"]))
    flipped[5] ^= 1
    bad = {"withdrawal_id": w["id"], **sig, "signature": b64u(bytes(flipped))}  # altered on the way
    stale = {"withdrawal_id": w2["id"], **phones[2].sign({**p2, "digest": "f" * 64})}
    unknown = {"withdrawal_id": str(uuid.uuid4()), **phones[2].sign(p2)}
    body = {"signatures": [good1, bad, good2, stale, unknown]}
    committee = keys.auth(roles=["secretariat"], sub="committee-" + uid())
    out = await b.ok("POST", "/v1/budget/sync", committee, body, status=200)
    got = [(r["status"], r["code"]) for r in out["results"]]
    assert got == [
        (201, "signed"),
        (422, "bad_signature"),
        (201, "signed"),
        (409, "stale_signature"),
        (404, "withdrawal_not_found"),
    ]
    # Resent after a dropped connection: the same answers, nothing doubled.
    again = await b.ok("POST", "/v1/budget/sync", committee, body, status=200)
    assert [(r["status"], r["code"]) for r in again["results"]] == got
    assert len((await b.get(f"/v1/budget/withdrawals/{w['id']}"))["signatures"]) == 1
    assert len((await b.get(f"/v1/budget/withdrawals/{w2['id']}"))["signatures"]) == 1
    # The signature the batch counted for w2 is in the audit chain once, as its key owner's; the chain verifies.
    entries = await b.get(f"/v1/budget/audit?entity=withdrawal&id={w2['id']}&action=withdrawal.sign&outcome=ok")
    assert [e["actor"] for e in entries["items"]] == [phones[1].sub]
    assert (await b.get("/v1/budget/audit/verify"))["ok"] is True
