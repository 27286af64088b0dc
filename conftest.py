"""Session-wide fixtures: one throwaway embedded PostgreSQL (or PHAEN_TEST_DATABASE_URL) and test keys."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from phaen_common.testing import TestKeys


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
