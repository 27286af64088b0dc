"""In-process CPU cost of the registry read's HTTP layers (middleware, routing, the handler), without sockets.

The real registry app (``phaen_registry.main.create_app``) is called as an ASGI app in a loop, with its
database and token verifier replaced by stand-ins (a fixed row, a verifier that returns a fixed principal
after the same SHA-256 cache look-up a real hit costs), next to a plain FastAPI app. Prints microseconds of
process CPU per request. This isolates what Python work the layers add; ``bench_edge.py`` measures the whole
process under load. Command: ``.venv/bin/python bench/micro_edge.py`` (a few seconds, one core).
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("PHAEN_DATABASE_URL", "postgresql://u:p@127.0.0.1:1/none")
N = int(os.environ.get("PHAEN_MICRO_N", "4000"))


class _Row(dict):  # type: ignore[type-arg]
    pass


class _Db:
    async def fetchrow(self, sql: str, *args: Any) -> Any:
        return _Row(
            code=args[0],
            name_th="พระบรมมหาราชวัง",
            name_en="Phra Borom Maha Ratchawang",
            district_code="1001",
            province_code="10",
            postal_codes=["10200"],
            network=None,
        )


class _Verifier:
    def __init__(self, principal: Any) -> None:
        self.principal = principal

    async def verify(self, token: str) -> Any:
        hashlib.sha256(token.encode()).digest()
        return self.principal


class _Index:
    def __init__(self) -> None:
        self.empty = False
        self.region_of = {"10": "central"}


def registry_app() -> Any:
    from phaen_common.auth import Principal
    from phaen_registry.main import create_app

    app = create_app()
    app.state.db = _Db()
    app.state.verifier = _Verifier(
        Principal(sub="u", roles=frozenset({"admin"}), scopes=frozenset({"registry:read"}), jti="j", claims={})
    )
    app.state.geo_index = _Index()
    return app


def plain_app() -> Any:
    from plain_app import create_app

    return create_app()


async def drive(app: Any, path: str, n: int, headers: list[tuple[bytes, bytes]]) -> tuple[float, int, bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    def scope() -> dict[str, Any]:
        return {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": list(headers),
            "client": ("127.0.0.1", 5000),
            "server": ("127.0.0.1", 8000),
            "app": app,
            "state": {},
        }

    for _ in range(200):
        await app(scope(), receive, send)
    sent.clear()
    t0 = time.process_time()
    for _ in range(n):
        await app(scope(), receive, send)
    took = time.process_time() - t0
    return took / n * 1e6, sent[0]["status"], sent[-1].get("body", b"")[:120]


async def main() -> None:
    import logging

    reg = registry_app()
    hdrs = [(b"host", b"x"), (b"authorization", b"Bearer " + b"a" * 700), (b"user-agent", b"bench")]
    logging.getLogger("phaen.http").setLevel(logging.INFO)
    for label, app, path in (
        ("plain", plain_app(), "/plain"),
        ("registry subdistrict", reg, "/v1/registry/subdistricts/100101"),
        ("plain", plain_app(), "/plain"),
        ("registry subdistrict", reg, "/v1/registry/subdistricts/100101"),
    ):
        us, status, body = await drive(app, path, N, hdrs)
        print(f"{label:24s} {us:7.1f} us/request  status {status}  {body[:60]!r}")


if __name__ == "__main__":
    import uvloop

    uvloop.install()
    asyncio.run(main())
