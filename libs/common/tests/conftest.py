from __future__ import annotations

import pytest

from phaen_common.migrations import upgrade


@pytest.fixture(scope="session")
def budget_db(pg_url: str) -> str:
    """The budget schema migrated (the common library's tests borrow its outbox table)."""
    from phaen_budget import MIGRATIONS_DIR, SCHEMA

    upgrade(MIGRATIONS_DIR, pg_url, SCHEMA)
    return pg_url
