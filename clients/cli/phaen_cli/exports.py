"""``phaen export REPORT --format pdf|xlsx|csv|json``: a report from the reports service, to a file (ส่งออกรายงาน)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phaen_cli.api import Api
from phaen_cli.exits import CliError, Exit

ALL = ("json", "csv", "xlsx", "pdf")


@dataclass(frozen=True)
class Report:
    """A report: its path (with the ids it needs) and the formats the API renders it in."""

    path: str
    needs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ALL
    query: tuple[str, ...] = ()


REPORTS: dict[str, Report] = {
    "plan-vs-actual": Report("/v1/reports/plan-vs-actual", ("grant",), query=("grant",)),
    "coverage": Report("/v1/reports/coverage"),
    "facilitators": Report("/v1/reports/facilitators"),
    "tranches": Report("/v1/reports/tranches"),
    "monthly": Report("/v1/reports/accounts/{account}/monthly", ("account", "month"), query=("month",)),
    "expense-summary": Report("/v1/reports/projects/{project}/expense-summary", ("project",)),
    "audit-package": Report("/v1/reports/projects/{project}/audit-package", ("project",), (*ALL, "zip")),
    "voucher": Report("/v1/reports/expenses/{expense}/voucher", ("expense",), ("json", "pdf")),
}
REPORT_HELP = ", ".join(f"{name} ({' '.join('--' + n for n in r.needs) or 'no ids'})" for name, r in REPORTS.items())


def check(name: str, fmt: str, ids: dict[str, str | None]) -> Report:
    """The report asked for, if the name, format and ids make sense (else a usage error, exit 2)."""
    report = REPORTS.get(name)
    if report is None:
        raise CliError(Exit.USAGE, f"unknown report {name!r}: one of {', '.join(REPORTS)}")
    if fmt not in report.formats:
        raise CliError(Exit.USAGE, f"{name} comes as {', '.join(report.formats)}, not {fmt}")
    missing = [n for n in report.needs if not ids.get(n)]
    if missing:
        raise CliError(Exit.USAGE, f"{name} needs {' '.join('--' + n for n in missing)}")
    return report


def export(api: Api, name: str, fmt: str, out: Path | None, ids: dict[str, str | None]) -> dict[str, Any]:
    """Download one report in one format into ``out`` (default ``<report>.<format>`` here)."""
    report = check(name, fmt, ids)
    path = report.path.format(**{k: v for k, v in ids.items() if v})
    params = {"format": fmt, **{k: ids[k] for k in report.query}}
    r = api.request("GET", path, params=params, ok=(200,), doing=f"export {name}")
    target = out or Path(f"{name}.{fmt}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(r.content)
    return {"ok": True, "report": name, "format": fmt, "path": str(target), "bytes": len(r.content)}
