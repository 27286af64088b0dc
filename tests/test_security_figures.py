"""``scripts/security_figures.py`` renders SECURITY.md's figures from what the tests recorded, and invents none."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("security_figures", ROOT / "scripts" / "security_figures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SF = _script()
SAMPLE = {
    "at": "2026-11-27 17:00 UTC",
    "exit": 0,
    "figures": {
        "route x role pairs checked through the gateway": {"count": 1460, "at": "2026-11-27 16:55 UTC", "exit": 0},
        "fuzz cases sent": {"count": 8724, "at": "2026-11-27 17:00 UTC", "exit": 0},
        "fuzz 5xx found": {"count": 0, "at": "2026-11-27 17:00 UTC", "exit": 0},
        "money doubled in faults": {"count": 0, "at": "2026-11-27 16:30 UTC", "exit": 1},
        "a figure of a new suite": {"count": 3, "at": "2026-11-27 17:00 UTC", "exit": 0},
    },
}


def _row(block: str, label: str) -> list[str]:
    line = next(line for line in block.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_each_figure_is_rendered_with_the_run_that_measured_it() -> None:
    block = SF.render(SAMPLE)
    assert block.startswith(SF.START) and block.endswith(SF.END)
    assert _row(block, "routes x roles checked through the gateway")[1:] == ["1,460", "2026-11-27 16:55 UTC", "0"]
    assert _row(block, "fuzz cases sent (schemathesis: through the gateway and in each service)")[1] == "8,724"
    assert _row(block, "fuzz: 5xx answers found")[1] == "0"
    assert _row(block, "money doubled in those faults (payouts beyond one)")[1:] == ["0", "2026-11-27 16:30 UTC", "1"]
    assert _row(block, "a figure of a new suite")[1] == "3"  # recorded before the table names it: still shown


def test_a_figure_no_run_measured_says_so_instead_of_a_number() -> None:
    block = SF.render(SAMPLE)
    for label in ("concurrent co-sign attempts", "double approvals", "faults injected (kill -9"):
        row = next(line for line in block.splitlines() if line.startswith(f"| {label}"))
        assert SF.NOT_MEASURED in row and not re.search(r"\|\s*\d", row), row


def test_the_older_flat_file_is_read_too() -> None:
    block = SF.render({"at": "2026-11-27 16:26 UTC", "exit": 1, "fuzz cases sent": 12})
    assert _row(block, "fuzz cases sent (schemathesis: through the gateway and in each service)")[1:] == [
        "12",
        "2026-11-27 16:26 UTC",
        "1",
    ]


def test_the_script_replaces_only_the_marked_section(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    figures.write_text(json.dumps(SAMPLE))
    security = tmp_path / "SECURITY.md"
    before, after = "# Security\n\nwritten by people\n\n", "\n\n## Later\n\nalso by people\n"
    security.write_text(before + SF.START + "\n| old | 7 |\n" + SF.END + after)
    assert SF.main([str(figures), str(security)]) == 0
    text = security.read_text()
    assert text.startswith(before) and text.endswith(after)
    assert "| old | 7 |" not in text and "1,460" in text
    assert SF.main([str(figures), str(security)]) == 0
    assert security.read_text() == text  # a second run changes nothing


def test_without_figures_the_script_refuses(tmp_path: Path) -> None:
    security = tmp_path / "SECURITY.md"
    security.write_text("# Security\n")
    assert SF.main([str(tmp_path / "none.json"), str(security)]) == 1
    assert security.read_text() == "# Security\n"


def test_every_figure_a_suite_records_has_its_row() -> None:
    recorded = set()
    for path in [*ROOT.glob("tests/*.py"), *ROOT.glob("*/tests/*.py"), *ROOT.glob("*/*/tests/*.py")]:
        recorded |= set(re.findall(r'figures\.add\(\s*"([^"]+)"', path.read_text()))
    assert recorded, "no suite records a figure"
    assert recorded <= {key for key, _ in SF.ROWS}, recorded - {key for key, _ in SF.ROWS}


def test_security_md_carries_no_hand_written_figures() -> None:
    """The section is the script's: its heading lines, and only rows it renders (a label and a count or
    "not measured", the time and the exit status of the run)."""
    text = (ROOT / "SECURITY.md").read_text()
    section = text[text.index(SF.START) : text.index(SF.END) + len(SF.END)].splitlines()
    assert section[:5] == SF.render({}).splitlines()[:5]
    labels = {label for _, label in SF.ROWS}
    for line in section[5:-1]:
        label, count, measured, status = (cell.strip() for cell in line.strip("|").split("|"))
        assert label in labels or not label.startswith(tuple(labels)), line
        if count == SF.NOT_MEASURED:
            assert not measured and not status, line
        else:
            assert re.fullmatch(r"[0-9,]+", count) and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", measured), line
