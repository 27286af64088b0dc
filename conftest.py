"""Session-wide fixtures: one throwaway embedded PostgreSQL (or PHAEN_TEST_DATABASE_URL) and test keys."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from phaen_common.testing import TestKeys


def _one_audit_key_for_the_run() -> None:
    """Every budget app a test run builds shares one database, so they must share one audit-head signing key, as
    a deployment's replicas do (PHAEN_AUDIT_SIGNING_KEY). Without it, each app made its own key in its own data
    folder, and the heads one app signed were findings (`head_signature_invalid`) in another's verify."""
    if os.environ.get("PHAEN_AUDIT_SIGNING_KEY"):
        return
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    os.environ["PHAEN_AUDIT_SIGNING_KEY"] = pem.decode()


_one_audit_key_for_the_run()

# The heavy tests, marked ``slow`` here in one place: every test that uses the `make run` stack (fixture
# ``stack``, found by name), services in subprocesses, and the property/fuzz runs. `make test` runs them;
# `make test-fast` (-m "not slow") skips them.
SLOW = (
    "tests/test_make_run_shutdown.py",
    "tests/test_openapi_fuzz.py",
    "tests/test_reports_e2e.py",
    "gateway/tests/test_fuzz.py",
    "gateway/tests/test_bootstrap.py::test_bootstrap_cli_",
    "services/budget/tests/test_fuzz.py",
    "services/budget/tests/test_concurrency.py",
    "services/budget/tests/test_state_machine.py",
)


# `make test` runs the suite on two pytest-xdist workers (--dist loadgroup). Each worker is a session of its own,
# with its own embedded PostgreSQL, apps and temp folders; nothing is shared but the machine. The tests that use
# the one `make run` stack go to one worker together (group "stack"), as do those of the budget's live server;
# every other file is one unit, so a module's fixtures are built once.
SHARED_GROUPS = {"stack": "stack", "stoppable_stack": "stack", "world": "stack", "live_url": "budget-live"}


def _groups(items: list[pytest.Item]) -> dict[str, str]:
    """Each file's group: a shared one if any of its tests needs it (the whole file goes there, so its module
    fixtures are built once), else the file itself."""
    out: dict[str, str] = {}
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        shared = [g for f, g in SHARED_GROUPS.items() if f in getattr(item, "fixturenames", ())]
        if shared:
            out[path] = shared[0]
        else:
            out.setdefault(path, path)
    return out


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    groups = _groups(items)
    for item in items:
        if item.nodeid.startswith(SLOW) or "stack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
        item.add_marker(pytest.mark.xdist_group(groups[item.nodeid.split("::", 1)[0]]))
    # PHAEN_TEST_SHUFFLE=<seed> runs the tests in a shuffled order (the same for a seed, and on every xdist
    # worker): no test may depend on another running before it.
    seed = os.environ.get("PHAEN_TEST_SHUFFLE")
    if seed:
        import random

        random.Random(seed).shuffle(items)  # noqa: S311 (an order, not a secret)
    # A test that stops the shared stack goes after the others that use it. Not for correctness (the
    # stoppable_stack fixture starts the stack again for any later user, in any order): it saves that restart.
    stoppers = [item for item in items if "stoppable_stack" in getattr(item, "fixturenames", ())]
    if stoppers:
        items[:] = [item for item in items if item not in stoppers] + stoppers


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A PostgreSQL database for this test run, created empty."""
    given = os.environ.get("PHAEN_TEST_DATABASE_URL")
    if given:
        yield given
        return
    from phaen_common.devdb import EmbeddedPostgres

    tmp = Path(tempfile.mkdtemp(prefix="phaen-test-"))
    pg = EmbeddedPostgres(tmp, delete_on_stop=True)
    try:
        yield pg.create_database("phaen_test")
    finally:
        pg.stop()


@pytest.fixture(scope="session")
def keys() -> TestKeys:
    """The signing keys test tokens are made with (services trust them in tests)."""
    return TestKeys()


class Figures:
    """Counts the standing suites report (routes x roles checked, forged tokens, fuzz cases, faults ...).

    Written at the end of the run to ``$PHAEN_FIGURES_FILE`` (default ``.data/security-figures.json``);
    ``scripts/security_figures.py`` puts the last run's figures into SECURITY.md.
    """

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n


_FIGURES = Figures()


@pytest.fixture(scope="session")
def figures() -> Figures:
    return _FIGURES


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """Under xdist: the controller adds up each worker's figures (it writes them, the workers do not)."""
    for name, n in getattr(node, "workeroutput", {}).get("figures", {}).items():
        _FIGURES.add(name, n)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the figures to the controller
        workeroutput["figures"] = dict(_FIGURES.counts)
        return
    if not _FIGURES.counts:
        return
    import json
    import time

    # Each figure keeps the run that measured it last: a run of some suites updates their figures and leaves
    # the others' (with their own time and exit status) for scripts/security_figures.py to print as they are.
    target = Path(os.environ.get("PHAEN_FIGURES_FILE", Path(__file__).parent / ".data" / "security-figures.json"))
    target.parent.mkdir(parents=True, exist_ok=True)
    at, status = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), int(exitstatus)
    try:
        kept = json.loads(target.read_text()).get("figures", {})
    except (OSError, ValueError, AttributeError):
        kept = {}  # none yet, or the old flat format
    kept = kept if isinstance(kept, dict) else {}
    kept.update({name: {"count": n, "at": at, "exit": status} for name, n in _FIGURES.counts.items()})
    target.write_text(json.dumps({"at": at, "exit": status, "figures": kept}, indent=1, ensure_ascii=False))
