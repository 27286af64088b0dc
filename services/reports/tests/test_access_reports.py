"""Who reads which report rows (phaen_common.access): one masking character on vouchers, combined roles that
stay in their tambon, regional and tambon roles that add up."""

from __future__ import annotations

import uuid

from scenario import seed_grant, tambon_project


def _tambon() -> str:
    return f"34{uuid.uuid4().int % 10000:04d}"


async def test_the_voucher_masks_the_payee_id_with_the_one_masking_character(reports_app, feeds, keys):
    """The voucher printed 'XXXXXXXXX' where every other answer printed '*': one character now."""
    registry, budget = feeds
    net = seed_grant(budget)
    tambon = _tambon()
    tambon_project(registry, budget, net, tambon=tambon)
    xid = str(uuid.uuid4())
    budget.add(
        "expense.recorded",
        "expense",
        xid,
        {
            "id": xid,
            "project_id": net.tambon_project,
            "grant_id": net.grant_id,
            "line_no": 2,
            "category": "1.5",
            "amount": "800.00",
            "spent_on": "2004-02-03",
            "evidence_kind": "voucher",
            "status": "recorded",
            "description": "ค่าตอบแทนวิทยากร",
            "evidence": {"kind": "voucher", "payee_name": "นายสมชาย ใจดี", "payee_national_id_last4": "3450"},
        },
    )
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        for roles in (["tambon_committee"], ["tambon_committee", "signatory"], ["auditor"]):
            r = await client.get(f"/v1/reports/expenses/{xid}/voucher", headers=keys.auth(roles=roles, tambon=tambon))
            assert r.status_code == 200, r.text
            assert r.json()["payee_national_id"] == "*********3450", roles


async def test_a_committee_member_who_is_also_a_signatory_stays_in_the_tambon(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    tambon = _tambon()
    tambon_project(registry, budget, net, tambon=tambon)
    elsewhere = keys.auth(roles=["tambon_committee", "signatory"], region="northeast", tambon=_tambon())
    home = keys.auth(roles=["tambon_committee", "signatory"], region="northeast", tambon=tambon)
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        for path in (
            f"/v1/reports/expenses/{net.voucher_id}/voucher",
            f"/v1/reports/projects/{net.tambon_project}/expense-summary",
            f"/v1/reports/accounts/{net.account_id}/monthly?month=2004-01",
        ):
            assert (await client.get(path, headers=elsewhere)).status_code == 404, path
            assert (await client.get(path, headers=home)).status_code == 200, path
        projects = {
            p["project_id"] for p in (await client.get("/v1/reports/tranches", headers=elsewhere)).json()["items"]
        }
        assert net.tambon_project not in projects
        projects = {p["project_id"] for p in (await client.get("/v1/reports/tranches", headers=home)).json()["items"]}
        assert projects == {net.tambon_project}


async def test_regional_and_tambon_roles_add_up_in_the_tranche_report(reports_app, feeds, keys):
    registry, budget = feeds
    net = seed_grant(budget)
    tambon = _tambon()
    tambon_project(registry, budget, net, tambon=tambon)
    both = keys.auth(roles=["regional_committee", "tambon_committee"], region="south", tambon=tambon)
    south_only = keys.auth(roles=["regional_committee"], region="south")
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        got = {p["project_id"] for p in (await client.get("/v1/reports/tranches", headers=both)).json()["items"]}
        assert net.tambon_project in got
        got = {p["project_id"] for p in (await client.get("/v1/reports/tranches", headers=south_only)).json()["items"]}
        assert net.tambon_project not in got
        # A region filter outside one's reach shows nothing of it.
        r = await client.get("/v1/reports/tranches", params={"region": "northeast"}, headers=south_only)
        assert r.status_code == 200 and r.json()["items"] == []


def test_webhook_events_follow_the_shared_reach():
    """A subscriber receives what its roles read: a BAAC client the events of accounts written 'ธ.ก.ส.' (the
    old exact comparison of code and name dropped them), a combined role no more than each role."""
    from phaen_common.events import budget as b
    from phaen_reports.webhooks.scope import Places, Subscriber, may_receive

    project, other = uuid.uuid4(), uuid.uuid4()

    def opened(bank: str, project_id: uuid.UUID) -> b.AccountOpened:
        return b.AccountOpened(
            id=uuid.uuid4(),
            project_id=project_id,
            bank=bank,
            branch="สาขา",
            name="บัญชีโครงการ",
            number_last4="4567",
            threshold=2,
            signatory_count=3,
        )

    places = Places(project_place={project: ("north", "500101"), other: ("south", "900101")})
    baac = Subscriber(roles=frozenset({"bank"}), bank="BAAC")
    assert baac.may_subscribe("account.opened")
    assert may_receive(baac, "account.opened", opened("ธ.ก.ส.", project), places)
    assert not may_receive(baac, "account.opened", opened("KTB", project), places)
    both = Subscriber(roles=frozenset({"tambon_committee", "signatory"}), region="north", tambon="500101")
    assert may_receive(both, "account.opened", opened("KTB", project), places)
    assert not may_receive(both, "account.opened", opened("ธ.ก.ส.", other), places)
    assert not Subscriber(roles=frozenset({"signatory"})).may_subscribe("account.opened")
    auditor = Subscriber(roles=frozenset({"auditor"}))
    assert may_receive(auditor, "account.opened", opened("KTB", other), places)
