"""/metrics: the domain counters move with the money (sign, approve, pay, refuse), routes are templates."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from .factory import RESOLUTION, Budget, uid


async def scrape(client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    r = await client.get("/metrics")  # no token: the service port's scrape is public (aggregate counts only)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    out = {}
    for family in text_string_to_metric_families(r.text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_sign_approve_pay_and_refusals_move_the_counters(client, keys):
    b = Budget(client, keys)
    before = await scrape(client)

    # A proposal approved by its regional committee.
    grant = await b.grant(amount="100000.00", lines=[(1, "50000.00")])
    project = await b.project(grant=grant, level="tambon", tambon="100101", amount="50000.00")
    proposal = await b.ok(
        "POST",
        "/v1/budget/proposals",
        b.secretariat,
        {"project_id": project["id"], "amount": "20000.00", "kind": "standard", "title": "เวที", "activities": ["1"]},
    )
    central = keys.auth(roles=["regional_committee"], region="central", sub="rc-metrics")
    decision = {"decision": "approve", "resolution": RESOLUTION}
    await b.ok("POST", f"/v1/budget/proposals/{proposal['id']}/decision", central, decision, status=200)

    # A withdrawal co-signed by 2 of 3 (approved by the second signature) and paid once.
    _, account = await b.funded("50000.00")
    sigs = account["signatories"]
    w = await b.withdrawal(account, "1000.00")
    await b.sign(w, sigs[0])
    assert (await b.sign(w, sigs[1]))["status"] == "approved"
    await b.ok("POST", f"/v1/budget/withdrawals/{w['id']}/payout", b.bank, {"bank_reference": f"P-{uid()}"}, status=200)

    # Refused: a third signature after approval (409), and a role that may not pay (403).
    r = await client.post(f"/v1/budget/withdrawals/{w['id']}/signatures", headers=b.signer(sigs[2]))
    assert r.status_code == 409
    r = await client.post(
        f"/v1/budget/withdrawals/{w['id']}/payout", headers=b.secretariat, json={"bank_reference": "x"}
    )
    assert r.status_code == 403

    after = await scrape(client)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("phaen_signatures_total") == 2
    assert delta("phaen_approvals_total", kind="withdrawal") == 1
    assert delta("phaen_approvals_total", kind="proposal") == 1
    assert delta("phaen_payouts_total") == 1
    assert delta("phaen_money_actions_total", action="withdrawal.payout") == 1
    assert delta("phaen_money_denied_total", action="withdrawal.sign", code="withdrawal_not_pending") == 1
    assert delta("phaen_money_denied_total", action="withdrawal.payout", code="forbidden") == 1

    # Requests by route template (the withdrawal's id is not a label), with their status.
    route = "/v1/budget/withdrawals/{withdrawal_id}/signatures"
    assert delta("phaen_http_requests_total", service="budget", method="POST", route=route, status="201") == 2
    assert delta("phaen_http_requests_total", service="budget", method="POST", route=route, status="409") == 1
    assert delta("phaen_http_request_duration_seconds_count", service="budget", method="POST", route=route) == 3
    assert not any(w["id"] in str(labels) for (_, labels) in after)

    # The outbox: events the feed has not yet read are pending, and the gauge says how many.
    assert ("phaen_outbox_pending_events", (("service", "budget"),)) in after
    assert value(after, "phaen_database_up", service="budget") == 1


async def test_unknown_paths_share_one_label(client, keys):
    admin = keys.auth(roles=["admin"])
    for i in range(3):
        assert (await client.get(f"/no-such-thing-{i}", headers=admin)).status_code == 404
        await client.get(f"/v1/budget/withdrawals/{i}-not-an-id", headers=admin)
    samples = await scrape(client)
    routes = {dict(labels).get("route") for (name, labels) in samples if name == "phaen_http_requests_total"}
    assert "unmatched" in routes and "/v1/budget/withdrawals/{withdrawal_id}" in routes
    assert not any(r and ("no-such-thing" in r or "not-an-id" in r) for r in routes)


async def test_metrics_token_when_set(client):
    app = client._transport.app  # the app under test (ASGI transport)
    from pydantic import SecretStr

    settings = app.state.settings
    old = settings.metrics_token
    try:
        settings.metrics_token = SecretStr("scrape-secret")
        assert (await client.get("/metrics")).status_code == 401
        r = await client.get("/metrics", headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401
        r = await client.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
        assert r.status_code == 200 and "phaen_signatures_total" in r.text
    finally:
        settings.metrics_token = old
