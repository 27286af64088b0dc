"""The edge's figures alone (issue 12 goals 1 and 2, registry and gateway), short and bounded: for profiling.

Starts one ``make run`` stack (and nothing else), then interleaves: the registry read direct at 32 connections,
the same read through the gateway at 32 and at 1 connection, and a small POST through the gateway (a registry
person search body that the registry refuses with 422: the gateway does all its work, the registry little).
Prints CPU per request of the registry and the gateway (utime+stime over the run / answers), req/s, p50/p99.

``PHAEN_EDGE_PROFILE=registry|gateway`` additionally records the named process with py-spy during one longer
run of its read (raw folded stacks written to ``PHAEN_EDGE_PROFILE_OUT``, default ``/tmp/edge-<name>.txt``).

Command: ``PHAEN_BENCH_SECONDS=3 PHAEN_BENCH_ROUNDS=3 .venv/bin/python bench/bench_edge.py``. Not part of
``make bench`` (``bench_requests.py`` gives the same figures side by side with the others).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack as st
from bench_requests import SUBDISTRICT, load, measured, ms_per_request, non_2xx
from common import ROOT

SECONDS = float(os.environ.get("PHAEN_BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("PHAEN_BENCH_ROUNDS", "3"))
PROFILE = os.environ.get("PHAEN_EDGE_PROFILE", "")


def py_spy() -> str:
    local = ROOT / ".venv" / "bin" / "py-spy"
    return str(local) if local.exists() else (shutil.which("py-spy") or "py-spy")


def main() -> None:
    s = st.start(extra_env={"PHAEN_CLIENT_RATE_LIMIT": "10000000/minute"})
    try:
        token = s.token()
        auth = {"Authorization": f"Bearer {token}"}
        get = [{"method": "GET", "path": SUBDISTRICT, "headers": auth}]
        post = [{"method": "POST", "path": "/v1/registry/people", "headers": auth, "body": {"full_name": 1}}]
        pids = dict(s.pids)
        for port in (s.ports["registry"], s.ports["gateway"]):
            load(port, get, seconds=1)
        plan = [
            ("registry direct", lambda: load(s.ports["registry"], get, seconds=SECONDS)),
            ("gateway GET 32", lambda: load(s.ports["gateway"], get, seconds=SECONDS)),
            ("gateway GET 1", lambda: load(s.ports["gateway"], get, connections=1, seconds=SECONDS)),
            ("gateway POST 32", lambda: load(s.ports["gateway"], post, seconds=SECONDS)),
        ]
        runs: dict[str, list[dict[str, Any]]] = {}
        for r in range(ROUNDS):
            print(f"[bench_edge] round {r + 1}/{ROUNDS}", file=sys.stderr, flush=True)
            for label, run in plan:
                runs.setdefault(label, []).append(measured(pids, run))
        if PROFILE:
            out = os.environ.get("PHAEN_EDGE_PROFILE_OUT", f"/tmp/edge-{PROFILE}.txt")
            port = s.ports["registry"] if PROFILE == "registry" else s.ports["gateway"]
            seconds = max(8.0, SECONDS)
            spy = subprocess.Popen(
                [
                    py_spy(),
                    "record",
                    "--nonblocking",
                    "--format",
                    "raw",
                    "-r",
                    "200",
                    "-p",
                    str(pids[PROFILE]),
                    "-d",
                    str(int(seconds)),
                    "-o",
                    out,
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            load(port, get, seconds=seconds + 1)
            spy.wait(60)
            print(f"[bench_edge] profile of {PROFILE} in {out}", file=sys.stderr)
    finally:
        s.stop()

    print("| run | req/s | p50 ms | p99 ms | registry ms/req | gateway ms/req | non-2xx/4xx |")
    print("|---|---|---|---|---|---|---|")
    for label, results in runs.items():

        def med(f: Any, results: list[dict[str, Any]] = results) -> float:
            return float(statistics.median(f(x) for x in results))

        print(
            f"| {label} | {med(lambda x: x['served'] / x['seconds']):.0f} | {med(lambda x: x['p50_ms']):.1f} | "
            f"{med(lambda x: x['p99_ms']):.1f} | {med(lambda x: ms_per_request(x, 'registry')):.2f} | "
            f"{med(lambda x: ms_per_request(x, 'gateway')):.2f} | {[non_2xx(x) for x in results]} |"
        )
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
