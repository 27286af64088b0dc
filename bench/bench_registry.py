"""Registry benchmark: resolve latency over 1,000 queries and a 2,000-tambon CSV import.

Usage: .venv/bin/python bench/bench_registry.py [--out bench/RESULTS-registry.md]

Starts a throwaway embedded PostgreSQL (or uses PHAEN_BENCH_DATABASE_URL, which must be an empty database),
migrates the registry schema, loads the GeoThai geography, and drives the real app in-process over
httpx's ASGI transport (no network, but the full middleware, token check, routing and serialisation).

- resolve: 1,000 queries from a fixed seed over random tambons: exact Thai names, names without tone marks,
  names with one character dropped, English names, each with its province's Thai name. p50/p99 are end to
  end through the API; the in-memory index alone is timed too. Top-1 accuracy is reported.
- import: 2,000 network tambons (the network's expansion target), half by code and half by name +
  province through resolve, as one CSV: a dry run, then the real all-or-nothing run. Time and peak RSS
  are measured in a child process so the peak belongs to the import (app, index and import together).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geothai
from pydantic import SecretStr

from phaen_common.migrations import upgrade
from phaen_common.testing import TestKeys, app_client

N_QUERIES = 1000
N_IMPORT = 2000


def _drop_one(text: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(text)) if len(text) > 3 else len(text) - 1
    return text[:i] + text[i + 1 :]


def build_queries(rng: random.Random) -> list[tuple[str, str, str]]:
    """(name, province, expected code) for N_QUERIES random tambons."""
    provinces = {p.code: p for p in geothai.provinces()}
    subs = [s for p in provinces for d in geothai.districts(p) for s in geothai.subdistricts(d.code)]
    out = []
    for i in range(N_QUERIES):
        s = rng.choice(subs)
        kind = i % 4
        if kind == 0:
            name = s.name_th
        elif kind == 1:
            name = "".join(ch for ch in s.name_th if ch not in "\u0e48\u0e49\u0e4a\u0e4b")
        elif kind == 2:
            name = _drop_one(s.name_th, rng)
        else:
            name = s.name_en
        out.append((name, provinces[s.province_code].name_th, s.code))
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def build_csv(rng: random.Random) -> str:
    """N_IMPORT distinct tambons: even rows by code, odd rows by a name unique within its province."""
    subs = [s for p in geothai.provinces() for d in geothai.districts(p.code) for s in geothai.subdistricts(d.code)]
    counts: dict[tuple[str, str], int] = {}
    for s in subs:
        counts[(s.province_code, s.name_th)] = counts.get((s.province_code, s.name_th), 0) + 1
    names = {p.code: p.name_th for p in geothai.provinces()}
    chosen = rng.sample([s for s in subs if counts[(s.province_code, s.name_th)] == 1], N_IMPORT)
    lines = ["code,name,province,tier,joined_on,villages_total,villages_with_plan,plans_80pct,facilitator_team"]
    for i, s in enumerate(chosen):
        tier = ("model", "pilot", "expansion")[i % 3]
        ref = f"{s.code},," if i % 2 == 0 else f",{s.name_th},{names[s.province_code]}"
        lines.append(f"{ref},{tier},2004-0{1 + i % 9}-15,{10 + i % 7},{8 + i % 3},1,{i % 2}")
    return "\n".join(lines) + "\n"


async def run_resolve(url: str) -> dict[str, float]:
    from phaen_registry.config import Settings
    from phaen_registry.main import create_app

    keys = TestKeys()
    app = create_app(Settings(database_url=SecretStr(url)))
    queries = build_queries(random.Random(20041))
    async with app_client(app, keys) as client:
        headers = keys.auth(roles=["partner_registry"], ttl=3600)
        await client.get("/v1/registry/resolve", params={"name": "x", "province": "10"}, headers=headers)  # warm
        api_ms, hits, flagged = [], 0, 0
        for name, province, code in queries:
            t = time.perf_counter()
            r = await client.get("/v1/registry/resolve", params={"name": name, "province": province}, headers=headers)
            api_ms.append((time.perf_counter() - t) * 1000)
            body = r.json()
            items = body["items"]
            hit = bool(items) and items[0]["code"] == code
            hits += hit
            flagged += (not hit) and body["ambiguous"]
        index = app.state.geo_index
        core_ms = []
        for name, province, _ in queries:
            t = time.perf_counter()
            index.resolve(name, index.find_province(province))
            core_ms.append((time.perf_counter() - t) * 1000)
    return {
        "api_p50": percentile(api_ms, 50),
        "api_p99": percentile(api_ms, 99),
        "core_p50": percentile(core_ms, 50),
        "core_p99": percentile(core_ms, 99),
        "top1": hits / len(queries),
        "misses_flagged": flagged / max(1, len(queries) - hits),
    }


async def run_import(url: str) -> dict[str, float]:
    from phaen_registry.config import Settings
    from phaen_registry.main import create_app

    keys = TestKeys()
    app = create_app(Settings(database_url=SecretStr(url)))
    raw = build_csv(random.Random(2000)).encode("utf-8")
    async with app_client(app, keys) as client:
        headers = {**keys.auth(roles=["secretariat"], ttl=3600), "content-type": "text/csv"}
        await client.get("/v1/registry/regions", headers=headers)  # build the index before timing
        t = time.perf_counter()
        r = await client.post("/v1/registry/imports/tambons?dry_run=true", content=raw, headers=headers)
        dry = time.perf_counter() - t
        assert r.status_code == 200 and r.json()["ok"] == N_IMPORT, r.text[:500]
        t = time.perf_counter()
        r = await client.post("/v1/registry/imports/tambons?dry_run=false", content=raw, headers=headers)
        real = time.perf_counter() - t
        assert r.status_code == 200 and r.json()["applied"], r.text[:500]
        total = (await client.get("/v1/registry/tambons?limit=1", headers=headers)).json()["total"]
        assert total == N_IMPORT, total
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"dry_s": dry, "real_s": real, "peak_rss_mb": peak_mb, "rows": N_IMPORT}


def prepare(url: str) -> float:
    from phaen_registry import MIGRATIONS_DIR, SCHEMA
    from phaen_registry.setup import load_reference_data

    upgrade(MIGRATIONS_DIR, url, SCHEMA)
    t = time.perf_counter()
    load_reference_data(url)
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=None, help="also write the markdown section here")
    parser.add_argument("--import-child", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.disable(logging.INFO)  # one log line per request would swamp the table
    if args.import_child:
        print(json.dumps(asyncio.run(run_import(args.import_child))))
        return 0

    pg = None
    url = os.environ.get("PHAEN_BENCH_DATABASE_URL")
    if not url:
        from phaen_common.devdb import EmbeddedPostgres

        pg = EmbeddedPostgres(Path(tempfile.mkdtemp(prefix="phaen-bench-registry-")), delete_on_stop=True)
        url = pg.create_database("bench")
    try:
        load_s = prepare(url)
        res = asyncio.run(run_resolve(url))
        child = subprocess.run(
            [sys.executable, __file__, "--import-child", url], capture_output=True, text=True, check=True
        )
        imp = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        if pg is not None:
            pg.stop()

    table = "\n".join(
        [
            "| registry benchmark | result |",
            "|---|---|",
            f"| resolve p50 / p99, through the API ({N_QUERIES} queries) "
            f"| {res['api_p50']:.2f} ms / {res['api_p99']:.2f} ms |",
            f"| resolve p50 / p99, in-memory index only | {res['core_p50']:.3f} ms / {res['core_p99']:.3f} ms |",
            f"| resolve top-1 accuracy (exact, no tone marks, one letter dropped, English) | {res['top1']:.1%} |",
            f"| resolve misses that the answer flags as `ambiguous` | {res['misses_flagged']:.0%} |",
            f"| import {imp['rows']:,} tambons from CSV: dry run | {imp['dry_s']:.2f} s |",
            f"| import {imp['rows']:,} tambons from CSV: real run (all-or-nothing, with events) "
            f"| {imp['real_s']:.2f} s |",
            f"| import: peak RSS of the importing process | {imp['peak_rss_mb']:.0f} MB |",
            f"| load the GeoThai geography (77 / 928 / 7,436 + abolished) | {load_s:.2f} s |",
        ]
    )
    load = os.getloadavg()[0]
    machine = (
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}, "
        f"load average {load:.1f} at the end"
    )
    print(table)
    print(f"\n{machine}")
    if args.out:
        args.out.write_text(
            "## Registry\n\n"
            "Made with `.venv/bin/python bench/bench_registry.py --out bench/RESULTS-registry.md` "
            f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine}; embedded PostgreSQL 18; "
            "the app in-process over httpx ASGITransport; the machine is shared, so treat these as indicative).\n\n"
            f"{table}\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
