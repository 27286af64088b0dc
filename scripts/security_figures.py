"""Put the figures the standing suites measured (``.data/security-figures.json``) into SECURITY.md.

``make security-figures`` runs it after ``make test``, ``make soak`` or ``make fuzz``. The tests record every
figure through the ``figures`` fixture (root ``conftest.py``); each keeps the run that measured it last, with
that run's time and exit status. Nothing here is typed by hand: a figure no run has measured is printed as
"not measured", never guessed. The section sits between ``<!-- figures:start -->`` and ``<!-- figures:end -->``;
everything else in SECURITY.md is left as written.

Usage: ``security_figures.py [FIGURES_JSON [SECURITY_MD]]`` (defaults: ``$PHAEN_FIGURES_FILE`` or
``.data/security-figures.json``, and ``SECURITY.md``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
NOT_MEASURED = "not measured"

# (figure name as the tests record it, what the row says). A "found" figure is a count of failures: the suite
# that records it fails the run when it is not zero.
ROWS: list[tuple[str, str]] = [
    ("route x role pairs checked through the gateway", "routes x roles checked through the gateway"),
    ("object-level reach cases checked", "object-level reach cases (another region, tambon, bank, signatory)"),
    ("forged tokens tried and rejected (x processes)", "forged or stale tokens tried (x processes), all 401"),
    ("fuzz cases sent", "fuzz cases sent (schemathesis: through the gateway and in each service)"),
    ("fuzz 5xx found", "fuzz: 5xx answers found"),
    ("fuzz stateful payouts", "fuzz: payouts reached by following the money flow's links"),
    ("faults injected", "faults injected (kill -9 of a service and of PostgreSQL, SIGSTOP, TCP reset and delay)"),
    ("withdrawals driven through faults", "withdrawals paid through those faults"),
    ("money lost in faults", "money lost in those faults (withdrawals with no payout)"),
    ("money doubled in faults", "money doubled in those faults (payouts beyond one)"),
    ("concurrent co-sign attempts", "concurrent co-sign attempts"),
    ("double approvals", "double approvals"),
]


def normalise(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{name: {"count", "at", "exit"}}`` from the file (also the older flat ``{name: count}`` form)."""
    if isinstance(raw.get("figures"), dict):
        return {k: v for k, v in raw["figures"].items() if isinstance(v, dict) and "count" in v}
    at, status = raw.get("at", "?"), raw.get("exit", "?")
    return {k: {"count": v, "at": at, "exit": status} for k, v in raw.items() if k not in ("at", "exit")}


def _count(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def render(raw: dict[str, Any]) -> str:
    """The section between the markers, one row per figure, each with the run that measured it."""
    figures = normalise(raw)
    lines = [
        START,
        "Written by `make security-figures` from the figures the tests recorded (`.data/security-figures.json`); "
        "each row names the run that measured it last and that run's pytest exit status (0: every suite green). "
        'The "found", "lost" and "doubled" rows count failures: their suites fail the run unless they are 0.',
        "",
        "| figure | count | measured | exit |",
        "|---|---|---|---|",
    ]
    for key, label in ROWS:
        found = figures.get(key)
        if found is None:
            lines.append(f"| {label} | {NOT_MEASURED} | | |")
        else:
            lines.append(f"| {label} | {_count(found['count'])} | {found.get('at', '?')} | {found.get('exit', '?')} |")
    extra = sorted(set(figures) - {key for key, _ in ROWS})
    for key in extra:  # a figure a new suite records before this table names it
        found = figures[key]
        lines.append(f"| {key} | {_count(found['count'])} | {found.get('at', '?')} | {found.get('exit', '?')} |")
    lines.append(END)
    return "\n".join(lines)


def replace_section(text: str, block: str) -> str:
    """``text`` with the marked section replaced by ``block`` (appended under a heading if there is none)."""
    if START in text and END in text:
        return text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    return text.rstrip("\n") + "\n\n## Standing suites: figures of the last runs\n\n" + block + "\n"


def main(argv: list[str]) -> int:
    default = os.environ.get("PHAEN_FIGURES_FILE", ROOT / ".data" / "security-figures.json")
    source = Path(argv[0]) if argv else Path(default)
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "SECURITY.md"
    if not source.exists():
        print(f"no figures at {source}: run make test (or make soak, make fuzz) first", file=sys.stderr)
        return 1
    block = render(json.loads(source.read_text()))
    text = target.read_text() if target.exists() else "# Security\n"
    target.write_text(replace_section(text, block))
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
