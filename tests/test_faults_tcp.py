"""Connections between the gateway and the budget service delayed and reset by a small TCP proxy (issue 10).

A second gateway process runs beside the shared stack (same database and keys) with its budget upstream pointed
at ``FaultProxy``, an asyncio TCP proxy in front of the stack's budget service. The proxy passes bytes through,
or, switched at any moment (also on connections already pooled by the gateway):

- ``reset``: resets the connection (RST) as soon as the gateway sends on it;
- ``delay``: holds each request longer than the gateway's budget timeout (2 s here) before passing it on;
- ``lose_answer``: passes the request to the service, then resets the gateway's side instead of answering,
  so the service did the work and the caller never heard it.

The gateway must answer 503 with ``Retry-After`` or 504, as problem+json, never a 500; serve again as soon as
the proxy behaves; and a money operation retried with its ``Idempotency-Key`` must happen exactly once.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from authz_world import RESOLUTION, World
from e2e_stack import ROOT, Stack, extra_process_env, free_port

GATEWAY_BUDGET_TIMEOUT = 2.0


class FaultProxy:
    """A TCP proxy to ``127.0.0.1:target`` whose behaviour (``mode``) can change at any moment."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.port = free_port()
        self.mode = "pass"
        self.delay = GATEWAY_BUDGET_TIMEOUT + 1.5
        self.faults = 0  # connections reset, requests held or answers lost
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.server: asyncio.AbstractServer | None = None

    def __enter__(self) -> FaultProxy:
        self.thread.start()
        assert self.ready.wait(10), "proxy did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", self.port))
        self.ready.set()
        self.loop.run_forever()
        self.server.close()

    @staticmethod
    def _reset(writer: asyncio.StreamWriter) -> None:
        """Close with an RST, as a crashed peer or a middlebox does (SO_LINGER 0), not a polite FIN."""
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    async def _serve(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            up_r, up_w = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            self._reset(client_w)
            return
        lost = asyncio.Event()  # this connection's answer is to be lost

        async def requests() -> None:
            while data := await client_r.read(65536):
                if self.mode == "reset":
                    self.faults += 1
                    self._reset(client_w)
                    up_w.close()
                    return
                if self.mode == "delay":
                    self.faults += 1
                    await asyncio.sleep(self.delay)
                if self.mode == "lose_answer":
                    lost.set()
                up_w.write(data)
                await up_w.drain()
            up_w.close()

        async def answers() -> None:
            while data := await up_r.read(65536):
                if lost.is_set():
                    self.faults += 1
                    self._reset(client_w)
                    up_w.close()
                    return
                client_w.write(data)
                await client_w.drain()
            client_w.close()

        try:
            await asyncio.gather(requests(), answers())
        except (ConnectionError, OSError):
            client_w.transport.abort()
            up_w.transport.abort()


@pytest.fixture(scope="module")
def proxied(stack: Stack, world: World) -> Iterator[tuple[str, FaultProxy]]:
    """A second gateway whose budget upstream is the fault proxy; the URL and the proxy."""
    with FaultProxy(stack.ports["budget"]) as proxy:
        port = free_port()
        env = extra_process_env(
            stack,
            PHAEN_REGISTRY_URL=stack.url("registry"),
            PHAEN_REPORTS_URL=stack.url("reports"),
            PHAEN_BUDGET_URL=f"http://127.0.0.1:{proxy.port}",
            PHAEN_BUDGET_TIMEOUT=str(GATEWAY_BUDGET_TIMEOUT),
        )
        cmd = [sys.executable, "-m", "uvicorn", "phaen_gateway.main:create_app", "--factory", "--port", str(port)]
        log = (stack.data_dir / "faults-tcp-gateway.log").open("wb")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert proc.poll() is None and time.monotonic() < deadline, "the second gateway did not start"
                time.sleep(0.3)
            yield url, proxy
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _send(url: str, headers: dict[str, str], method: str, path: str, **kw: Any) -> httpx.Response:
    return httpx.request(method, f"{url}{path}", headers=headers, timeout=30, **kw)


def _assert_retryable_problem(r: httpx.Response) -> None:
    assert r.status_code in (503, 504), f"{r.status_code}: {r.text[:300]}"
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    assert r.json()["code"] in ("service_unavailable", "gateway_timeout"), r.text
    if r.status_code == 503:
        assert int(r.headers["retry-after"]) >= 1


def _serves_again(url: str, headers: dict[str, str], path: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        r = _send(url, headers, "GET", path)
        if r.status_code == 200:
            return
        assert r.status_code in (503, 504) and time.monotonic() < deadline, f"{r.status_code}: {r.text[:300]}"
        time.sleep(0.3)


def test_reset_connections_are_503_with_retry_after_never_500_and_recover(
    proxied: tuple[str, FaultProxy], world: World, figures: Any
) -> None:
    url, proxy = proxied
    auditor = world.callers["auditor"].headers
    path = f"/v1/budget/accounts/{world.ids['account_id']}"
    _serves_again(url, auditor, path)
    proxy.mode = "reset"
    try:
        answers = [_send(url, auditor, "GET", path) for _ in range(5)]
    finally:
        proxy.mode = "pass"
    figures.add("faults injected", len(answers))
    for r in answers:
        assert r.status_code == 503, f"{r.status_code}: {r.text[:300]}"
        _assert_retryable_problem(r)
    _serves_again(url, auditor, path)


def test_delayed_connections_are_504_within_the_timeout_never_500_and_recover(
    proxied: tuple[str, FaultProxy], world: World, figures: Any
) -> None:
    url, proxy = proxied
    auditor = world.callers["auditor"].headers
    path = f"/v1/budget/accounts/{world.ids['account_id']}"
    _serves_again(url, auditor, path)
    proxy.mode = "delay"
    try:
        started = time.monotonic()
        r = _send(url, auditor, "GET", path)
        waited = time.monotonic() - started
    finally:
        proxy.mode = "pass"
    figures.add("faults injected")
    assert r.status_code == 504, f"{r.status_code}: {r.text[:300]}"
    _assert_retryable_problem(r)
    assert waited < GATEWAY_BUDGET_TIMEOUT + 5
    _serves_again(url, auditor, path)


def _ledger_payouts(world: World, withdrawal_id: str) -> int:
    sec = world.callers["secretariat"]
    found, cursor = 0, None
    while True:
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = sec.ok("GET", f"/v1/budget/accounts/{world.ids['account_id']}/ledger", params=params)
        found += sum(1 for e in page["items"] if e.get("withdrawal_id") == withdrawal_id)
        cursor = page.get("next_cursor")
        if not cursor:
            return found


@pytest.mark.parametrize("fault", ["lose_answer", "delay", "reset"])
def test_a_payout_retried_with_its_key_through_a_faulty_connection_happens_exactly_once(
    proxied: tuple[str, FaultProxy], world: World, figures: Any, fault: str
) -> None:
    url, proxy = proxied
    tc = world.callers["tambon_committee"]
    w = tc.ok(
        "POST",
        "/v1/budget/withdrawals",
        json={
            "account_id": world.ids["account_id"],
            "amount": "7.00",
            "purpose": f"tcp fault {fault}",
            "resolution": RESOLUTION,
        },
    )
    for signer in world.signers[:2]:
        signer.ok("POST", f"/v1/budget/withdrawals/{w['id']}/signatures", json={})
    bank = world.callers["bank"].headers
    key = {"Idempotency-Key": f"tcp-{fault}-{uuid.uuid4()}"}
    body = {"bank_reference": f"TCP-{w['id'][:8]}"}
    path = f"/v1/budget/withdrawals/{w['id']}/payout"

    proxy.mode = fault
    faults_before = proxy.faults
    try:
        first = _send(url, {**bank, **key}, "POST", path, json=body)
    finally:
        proxy.mode = "pass"
    injected = proxy.faults - faults_before
    figures.add("faults injected", 1 if injected else 0)
    assert injected, "the proxy never met the request"
    assert first.status_code in (200, 503, 504), f"{first.status_code}: {first.text[:300]}"
    if first.status_code != 200:
        _assert_retryable_problem(first)

    # The careful client sends it again with the same key until it hears an answer.
    deadline = time.monotonic() + 30
    while True:
        again = _send(url, {**bank, **key}, "POST", path, json=body)
        if again.status_code not in (503, 504):
            break
        _assert_retryable_problem(again)
        assert time.monotonic() < deadline, again.text
        time.sleep(0.3)
    assert again.status_code == 200, again.text
    assert again.json()["status"] == "paid"
    payouts = _ledger_payouts(world, w["id"])
    figures.add("withdrawals driven through faults")
    figures.add("money lost in faults", 1 if payouts == 0 else 0)
    figures.add("money doubled in faults", max(payouts - 1, 0))
    assert payouts == 1, f"{payouts} payout entries for one withdrawal"
