"""The money property (issue 8, "Done means"), as a hypothesis state machine over every money action by
every role, one user id of them a second id of the same person:

- every debit in every ledger the machine touches is either the payout of a withdrawal approved by at least
  the account's ``threshold`` distinct *persons*, none of them its requester, or a fee of at most the fee
  bound recorded by a client of the account's own bank;
- ``available`` (balance less reserved) never goes below zero, and the cached balance is the ledger's sum.

The invariants are read from the database after every step; the machine does not predict the answers (other
streams are still changing them), it only requires that none is a 5xx. Attacks whose guard is not yet on main
(requester co-signing, fees by another bank or by the secretariat, fees over the bound) would break the
property today, so each is tried only once a probe at the start finds its guard in place: the machine grows
stricter by itself as those guards land. The probes' findings are printed.

``PHAEN_MONEY_PROPERTY_EXAMPLES`` (default 8) sets the number of examples of the quick run in ``make test``;
the heavier run takes ``PHAEN_MONEY_PROPERTY_SLOW_EXAMPLES`` (default 60) and belongs to ``make soak`` (it runs
when ``PHAEN_SOAK_ROUNDS`` is set, as ``make soak`` does; ``make test`` stays within its 5 minutes).
Hypothesis's first examples are its simplest, so fewer than ~8 barely reach a payout. Checked by mutation: with
the requester guard assumed present while it is not, 30 examples find the requester-cosigned payout.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from phaen_budget.main import create_app
from phaen_budget.signatories.directory import FixedDirectory
from phaen_common.db import to_sync_url
from phaen_common.testing import TestKeys

from .factory import RESOLUTION, uid

EXAMPLES = int(os.environ.get("PHAEN_MONEY_PROPERTY_EXAMPLES", "8"))
SLOW_EXAMPLES = int(os.environ.get("PHAEN_MONEY_PROPERTY_SLOW_EXAMPLES", "60"))
FEE_BOUND = Decimal("500.00")
BANK, OTHER_BANK = "BAAC", "KTB"
AMOUNTS = st.sampled_from(["100.00", "700.00", "1500.00", "4000.00"])


class Cast:
    """The people and their user ids. ``p1a`` and ``p1b`` are two user ids of one person."""

    def __init__(self, keys: TestKeys) -> None:
        run = uid()
        self.person: dict[str, str] = {}
        self.headers: dict[str, dict[str, str]] = {}

        def user(name: str, person: str, roles: list[str], **claims: Any) -> str:
            sub = f"mp-{name}-{run}"
            self.person[sub] = f"person-{person}-{run}"
            self.headers[name] = keys.auth(roles=roles, sub=sub, person_id=self.person[sub], **claims)
            return sub

        self.p1a = user("p1a", "1", ["signatory"])
        self.p1b = user("p1b", "1", ["signatory"])
        # p2 is a signatory who can also request (a tambon committee member): the requester-cosigning case.
        self.p2 = user("p2", "2", ["signatory", "tambon_committee"], tambon="100101")
        self.p3 = user("p3", "3", ["signatory"])
        self.outsider = user("outsider", "9", ["signatory"])
        self.sec = user("sec", "4", ["secretariat"])
        self.admin = user("admin", "5", ["admin"])
        self.bank = user("bank", "bank", ["bank"], bank=BANK)
        self.other_bank = user("other_bank", "other-bank", ["bank"], bank=OTHER_BANK)
        self.bank_users = {BANK: {self.bank}, OTHER_BANK: {self.other_bank}}

    def persons(self, subs: set[str]) -> set[str]:
        return {self.person.get(s, s) for s in subs}


def _check(r: Any) -> Any:
    assert r.status_code < 500, (r.request.method, r.request.url, r.status_code, r.text)
    return r


def _open_account(http: TestClient, cast: Cast, signatories: list[str]) -> tuple[dict[str, Any], Any]:
    h = cast.headers["sec"]
    g = _check(
        http.post(
            "/v1/budget/grants",
            headers=h,
            json={"name": "g", "funder": "CODI", "amount": "900000", "fiscal_year": 2547},
        )
    ).json()
    _check(
        http.post(f"/v1/budget/grants/{g['id']}/lines", headers=h, json={"no": 1, "title": "l", "planned": "900000"})
    )
    project = _check(
        http.post(
            "/v1/budget/projects",
            headers=h,
            json={
                "grant_id": g["id"],
                "line_no": 1,
                "name": f"p {uid()}",
                "level": "tambon",
                "tambon": "100101",
                "amount": "200000.00",
                "tranches": [50, 50],
            },
        )
    ).json()
    r = http.post(
        "/v1/budget/accounts",
        headers=h,
        json={
            "project_id": project["id"],
            "bank": BANK,
            "branch": "b",
            "number": "0201234567",
            "name": project["name"],
            "type": "savings",
            "atm_card": False,
            "signatories": signatories,
            "threshold": 2,
            "resolution": {"number": f"มติ {uid()}", "meeting_date": "2004-01-15"},
        },
    )
    return project, _check(r)


def _probe_guards(http: TestClient, cast: Cast) -> dict[str, bool]:
    """Which not-yet-universal guards are on main: each attack tried once on a throwaway account."""
    _, r = _open_account(http, cast, [cast.p1a, cast.p2, cast.p3])
    assert r.status_code == 201, r.text
    account = r.json()
    base = f"/v1/budget/accounts/{account['id']}"
    _check(
        http.post(
            f"{base}/deposits",
            headers=cast.headers["bank"],
            json={"amount": "5000.00", "kind": "transfer", "bank_reference": f"PR-{uid()}"},
        )
    )

    def fee(who: str, amount: str) -> bool:
        body = {"amount": amount, "bank_reference": f"PF-{uid()}"}
        return _check(http.post(f"{base}/fees", headers=cast.headers[who], json=body)).status_code >= 400

    w = _check(
        http.post(
            "/v1/budget/withdrawals",
            headers=cast.headers["p2"],
            json={"account_id": account["id"], "amount": "100.00", "purpose": "probe", "resolution": RESOLUTION},
        )
    )
    requester_refused = True
    if w.status_code == 201:
        s = _check(http.post(f"/v1/budget/withdrawals/{w.json()['id']}/signatures", headers=cast.headers["p2"]))
        requester_refused = s.status_code >= 400
    _, same = _open_account(http, cast, [cast.p1a, cast.p1b, cast.p3])
    guards = {
        "fee_other_bank_refused": fee("other_bank", "10.00"),
        "fee_secretariat_refused": fee("sec", "10.00"),
        "fee_over_bound_refused": fee("bank", "600.00"),
        "requester_cannot_sign": requester_refused,
        "same_person_twice_refused": same.status_code >= 400,
    }
    print("money property guards on main:", guards)
    return guards


class MoneyMachine(RuleBasedStateMachine):
    def __init__(self, http: TestClient, db: psycopg.Connection[Any], cast: Cast, guards: dict[str, bool]) -> None:
        super().__init__()
        self.http, self.db, self.cast, self.guards = http, db, cast, guards
        self.accounts: list[dict[str, Any]] = []
        self.ws: list[dict[str, Any]] = []

    def call(self, method: str, url: str, who: str, body: Any = None) -> Any:
        return _check(self.http.request(method, url, headers=self.cast.headers[who], json=body))

    @initialize()
    def open_accounts(self) -> None:
        c = self.cast
        # Signatories: p1 (by its first id), p2 (who may also request), p3.
        project, r = _open_account(self.http, c, [c.p1a, c.p2, c.p3])
        assert r.status_code == 201, r.text
        self.project, self.account = project, r.json()
        self.accounts.append(self.account)
        # Until the person rule is on main, an account listing both ids of one person is accepted (the probe
        # says so); the machine keeps such an account out of its money, since one person would approve alone.

    # -- money in ------------------------------------------------------------------------------------
    @rule(
        amount=AMOUNTS,
        who=st.sampled_from(["bank", "other_bank", "sec"]),
        kind=st.sampled_from(["transfer", "interest"]),
    )
    def deposit(self, amount: str, who: str, kind: str) -> None:
        body = {"amount": amount, "kind": kind, "bank_reference": f"D-{uid()}"}
        self.call("POST", f"/v1/budget/accounts/{self.account['id']}/deposits", who, body)

    @rule(n=st.sampled_from([1, 2]), amount=st.sampled_from(["50000.00", "100000.00", "150000.00"]))
    def release_tranche(self, n: int, amount: str) -> None:
        body = {"amount": amount, "resolution": RESOLUTION}
        self.call("POST", f"/v1/budget/projects/{self.project['id']}/tranches/{n}/release", "sec", body)

    # -- withdrawals ---------------------------------------------------------------------------------
    @rule(
        amount=AMOUNTS, who=st.sampled_from(["sec", "p2", "admin", "bank"]), fund=st.sampled_from(["grant", "interest"])
    )
    def request(self, amount: str, who: str, fund: str) -> None:
        body = {"account_id": self.account["id"], "amount": amount, "purpose": "x", "resolution": RESOLUTION}
        if fund == "interest":
            body["fund"] = "interest"
        r = self.call("POST", "/v1/budget/withdrawals", who, body)
        if r.status_code == 201:
            self.ws.append({"id": r.json()["id"], "requester": who, "status": r.json()["status"]})

    def pick(self, i: int, *statuses: str) -> dict[str, Any] | None:
        """A withdrawal in one of ``statuses`` (as last answered), else any: most steps then do something."""
        among = [w for w in self.ws if w["status"] in statuses] or self.ws
        return among[i % len(among)] if among else None

    @rule(i=st.integers(0, 50), who=st.sampled_from(["p1a", "p1b", "p2", "p2", "p3", "outsider", "sec", "bank"]))
    def sign(self, i: int, who: str) -> None:
        w = self.pick(i, "pending")
        if w is None:
            return
        if who == w["requester"] and not self.guards["requester_cannot_sign"]:
            return  # the attack that would break the property until the guard lands
        r = self.call("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", who)
        if r.status_code == 201:
            w["status"] = r.json()["status"]

    @rule(i=st.integers(0, 50), who=st.sampled_from(["bank", "bank", "other_bank", "sec"]), retry=st.booleans())
    def payout(self, i: int, who: str, retry: bool) -> None:
        w = self.pick(i, "approved")
        if w is None:
            return
        ref = w.get("ref") if retry and w.get("ref") else f"P-{uid()}"
        r = self.call("POST", f"/v1/budget/withdrawals/{w['id']}/payout", who, {"bank_reference": ref})
        if r.status_code == 200:
            w["ref"], w["status"] = ref, "paid"

    @rule(i=st.integers(0, 50), who=st.sampled_from(["sec", "p3", "p2"]))
    def cancel(self, i: int, who: str) -> None:
        w = self.pick(i, "pending", "approved")
        if w is None:
            return
        if self.call("POST", f"/v1/budget/withdrawals/{w['id']}/cancel", who, {"reason": "m"}).status_code == 200:
            w["status"] = "cancelled"

    # -- fees ----------------------------------------------------------------------------------------
    @rule(
        amount=st.sampled_from(["10.00", "500.00", "600.00", "100000.00"]),
        who=st.sampled_from(["bank", "other_bank", "sec"]),
    )
    def fee(self, amount: str, who: str) -> None:
        if who == "other_bank" and not self.guards["fee_other_bank_refused"]:
            return
        if who == "sec" and not self.guards["fee_secretariat_refused"]:
            return
        if Decimal(amount) > FEE_BOUND and not self.guards["fee_over_bound_refused"]:
            return
        body = {"amount": amount, "bank_reference": f"F-{uid()}"}
        self.call("POST", f"/v1/budget/accounts/{self.account['id']}/fees", who, body)

    # -- expenses (no ledger movement, but a money action on the project) ------------------------------
    @rule(amount=AMOUNTS)
    def expense(self, amount: str) -> None:
        evidence = {
            "kind": "receipt",
            "seller_name": f"ร้าน {uid()}",
            "seller_address": "a",
            "book_no": "1",
            "receipt_no": uid(),
            "date": "2004-05-01",
            "items": [{"description": "i", "amount": amount}],
            "receiver_signed": True,
        }
        body = {
            "project_id": self.project["id"],
            "category": "6",
            "amount": amount,
            "spent_on": "2004-05-01",
            "description": "x",
            "evidence": evidence,
        }
        self.call("POST", "/v1/budget/expenses", "sec", body)

    @rule(i=st.integers(0, 50))
    def while_suspended(self, i: int) -> None:
        """Suspend, try to move money (nothing may move), reinstate."""
        base = f"/v1/budget/projects/{self.project['id']}"
        before = self.db.execute(
            "SELECT count(*) FROM budget.ledger_entries WHERE account_id = %s", (self.account["id"],)
        ).fetchone()
        self.call("POST", f"{base}/suspend", "sec", {"reason": "audit"})
        w = self.pick(i, "approved")
        if w is not None:
            self.call("POST", f"/v1/budget/withdrawals/{w['id']}/payout", "bank", {"bank_reference": f"S-{uid()}"})
        fee = {"amount": "10.00", "bank_reference": f"SF-{uid()}"}
        self.call("POST", f"/v1/budget/accounts/{self.account['id']}/fees", "bank", fee)
        after = self.db.execute(
            "SELECT count(*) FROM budget.ledger_entries WHERE account_id = %s", (self.account["id"],)
        ).fetchone()
        self.call("POST", f"{base}/reinstate", "sec", {"reason": "ok"})
        assert before == after, "money moved on a suspended project"

    # -- the property --------------------------------------------------------------------------------
    @invariant()
    def every_debit_is_authorised(self) -> None:
        if not self.accounts:
            return
        ids = [a["id"] for a in self.accounts]
        rows = self.db.execute(
            """
            SELECT l.id, l.kind, l.amount, l.actor, a.bank, a.threshold, w.requested_by, w.status,
                   array(SELECT s.signer FROM budget.signatures s
                         WHERE s.withdrawal_id = w.id AND s.revoked_at IS NULL)
            FROM budget.ledger_entries l
            JOIN budget.accounts a ON a.id = l.account_id
            LEFT JOIN budget.withdrawals w ON w.id = l.withdrawal_id
            WHERE l.account_id = ANY(%s::uuid[]) AND l.amount < 0""",
            (ids,),
        ).fetchall()
        for entry_id, kind, amount, actor, bank, threshold, requester, status, signers in rows:
            if kind == "payout":
                approvers = self.cast.persons(set(signers))
                assert status == "paid", (entry_id, status)
                assert len(approvers) >= threshold, (entry_id, signers)
                assert self.cast.persons({requester}).isdisjoint(approvers), (entry_id, requester, signers)
            elif kind == "fee":
                assert -amount <= FEE_BOUND, (entry_id, amount)
                assert actor in self.cast.bank_users.get(bank, set()), (entry_id, actor, bank)
            else:
                raise AssertionError(f"a debit of kind {kind}: {entry_id}")

    @invariant()
    def available_never_below_zero(self) -> None:
        if not self.accounts:
            return
        for a in self.accounts:
            balance, interest, reserved, reserved_interest, total, interest_total = self.db.execute(
                """
                SELECT a.balance, a.interest_balance, a.reserved, a.reserved_interest,
                       coalesce(sum(l.amount), 0), coalesce(sum(l.amount) FILTER (WHERE l.fund = 'interest'), 0)
                FROM budget.accounts a LEFT JOIN budget.ledger_entries l ON l.account_id = a.id
                WHERE a.id = %s GROUP BY a.id""",
                (a["id"],),
            ).fetchone()
            assert (balance, interest) == (total, interest_total)
            assert balance - reserved >= 0 and interest - reserved_interest >= 0
            assert (balance - interest) - (reserved - reserved_interest) >= 0


@pytest.fixture(scope="module")
def http(settings: Any, keys: TestKeys, tiers: Any) -> Iterator[TestClient]:
    app = create_app(settings)
    app.state.tiers = tiers
    app.state.verifier = keys.verifier()
    with TestClient(app) as c:
        yield c


def _run(http: TestClient, keys: TestKeys, budget_url: str, examples: int) -> None:
    cast = Cast(keys)
    # The gateway and registry answer who is which person; here a fixed table: p1a and p1b are one person.
    http.app.state.directory = FixedDirectory(cast.person)  # type: ignore[attr-defined]
    guards = _probe_guards(http, cast)
    with psycopg.connect(
        to_sync_url(budget_url).replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as db:
        run_state_machine_as_test(
            lambda: MoneyMachine(http, db, cast, guards),
            settings=settings(
                max_examples=examples,
                stateful_step_count=20,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )


def test_no_baht_leaves_without_two_distinct_people(http: TestClient, keys: TestKeys, budget_url: str) -> None:
    _run(http, keys, budget_url, EXAMPLES)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("PHAEN_SOAK_ROUNDS"), reason="the heavier profile: make soak runs it")
def test_no_baht_leaves_without_two_distinct_people_many_examples(
    http: TestClient, keys: TestKeys, budget_url: str
) -> None:
    _run(http, keys, budget_url, SLOW_EXAMPLES)
