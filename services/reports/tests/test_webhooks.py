"""Signed webhooks with a real receiver on loopback: it verifies every delivery with the Standard Webhooks
library; it answers 500, answers too slowly, goes down, and every event still arrives, once, in order per
subject; a replayed delivery is rejected by its verifier; only what the subscriber's role may read is sent."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from typing import Any

import pytest
from standardwebhooks import WebhookVerificationError
from webhook_receiver import Receiver

FAST = {
    "webhook_timeout_seconds": 0.4,
    "webhook_retry_base_seconds": 0.05,
    "webhook_retry_max_seconds": 0.2,
}
BAAC = "ธ.ก.ส."


def account(aid: str, bank: str) -> dict[str, Any]:
    return {"id": aid, "project_id": str(uuid.uuid4()), "bank": bank, "branch": "ศรีภูมิ", "name": "บัญชีโครงการ"}


def withdrawal(wid: str, aid: str, status: str) -> dict[str, Any]:
    return {"id": wid, "account_id": aid, "project_id": str(uuid.uuid4()), "amount": "1200.00", "status": status}


async def drive(app: Any, done: Any, seconds: float = 30.0) -> None:
    """Run the sender until ``done()`` (bounded in time)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await app.state.dispatcher.run_once()
        if done():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the deliveries did not arrive in time")


