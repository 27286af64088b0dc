"""The budget service as ``bench_budget.py`` serves it: alone, without the gateway and the registry.

A signatory's person comes from the gateway's directory in a full stack; alone, every user signs as its own
person (the tests' ``FixedDirectory``), so the benchmark measures the budget's own work.
"""

from __future__ import annotations

from fastapi import FastAPI

from phaen_budget.main import create_app as create_budget_app
from phaen_budget.signatories.directory import FixedDirectory


def create_app() -> FastAPI:
    """The budget app with a fixed directory."""
    app = create_budget_app()
    app.state.directory = FixedDirectory(everyone=True)
    return app
