"""Gateway: token verification cost, and proxy throughput vs calling the service directly (same run).

Command: `make bench` (or `.venv/bin/python bench/bench_gateway.py`).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
from common import embedded_database, env_with, free_port, rss_mib, serve, summarize

CONCURRENCY = 32
DURATION = 6.0


async def verify_cost() -> tuple[float, float]:
    from jose import jwk, jwt

    from phaen_common.testing import TestKeys

    keys = TestKeys()
    verifier = keys.verifier()
    n = 2000
    signing_key = jwk.construct(keys.private_pem, "RS256")  # built once, as the gateway does
    t0 = time.perf_counter()
    tokens = [
        jwt.encode(keys.claims(roles=["auditor"]), signing_key, algorithm="RS256", headers={"kid": keys.kid})
        for _ in range(200)
    ]
    sign_us = (time.perf_counter() - t0) / 200 * 1e6
    t0 = time.perf_counter()
    for i in range(n):
        await verifier.verify(tokens[i % len(tokens)])
    return sign_us, (time.perf_counter() - t0) / n * 1e6


async def load(url: str, token: str) -> tuple[int, int, list[float]]:
    from httpx_aiohttp import AiohttpTransport

    ok = bad = 0
    lat: list[float] = []
    stop = time.monotonic() + DURATION
    async with httpx.AsyncClient(
        transport=AiohttpTransport(), timeout=30, headers={"Authorization": f"Bearer {token}"}
    ) as client:

        async def worker() -> None:
            nonlocal ok, bad
            while time.monotonic() < stop:
                t = time.perf_counter()
                r = await client.get(url)
                lat.append(time.perf_counter() - t)
                if r.status_code == 200:
                    ok += 1
                else:
                    bad += 1

        await asyncio.gather(*[worker() for _ in range(CONCURRENCY)])
    return ok, bad, lat


def main() -> None:
    sign_us, verify_us = asyncio.run(verify_cost())
    pg, url = embedded_database("bench_gateway")
    gw_port, budget_port = free_port(), free_port()
    env = env_with(
        PHAEN_DATABASE_URL=url,
        PHAEN_ADMIN_PASSWORD="bench-admin-pw-1",
        PHAEN_GATEWAY_URL=f"http://127.0.0.1:{gw_port}",
        PHAEN_BUDGET_URL=f"http://127.0.0.1:{budget_port}",
        PHAEN_DATA_DIR=tempfile.mkdtemp(prefix="phaen-bench-gw-"),
    )
    procs: list[subprocess.Popen[bytes]] = []
    try:
        subprocess.run(
            [sys.executable, "-m", "phaen_gateway.bootstrap"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        subprocess.run([sys.executable, "-m", "phaen_budget.setup"], env=env, check=True, stdout=subprocess.DEVNULL)
        procs.append(serve("phaen_gateway", gw_port, env))
        procs.append(serve("phaen_budget", budget_port, env))
        r = httpx.post(
            f"http://127.0.0.1:{gw_port}/v1/auth/token",
            data={"grant_type": "password", "username": "admin", "password": "bench-admin-pw-1"},
        )
        r.raise_for_status()
        token = r.json()["access_token"]
        path = "/v1/budget/events?limit=1"
        rows = []
        for label, base in (
            ("direct to budget", budget_port),
            ("through gateway", gw_port),
            ("direct to budget (again)", budget_port),
        ):
            ok, bad, lat = asyncio.run(load(f"http://127.0.0.1:{base}{path}", token))
            s = summarize(lat)
            rows.append((label, ok / DURATION, bad, s["p50"], s["p99"]))
        direct = (rows[0][1] + rows[2][1]) / 2
        print("## Gateway\n")
        print(
            f"Token: RS256 sign {sign_us:.0f} µs/token (at login only), verify {verify_us:.0f} µs/request "
            "(key objects built once).\n"
        )
        print(
            f"`GET {path}` with a valid token, {CONCURRENCY} concurrent clients, {DURATION:.0f} s each, "
            "client in the same 2-core machine:\n"
        )
        print("| path | req/s | errors | p50 ms | p99 ms | ratio to direct |")
        print("|---|---|---|---|---|---|")
        for label, rps, bad, p50, p99 in rows:
            print(f"| {label} | {rps:.0f} | {bad} | {p50:.1f} | {p99:.1f} | {rps / direct:.2f}x |")
        print(f"\nPeak RSS: gateway {rss_mib(procs[0]):.0f} MiB, budget {rss_mib(procs[1]):.0f} MiB.")
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
        pg.stop()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
