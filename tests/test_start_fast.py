"""The pieces of a fast `make run` (issue 12, goal 5), without starting the stack.

- compileall runs only when a source is newer than its stamp, and again when one changes;
- the set-up fingerprints still change with any setting (and a lost secret), but not with the processes' ports;
- ``/readyz``'s migrations check reads the heads from the revision files, the same heads Alembic finds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import run  # noqa: E402  (scripts/run.py)

from phaen_common.health import _alembic_heads, _declared_heads  # noqa: E402


def _make(pkg: Path, stamp: Path, *args: str) -> int:
    return subprocess.run(
        ["make", "--no-print-directory", *args, f"BYTECODE_DIRS={pkg}", f"BYTECODE_STAMP={stamp}"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        timeout=120,
    ).returncode


def _pyc(pkg: Path, name: str) -> list[Path]:
    return list((pkg / "__pycache__").glob(f"{name}.*.pyc"))


def test_bytecode_is_compiled_once_and_again_when_a_source_changes(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "a.py").write_text("A = 1\n")
    long_ago = time.time() - 60
    os.utime(pkg / "a.py", (long_ago, long_ago))
    stamp = tmp_path / "stamp"
    assert _make(pkg, stamp, "-q", str(stamp)) == 1  # never compiled: to do
    assert _make(pkg, stamp, "bytecode") == 0
    assert stamp.exists() and _pyc(pkg, "a")
    assert _make(pkg, stamp, "-q", str(stamp)) == 0  # nothing changed: `make run` skips compileall

    compiled = _pyc(pkg, "a")[0].stat().st_mtime_ns
    earlier = time.time() - 10
    os.utime(stamp, (earlier, earlier))  # as if compiled a while ago
    assert _make(pkg, stamp, "-q", str(stamp)) == 0
    (pkg / "a.py").write_text("A = 22\n")
    assert _make(pkg, stamp, "-q", str(stamp)) == 1  # a changed source: to do again
    (pkg / "b.py").write_text("B = 1\n")
    assert _make(pkg, stamp, "bytecode") == 0
    assert _pyc(pkg, "b") and _pyc(pkg, "a")[0].stat().st_mtime_ns != compiled
    assert _make(pkg, stamp, "-q", str(stamp)) == 0


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "reports-client-secret").write_text("x")
    return {
        "PHAEN_DATABASE_URL": "postgresql://postgres@/phaen?host=/tmp/x",
        "PHAEN_ADMIN_PASSWORD": "pw",
        "PHAEN_GATEWAY_PORT": "8000",
        "PHAEN_REGISTRY_URL": "http://127.0.0.1:8001",
    }


def test_a_changed_setting_or_a_lost_secret_changes_the_fingerprint(env: dict[str, str], tmp_path: Path) -> None:
    before = run.fingerprints(env, tmp_path)
    assert set(before) == {
        "phaen_gateway.bootstrap",
        "phaen_registry.setup",
        "phaen_budget.setup",
        "phaen_reports.setup",
    }
    for changed in (
        {**env, "PHAEN_ADMIN_PASSWORD": "other"},
        {**env, "PHAEN_DATABASE_URL": "postgresql://postgres@/phaen?host=/tmp/y"},
        {**env, "PHAEN_NEW_SETTING": "1"},
    ):
        after = run.fingerprints(changed, tmp_path)
        assert all(after[m] != before[m] for m in before)
    (tmp_path / "reports-client-secret").unlink()
    assert all(run.fingerprints(env, tmp_path)[m] != before[m] for m in before)


def test_the_processes_ports_and_how_they_start_do_not_change_the_fingerprint(
    env: dict[str, str], tmp_path: Path
) -> None:
    moved = {**env, "PHAEN_GATEWAY_PORT": "9000", "PHAEN_REGISTRY_URL": "http://127.0.0.1:9001"}
    moved["PHAEN_BUDGET_PORT"] = "9002"
    moved["PHAEN_RUN_FORK"] = "0"  # how make run starts the processes
    assert run.fingerprints(moved, tmp_path) == run.fingerprints(env, tmp_path)


def test_the_data_folders_copy_of_the_stamps_round_trips(tmp_path: Path) -> None:
    assert run.read_local_stamps(tmp_path) == {}
    run.write_local_stamps(tmp_path, "postgresql://db", {"m": "f"})
    assert run.read_local_stamps(tmp_path) == {"database_url": "postgresql://db", "fingerprints": {"m": "f"}}
    (tmp_path / run.LOCAL_STAMPS).write_text("not json")
    assert run.read_local_stamps(tmp_path) == {}


@pytest.mark.parametrize("package", ["phaen_gateway", "phaen_registry", "phaen_budget", "phaen_reports"])
def test_the_declared_heads_are_alembics(package: str) -> None:
    mod = __import__(package)
    assert _declared_heads(Path(mod.MIGRATIONS_DIR)) == _alembic_heads(str(mod.MIGRATIONS_DIR))


def test_a_merge_revision_and_two_branches(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    for rev, down in (("a", None), ("b", "a"), ("c", "a"), ("d", ("b", "c")), ("e", "a")):
        (versions / f"{rev}.py").write_text(
            f'"""{rev}\n\nRevision ID: {rev}\n"""\n\nrevision: str = "{rev}"\ndown_revision = {down!r}\n'
        )
    assert _declared_heads(tmp_path) == frozenset({"d", "e"})
    (versions / "f.py").write_text("revision = make_name()\ndown_revision = 'e'\n")
    assert _declared_heads(tmp_path) is None  # not plain: Alembic is asked instead
