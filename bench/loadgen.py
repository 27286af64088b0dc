"""A small HTTP/1.1 keep-alive load generator, run as its own process (its CPU is never the server's).

Raw asyncio sockets, no HTTP library: each of ``--connections`` connections sends one request, reads the
answer (``Content-Length`` or chunked), and sends the next. Requests come from a JSON file: a list of
``{"method", "path", "headers", "body"}``; with ``--once`` each is sent exactly once (co-signatures), else they
are cycled until ``--duration`` seconds pass. Prints one JSON line: counts by status, latencies (ms), seconds.

Command: ``python bench/loadgen.py --port 8001 --requests reqs.json --connections 32 --duration 5``.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import sys
import time
from collections import Counter
from typing import Any


def encode(req: dict[str, Any], host: str) -> bytes:
    body = req.get("body")
    data = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    lines = [f"{req.get('method', 'GET')} {req['path']} HTTP/1.1", f"Host: {host}"]
    lines += [f"{k}: {v}" for k, v in (req.get("headers") or {}).items()]
    if data or req.get("method", "GET") not in ("GET", "HEAD"):
        lines += ["Content-Type: application/json", f"Content-Length: {len(data)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + data


async def read_answer(reader: asyncio.StreamReader) -> int:
    """Read one response; return its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = None
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def run(args: argparse.Namespace, requests: list[dict[str, Any]]) -> dict[str, Any]:
    host = f"{args.host}:{args.port}"
    encoded = [encode(r, host) for r in requests]
    source = iter(encoded) if args.once else itertools.cycle(encoded)
    statuses: Counter[int] = Counter()
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + args.duration

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(args.host, args.port)
        try:
            while time.monotonic() < stop:
                try:
                    data = next(source)
                except StopIteration:
                    return
                started = time.perf_counter()
                try:
                    writer.write(data)
                    status = await read_answer(reader)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(args.host, args.port)
                    continue
                latencies.append(time.perf_counter() - started)
                statuses[status] += 1
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*[connection() for _ in range(args.connections)])
    seconds = time.perf_counter() - began
    latencies.sort()

    def pct(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")

    served = sum(statuses.values())
    return {
        "served": served,
        "seconds": seconds,
        "rps": served / seconds if seconds else 0.0,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "errors": errors,
        "p50_ms": pct(0.5),
        "p99_ms": pct(0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--requests", required=True)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--once", action="store_true")
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    with open(args.requests) as fh:
        requests = json.load(fh)
    print(json.dumps(asyncio.run(run(args, requests))))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
