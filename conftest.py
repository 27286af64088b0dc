"""Session-wide fixtures: one throwaway embedded PostgreSQL (or PHAEN_TEST_DATABASE_URL) and test keys."""

from __future__ import annotations

import json
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


# `make test` runs the suite on pytest-xdist workers (--dist loadgroup). Each worker is a session of its own, with
# its own embedded PostgreSQL, apps and temp folders; nothing is shared but the machine. The tests that use the one
# `make run` stack go to one worker together (group "stack"), as do those of the budget's live server; every other
# file is one unit, so a module's fixtures are built once.
SHARED_GROUPS = {"stack": "stack", "stoppable_stack": "stack", "world": "stack", "live_url": "budget-live"}

# Roughly how long a group takes (seconds of wall time on a quiet machine: half of a run's at load ~8). The
# scheduler starts the longest first, so no worker is left with a long group at the end while the other idles. A
# group not named here counts a tenth of a second per test. Only the order depends on these figures, never what runs.
GROUP_SECONDS = {
    "stack": 230.0,
    "budget-live": 55.0,
    "tests/test_hostile_sweep.py": 52.0,
    "services/budget/tests/test_fuzz.py": 37.0,
    "tests/test_signatories.py": 27.0,
    "gateway/tests/test_login_limits.py": 17.0,
    "services/budget/tests/test_access_budget.py": 14.0,
    "gateway/tests/test_bootstrap.py": 13.0,
    "services/reports/tests/test_observe_documents.py": 12.0,
    "tests/test_house_explicit_setup.py": 10.0,
    "services/budget/tests/test_statements.py": 9.0,
    "services/budget/tests/test_money_properties.py": 8.0,
    "tests/test_openapi_client.py": 8.0,
    "tests/test_openapi_fuzz.py": 8.0,
    "tests/test_deploy_manifests.py": 8.0,
}


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


def _by_cost(items: list[pytest.Item], groups: dict[str, str]) -> list[pytest.Item]:
    """The items with the costliest group first (stable: a group's own order is kept)."""
    count: dict[str, int] = {}
    for item in items:
        group = groups[item.nodeid.split("::", 1)[0]]
        count[group] = count.get(group, 0) + 1

    def cost(item: pytest.Item) -> float:
        group = groups[item.nodeid.split("::", 1)[0]]
        return -GROUP_SECONDS.get(group, 0.1 * count[group])

    return sorted(items, key=cost)


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
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and workerinput.get("phaen_groups_dir"):
        # Under xdist: the longest groups first, and each file's group handed to the scheduler (below).
        items[:] = _by_cost(items, groups)
        target = Path(workerinput["phaen_groups_dir"]) / f"{workerinput['workerid']}.json"
        target.write_text(json.dumps(groups))
    # A test that stops the shared stack goes after the others that use it. Not for correctness (the
    # stoppable_stack fixture starts the stack again for any later user, in any order): it saves that restart.
    stoppers = [item for item in items if "stoppable_stack" in getattr(item, "fixturenames", ())]
    if stoppers:
        items[:] = [item for item in items if item not in stoppers] + stoppers


# xdist's own loadgroup puts the group into the test's node id, which pytest 9.2 no longer lets a plugin change
# (pytest-dev/pytest-xdist#1386): the groups were silently ignored, so both workers started a `make run` stack and
# built the world, and files were split between workers. This scheduler reads the groups the workers wrote at
# collection instead. It is xdist's load-scope scheduling with a file's group as its scope.
_GROUPS_DIR = pytest.StashKey[str]()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Under xdist, on the controller: where each worker writes its files' groups."""
    stash = node.config.stash
    if _GROUPS_DIR not in stash:
        stash[_GROUPS_DIR] = tempfile.mkdtemp(prefix="phaen-test-groups-")
    node.workerinput["phaen_groups_dir"] = stash[_GROUPS_DIR]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]

    class GroupScheduling(LoadScopeScheduling):
        """Load-scope scheduling whose scope is a file's group; the work units keep the workers' order (the
        longest groups first)."""

        def __init__(self, config: pytest.Config, log: Any) -> None:
            super().__init__(config, log)
            self.config.option.loadscopereorder = False
            self.groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:  # first called once every worker has collected (and written its groups)
                self.groups = {}
                for written in sorted(Path(config.stash[_GROUPS_DIR]).glob("*.json")):
                    self.groups.update(json.loads(written.read_text()))
            path = nodeid.split("::", 1)[0]
            return self.groups.get(path, path)

    return GroupScheduling(config, log)


def pytest_unconfigure(config: pytest.Config) -> None:
    groups_dir = config.stash.get(_GROUPS_DIR, None)
    if groups_dir:
        import shutil

        shutil.rmtree(groups_dir, ignore_errors=True)


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
