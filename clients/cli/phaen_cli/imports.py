"""``phaen import tambons|people FILE``: a dry run of every row, then the real run with a progress bar, then a
CSV report of the rows that failed (นำเข้าข้อมูลตำบลและบุคคล)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from phaen_cli.api import Api
from phaen_cli.exits import CliError, Exit
from phaen_cli.output import err

BATCH_ROWS = 50
# Said in the failure report when the registry gave a status without reasons.
WHY = {
    "unresolved": "no tambon of that name in that province / ไม่พบตำบลชื่อนี้ในจังหวัด",
    "ambiguous": "several tambons match: give the district or the code / ชื่อซ้ำ ระบุอำเภอหรือรหัส",
    "invalid": "invalid row / ข้อมูลไม่ถูกต้อง",
}
PEOPLE_COLUMNS = ("full_name", "national_id", "phone", "tambon")


@dataclass
class Row:
    """One data row of the input file, with its line number there."""

    line: int
    values: dict[str, str]


@dataclass
class ImportResult:
    """What an import did: counts, the failed rows (with why) and where the failure report is."""

    kind: str
    total: int
    dry_run: dict[str, int]
    imported: int = 0
    skipped: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    report: str | None = None
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The JSON answer of the command."""
        return {
            "ok": not self.failed,
            "kind": self.kind,
            "total": self.total,
            "dry_run": self.dry_run,
            "applied": self.applied,
            "imported": self.imported,
            "skipped": self.skipped,
            "failed": len(self.failed),
            "report": self.report,
        }


def read_rows(path: Path) -> tuple[list[str], list[Row]]:
    """The header and rows of a UTF-8 CSV (a BOM is fine); a file that is not one is a usage error (exit 2)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(Exit.USAGE, f"cannot read {path} as UTF-8 CSV: {exc}") from exc
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise CliError(Exit.USAGE, f"{path} is empty (a header row is needed)") from None
    except csv.Error as exc:
        raise CliError(Exit.USAGE, f"{path} is not a CSV: {exc}") from exc
    rows = []
    try:
        for values in reader:
            if any(v.strip() for v in values):
                rows.append(
                    Row(reader.line_num, {h: (values[i] if i < len(values) else "") for i, h in enumerate(header)})
                )
    except csv.Error as exc:
        raise CliError(Exit.USAGE, f"{path} cannot be parsed near line {reader.line_num}: {exc}") from exc
    return header, rows


def write_report(path: Path, header: list[str], failed: list[dict[str, Any]]) -> str:
    """The failed rows with their line, status and reasons, then the row as it was (UTF-8 with BOM, for Excel)."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["line", "status", "errors", *header])
        for item in failed:
            w.writerow(
                [item["line"], item["status"], "; ".join(item["errors"]), *(item["row"].get(h, "") for h in header)]
            )
    return str(path)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )


def _summary(title: str, counts: dict[str, int]) -> None:
    table = Table(title=title)
    for key in counts:
        table.add_column(key, justify="right")
    table.add_row(*(str(v) for v in counts.values()))
    err.print(table)


