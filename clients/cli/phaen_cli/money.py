"""Money commands: ``tranches release --from FILE`` (ปล่อยเงินงวด), ``statement import`` (นำเข้ารายการเดินบัญชี)
and ``audit verify`` (ตรวจสอบห่วงโซ่บันทึกตรวจสอบ)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from phaen_cli.api import Api
from phaen_cli.exits import CliError, Exit

CENT = Decimal("0.01")


@dataclass
class Release:
    """One line of a release file, and what the API says it would move."""

    line: int
    project_id: str
    tranche: int
    amount: Decimal | None
    resolution: dict[str, str]
    project_name: str = ""
    moves: Decimal | None = None
    state: str = "unchecked"

    @property
    def key(self) -> str:
        """An Idempotency-Key from the line's content: running the same file again never moves money twice."""
        text = json.dumps([self.project_id, self.tranche, str(self.amount), self.resolution], sort_keys=True)
        return "phaen-cli-release-" + hashlib.sha256(text.encode()).hexdigest()[:40]

    def as_dict(self) -> dict[str, Any]:
        """For --json: amounts as decimal strings."""
        return {
            "line": self.line,
            "project_id": self.project_id,
            "project": self.project_name,
            "tranche": self.tranche,
            "amount": f"{self.moves:.2f}" if self.moves is not None else None,
            "resolution": self.resolution,
            "state": self.state,
        }


def money(text: str, where: str) -> Decimal:
    """A positive THB amount with at most 2 decimals, from its text (never a float)."""
    try:
        value = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        raise CliError(Exit.USAGE, f"{where}: {text!r} is not an amount") from None
    if not value.is_finite() or value <= 0 or value != value.quantize(CENT):
        raise CliError(Exit.USAGE, f"{where}: {text!r} must be positive with at most 2 decimals")
    return value.quantize(CENT)


def _records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(Exit.USAGE, f"cannot read {path}: {exc}") from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CliError(Exit.USAGE, f"{path} is not JSON: {exc}") from exc
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise CliError(Exit.USAGE, f"{path}: a JSON list of objects is expected")
        return [(i + 1, item) for i, item in enumerate(data)]
    reader = csv.DictReader(io.StringIO(text))
    return [(reader.line_num, {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}) for row in reader]


def parse_release_file(path: Path) -> list[Release]:
    """Lines of ``project_id,tranche,amount,resolution_number,meeting_date`` (CSV or a JSON list); amount may be
    empty (the tranche's planned share). Any bad line is a usage error naming it (exit 2)."""
    out = []
    for line, rec in _records(path):
        where = f"{path.name} line {line}"
        try:
            project = str(uuid.UUID(str(rec.get("project_id", ""))))
        except ValueError:
            raise CliError(Exit.USAGE, f"{where}: project_id must be a UUID") from None
        try:
            n = int(str(rec.get("tranche", "")))
        except ValueError:
            raise CliError(Exit.USAGE, f"{where}: tranche must be a whole number") from None
        if not 1 <= n <= 12:
            raise CliError(Exit.USAGE, f"{where}: tranche must be 1-12")
        raw = str(rec.get("amount") or "").strip()
        amount = money(raw, where) if raw else None
        number = str(rec.get("resolution_number") or "").strip()
        if not number:
            raise CliError(Exit.USAGE, f"{where}: resolution_number is required (the meeting's resolution)")
        try:
            meeting = dt.date.fromisoformat(str(rec.get("meeting_date", "")).strip())
        except ValueError:
            raise CliError(Exit.USAGE, f"{where}: meeting_date must be YYYY-MM-DD") from None
        out.append(Release(line, project, n, amount, {"number": number, "meeting_date": meeting.isoformat()}))
    if not out:
        raise CliError(Exit.USAGE, f"{path} has no lines to release")
    return out


def preview(api: Api, releases: list[Release]) -> None:
    """Fill in each line's project name, the amount it would move and whether it can move now."""
    for rel in releases:
        project = api.get(f"/v1/budget/projects/{rel.project_id}", doing=f"line {rel.line}: project")
        rel.project_name = project["name"]
        items = api.get(f"/v1/budget/projects/{rel.project_id}/tranches", doing=f"line {rel.line}: tranches")
        tranche = next((t for t in items if t["n"] == rel.tranche), None)
        if tranche is None:
            rel.state = "no such tranche"
            continue
        planned = Decimal(tranche["planned"]) if tranche.get("planned") else None
        done = Decimal(tranche["amount"]) if tranche.get("amount") else Decimal("0.00")
        left = planned - done if planned is not None else None
        rel.moves = rel.amount if rel.amount is not None else left
        if tranche.get("blocked_by"):
            rel.state = f"blocked: {tranche['blocked_by']}"
        elif tranche.get("released") and (left is None or left <= 0):
            rel.state, rel.moves = "released already", done
        elif rel.moves is None:
            rel.state = "amount needed (the project has no amount)"
        elif left is not None and rel.moves > left:
            rel.state = f"more than the {left:.2f} left"
        else:
            rel.state = "ready"


def release(api: Api, releases: list[Release]) -> list[dict[str, Any]]:
    """Release every ready line (each with its own Idempotency-Key); the others are reported, not tried."""
    results = []
    for rel in releases:
        if rel.state != "ready":
            results.append({**rel.as_dict(), "released": False, "error": rel.state})
            continue
        body: dict[str, Any] = {"resolution": rel.resolution}
        if rel.amount is not None:
            body["amount"] = f"{rel.amount:.2f}"
        r = api.request(
            "POST",
            f"/v1/budget/projects/{rel.project_id}/tranches/{rel.tranche}/release",
            json=body,
            idempotency_key=rel.key,
            ok=(200, 409, 422),
            doing=f"line {rel.line}: release",
        )
        if r.status_code == 200:
            got = r.json()
            rel.state = "released"
            if got.get("amount"):
                rel.moves = Decimal(got["amount"])
            results.append({**rel.as_dict(), "released": True})
        else:
            problem = r.json()
            rel.state = f"refused: {problem.get('code')}"
            results.append({**rel.as_dict(), "released": False, "error": problem.get("detail") or problem.get("code")})
    return results


def total(releases: list[Release]) -> Decimal:
    """What the ready lines would move together."""
    return sum((r.moves for r in releases if r.state == "ready" and r.moves is not None), Decimal("0.00"))


def import_statement(api: Api, account: str, path: Path) -> dict[str, Any]:
    """Send a bank statement file (camt.053 XML or the bank's CSV) to the account's reconciliation."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(Exit.USAGE, f"cannot read {path}: {exc}") from exc
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    kind = "application/xml" if head == b"<" else "text/csv"
    r = api.request(
        "POST",
        f"/v1/budget/accounts/{account}/statements",
        content=data,
        headers={"Content-Type": kind},
        doing="statement import",
    )
    answer: dict[str, Any] = r.json()
    return answer


def verify_audit(api: Api) -> dict[str, Any]:
    """The budget's audit chain, checked end to end by the service."""
    answer: dict[str, Any] = api.get("/v1/budget/audit/verify", doing="audit verify")
    return answer
