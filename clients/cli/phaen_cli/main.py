"""The ``phaen`` command: one typer app, its sub-commands, and the entry point (``phaen = phaen_cli.main:run``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from phaen_cli import exports, imports, money, offline, settings
from phaen_cli.api import Api
from phaen_cli.exits import EXIT_HELP, CliError, Exit
from phaen_cli.output import JsonOpt, YesOpt, done, emit_json, err, handled, out

SETTINGS_HELP = (
    "Gateway: PHAEN_URL or url in <config dir>/config.toml (default http://127.0.0.1:8000). "
    "Credentials: PHAEN_USERNAME/PHAEN_PASSWORD or PHAEN_CLIENT_ID/PHAEN_CLIENT_SECRET, else a prompt; never "
    "arguments. / ที่อยู่เกตเวย์และรหัสผ่านมาจากตัวแปรสภาพแวดล้อมหรือการถาม ไม่รับทางอาร์กิวเมนต์"
)

app = typer.Typer(
    name="phaen",
    help="Phaen (แผน) for the secretariat and coordinators: import, export, release, verify. "
    "/ เครื่องมือสำหรับกองเลขาฯ และผู้ประสานงาน: นำเข้า ส่งออก ปล่อยเงินงวด ตรวจสอบ",
    epilog=f"{SETTINGS_HELP}\n\n{EXIT_HELP}",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
)
import_app = typer.Typer(help="Import a CSV file (dry run first) / นำเข้าไฟล์ CSV (ตรวจสอบก่อน)", no_args_is_help=True)
tranches_app = typer.Typer(help="Tranches / เงินงวด", no_args_is_help=True)
statement_app = typer.Typer(help="Bank statements / รายการเดินบัญชีธนาคาร", no_args_is_help=True)
audit_app = typer.Typer(help="The audit chain / บันทึกการตรวจสอบ", no_args_is_help=True)
keys_app = typer.Typer(help="Device keys for offline signatures / กุญแจสำหรับลงนามออฟไลน์", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(tranches_app, name="tranches")
app.add_typer(statement_app, name="statement")
app.add_typer(audit_app, name="audit")
app.add_typer(keys_app, name="keys")

FileArg = Annotated[Path, typer.Argument(help="The input file / ไฟล์นำเข้า", exists=True, dir_okay=False, readable=True)]
ReportOpt = Annotated[
    Path | None,
    typer.Option("--report", help="Where the failed rows go (default FILE.failed.csv) / ไฟล์รายงานแถวที่ผิด"),
]
DryOpt = Annotated[bool, typer.Option("--dry-run", help="Check only, write nothing / ตรวจสอบอย่างเดียว")]


@app.command(epilog=EXIT_HELP)
@handled
def login(as_json: JsonOpt = False) -> None:
    """Log in and cache the session (mode 0600) / เข้าสู่ระบบและจำเซสชัน

    Credentials come from PHAEN_USERNAME/PHAEN_PASSWORD or PHAEN_CLIENT_ID/PHAEN_CLIENT_SECRET, else a prompt.
    The access token is renewed with the refresh token before it expires; the password is never stored.
    """
    url = settings.gateway_url()
    creds = settings.env_credentials() or settings.prompt_credentials()
    api = Api.login(url, creds)
    me = api.get("/v1/auth/me", doing="who am I")
    path = str(settings.config_dir() / "session.json")
    if as_json:
        emit_json({"ok": True, "url": url, "sub": me.get("sub"), "roles": me.get("roles"), "session": path})
    else:
        out.print(f"logged in to {url} as {creds.who} ({', '.join(me.get('roles', []))}); session in {path} (0600)")


@app.command(epilog=EXIT_HELP)
@handled
def logout(as_json: JsonOpt = False) -> None:
    """Forget the cached session / ออกจากระบบ"""
    url = settings.gateway_url()
    settings.save_session(url, None)
    if as_json:
        emit_json({"ok": True, "url": url})
    else:
        out.print(f"logged out of {url}")


@app.command(epilog=EXIT_HELP)
@handled
def whoami(as_json: JsonOpt = False) -> None:
    """Who the cached session is / ผู้ใช้ปัจจุบัน"""
    me = Api.session().get("/v1/auth/me", doing="who am I")
    if as_json:
        emit_json({"ok": True, **me})
    else:
        out.print(f"{me.get('sub')} roles={','.join(me.get('roles', []))} scope={me.get('scope')}")


def _finish_import(result: imports.ImportResult, as_json: bool) -> None:
    if as_json:
        emit_json(result.as_dict())
    else:
        if result.failed:
            err.print(f"[red]{len(result.failed)} row(s) failed[/] / แถวที่ผิด: report {result.report}")
        elif result.applied:
            out.print(f"imported {result.imported}, already there {result.skipped} / นำเข้าแล้ว")
        else:
            out.print("dry run only: every row is fine / ตรวจแล้ว ทุกแถวถูกต้อง")
    done(Exit.FAILED if result.failed else Exit.OK)


@import_app.command("tambons", epilog=EXIT_HELP)
@handled
def import_tambons(file: FileArg, report: ReportOpt = None, dry_run: DryOpt = False, as_json: JsonOpt = False) -> None:
    """Enrol network tambons from a CSV (code, or name + province) / นำเข้าตำบลในเครือข่าย

    The registry checks every row first (resolving names like the seed's ไม่เรียง to ไม้เรียง); nothing is
    written unless every row is fine. Then the rows go in batches with a progress bar.
    """
    api = Api.session()
    result = imports.import_tambons(
        api, file, report=report or file.with_suffix(".failed.csv"), dry_run_only=dry_run, quiet=as_json
    )
    _finish_import(result, as_json)


@import_app.command("people", epilog=EXIT_HELP)
@handled
def import_people(file: FileArg, report: ReportOpt = None, dry_run: DryOpt = False, as_json: JsonOpt = False) -> None:
    """Register people from a CSV (full_name, national_id, phone, tambon) / นำเข้ารายชื่อบุคคล

    Every row is checked here first (national ID check digit, tambon code); nothing is sent unless every row
    is fine. A national ID already registered is skipped, so a file can be imported again.
    """
    api = Api.session()
    result = imports.import_people(
        api, file, report=report or file.with_suffix(".failed.csv"), dry_run_only=dry_run, quiet=as_json
    )
    _finish_import(result, as_json)


@app.command("export", epilog=EXIT_HELP)
@handled
def export_report(
    report: Annotated[str, typer.Argument(help=f"The report / รายงาน: {exports.REPORT_HELP}")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="pdf, xlsx, csv or json (audit-package: zip) / รูปแบบไฟล์")
    ] = "pdf",
    out_path: Annotated[
        Path | None, typer.Option("--out", "-o", help="File (default REPORT.FORMAT) / ไฟล์ปลายทาง")
    ] = None,
    grant: Annotated[str | None, typer.Option(help="Grant id / รหัสทุน")] = None,
    project: Annotated[str | None, typer.Option(help="Project id / รหัสโครงการ")] = None,
    account: Annotated[str | None, typer.Option(help="Account id / รหัสบัญชี")] = None,
    month: Annotated[str | None, typer.Option(help="YYYY-MM (monthly)")] = None,
    expense: Annotated[str | None, typer.Option(help="Expense id (voucher) / รหัสรายจ่าย")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Download a report to a file / ส่งออกรายงานเป็นไฟล์ (PDF ภาษาไทย, XLSX, CSV, JSON)"""
    ids = {"grant": grant, "project": project, "account": account, "month": month, "expense": expense}
    exports.check(report, fmt, ids)  # a usage error is exit 2 before any login is tried
    result = exports.export(Api.session(), report, fmt, out_path, ids)
    if as_json:
        emit_json(result)
    else:
        out.print(f"{result['path']} ({result['bytes']} bytes)")


@tranches_app.command("release", epilog=EXIT_HELP)
@handled
def tranches_release(
    from_file: Annotated[
        Path,
        typer.Option(
            "--from",
            exists=True,
            dir_okay=False,
            help="CSV or JSON: project_id,tranche,amount,resolution_number,meeting_date (amount may be empty) "
            "/ ไฟล์รายการเงินงวด",
        ),
    ],
    yes: YesOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Release tranches listed in a file, after showing what will move / ปล่อยเงินงวดตามไฟล์ (แสดงก่อนแล้วถามยืนยัน)"""
    lines = money.parse_release_file(from_file)
    api = Api.session()
    money.preview(api, lines)
    table = Table(title="Tranches to release / เงินงวดที่จะปล่อย")
    for col in ("line", "project / โครงการ", "tranche", "amount (THB)", "resolution / มติ", "state"):
        table.add_column(col, justify="right" if col.startswith("amount") else "left")
    for rel in lines:
        amount = f"{rel.moves:,.2f}" if rel.moves is not None else "-"
        table.add_row(str(rel.line), rel.project_name, str(rel.tranche), amount, rel.resolution["number"], rel.state)
    table.add_row("", "total / รวม", "", f"{money.total(lines):,.2f}", "", "")
    err.print(table)
    ready = [r for r in lines if r.state == "ready"]
    if ready and not yes:
        question = f"Release {len(ready)} tranche(s), {money.total(lines):,.2f} THB? / ยืนยันการปล่อยเงิน"
        if not typer.confirm(question, default=False, err=True):
            if as_json:
                emit_json({"ok": False, "released": 0, "declined": True, "lines": [r.as_dict() for r in lines]})
            else:
                err.print("nothing released / ยังไม่ได้ปล่อยเงิน")
            done(Exit.FAILED)
    results = money.release(api, lines)
    released = [r for r in results if r["released"]]
    if as_json:
        emit_json({"ok": len(released) == len(results), "released": len(released), "lines": results})
    else:
        for r in results:
            mark = "[green]released[/]" if r["released"] else f"[red]not released[/]: {r.get('error')}"
            out.print(f"line {r['line']}: {r['project']} tranche {r['tranche']} {r['amount']} {mark}")
    done(Exit.OK if len(released) == len(results) else Exit.FAILED)


@statement_app.command("import", epilog=EXIT_HELP)
@handled
def statement_import(
    account: Annotated[str, typer.Argument(help="Account id / รหัสบัญชี")],
    file: FileArg,
    as_json: JsonOpt = False,
) -> None:
    """Import a bank statement (camt.053 XML or CSV) and reconcile it / นำเข้ารายการเดินบัญชีและกระทบยอด

    Exit 1 when the reconciliation raised alerts (e.g. an unauthorised debit).
    """
    answer = money.import_statement(Api.session(), account, file)
    alerts = answer.get("alerts") or []
    if as_json:
        emit_json({"ok": not alerts, **answer})
    else:
        out.print(
            f"statement {answer['id']}: {answer['lines']} lines, {answer['matched']} matched, "
            f"closing {answer.get('closing_balance')} (ledger {answer['ledger_closing_balance']})"
        )
        for alert in alerts:
            err.print(f"[red]alert[/] {alert.get('code')}: {alert.get('detail') or alert}")
    done(Exit.FAILED if alerts else Exit.OK)


@audit_app.command("verify", epilog=EXIT_HELP)
@handled
def audit_verify(as_json: JsonOpt = False) -> None:
    """Verify the budget's hash-chained audit log end to end / ตรวจความถูกต้องของห่วงโซ่บันทึก

    Exit 1 when the chain, the ledger or a balance does not check out.
    """
    answer = money.verify_audit(Api.session())
    if as_json:
        emit_json(answer)
    elif answer["ok"]:
        out.print(f"[green]ok[/]: {answer['entries']} entries, {answer.get('ledger_entries')} ledger entries")
    else:
        err.print(f"[red]NOT OK[/]: first bad seq {answer.get('first_bad_seq')}")
        for f in answer.get("findings", []):
            err.print(f"  {f.get('code')}: {f.get('detail')}")
    done(Exit.OK if answer["ok"] else Exit.FAILED)


@keys_app.command("create", epilog=EXIT_HELP)
@handled
def keys_create(
    out_file: Annotated[
        Path, typer.Option("--out", help="Key file (mode 0600); the public key goes to OUT.pub / ไฟล์กุญแจ")
    ] = Path("phaen-device.key"),
    register: Annotated[
        bool, typer.Option("--register", help="Also register the public key as mine / ลงทะเบียนกุญแจ")
    ] = False,
    label: Annotated[str, typer.Option(help="The key's label when registering / ชื่อกุญแจ")] = "phaen cli",
    as_json: JsonOpt = False,
) -> None:
    """Make an Ed25519 key pair for offline signatures / สร้างคู่กุญแจสำหรับลงนามออฟไลน์"""
    public = offline.keys_create(out_file)
    result: dict[str, object] = {"ok": True, "key_file": str(out_file), "public_key": public}
    if register:
        key = Api.session().post("/v1/budget/signatories/me/keys", {"public_key": public, "label": label})
        result["key_id"] = key["id"]
    if as_json:
        emit_json(result)
    else:
        out.print(public)
        if register:
            out.print(f"registered: key id {result['key_id']}")


@app.command(epilog=EXIT_HELP)
@handled
def sign(
    offline_payload: Annotated[
        Path, typer.Option("--offline", help="A saved signing payload (GET .../signing-payload) / ข้อมูลที่จะลงนาม")
    ],
    key: Annotated[Path, typer.Option(help="The key file from `phaen keys create` / ไฟล์กุญแจ")],
    key_id: Annotated[str, typer.Option(help="The id the server gave the registered key / รหัสกุญแจ")],
    out_file: Annotated[Path | None, typer.Option("--out", help="Default PAYLOAD.sig.json / ไฟล์ลายมือชื่อ")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Sign a withdrawal offline, without a connection / ลงนามถอนเงินแบบออฟไลน์

    Shows what is signed, checks the payload's digest, and writes the body to deliver later (POST
    /v1/budget/sync or the withdrawal's /signatures).
    """
    _, shown, _ = offline.read_payload(offline_payload)
    err.print("signing / ลงนาม: " + offline.describe(shown), markup=False)
    body = offline.sign_offline(offline_payload, key, key_id)
    target = out_file or Path(f"{offline_payload}.sig.json")
    target.write_text(json.dumps(body, indent=2) + "\n")
    if as_json:
        emit_json({"ok": True, "out": str(target), **body})
    else:
        out.print(str(target))


@app.command(epilog=EXIT_HELP)
@handled
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Where the documents go / โฟลเดอร์เอกสาร")] = Path(
        "demo-output"
    ),
    start: Annotated[
        bool,
        typer.Option("--start/--no-start", help="Start `make run` if the gateway does not answer / เปิดระบบถ้ายังไม่ได้เปิด"),
    ] = True,
    as_json: JsonOpt = False,
) -> None:
    """Play the seed's story through the API and write its documents / สาธิตเรื่องราวของเครือข่ายผ่าน API

    Regions and seed tambons (ไม้เรียง first), the CODI grant of 20,455,500.00, a model tambon's proposal,
    tranche 1, a co-signed withdrawal paid by the bank, a receipt and a voucher, the activity report, tranche 2,
    and the reports (PDF and XLSX) in demo-output/.
    """
    from phaen_cli.demo import run_demo

    summary = run_demo(out_dir, start=start, quiet=as_json)
    if as_json:
        emit_json(summary)


def run() -> None:
    """The console entry point."""
    try:
        app()
    except CliError as exc:  # raised outside a command body (should not happen; kept as a net)
        err.print(f"error: {exc.message}", markup=False)
        raise SystemExit(int(exc.code)) from None
