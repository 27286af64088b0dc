"""The house rules a machine can check (docs/STYLE.md, issue 9): thin routers and one calling convention.

- No router file builds a query: no ``select(`` in any ``router.py``/``*_router.py``.
- Every public ``async`` function of a ``service.py`` or ``repository.py`` takes keyword arguments only and has a
  docstring that starts with a one-line summary.

Every package is checked, the budget's money packages included (they were exempt while their streams reworked
them; the list of exemptions is gone).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = [
    ROOT / "gateway" / "phaen_gateway",
    ROOT / "services" / "registry" / "phaen_registry",
    ROOT / "services" / "budget" / "phaen_budget",
    ROOT / "services" / "reports" / "phaen_reports",
    ROOT / "libs" / "common" / "phaen_common",
]


def files(pattern: str) -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in pkg.rglob(pattern) if "migrations" not in p.parts)


def router_files() -> list[Path]:
    """Every router file of every package."""
    return [p for p in files("*.py") if p.name == "router.py" or p.name.endswith("_router.py")]


def selects_in(path: Path) -> list[int]:
    """Lines of a file that call ``select(`` (any ``select`` call: plain, attribute or sqlmodel)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            if name == "select":
                found.append(node.lineno)
    return found


def convention_breaks(path: Path) -> list[str]:
    """Public async functions of a service/repository module that take positional arguments or lack a summary."""
    out = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AsyncFunctionDef) and not node.name.startswith("_"):
            positional = [a.arg for a in node.args.posonlyargs + node.args.args]
            doc = ast.get_docstring(node) or ""
            if positional:
                out.append(f"{path}:{node.lineno} {node.name} takes {positional} positionally")
            if not doc.strip():
                out.append(f"{path}:{node.lineno} {node.name} has no docstring")
    return out


def test_there_are_routers_and_services_to_check() -> None:
    assert len(router_files()) >= 12
    assert len(files("service.py")) >= 10


def test_no_router_file_builds_a_query() -> None:
    assert {str(p): lines for p in router_files() if (lines := selects_in(p))} == {}


def test_service_functions_take_keywords_and_say_what_they_do() -> None:
    breaks = [b for p in files("service.py") + files("repository.py") for b in convention_breaks(p)]
    assert breaks == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("async def get(session, *, id):\n    'Get.'\n", ["get takes ['session'] positionally"]),
        ("async def get(*, session, id):\n    pass\n", ["get has no docstring"]),
        ("async def get(*, session, id):\n    'Get one.'\n", []),
        ("def get_out(row):\n    return row\n", []),
    ],
)
def test_the_convention_check_can_fail(tmp_path: Path, source: str, expected: list[str]) -> None:
    path = tmp_path / "service.py"
    path.write_text(source)
    assert [b.split(":", 1)[1].split(" ", 1)[1] for b in convention_breaks(path)] == expected


def test_the_select_check_can_fail(tmp_path: Path) -> None:
    path = tmp_path / "router.py"
    path.write_text("from sqlalchemy import select\nasync def r(s):\n    return await s.execute(select(1))\n")
    assert selects_in(path) == [3]


def test_every_app_is_built_by_the_one_factory() -> None:
    """The gateway and the three services call ``create_service_app``; none builds ``FastAPI(...)`` itself."""
    for pkg in PACKAGES[:4]:
        calls = set()
        for node in ast.walk(ast.parse((pkg / "main.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                calls.add(node.func.id)
        assert "create_service_app" in calls and "FastAPI" not in calls, pkg
