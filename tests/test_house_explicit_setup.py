"""Importing a service changes no shared state: the Thai titles of its error codes are registered by its app
factory, and the naming convention by its package (issue 9). Each check runs in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
from phaen_common.errors import THAI_TITLES
before = dict(THAI_TITLES)
import {package}.main
{imports}
assert THAI_TITLES == before, sorted(set(THAI_TITLES) - set(before))
{package}.main.create_app({settings})
assert {code!r} in THAI_TITLES, "create_app registers the titles"
print("ok")
"""

CASES = {
    "phaen_registry": ("person_not_found", "import phaen_registry.people.errors, phaen_registry.committees.errors"),
    "phaen_reports": ("grant_not_found", "import phaen_reports.reports.errors"),
    "phaen_gateway": ("unknown_person", "import phaen_gateway.auth.errors"),
}


@pytest.mark.parametrize("package", sorted(CASES))
def test_thai_titles_are_registered_by_the_app_not_by_an_import(package: str) -> None:
    code, imports = CASES[package]
    settings = "feed_enabled=False" if package == "phaen_reports" else ""
    settings = f"{package}.main.Settings({settings})"
    script = CHECK.format(package=package, imports=imports, code=code, settings=settings)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]


def test_the_budget_grants_titles_wait_for_the_app() -> None:
    script = (
        "from phaen_common.errors import THAI_TITLES\n"
        "import phaen_budget.grants.errors as e\n"
        "assert not set(e.THAI) & set(THAI_TITLES)\n"
        "import phaen_budget.main as m\n"
        "m.create_app(m.Settings())\n"
        "assert set(e.THAI) <= set(THAI_TITLES)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-2000:]
