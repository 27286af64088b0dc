"""The seed's story, played through the public API by the people in it (each with their own login)."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from phaen_cli import exports, imports, money
from phaen_cli.api import Api, get_token, new_key
from phaen_cli.demo import seed
from phaen_cli.exits import CliError, Exit
from phaen_cli.settings import Credentials

CATCH_UP_SECONDS = 90


def national_id(rng: int) -> str:
    """A synthetic 13-digit citizen ID with a valid check digit (never a real person's)."""
    body = f"9{rng % 10**11:011d}"
    return body + str((11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10)


@dataclass
class Story:
    """The network's people and what they made, as the story goes on."""

    url: str
    admin: Api
    out: Path
    say: Callable[[str], None]
    tag: str = field(default_factory=lambda: secrets.token_hex(3))
    suffix: str = ""  # "" on a fresh stack; " (สาธิตครั้งที่ N)" when earlier demos made the same grant
    people: dict[str, Api] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)

    # -- the cast -------------------------------------------------------------------------------------------------

    def _user(self, key: str, display: str, roles: list[str], **scope: Any) -> str:
        password = secrets.token_urlsafe(18)
        username = f"demo-{key}-{self.tag}"
        made = self.admin.post(
            "/v1/auth/users",
            {"username": username, "password": password, "display_name": display, "roles": roles, **scope},
            doing=f"create user {key}",
        )
        self.people[key] = Api.login(
            self.url,
            Credentials({"grant_type": "password", "username": username, "password": password}, username),
            cache=False,
        )
        return str(made["id"])

    def _seat(self, key: str, *, region: str) -> None:
        """Seat a committee user as chair of the region's committee (the seed network's, made by `make run`)."""
        sec = self.people["secretariat"]
        found = sec.get("/v1/registry/committees", params={"level": "regional", "region": region})["items"]
        if found:
            me = self.people[key].get("/v1/auth/me")
            sec.post(
                f"/v1/registry/committees/{found[0]['id']}/members",
                {"user_id": me["sub"], "role": "chair", "term_start": "2003-10-01"},
                doing="seat the regional chair",
            )
            self.facts["committee"] = found[0]["name"]

    def _tambon_committee(self, persons: list[str]) -> None:
        """ไม้เรียง's own committee (made once per stack): its working-group user chairs, the signatories sit on it."""
        sec = self.people["secretariat"]
        found = sec.get("/v1/registry/committees", params={"level": "tambon", "tambon": seed.MAI_RIANG})["items"]
        committee = (
            found[0]
            if found
            else sec.post(
                "/v1/registry/committees",
                {"level": "tambon", "tambon": seed.MAI_RIANG, "name": "คณะทำงานแผนแม่บทชุมชนตำบลไม้เรียง"},
                doing="create ไม้เรียง's committee",
            )
        )
        chair = self.people["tambon"].get("/v1/auth/me")["sub"]
        seats = [{"user_id": chair, "role": "chair"}, *({"person_id": p, "role": "finance"} for p in persons)]
        for seat in seats:
            sec.post(
                f"/v1/registry/committees/{committee['id']}/members",
                {**seat, "term_start": "2003-10-01"},
                doing="seat a tambon committee member",
            )

    def cast(self) -> None:
        """The secretariat, the south's regional committee, ไม้เรียง's committee, 3 signatories, an auditor, BAAC."""
        self._user("secretariat", "กองเลขาฯ เครือข่าย", ["secretariat"])
        self._user("south", "ประธานคณะประสานงานภาคใต้", ["regional_committee"], region="south")
        self._user(
            "tambon",
            seed.PROJECT_HEAD,
            ["tambon_committee"],
            region="south",
            province="80",
            tambon=seed.MAI_RIANG,
        )
        self._seat("south", region="south")
        self._user("auditor", "ผู้ตรวจสอบบัญชี", ["auditor"])
        signers: list[str] = []
        persons: list[str] = []
        for i, name in enumerate(seed.SIGNATORIES, start=1):
            person = self.people["secretariat"].post(
                "/v1/registry/people",
                {
                    "full_name": name,
                    "national_id": national_id(uuid.uuid4().int),
                    "tambon": seed.MAI_RIANG,
                },
                doing="register a signatory",
            )
            signers.append(self._user(f"signer{i}", name, ["signatory"], person_id=person["id"]))
            persons.append(person["id"])
        self.ids["signers"] = ",".join(signers)
        self._tambon_committee(persons)
        client = self.admin.post(
            "/v1/auth/clients",
            {"name": f"BAAC ธ.ก.ส. ({self.tag})", "roles": ["bank"], "bank": "BAAC"},
            doing="create the bank client",
        )
        token = get_token(
            self.url,
            {
                "grant_type": "client_credentials",
                "client_id": client["client_id"],
                "client_secret": client["client_secret"],
            },
        )
        self.people["bank"] = Api(self.url, token["access_token"])

    # -- the chapters ---------------------------------------------------------------------------------------------

    def regions_and_tambons(self) -> None:
        """The four regions, then the seed's tambons imported by name as the seed spells them (ไม้เรียง first)."""
        sec = self.people["secretariat"]
        regions = sec.get("/v1/registry/regions")["items"]
        self.facts["regions"] = {r["code"]: r["province_count"] for r in regions}
        self.say("4 regions / 4 ภาค: " + ", ".join(f"{r['name_th']} {r['province_count']}" for r in regions))
        path = self.out / "seed-tambons.csv"
        path.write_text(seed.tambons_csv(), encoding="utf-8")
        result = imports.import_tambons(sec, path, report=self.out / "seed-tambons.failed.csv", quiet=True)
        if result.failed:
            raise CliError(Exit.FAILED, f"the seed tambons did not import: see {result.report}")
        first = sec.get(f"/v1/registry/tambons/{seed.MAI_RIANG}")
        self.facts["tambons_imported"] = result.imported
        if "committee" in self.facts:
            self.say(f"chair seated on {self.facts['committee']}")
        self.say(
            f"{result.imported} seed tambons imported from {path.name}; first: {first.get('name_th', '')} "
            f"({seed.MAI_RIANG}, {first.get('tier')})"
        )

    def grant(self) -> None:
        """CODI's grant of 20,455,500.00 with its 10 plan lines (line 8 co-funded by ThaiHealth)."""
        sec = self.people["secretariat"]
        earlier = sum(
            1
            for g in sec.get("/v1/budget/grants", params={"limit": 500})["items"]
            if g["name"].startswith(seed.GRANT_NAME)
        )
        self.suffix = f" (สาธิตครั้งที่ {earlier + 1})" if earlier else ""
        grant = sec.post(
            "/v1/budget/grants",
            {
                "name": seed.GRANT_NAME + self.suffix,
                "funder": "CODI",
                "amount": seed.GRANT_AMOUNT,
                "fiscal_year": 2547,
            },
            doing="record the grant",
        )
        for no, title, planned in seed.GRANT_LINES:
            body: dict[str, Any] = {"no": no, "title": title, "planned": planned}
            if no in seed.COFUNDING:
                body["cofunding"] = seed.COFUNDING[no]
            sec.post(f"/v1/budget/grants/{grant['id']}/lines", body, doing=f"grant line {no}")
        got = sec.get(f"/v1/budget/grants/{grant['id']}")
        total = sum((Decimal(line["planned"]) for line in got["lines"]), Decimal("0.00"))
        self.ids["grant"] = grant["id"]
        self.facts["grant"] = {"amount": got["amount"], "lines": len(got["lines"]), "planned": f"{total:.2f}"}
        self.say(f"grant {got['amount']} THB from CODI, {len(got['lines'])} lines planned {total:,.2f}")

    def project_and_proposal(self) -> None:
        """ไม้เรียง's project and savings account; its proposal approved by the south's committee by resolution."""
        sec, tambon, south = self.people["secretariat"], self.people["tambon"], self.people["south"]
        name = seed.PROJECT_NAME + self.suffix
        project = sec.post(
            "/v1/budget/projects",
            {
                "grant_id": self.ids["grant"],
                "line_no": 1,
                "name": name,
                "level": "tambon",
                "region": "south",
                "tambon": seed.MAI_RIANG,
                "amount": seed.MODEL_STANDARD,
            },
            doing="create the project",
        )
        self.ids["project"] = project["id"]
        account = sec.post(
            "/v1/budget/accounts",
            {
                "project_id": project["id"],
                "bank": "BAAC",
                "branch": "ฉวาง",
                "number": f"02{secrets.randbelow(10**8):08d}",
                "name": name,
                "type": "savings",
                "atm_card": False,
                "signatories": self.ids["signers"].split(","),
                "threshold": 2,
                "resolution": {"number": "ไม้เรียง 1/2547", "meeting_date": "2003-10-15"},
            },
            doing="open the savings account",
        )
        self.ids["account"] = account["id"]
        proposal = tambon.post(
            "/v1/budget/proposals",
            {
                "project_id": project["id"],
                "amount": seed.MODEL_STANDARD,
                "kind": "standard",
                "title": "แผนกิจกรรมตำบลต้นแบบไม้เรียง ปี 2547",
                "activities": ["เวทีแลกเปลี่ยนเรียนรู้ระดับตำบล", "ศูนย์เรียนรู้แผนแม่บทชุมชน"],
            },
            doing="propose",
        )
        resolution = {"number": "คณะประสานงานภาคใต้ 3/2547", "meeting_date": "2003-11-05"}
        decided = south.post(
            f"/v1/budget/proposals/{proposal['id']}/decision",
            {"decision": "approve", "resolution": resolution},
            doing="approve the proposal",
        )
        self.facts["proposal"] = {"route": proposal["route"], "status": decided["status"], "resolution": resolution}
        self.say(
            f"project {name}: proposal {seed.MODEL_STANDARD} routed {proposal['route']}, "
            f"{decided['status']} by resolution {resolution['number']}"
        )

    def release(self, n: int, meeting: str) -> None:
        """The secretariat releases tranche n with `phaen tranches release --from FILE --yes`."""
        path = self.out / f"tranche-{n}.csv"
        path.write_text(
            "project_id,tranche,amount,resolution_number,meeting_date\n"
            f"{self.ids['project']},{n},,คณะประสานงานระดับชาติ {n + 1}/2547,{meeting}\n",
            encoding="utf-8",
        )
        lines = money.parse_release_file(path)
        money.preview(self.people["secretariat"], lines)
        results = money.release(self.people["secretariat"], lines)
        if not all(r["released"] for r in results):
            raise CliError(Exit.FAILED, f"tranche {n} was not released: {results}")
        balance = self.people["secretariat"].get(f"/v1/budget/accounts/{self.ids['account']}")["balance"]
        self.facts[f"tranche_{n}"] = results[0]["amount"]
        self.say(f"tranche {n} released: {results[0]['amount']} THB; account balance {balance}")

    def withdrawal(self) -> None:
        """ไม้เรียง's committee asks; 2 of the 3 signatories co-sign; BAAC pays it."""
        w = self.people["tambon"].post(
            "/v1/budget/withdrawals",
            {
                "account_id": self.ids["account"],
                "amount": "7500.00",
                "purpose": "ค่าจัดเวทีแลกเปลี่ยนเรียนรู้ระดับตำบล",
                "resolution": {"number": "ไม้เรียง 4/2547", "meeting_date": "2003-12-01"},
            },
            idempotency_key=new_key(),
            doing="request the withdrawal",
        )
        self.people["signer1"].post(f"/v1/budget/withdrawals/{w['id']}/signatures", {}, idempotency_key=new_key())
        signed = self.people["signer2"].post(
            f"/v1/budget/withdrawals/{w['id']}/signatures", {}, idempotency_key=new_key()
        )
        paid = self.people["bank"].post(
            f"/v1/budget/withdrawals/{w['id']}/payout",
            {"bank_reference": f"BAAC-{self.tag}-0001"},
            idempotency_key=new_key(),
            doing="pay the withdrawal",
        )
        self.facts["withdrawal"] = {"amount": w["amount"], "signatures": 2, "status": paid["status"]}
        self.say(f"withdrawal {w['amount']}: co-signed by 2 of 3 ({signed['status']}), BAAC paid it ({paid['status']})")

    def expenses(self) -> None:
        """A meal bill with its receipt; a facilitator's fee with a payment voucher (ใบสำคัญรับเงิน)."""
        tambon = self.people["tambon"]
        receipt = tambon.post(
            "/v1/budget/expenses",
            {
                "project_id": self.ids["project"],
                "category": "1.3",
                "amount": "4500.00",
                "spent_on": "2003-12-06",
                "description": "ค่าอาหารเวทีแลกเปลี่ยนเรียนรู้ 90 คน",
                "evidence": {
                    "kind": "receipt",
                    "seller_name": "ร้านข้าวแกงตัวอย่าง",
                    "seller_address": "ตลาดฉวาง อ.ฉวาง จ.นครศรีธรรมราช",
                    "book_no": "12",
                    "receipt_no": f"045/{self.tag}",
                    "date": "2003-12-06",
                    "items": [{"description": "อาหารกลางวัน 90 ชุด", "amount": "4500.00"}],
                    "receiver_signed": True,
                },
            },
            idempotency_key=new_key(),
            doing="record the receipt",
        )
        voucher = tambon.post(
            "/v1/budget/expenses",
            {
                "project_id": self.ids["project"],
                "category": "1.5",
                "amount": "3000.00",
                "spent_on": "2003-12-06",
                "description": "ค่าตอบแทนวิทยากรกระบวนการ 1 วัน",
                "evidence": {
                    "kind": "voucher",
                    "payee_name": "นางสาวสมใจ ตัวอย่าง",
                    "payee_address": "หมู่ 4 ต.ไม้เรียง อ.ฉวาง จ.นครศรีธรรมราช",
                    "payee_national_id": national_id(uuid.uuid4().int),
                    "items": [{"description": "ค่าวิทยากรกระบวนการ เวทีแผนแม่บทชุมชน 1 วัน", "amount": "3000.00"}],
                    "payee_signed": True,
                    "payer_signed": True,
                    "head_certified": True,
                    "payer_name": seed.TREASURER,
                    "head_name": seed.PROJECT_HEAD,
                },
            },
            idempotency_key=new_key(),
            doing="record the voucher",
        )
        self.ids["receipt_expense"], self.ids["voucher_expense"] = receipt["id"], voucher["id"]
        self.say("expenses: 4,500.00 meals (receipt), 3,000.00 facilitator (payment voucher)")

    def activity_report(self) -> None:
        """The tranche-1 activity summary, without which tranche 2 stays closed."""
        self.people["tambon"].post(
            f"/v1/budget/projects/{self.ids['project']}/activity-reports",
            {
                "tranche": 1,
                "summary": "สรุปผลงวดที่ 1: จัดเวทีแลกเปลี่ยนเรียนรู้ 1 ครั้ง ผู้เข้าร่วม 90 คน ปรับปรุงแผนแม่บทชุมชนครบทุกหมู่บ้าน",
            },
            doing="submit the activity report",
        )
        self.say("activity report for tranche 1 submitted")

    def final_report(self) -> None:
        """The final report (tranche 2), the last document the audit checklist asks for (3.7)."""
        self.people["tambon"].post(
            f"/v1/budget/projects/{self.ids['project']}/activity-reports",
            {
                "tranche": 2,
                "summary": "รายงานสรุปผลงวดสุดท้าย: ตำบลไม้เรียงเป็นศูนย์เรียนรู้ให้ตำบลขยาย แผนแม่บทชุมชนบรรจุในแผนพัฒนาของ อบต.",
            },
            doing="submit the final report",
        )
        self.say("final report (tranche 2) submitted")

    def _caught_up(self, auditor: Api) -> bool:
        """Whether the reports show the story's last events: both tranches released with their reports, the spend."""
        plan = auditor.get("/v1/reports/plan-vs-actual", params={"grant": self.ids["grant"]}, ok=(200, 404))
        if plan.get("totals", {}).get("actual") != "7500.00":
            return False
        self.facts["plan_vs_actual"] = plan["totals"]
        items = auditor.get("/v1/reports/tranches", params={"project": self.ids["project"]}, ok=(200, 404)).get(
            "items", []
        )
        states = [(t["status"], t.get("activity_report")) for item in items for t in item["tranches"]]
        if len(states) != 2 or not all(status == "released" and reported for status, reported in states):
            return False
        voucher = f"/v1/reports/expenses/{self.ids['voucher_expense']}/voucher"
        return auditor.request("GET", voucher, ok=(200, 404)).status_code == 200

    def reports(self) -> None:
        """Wait for the reports to catch up, then write them as the auditor reads them."""
        auditor = self.people["auditor"]
        deadline = time.monotonic() + CATCH_UP_SECONDS
        while not self._caught_up(auditor):
            if time.monotonic() > deadline:
                raise CliError(Exit.UNAVAILABLE, f"the reports did not catch up in {CATCH_UP_SECONDS} s")
            time.sleep(0.5)
        wanted = [
            ("plan-vs-actual", "pdf", {"grant": self.ids["grant"]}),
            ("plan-vs-actual", "xlsx", {"grant": self.ids["grant"]}),
            ("coverage", "pdf", {}),
            ("coverage", "xlsx", {}),
            ("voucher", "pdf", {"expense": self.ids["voucher_expense"]}),
            ("audit-package", "pdf", {"project": self.ids["project"]}),
            ("audit-package", "xlsx", {"project": self.ids["project"]}),
        ]
        for name, fmt, ids in wanted:
            done = exports.export(auditor, name, fmt, self.out / f"{name}.{fmt}", dict(ids))
            self.files[f"{name}.{fmt}"] = done["path"]
        verify = money.verify_audit(auditor)
        self.facts["audit"] = {"ok": verify["ok"], "entries": verify["entries"]}
        if not verify["ok"]:
            raise CliError(Exit.FAILED, f"the audit chain does not verify: {verify.get('findings')}")
        self.say(f"reports written; audit chain ok ({verify['entries']} entries)")

    def play(self) -> None:
        """Every chapter, in the seed's order."""
        self.cast()
        self.regions_and_tambons()
        self.grant()
        self.project_and_proposal()
        self.release(1, "2003-11-20")
        self.withdrawal()
        self.expenses()
        self.activity_report()
        self.release(2, "2004-03-10")
        self.final_report()
        self.reports()
