"""Run the budget service on a loopback port for real-HTTP tests (trusting the test keys' JWKS).

The fixture runs this file as a script: ``python live_server.py <port> [workers]`` with
``PHAEN_DATABASE_URL``, ``PHAEN_DATA_DIR`` and ``BUDGET_TEST_JWKS`` set.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from phaen_budget.config import Settings
from phaen_budget.core.tiers import FixedTierLookup, TambonInfo
from phaen_budget.main import create_app
from phaen_budget.signatories.directory import FixedDirectory
from phaen_common.auth import StaticKeySource, TokenVerifier
from phaen_common.testing import AUDIENCE, ISSUER

TAMBONS = {"100101": TambonInfo(tier="pilot", region="central"), "500101": TambonInfo(tier="model", region="north")}


def app_factory() -> FastAPI:
    # x2 workers: at most 32 connections. The concurrency tests queue about a hundred requests on them; on a loaded
    # machine the production wait for a pooled connection (5 s, then 503: tested in the pool-timeout tests) would
    # answer 503s that are not what these tests examine, so this server waits longer.
    settings = Settings(db_pool_size=8, db_max_overflow=8, db_pool_timeout_seconds=60)
    app = create_app(settings)
    app.state.verifier = TokenVerifier(
        StaticKeySource(json.loads(os.environ["BUDGET_TEST_JWKS"])), issuer=ISSUER, audience=AUDIENCE
    )
    app.state.tiers = FixedTierLookup(TAMBONS)
    app.state.directory = FixedDirectory(everyone=True)
    return app


def main() -> None:
    port = int(sys.argv[1])
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    sys.path.insert(0, str(Path(__file__).parent))
    uvicorn.run(
        "live_server:app_factory",
        factory=True,
        host="127.0.0.1",
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        backlog=2048,
        timeout_keep_alive=120,
        # uvicorn pings a new worker within 5 s by default; on a loaded 2-core machine its imports take longer.
        timeout_worker_healthcheck=120,
    )


if __name__ == "__main__":
    main()
