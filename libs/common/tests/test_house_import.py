"""Importing the shared library changes no global state: a service asks for what it needs (issue 9)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import pkgutil, importlib
from sqlalchemy.sql.schema import DEFAULT_NAMING_CONVENTION
from sqlmodel import SQLModel
import phaen_common
for m in pkgutil.iter_modules(phaen_common.__path__):
    importlib.import_module("phaen_common." + m.name)
assert SQLModel.metadata.naming_convention == DEFAULT_NAMING_CONVENTION, SQLModel.metadata.naming_convention
assert not SQLModel.metadata.tables, list(SQLModel.metadata.tables)
from phaen_common.db import NAMING_CONVENTION, use_naming_convention
use_naming_convention()
assert SQLModel.metadata.naming_convention == NAMING_CONVENTION
print("ok")
"""


def test_importing_every_module_of_the_library_leaves_the_metadata_alone() -> None:
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
