"""The `phaen` CLI against the real stack, run as a person or a script runs it (`.venv/bin/phaen`, a subprocess):
it logs in once, imports, exports, verifies, releases and imports a statement, with the documented exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from authz_world import RESOLUTION, World, national_id
from e2e_stack import Stack

PHAEN = Path(sys.executable).parent / "phaen"


class Cli:
    """The CLI with a config folder of its own and a gateway URL from the environment."""

    def __init__(self, stack: Stack, config: Path, username: str, password: str) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PHAEN_")}
        self.env.update({"PHAEN_URL": stack.gateway, "PHAEN_CONFIG_DIR": str(config)})
        self.credentials = {"PHAEN_USERNAME": username, "PHAEN_PASSWORD": password}

    def run(self, *args: str, stdin: str = "", login: bool = False) -> tuple[int, Any, str]:
        env = {**self.env, **(self.credentials if login else {})}
        done = subprocess.run(
            [str(PHAEN), *args, "--json"], env=env, input=stdin, capture_output=True, text=True, timeout=180
        )
        try:
            body = json.loads(done.stdout) if done.stdout.strip() else None
        except ValueError:
            body = done.stdout
        return done.returncode, body, done.stderr


@pytest.fixture(scope="module")
def cli(stack: Stack, world: World, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    admin = world.callers["admin"]
    tag = uuid.uuid4().hex[:6]
    password = "pw-" + uuid.uuid4().hex
    admin.ok(
        "POST",
        "/v1/auth/users",
        json={"username": f"cli-sec-{tag}", "password": password, "display_name": "กองเลขาฯ", "roles": ["secretariat"]},
    )
    cli = Cli(stack, tmp_path_factory.mktemp("phaen-config"), f"cli-sec-{tag}", password)
    # Logged in here, not only by the login test: the later tests use the cached session whatever order they run in.
    code, _, err = cli.run("login", login=True)
    assert code == 0, err
    return cli


def test_login_caches_a_private_session_that_later_commands_use(cli: Cli) -> None:
    code, body, err = cli.run("login", login=True)
    assert code == 0, err
    assert "secretariat" in body["roles"]
    session = Path(body["session"])
    assert stat.S_IMODE(session.stat().st_mode) == 0o600
    assert cli.credentials["PHAEN_PASSWORD"] not in session.read_text()
    # No credentials in the environment from here on: the cached session is enough.
    code, me, err = cli.run("whoami")
    assert code == 0 and me["sub"], err


def test_import_tambons_dry_runs_reports_failed_rows_then_imports(cli: Cli, world: World, tmp_path: Path) -> None:
    admin = world.callers["admin"]
    # Tambons not in the network yet (the stack may be shared with an earlier run of this test).
    areas = admin.ok("GET", "/v1/registry/subdistricts", params={"province": "63", "limit": 200})["items"]
    codes = [a["code"] for a in areas if a.get("network") is None][:3]
    assert len(codes) == 3
    header = "code,name,province,tier,joined_on,villages_total,villages_with_plan\n"
    bad = tmp_path / "tambons.csv"
    bad.write_text(
        header
        + f"{codes[0]},,,pilot,2567-10-01,8,7\n,ไม่มีตำบลนี้เลย,ตาก,pilot,2024-01-15,8,5\n{codes[1]},,,expansion,,,\n",
        encoding="utf-8",
    )
    code, body, err = cli.run("import", "tambons", str(bad), "--report", str(tmp_path / "failed.csv"))
    assert code == 1, err
    assert body["applied"] is False and body["failed"] == 1 and body["dry_run"]["ok"] == 2
    with (tmp_path / "failed.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [(r["line"], r["status"], r["name"]) for r in rows] == [("3", "unresolved", "ไม่มีตำบลนี้เลย")]
    assert admin.request("GET", f"/v1/registry/tambons/{codes[2]}").status_code == 404

    good = tmp_path / "tambons-fixed.csv"
    good.write_text(header + f"{codes[0]},,,pilot,2567-10-01,8,7\n{codes[2]},,,expansion,,,\n", encoding="utf-8")
    code, body, err = cli.run("import", "tambons", str(good))
    assert code == 0, err
    assert body["applied"] is True and body["imported"] == 2
    assert admin.ok("GET", f"/v1/registry/tambons/{codes[2]}")["tier"] == "expansion"


def test_import_people_checks_every_row_first_and_can_run_again(cli: Cli, tmp_path: Path) -> None:
    ids = [national_id(uuid.uuid4().int) for _ in range(2)]
    bad = tmp_path / "people.csv"
    bad.write_text(
        f"full_name,national_id,phone\nนางสมศรี ทดสอบ,{ids[0]},0812345678\nนายผิด เลขบัตร,1101700230709,\n",
        encoding="utf-8",
    )
    code, body, err = cli.run("import", "people", str(bad))
    assert code == 1 and body["failed"] == 1 and body["imported"] == 0, err
    assert "check digit" in Path(body["report"]).read_text(encoding="utf-8-sig")

    good = tmp_path / "people-ok.csv"
    good.write_text(f"full_name,national_id\nนางสมศรี ทดสอบ,{ids[0]}\nนายสมชาย ทดสอบ,{ids[1]}\n", encoding="utf-8")
    code, body, err = cli.run("import", "people", str(good))
    assert (code, body["imported"], body["skipped"]) == (0, 2, 0), err
    code, body, err = cli.run("import", "people", str(good))
    assert (code, body["imported"], body["skipped"]) == (0, 0, 2), err


def test_export_writes_the_report_files(cli: Cli, world: World, tmp_path: Path) -> None:
    for fmt, magic in (("xlsx", b"PK"), ("pdf", b"%PDF"), ("csv", "\ufeff".encode())):
        out = tmp_path / f"plan.{fmt}"
        code, body, err = cli.run(
            "export", "plan-vs-actual", "--format", fmt, "--grant", world.ids["grant_id"], "--out", str(out)
        )
        assert code == 0, err
        assert out.read_bytes().startswith(magic) and body["bytes"] == out.stat().st_size
    code, body, _ = cli.run("export", "voucher", "--format", "pdf", "--expense", str(uuid.uuid4()))
    assert code == 4 and body["problem"]["status"] == 404


def test_audit_verify(cli: Cli) -> None:
    code, body, err = cli.run("audit", "verify")
    assert code == 0, err
    assert body["ok"] is True and body["entries"] > 0


def _project_with_account(world: World) -> dict[str, Any]:
    sec = world.callers["secretariat"]
    signers = [s.ok("GET", "/v1/auth/me")["sub"] for s in world.signers]
    name = f"แผนตำบล CLI {uuid.uuid4().hex[:6]}"
    project = sec.ok(
        "POST",
        "/v1/budget/projects",
        json={
            "grant_id": world.ids["grant_id"],
            "line_no": 1,
            "name": name,
            "level": "tambon",
            "region": "north",
            "tambon": world.ids["tambon"],
            "amount": "20000.00",
        },
    )
    account = sec.ok(
        "POST",
        "/v1/budget/accounts",
        json={
            "project_id": project["id"],
            "bank": "BAAC",
            "branch": "สาขา",
            "number": f"03{uuid.uuid4().int % 10**8:08d}",
            "name": name,
            "type": "savings",
            "atm_card": False,
            "signatories": signers,
            "threshold": 2,
            "resolution": RESOLUTION,
        },
    )
    return {"project": project, "account": account}


def test_tranches_release_shows_asks_and_releases_once(cli: Cli, world: World, tmp_path: Path) -> None:
    made = _project_with_account(world)
    pid = made["project"]["id"]
    file = tmp_path / "release.csv"
    file.write_text(
        f"project_id,tranche,amount,resolution_number,meeting_date\n{pid},1,,มติ 5/2547,2004-05-20\n", encoding="utf-8"
    )
    # Declined at the prompt: nothing moves, exit 1.
    code, body, err = cli.run("tranches", "release", "--from", str(file), stdin="n\n")
    assert code == 1 and body["declined"] is True, err
    assert body["lines"][0]["amount"] == "10000.00" and "10,000.00" in err  # the table showed what would move
    sec = world.callers["secretariat"]
    assert sec.ok("GET", f"/v1/budget/projects/{pid}/tranches")[0]["released"] is False

    code, body, err = cli.run("tranches", "release", "--from", str(file), "--yes")
    assert code == 0, err
    assert body["released"] == 1 and body["lines"][0]["amount"] == "10000.00"
    assert sec.ok("GET", f"/v1/budget/accounts/{made['account']['id']}")["balance"] == "10000.00"

    # The same file again moves nothing; tranche 2 waits for the activity report.
    code, body, _ = cli.run("tranches", "release", "--from", str(file), "--yes")
    assert code == 1 and body["lines"][0]["state"] == "released already"
    file.write_text(
        f"project_id,tranche,amount,resolution_number,meeting_date\n{pid},2,,มติ 6/2547,2004-06-20\n", encoding="utf-8"
    )
    code, body, _ = cli.run("tranches", "release", "--from", str(file), "--yes")
    assert code == 1 and body["lines"][0]["state"].startswith("blocked")
    assert sec.ok("GET", f"/v1/budget/accounts/{made['account']['id']}")["balance"] == "10000.00"

    # The bank's statement for the month shows the tranche: it reconciles without alerts.
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    statement = tmp_path / "statement.csv"
    statement.write_text(
        "date,description,reference,withdrawal,deposit,balance\n"
        f"{today:%d/%m}/{today.year + 543},โอนเงินงวดที่ 1 จาก พอช.,X{uuid.uuid4().hex[:8]},,10000.00,10000.00\n",
        encoding="utf-8",
    )
    code, body, err = cli.run("statement", "import", made["account"]["id"], str(statement))
    assert code == 0, (err, body)
    assert body["matched"] == 1 and body["alerts"] == []