def _chunks(rows: list[Row], size: int) -> Iterator[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _csv_text(header: list[str], rows: list[Row]) -> tuple[str, dict[int, int]]:
    """The rows as one CSV body, and its line numbers mapped back to the input file's."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([row.values.get(h, "") for h in header])
    text = buf.getvalue()
    reader = csv.reader(io.StringIO(text))
    next(reader)
    lines = {}
    for row in rows:
        next(reader)
        lines[reader.line_num] = row.line
    return text, lines


def _post_tambons(api: Api, text: str, *, dry_run: bool) -> dict[str, Any]:
    r = api.request(
        "POST",
        "/v1/registry/imports/tambons",
        params={"dry_run": str(dry_run).lower()},
        content=text.encode("utf-8"),
        headers={"Content-Type": "text/csv"},
        ok=(200, 422),
        doing="import tambons",
    )
    body: dict[str, Any] = r.json()
    if r.status_code == 422 and "rows" not in body:
        detail = body.get("detail") or body.get("code")
        raise CliError(Exit.USAGE, f"the gateway refused the file: {detail}", body)
    if r.status_code == 422:
        body["applied"] = False
    return body


def import_tambons(
    api: Api, path: Path, *, report: Path, dry_run_only: bool = False, quiet: bool = False
) -> ImportResult:
    """Dry-run the whole file at the registry, then import it in batches of BATCH_ROWS rows."""
    header, rows = read_rows(path)
    text, lines = _csv_text(header, rows)
    checked = _post_tambons(api, text, dry_run=True)
    counts = {k: int(checked.get(k, 0)) for k in ("total", "ok", "unresolved", "ambiguous", "invalid")}
    result = ImportResult("tambons", len(rows), counts)
    by_line = {r.line: r for r in rows}
    for item in checked.get("rows", []):
        if item["status"] != "ok":
            line = lines.get(item["line"], item["line"])
            reasons = list(item.get("errors") or []) or [WHY.get(item["status"], item["status"])]
            if item.get("candidates"):
                reasons.append("candidates: " + ", ".join(f"{c['code']} {c['name_th']}" for c in item["candidates"]))
            row = by_line.get(line)
            result.failed.append(
                {"line": line, "status": item["status"], "errors": reasons, "row": row.values if row else {}}
            )
    if not quiet:
        _summary(f"dry run / ตรวจสอบก่อนนำเข้า: {path.name}", counts)
    if result.failed:
        result.report = write_report(report, header, result.failed)
        return result
    if dry_run_only:
        return result
    with _progress() as bar:
        task = bar.add_task("import tambons / นำเข้าตำบล", total=len(rows))
        for chunk in _chunks(rows, BATCH_ROWS):
            text, lines = _csv_text(header, chunk)
            done = _post_tambons(api, text, dry_run=False)
            if done.get("applied"):
                result.imported += len(chunk)
            else:
                for item in done.get("rows", []):
                    line = lines.get(item["line"], item["line"])
                    row = by_line.get(line)
                    result.failed.append(
                        {
                            "line": line,
                            "status": item["status"],
                            "errors": item.get("errors") or ["batch rejected"],
                            "row": row.values if row else {},
                        }
                    )
            bar.advance(task, len(chunk))
    result.applied = not result.failed
    if result.failed:
        result.report = write_report(report, header, result.failed)
    return result


def check_digit_ok(national_id: str) -> bool:
    """The Thai citizen ID check digit (เลขประจำตัวประชาชน 13 หลัก)."""
    if not re.fullmatch(r"\d{13}", national_id):
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(national_id[:12]))
    return (11 - total % 11) % 10 == int(national_id[12])


def person_problems(values: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The API body for a people row, and what is wrong with the row (empty when it is fine)."""
    problems = []
    name = values.get("full_name", "").strip()
    if not name:
        problems.append("full_name is required")
    elif len(name) > 200:
        problems.append("full_name is longer than 200 characters")
    nid = re.sub(r"[\s-]", "", values.get("national_id", ""))
    if nid and not check_digit_ok(nid):
        problems.append("national_id is not a valid 13-digit Thai ID (check digit)")
    phone = values.get("phone", "").strip()
    if len(phone) > 20:
        problems.append("phone is longer than 20 characters")
    tambon = values.get("tambon", "").strip()
    if tambon and not re.fullmatch(r"\d{6}", tambon):
        problems.append("tambon must be a 6-digit DOPA code")
    body = {"full_name": name, "national_id": nid or None, "phone": phone or None, "tambon": tambon or None}
    return body, problems


def import_people(
    api: Api, path: Path, *, report: Path, dry_run_only: bool = False, quiet: bool = False
) -> ImportResult:
    """Check every row here first; then register each person (a national ID already registered is skipped)."""
    header, rows = read_rows(path)
    if "full_name" not in header:
        raise CliError(Exit.USAGE, f"{path}: the header needs full_name (and may have {', '.join(PEOPLE_COLUMNS[1:])})")
    bodies = []
    result = ImportResult("people", len(rows), {})
    for row in rows:
        body, problems = person_problems(row.values)
        if problems:
            result.failed.append({"line": row.line, "status": "invalid", "errors": problems, "row": row.values})
        bodies.append((row, body))
    result.dry_run = {"total": len(rows), "ok": len(rows) - len(result.failed), "invalid": len(result.failed)}
    if not quiet:
        _summary(f"dry run / ตรวจสอบก่อนนำเข้า: {path.name}", result.dry_run)
    if result.failed:
        result.report = write_report(report, header, result.failed)
        return result
    if dry_run_only:
        return result
    with _progress() as bar:
        task = bar.add_task("import people / นำเข้าบุคคล", total=len(rows))
        for row, body in bodies:
            r = api.request("POST", "/v1/registry/people", json=body, ok=(201, 409, 422), doing="import people")
            if r.status_code == 201:
                result.imported += 1
            elif r.json().get("code") == "duplicate_national_id":
                result.skipped += 1
            else:
                problem = r.json()
                reasons = [e.get("msg", "") for e in problem.get("errors", [])] or [str(problem.get("detail"))]
                result.failed.append(
                    {"line": row.line, "status": problem.get("code", "refused"), "errors": reasons, "row": row.values}
                )
            bar.advance(task)
    result.applied = not result.failed
    if result.failed:
        result.report = write_report(report, header, result.failed)
    return result
