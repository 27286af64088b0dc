"""Services never import each other: each may import only itself and `phaen_common` (docs/STYLE.md, docs/adr/0004).

The check reads every Python file of each service (package, migrations and tests) with `ast`, so it also catches
imports inside functions. The repository's own `tests/`, `scripts/` and `bench/` start the whole system and may
import every package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Each service: its directory and the top-level package it owns.
SERVICES = {
    "phaen_gateway": ROOT / "gateway",
    "phaen_registry": ROOT / "services" / "registry",
    "phaen_budget": ROOT / "services" / "budget",
    "phaen_reports": ROOT / "services" / "reports",
}
SHARED = {"phaen_common"}


def imported_packages(path: Path) -> set[tuple[str, int]]:
    """The first-party top-level packages a file imports, with the line of each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[tuple[str, int]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top.startswith("phaen_"):
                found.add((top, node.lineno))
    return found


def violations(package: str, directory: Path) -> list[str]:
    """Every import in a service's files of a first-party package that is neither its own nor shared."""
    allowed = SHARED | {package}
    out = []
    for path in sorted(directory.rglob("*.py")):
        if ".venv" in path.parts:
            continue
        for top, line in sorted(imported_packages(path)):
            if top not in allowed:
                out.append(f"{path}:{line} imports {top}")
    return out


@pytest.mark.parametrize("package", sorted(SERVICES))
def test_service_imports_no_other_service(package: str) -> None:
    assert violations(package, SERVICES[package]) == []


def test_common_imports_no_service() -> None:
    assert violations("phaen_common", ROOT / "libs" / "common") == []


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    """The check itself can fail: a budget file importing the registry (even inside a function) is reported."""
    (tmp_path / "bad.py").write_text(
        "import phaen_common.money\n"
        "from phaen_budget import app\n"
        "def f():\n"
        "    from phaen_registry.geography import service\n"
        "    import phaen_reports.app as r\n"
    )
    found = violations("phaen_budget", tmp_path)
    assert [line.split(" imports ")[1] for line in found] == ["phaen_registry", "phaen_reports"]
