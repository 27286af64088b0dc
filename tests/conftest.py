"""End-to-end fixtures: the real `make run`, on free ports, in a throwaway data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from authz_world import World, build_world
from e2e_stack import Stack, attach_stack, start_stack


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    """The whole system started by `make run` (embedded PostgreSQL in a temp folder).

    PHAEN_E2E_ATTACH=<data dir> uses a `make run` already serving from that folder instead (for the inner loop;
    it reads the ports and admin password from <data dir>/e2e-attach.json).
    """
    attach = os.environ.get("PHAEN_E2E_ATTACH")
    if attach:
        yield attach_stack(Path(attach))
        return
    s = start_stack()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def stoppable_stack(stack: Stack, request: pytest.FixtureRequest) -> Iterator[Stack]:
    """The shared stack for a test that stops it: if a later test of this run uses the stack, it is started
    again (same data folder) afterwards, so no test depends on running last."""
    if stack.attached:
        pytest.skip("the stack was started by someone else (PHAEN_E2E_ATTACH)")
    yield stack
    items = request.session.items
    later = items[items.index(request.node) + 1 :]
    if stack.stopped and any("stack" in getattr(item, "fixturenames", ()) for item in later):
        stack.restart()


@pytest.fixture(scope="session")
def world(stack: Stack) -> World:
    """A small network built through the gateway (callers of every role, home and foreign objects)."""
    return build_world(stack)
