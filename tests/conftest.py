"""End-to-end fixtures: the real `make run`, on free ports, in a throwaway data folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from e2e_stack import Stack, start_stack


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """The whole system started by `make run` (embedded PostgreSQL in a temp folder)."""
    s = start_stack()
    try:
        yield s
    finally:
        s.stop()