async def settled_log(client: Any, app: Any, url: str, headers: dict[str, str], seconds: float = 30.0) -> Any:
    """The delivery log once no delivery in it is pending (the sender run meanwhile), or as it is after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        log = (await client.get(url, headers=headers)).json()["items"]
        if all(d["status"] != "pending" for d in log) or time.monotonic() >= deadline:
            return log
        await app.state.dispatcher.run_once()
        await asyncio.sleep(0.05)


async def subscribe(client: Any, headers: dict[str, str], url: str, events: list[str]) -> dict[str, Any]:
    r = await client.post("/v1/webhooks/subscriptions", json={"url": url, "events": events}, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
async def receiver():
    rx = Receiver()
    yield rx
    await rx.stop()


# committed: the sender delivers to several subscribers at once, each delivery in its own session
@pytest.mark.committed
async def test_a_bank_gets_its_approved_withdrawals_through_500s_slowness_and_outage(
    reports_app, feeds, keys, receiver
):
    registry, budget = feeds
    bank = keys.auth(roles=["bank"], sub="client-baac", bank=BAAC)
    acc, other = str(uuid.uuid4()), str(uuid.uuid4())
    budget.add("account.opened", "account", acc, account(acc, BAAC))
    before = str(uuid.uuid4())
    budget.add("withdrawal.approved", "withdrawal", before, withdrawal(before, acc, "approved"))
    async with reports_app([registry.source, budget.source], **FAST) as (client, app):
        await app.state.consumer.catch_up()
        sub = await subscribe(client, bank, receiver.url, ["withdrawal.approved", "withdrawal.paid", "account.opened"])
        assert sub["secret"].startswith("whsec_") and sub["status"] == "active"
        listed = (await client.get("/v1/webhooks/subscriptions", headers=bank)).json()
        assert [s["id"] for s in listed] == [sub["id"]] and "secret" not in listed[0]
        receiver.use_secret(sub["secret"])
        receiver.mode = "500"
        await receiver.start()

        w1, w2, w3, acc2 = (str(uuid.uuid4()) for _ in range(4))
        budget.add("account.opened", "account", acc2, account(acc2, BAAC))
        budget.add("account.opened", "account", other, account(other, "กรุงไทย"))
        budget.add("withdrawal.approved", "withdrawal", w1, withdrawal(w1, acc, "approved"))
        budget.add("withdrawal.approved", "withdrawal", w2, withdrawal(w2, other, "approved"))
        budget.add("withdrawal.paid", "withdrawal", w1, withdrawal(w1, acc, "paid"))
        budget.add("withdrawal.approved", "withdrawal", w3, withdrawal(w3, acc2, "approved"))
        await app.state.consumer.catch_up()
        expected = {e.event_id for e in budget.source.events[-6:] if e.entity_id in (acc2, w1, w3)}
        assert len(expected) == 4

        await drive(app, lambda: receiver.hits >= 6)  # 500s
        receiver.mode, receiver.slow_seconds = "slow", 1.0
        await drive(app, lambda: receiver.hits >= 9)  # answers after the sender's timeout
        await asyncio.sleep(1.1)  # let the slow handlers finish before taking the receiver down
        await receiver.stop()
        stopped_at = receiver.hits
        await asyncio.sleep(0.3)
        for _ in range(5):
            await app.state.dispatcher.run_once()  # connection refused
            await asyncio.sleep(0.1)
        assert receiver.hits == stopped_at
        receiver.mode = "ok"
        await receiver.start()
        await drive(app, lambda: {uuid.UUID(e["id"]) for e in receiver.accepted} >= expected)

        # The receiver may have taken an event in the slow phase whose sender had already timed out: that
        # delivery is retried (and answered as a duplicate) once its backoff is due. Send until the log settles.
        log = await settled_log(client, app, f"/v1/webhooks/subscriptions/{sub['id']}/deliveries", bank)

    # Exactly the bank's own events after subscribing: every one, verified, each accepted once.
    accepted = [e["id"] for e in receiver.accepted]
    assert sorted(accepted) == sorted(str(i) for i in expected)
    assert (
        before not in str(receiver.requests)
        and w2 not in str(receiver.requests)
        and other not in str(receiver.requests)
    )
    # In order per subject: w1's approval before its payout.
    w1_types = [e["type"] for e in receiver.accepted if e["subject"] == f"withdrawal/{w1}"]
    assert w1_types == ["withdrawal.approved", "withdrawal.paid"]
    first = receiver.accepted[0]
    assert first["specversion"] == "1.0" and first["source"].startswith("/v1/budget") and first["data"]
    assert {"id", "source", "type", "specversion", "time", "subject", "datacontenttype"} <= set(first)
    # The log shows what happened: every delivery delivered after 500s, timeouts and a refused connection.
    assert {d["status"] for d in log} == {"delivered"} and len(log) == 4
    errors = [a["error"] or str(a["status"]) for d in log for a in d["history"]]
    assert "500" in " ".join(errors) and "timed out" in errors
    assert any("Connect" in e or "refused" in e.lower() for e in errors)

    # A replayed delivery (the same bytes and headers again) is rejected by the receiver's verifier.
    body, headers = next(
        (b, h) for b, h in receiver.requests if h.get("webhook-id") == accepted[0] and b"specversion" in b
    )
    with pytest.raises(WebhookVerificationError, match="replayed"):
        receiver.verify_again(body, headers)
    # And a tampered one (even with a fresh id) fails the signature.
    with pytest.raises(WebhookVerificationError):
        receiver.verify_again(body.replace(b"1200.00", b"9200.00"), {**headers, "webhook-id": "x"})


class Alerts(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


# committed: the sender delivers to several subscribers at once, each delivery in its own session
@pytest.mark.committed
async def test_failing_for_the_whole_window_disables_and_alerts_then_redeliver_and_rotate(
    reports_app, feeds, keys, receiver
):
    registry, budget = feeds
    bank = keys.auth(roles=["bank"], sub="client-baac-2", bank=BAAC)
    acc = str(uuid.uuid4())
    budget.add("account.opened", "account", acc, account(acc, BAAC))
    async with reports_app([registry.source, budget.source], **FAST, webhook_retry_window_seconds=0.5) as (client, app):
        await app.state.consumer.catch_up()
        sub = await subscribe(client, bank, receiver.url, ["withdrawal.approved"])
        receiver.use_secret(sub["secret"])
        receiver.mode = "500"
        await receiver.start()
        w = str(uuid.uuid4())
        budget.add("withdrawal.approved", "withdrawal", w, withdrawal(w, acc, "approved"))
        await app.state.consumer.catch_up()
        url = f"/v1/webhooks/subscriptions/{sub['id']}"
        alerts = Alerts()
        logging.getLogger("phaen.reports.webhooks").addHandler(alerts)
        try:
            await drive(app, lambda: receiver.hits >= 2, seconds=10)
            for _ in range(40):
                await app.state.dispatcher.run_once()
                if (await client.get(url, headers=bank)).json()["status"] == "disabled":
                    break
                await asyncio.sleep(0.05)
        finally:
            logging.getLogger("phaen.reports.webhooks").removeHandler(alerts)
        state = (await client.get(url, headers=bank)).json()
        event_id = str(budget.source.events[-1].event_id)
        assert state["status"] == "disabled" and event_id in state["disabled_reason"]
        assert any("webhook alert" in m and sub["id"] in m and event_id in m for m in alerts.messages)
        log = (await client.get(f"{url}/deliveries", headers=bank)).json()["items"]
        assert log[0]["status"] == "failed" and log[0]["attempts"] >= 2
        hits = receiver.hits
        await app.state.dispatcher.run_once()
        assert receiver.hits == hits  # nothing more is sent to a disabled subscription

        # Fixed: re-enable, redeliver by hand, and it arrives.
        receiver.mode = "ok"
        assert (await client.post(f"{url}/enable", headers=bank)).json()["status"] == "active"
        r = await client.post(f"{url}/deliveries/{log[0]['id']}/redeliver", headers=bank)
        assert r.status_code == 202
        await drive(app, lambda: len(receiver.accepted) == 1)
        assert receiver.accepted[0]["data"]["id"] == w

        # Rotation: the new secret verifies; during the grace period the old one does too.
        r = await client.post(f"{url}/secret", headers=bank)
        assert r.status_code == 200 and r.json()["secret"] != sub["secret"]
        old = Receiver(secret=sub["secret"])
        old.use_secret(sub["secret"])
        receiver.use_secret(r.json()["secret"])
        w2 = str(uuid.uuid4())
        budget.add("withdrawal.approved", "withdrawal", w2, withdrawal(w2, acc, "approved"))
        await app.state.consumer.catch_up()
        await drive(app, lambda: len(receiver.accepted) == 2)
        body, headers = receiver.requests[-1]
        assert len(headers["webhook-signature"].split(" ")) == 2
        assert old.verify_again(body, headers)["data"]["id"] == w2

        # Another client's subscription is not found; cancelling stops it for good.
        other = keys.auth(roles=["bank"], sub="client-other", bank="กรุงไทย")
        assert (await client.get(url, headers=other)).status_code == 404
        assert (await client.delete(url, headers=bank)).json()["status"] == "cancelled"


async def test_subscribing_is_scoped_and_refuses_internal_targets(reports_app, feeds, keys):
    registry, budget = feeds
    bank = keys.auth(roles=["bank"], sub="client-baac-3", bank=BAAC)
    async with reports_app([registry.source, budget.source]) as (client, _app):
        url = "http://127.0.0.1:9/hooks"
        post = client.post
        r = await post("/v1/webhooks/subscriptions", json={"url": url, "events": ["withdrawal.approved"]})
        assert r.status_code == 401
        r = await post("/v1/webhooks/subscriptions", json={"url": url, "events": ["no.such"]}, headers=bank)
        assert r.status_code == 422 and r.json()["code"] == "unknown_event_type"
        # A bank may not subscribe to registry events (its role does not read the registry).
        r = await post("/v1/webhooks/subscriptions", json={"url": url, "events": ["tambon.enrolled"]}, headers=bank)
        assert r.status_code == 403 and r.json()["code"] == "event_not_permitted"
        r = await post(
            "/v1/webhooks/subscriptions",
            json={"url": url, "events": ["withdrawal.approved"]},
            headers=keys.auth(roles=["signatory"]),
        )
        assert r.status_code == 403
        for target in (
            "http://10.0.0.5/hooks",
            "http://192.168.1.1/hooks",
            "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/hooks",
            "http://0.0.0.0/hooks",
            "ftp://127.0.0.1/hooks",
            "http://user:pw@127.0.0.1/hooks",
        ):
            r = await post(
                "/v1/webhooks/subscriptions", json={"url": target, "events": ["withdrawal.approved"]}, headers=bank
            )
            assert r.status_code == 422 and r.json()["code"] == "webhook_target_refused", target
        # Development (the default for make run): loopback is allowed.
        r = await post("/v1/webhooks/subscriptions", json={"url": url, "events": ["withdrawal.approved"]}, headers=bank)
        assert r.status_code == 201
        await client.delete(f"/v1/webhooks/subscriptions/{r.json()['id']}", headers=bank)


async def test_outside_development_loopback_is_refused_also_at_connect_time():
    from phaen_reports.webhooks.ssrf import GuardedResolver, Refused, check_target

    for url in ("https://127.0.0.1/h", "https://[::1]/h", "https://localhost/h", "http://93.184.216.34/h"):
        with pytest.raises(Refused):
            await check_target(url, development=False)
    # A name that resolves to loopback (or whose DNS answer changed since subscribing) is refused when connecting.
    with pytest.raises(OSError):
        await GuardedResolver(development=False).resolve("localhost", 443)
    assert await GuardedResolver(development=True).resolve("localhost", 443)


async def test_each_subscriber_is_sent_only_what_its_role_may_read(reports_app, feeds, keys):
    registry, budget = feeds
    north, south = str(uuid.uuid4()), str(uuid.uuid4())
    baac, ktb = str(uuid.uuid4()), str(uuid.uuid4())
    bank = keys.auth(roles=["bank"], sub="client-baac-4", bank=BAAC)
    regional = keys.auth(roles=["regional_committee"], sub="rc-north", region="north")
    auditor = keys.auth(roles=["auditor"], sub="auditor-1")
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        url = "http://127.0.0.1:9/hooks"
        types = ["withdrawal.approved", "alert.raised"]
        subs = {
            "bank": await subscribe(client, bank, url, types),
            "regional": await subscribe(client, regional, url, types),
            "auditor": await subscribe(client, auditor, url, types),
        }
        for pid, region, aid, bank_name in ((north, "north", baac, BAAC), (south, "south", ktb, "กรุงไทย")):
            budget.add("project.created", "project", pid, {"id": pid, "region": region, "level": "regional"})
            budget.add("account.opened", "account", aid, {**account(aid, bank_name), "project_id": pid})
            wid = str(uuid.uuid4())
            budget.add(
                "withdrawal.approved", "withdrawal", wid, {**withdrawal(wid, aid, "approved"), "project_id": pid}
            )
            alert = str(uuid.uuid4())
            budget.add(
                "alert.raised",
                "alert",
                alert,
                {"id": alert, "account_id": aid, "project_id": pid, "code": "unauthorised_debit", "open": True},
            )
        await app.state.consumer.catch_up()

        async def received(who: str, headers: dict[str, str]) -> set[tuple[str, str]]:
            r = await client.get(f"/v1/webhooks/subscriptions/{subs[who]['id']}/deliveries", headers=headers)
            return {(d["type"], d["body"]["data"]["account_id"]) for d in r.json()["items"]}

        everything = {(t, a) for t in types for a in (baac, ktb)}
        assert await received("auditor", auditor) == everything
        # The bank: withdrawals and statement alerts of accounts at its bank only; the region: its projects.
        assert await received("bank", bank) == {("withdrawal.approved", baac), ("alert.raised", baac)}
        assert await received("regional", regional) == {("withdrawal.approved", baac), ("alert.raised", baac)}
        for who, headers in (("bank", bank), ("regional", regional), ("auditor", auditor)):
            await client.delete(f"/v1/webhooks/subscriptions/{subs[who]['id']}", headers=headers)


async def test_a_subscription_made_before_the_first_poll_gets_only_later_events(reports_app, feeds, keys):
    registry, budget = feeds
    bank = keys.auth(roles=["bank"], sub="client-baac-5", bank=BAAC)
    acc, old, new = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    budget.add("account.opened", "account", acc, account(acc, BAAC))
    budget.add("withdrawal.approved", "withdrawal", old, withdrawal(old, acc, "approved"))
    async with reports_app([registry.source, budget.source]) as (client, app):
        # No cursor for these feeds yet: the subscription falls back to the events' time.
        sub = await subscribe(client, bank, "http://127.0.0.1:9/hooks", ["withdrawal.approved"])
        budget.add("withdrawal.approved", "withdrawal", new, withdrawal(new, acc, "approved"))
        await app.state.consumer.catch_up()
        r = await client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries", headers=bank)
        assert [d["body"]["data"]["id"] for d in r.json()["items"]] == [new]
        # A rebuild replays every feed from zero: nothing is queued twice, nothing older appears.
        await app.state.consumer.rebuild()
        r = await client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries", headers=bank)
        assert [d["body"]["data"]["id"] for d in r.json()["items"]] == [new]
        await client.delete(f"/v1/webhooks/subscriptions/{sub['id']}", headers=bank)


# committed: the sender delivers to several subscribers at once, each delivery in its own session
@pytest.mark.committed
async def test_a_revoked_subscriber_stops_receiving(reports_app, feeds, keys, receiver):
    from phaen_common.auth import SetRevocations

    registry, budget = feeds
    bank = keys.auth(roles=["bank"], sub="client-baac-revoked", bank=BAAC)
    acc = str(uuid.uuid4())
    budget.add("account.opened", "account", acc, account(acc, BAAC))
    async with reports_app([registry.source, budget.source], **FAST) as (client, app):
        await app.state.consumer.catch_up()
        sub = await subscribe(client, bank, receiver.url, ["withdrawal.approved"])
        receiver.use_secret(sub["secret"])
        await receiver.start()
        w = str(uuid.uuid4())
        budget.add("withdrawal.approved", "withdrawal", w, withdrawal(w, acc, "approved"))
        await app.state.consumer.catch_up()
        # The gateway disables the client: its subscription stops before anything more is sent.
        app.state.dispatcher.revocations = SetRevocations(["client-baac-revoked"])
        await app.state.dispatcher.run_once()
        assert receiver.hits == 0
        state = (await client.get(f"/v1/webhooks/subscriptions/{sub['id']}", headers=keys.auth(roles=["admin"]))).json()
        assert state["status"] == "disabled" and "revoked" in state["disabled_reason"]
