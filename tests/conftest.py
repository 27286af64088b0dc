"""End-to-end fixtures: the real `make run`, on free ports, in a throwaway data folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from authz_world import World, build_world
from e2e_stack import Stack, start_stack


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """The whole system started by `make run` (embedded PostgreSQL in a temp folder)."""
    s = start_stack()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def stoppable_stack(stack: Stack, request: pytest.FixtureRequest) -> Iterator[Stack]:
    """The shared stack for a test that stops it: if a later test of this run uses the stack, it is started
    again (same data folder) afterwards, so no test depends on running last."""
    yield stack
    items = request.session.items
    later = items[items.index(request.node) + 1 :]
    if stack.stopped and any("stack" in getattr(item, "fixturenames", ()) for item in later):
        stack.restart()


@pytest.fixture(scope="session")
def world(stack: Stack) -> World:
    """A small network built through the gateway (callers of every role, home and foreign objects)."""
    return build_world(stack)
