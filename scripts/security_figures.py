"""Put the figures of the last test run (``.data/security-figures.json``) into SECURITY.md.

``make security-figures`` runs it after ``make test`` (or ``make soak``). The section sits between the markers
``<!-- figures:start -->`` and ``<!-- figures:end -->``; everything else in SECURITY.md is left as written.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
# Each figure, and what a failure of it would mean (a green run proves the "found" side is zero).
ROWS = [
    ("route x role pairs checked through the gateway", "routes x roles checked (each allowed, 403 or 404 as stated)"),
    ("object-level reach cases checked", "object-level cases (another region, tambon, bank, unlisted signatory)"),
    (
        "forged tokens tried and rejected (x processes)",
        "forged or stale tokens tried at the gateway, its proxy and a service: all 401",
    ),
    ("fuzz cases sent", "fuzz cases sent (schemathesis, incl. NUL-poisoned variants): 5xx found 0"),
    ("faults injected", "faults injected (kill -9 of a service and of PostgreSQL, SIGSTOP)"),
    ("withdrawals driven through faults", "withdrawals paid through faults: money lost 0, doubled 0"),
    ("concurrent co-sign attempts", "concurrent co-sign attempts"),
    ("double approvals", "double approvals"),
]


def render(figures: dict[str, object]) -> str:
    lines = [
        START,
        f"Last run: {figures.get('at', '?')} (pytest exit status {figures.get('exit', '?')}); "
        "every check below fails the run if it finds anything, so a green run's findings are zero.",
        "",
        "| figure | count |",
        "|---|---|",
    ]
    for key, label in ROWS:
        lines.append(f"| {label} | {figures.get(key, 'not run')} |")
    lines.append(END)
    return "\n".join(lines)


def main() -> int:
    source = Path(os.environ.get("PHAEN_FIGURES_FILE", ROOT / ".data" / "security-figures.json"))
    if not source.exists():
        print(f"no figures at {source}: run make test first", file=sys.stderr)
        return 1
    figures = json.loads(source.read_text())
    target = ROOT / "SECURITY.md"
    text = target.read_text() if target.exists() else "# Security\n"
    block = render(figures)
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n## Standing suites: figures of the last run\n\n" + block + "\n"
    target.write_text(text)
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
