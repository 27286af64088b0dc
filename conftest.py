"""Session-wide fixtures: one throwaway embedded PostgreSQL (or PHAEN_TEST_DATABASE_URL) and test keys."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(SLOW) or "stack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
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


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _FIGURES.counts:
        return
    import json
    import time

    target = Path(os.environ.get("PHAEN_FIGURES_FILE", Path(__file__).parent / ".data" / "security-figures.json"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(
            {"at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "exit": int(exitstatus), **_FIGURES.counts},
            indent=1,
        )
    )
