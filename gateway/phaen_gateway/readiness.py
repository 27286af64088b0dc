"""The gateway's readiness: it can sign and check tokens (its key ring and JWKS); its upstreams are reported.

An upstream that is not ready does not make the gateway unready: logins, the JWKS and the other services still
work through it, and taking every gateway pod out of rotation for one service's outage would turn a partial
outage into a whole one. ``/readyz`` lists each upstream's state for operators and the dashboard.
"""

from __future__ import annotations

from fastapi import FastAPI

from phaen_common.health import Check
from phaen_gateway.config import UPSTREAMS, Settings

UPSTREAM_TIMEOUT_SECONDS = 1.0


async def keys_ready(app: FastAPI) -> bool:
    """A signing key is loaded and the JWKS the services read has a key in it."""
    ring = app.state.ring
    jwks = await ring.jwks()
    return ring.signing_kid() is not None and bool(jwks.get("keys"))


def upstream_ready(name: str) -> Check:
    """The upstream answers its own ``/readyz``."""

    async def check(app: FastAPI) -> bool:
        settings: Settings = app.state.settings
        base, _ = settings.upstream(name)
        r = await app.state.proxy_client.get(f"{base}/readyz", timeout=UPSTREAM_TIMEOUT_SECONDS)
        return bool(r.status_code == 200)

    return check


def install_gateway_readiness(app: FastAPI) -> None:
    """Add the key ring to the gating checks and the upstreams to the reported ones."""
    app.state.readiness_checks["keys"] = keys_ready
    app.state.readiness_info.update({f"upstream:{name}": upstream_ready(name) for name in UPSTREAMS})
