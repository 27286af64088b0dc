"""Recorded events for a small network, shaped as docs/EVENTS.md says (used until real feeds are wired)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from seed14 import LINES


def _ts(y: int, m: int, d: int) -> str:
    return dt.datetime(y, m, d, 10, 0, tzinfo=dt.UTC).isoformat()


@dataclass
class Network:
    grant_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    projects: dict[int, str] = field(default_factory=dict)
    account_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    tambon_project: str = field(default_factory=lambda: str(uuid.uuid4()))
    voucher_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    receipt_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    tambon: str = ""
    region: str = "northeast"


def seed_grant(budget: Any) -> Network:
    """The seed's §1.4 grant: 10 lines, one network project per line, its actual spent as one expense."""
    net = Network()
    budget.add(
        "grant.created",
        "grant",
        net.grant_id,
        {
            "id": net.grant_id,
            "name": "แผนแม่บทชุมชนพึ่งตนเอง 4 ภาค",
            "funder": "CODI",
            "amount": "20455500.00",
            "fiscal_year": 2547,
        },
    )
    for no, title, planned, _pct, actual, _var in LINES:
        budget.add(
            "grant_line.created",
            "grant_line",
            f"{net.grant_id}:{no}",
            {
                "grant_id": net.grant_id,
                "no": no,
                "title": title,
                "planned": f"{planned}.00",
                "cofunding": [{"funder": "ThaiHealth", "amount": "600000.00"}] if no == 8 else [],
            },
        )
        pid = str(uuid.uuid4())
        net.projects[no] = pid
        budget.add(
            "project.created",
            "project",
            pid,
            {
                "id": pid,
                "grant_id": net.grant_id,
                "line_no": no,
                "name": f"แผนงาน {no}",
                "level": "network",
                "region": None,
                "tambon": None,
                "amount": f"{planned}.00",
                "tranches": [50, 50],
                "status": "active",
            },
        )
        xid = str(uuid.uuid4())
        budget.add(
            "expense.recorded",
            "expense",
            xid,
            {
                "id": xid,
                "project_id": pid,
                "grant_id": net.grant_id,
                "line_no": no,
                "category": "6",
                "amount": f"{actual}.00",
                "spent_on": "2004-06-30",
                "evidence_kind": "receipt",
                "status": "recorded",
            },
        )
    return net


def tambon_project(
    registry: Any, budget: Any, net: Network, *, tambon: str, region: str = "northeast", grant_id: str | None = None
) -> None:
    """A pilot tambon with its committee, people, a project, account, tranche 1, ledger, and two expenses."""
    net.tambon, net.region = tambon, region
    grant = grant_id or net.grant_id
    registry.add(
        "tambon.enrolled",
        "tambon",
        tambon,
        {
            "code": tambon,
            "name_th": "ศรีภูมิ",
            "name_en": "Si Phum",
            "district_code": tambon[:4],
            "province_code": tambon[:2],
            "region": region,
            "tier": "pilot",
            "joined_on": "2003-10-01",
            "villages_total": 10,
            "villages_with_plan": 9,
            "criteria": {"plans_80pct": True},
            "meets_model_criteria": False,
            "tao_plan_integrated": True,
            "tao_funded": False,
        },
    )
    cid = str(uuid.uuid4())
    registry.add(
        "committee.created",
        "committee",
        cid,
        {
            "id": cid,
            "level": "tambon",
            "region": region,
            "province": tambon[:2],
            "tambon": tambon,
            "name": "คณะกรรมการตำบลศรีภูมิ",
        },
    )
    registry.add(
        "committee.member_added",
        "committee",
        cid,
        {
            "id": cid,
            "level": "tambon",
            "region": region,
            "province": tambon[:2],
            "tambon": tambon,
            "name": "คณะกรรมการตำบลศรีภูมิ",
            "member": {"id": str(uuid.uuid4()), "role": "chair"},
        },
    )
    for _ in range(3):
        person = str(uuid.uuid4())
        registry.add("person.created", "person", person, {"id": person, "tambon": tambon, "region": region})
    pid = net.tambon_project
    budget.add(
        "project.created",
        "project",
        pid,
        {
            "id": pid,
            "grant_id": grant,
            "line_no": 2,
            "name": "โครงการแผนชุมชนตำบลศรีภูมิ",
            "level": "tambon",
            "region": region,
            "tambon": tambon,
            "amount": "20000.00",
            "tranches": [50, 50],
            "status": "active",
        },
    )
    prop = str(uuid.uuid4())
    budget.add(
        "proposal.decided",
        "proposal",
        prop,
        {
            "id": prop,
            "project_id": pid,
            "amount": "20000.00",
            "kind": "standard",
            "route": "regional",
            "route_rule": "standard_within_tier",
            "status": "approved",
            "resolution": {"number": "3/2547", "meeting_date": "2004-01-15"},
        },
    )
    budget.add(
        "account.opened",
        "account",
        net.account_id,
        {
            "id": net.account_id,
            "project_id": pid,
            "bank": "ธ.ก.ส.",
            "branch": "ศรีภูมิ",
            "name": "โครงการแผนชุมชนตำบลศรีภูมิ",
            "threshold": 2,
            "signatory_count": 3,
            "number_last4": "1234",
        },
    )
    budget.add(
        "tranche.released",
        "tranche",
        f"{pid}:1",
        {
            "project_id": pid,
            "n": 1,
            "amount": "10000.00",
            "account_id": net.account_id,
            "released_at": _ts(2004, 1, 20),
        },
    )
    ledger = [
        ("tranche", "10000.00", _ts(2004, 1, 20)),
        ("interest", "12.50", _ts(2004, 1, 31)),
        ("payout", "-3000.00", _ts(2004, 2, 3)),
        ("payout", "-2500.00", _ts(2004, 2, 20)),
        ("transfer", "500.00", _ts(2004, 2, 25)),
        ("fee", "-10.00", _ts(2004, 3, 1)),
    ]
    for kind, amount, at in ledger:
        lid = str(uuid.uuid4())
        budget.add(
            "ledger.entry",
            "ledger_entry",
            lid,
            {
                "id": lid,
                "account_id": net.account_id,
                "project_id": pid,
                "kind": kind,
                "amount": amount,
                "booked_at": at,
                "reference": f"REF-{lid[:6]}",
            },
        )
    budget.add(
        "expense.recorded",
        "expense",
        net.voucher_id,
        {
            "id": net.voucher_id,
            "project_id": pid,
            "grant_id": grant,
            "line_no": 2,
            "category": "1.3",
            "amount": "3000.00",
            "spent_on": "2004-02-03",
            "evidence_kind": "voucher",
            "status": "recorded",
            "description": "ค่าอาหารเวทีประชาคม",
        },
    )
    budget.add(
        "expense.recorded",
        "expense",
        net.receipt_id,
        {
            "id": net.receipt_id,
            "project_id": pid,
            "grant_id": grant,
            "line_no": 2,
            "category": "2.2",
            "amount": "2500.00",
            "spent_on": "2004-02-20",
            "evidence_kind": "receipt",
            "status": "recorded",
        },
    )
