"""Goals 1-3 of issue 12: service CPU per request, the gateway, and co-signature, side by side in one run.

One ``make run`` stack on free ports (embedded PostgreSQL) and a plain FastAPI app served the same way are
loaded by ``bench/loadgen.py`` (its own process: its CPU is never counted for a server). Each measurement is
a short load run; CPU per request is the server process's utime+stime (``/proc/<pid>/stat``) over the run
divided by the answers served. The runs are interleaved (plain, registry, gateway, report, ...) in ``ROUNDS``
rounds and the median is reported, so the ratios compare like with like on a shared, noisy machine.

Command: ``.venv/bin/python bench/bench_requests.py`` (also run by ``make bench``). Environment knobs:
``PHAEN_BENCH_SECONDS`` (one run, default 4), ``PHAEN_BENCH_ROUNDS`` (default 3), ``PHAEN_BENCH_SOAK_SECONDS``
(the 64-connection run through the gateway, default 60).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack as st
from common import ROOT, free_port

from phaen_common.thai_id import national_id_check_digit

SECONDS = float(os.environ.get("PHAEN_BENCH_SECONDS", "4"))
ROUNDS = int(os.environ.get("PHAEN_BENCH_ROUNDS", "3"))
SOAK_SECONDS = float(os.environ.get("PHAEN_BENCH_SOAK_SECONDS", "60"))
CONNECTIONS = 32
COMMAND = ".venv/bin/python bench/bench_requests.py"
RESOLUTION = {"number": "มติ 1/2547", "meeting_date": "2004-01-15"}
SUBDISTRICT = "/v1/registry/subdistricts/100101"
REPORT = "/v1/reports/coverage"
UVICORN_FLAGS = ["--no-access-log", "--loop", "uvloop", "--http", "httptools", "--log-level", "warning"]


def load(
    port: int, requests: list[dict[str, Any]], *, connections: int = CONNECTIONS, seconds: float = SECONDS, once=False
) -> dict[str, Any]:
    """One load run of ``loadgen.py`` in its own process."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(requests, fh)
    cmd = [sys.executable, str(ROOT / "bench" / "loadgen.py"), "--port", str(port), "--requests", fh.name]
    cmd += ["--connections", str(connections), "--duration", str(seconds)] + (["--once"] if once else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=seconds + 120)
    os.unlink(fh.name)
    return dict(json.loads(out.stdout))


def measured(pids: dict[str, int], run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``run`` and add each process's CPU seconds over it."""
    before = {name: st.cpu_seconds(pid) for name, pid in pids.items()}
    result = run()
    result["cpu"] = {name: st.cpu_seconds(pid) - before[name] for name, pid in pids.items()}
    return result


def ms_per_request(result: dict[str, Any], process: str) -> float:
    return float(result["cpu"][process]) / max(1, int(result["served"])) * 1000


def ok_count(result: dict[str, Any]) -> int:
    return sum(v for k, v in result["statuses"].items() if k.startswith("2"))


def non_2xx(result: dict[str, Any]) -> int:
    return sum(v for k, v in result["statuses"].items() if not k.startswith("2")) + int(result["errors"])


def national_id() -> str:
    first12 = "3" + f"{uuid.uuid4().int % 10**11:011d}"
    return first12 + str(national_id_check_digit(first12))


class World:
    """Set-up through the gateway with the admin's token: signatories, funded accounts, pending withdrawals."""

    def __init__(self, s: st.Stack) -> None:
        self.s = s
        self.gw = s.url("gateway")
        self.admin = s.token()

    def call(self, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
        return st.call(method, self.gw + path, token or self.admin, body)

    def signatory(self) -> tuple[str, str]:
        """A gateway user with the signatory role, linked to a registry person; (user id, token)."""
        person = self.call("POST", "/v1/registry/people", {"full_name": "นาง ทดสอบ", "national_id": national_id()})
        username, password = f"sig-{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
        user = self.call(
            "POST",
            "/v1/auth/users",
            {
                "username": username,
                "password": password,
                "display_name": username,
                "roles": ["signatory"],
                "person_id": person["id"],
            },
        )
        return str(user["id"]), self.s.token(username, password)

    def account(self, signatories: list[str]) -> str:
        grant = self.call(
            "POST",
            "/v1/budget/grants",
            {"name": f"ทุน {uuid.uuid4().hex[:6]}", "funder": "CODI", "amount": "900000000.00", "fiscal_year": 2547},
        )
        self.call("POST", f"/v1/budget/grants/{grant['id']}/lines", {"no": 1, "title": "l", "planned": "900000000.00"})
        project = self.call(
            "POST",
            "/v1/budget/projects",
            {
                "grant_id": grant["id"],
                "line_no": 1,
                "name": f"โครงการ {uuid.uuid4().hex[:6]}",
                "level": "network",
                "amount": "100000000.00",
            },
        )
        account = self.call(
            "POST",
            "/v1/budget/accounts",
            {
                "project_id": project["id"],
                "bank": "ธ.ก.ส.",
                "branch": "สิงห์บุรี",
                "number": "020-1-23456-7",
                "name": project["name"],
                "type": "savings",
                "atm_card": False,
                "signatories": signatories,
                "threshold": 2,
                "resolution": RESOLUTION,
            },
        )
        self.call(
            "POST",
            f"/v1/budget/accounts/{account['id']}/deposits",
            {"amount": "100000000.00", "kind": "transfer", "bank_reference": f"BAAC-{uuid.uuid4().hex[:10]}"},
        )
        return str(account["id"])

    def withdrawals(self, account: str, n: int) -> list[str]:
        body = {"account_id": account, "amount": "10.00", "purpose": "ค่าจัดเวที", "resolution": RESOLUTION}
        return [str(self.call("POST", "/v1/budget/withdrawals", body)["id"]) for _ in range(n)]


def sign_requests(withdrawals: list[str], signers: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Two signatures per withdrawal (the second approves it), each by a different signatory."""
    out = []
    for w in withdrawals:
        for _user, token in signers[:2]:
            out.append(
                {
                    "method": "POST",
                    "path": f"/v1/budget/withdrawals/{w}/signatures",
                    "headers": {"Authorization": f"Bearer {token}"},
                    "body": {},
                }
            )
    return out


async def bare_cosign(url: str, seconds: float, clients: int = CONNECTIONS, accounts: int = 10) -> float:
    """A minimal co-sign transaction in PostgreSQL (asyncpg in a loop), with no audit entry: lock the account
    row, insert the signature, update the withdrawal; ``clients`` at once over ``accounts`` accounts. Signatures
    per second."""
    import asyncpg

    from phaen_common.db import asyncpg_dsn

    dsn = asyncpg_dsn(url)
    schema = f"bench_cosign_{uuid.uuid4().hex[:6]}"
    setup = await asyncpg.connect(dsn)
    await setup.execute(
        f"""CREATE SCHEMA {schema};
        CREATE TABLE {schema}.account (id int PRIMARY KEY, reserved numeric NOT NULL DEFAULT 0);
        CREATE TABLE {schema}.withdrawal (id bigserial PRIMARY KEY, account_id int NOT NULL, status text NOT NULL,
            version int NOT NULL DEFAULT 1);
        CREATE TABLE {schema}.signature (id bigserial PRIMARY KEY, withdrawal_id bigint NOT NULL, signer text NOT NULL,
            at timestamptz NOT NULL DEFAULT now(), UNIQUE (withdrawal_id, signer));
        INSERT INTO {schema}.account SELECT g FROM generate_series(1, {accounts}) g;
        INSERT INTO {schema}.withdrawal (account_id, status) SELECT 1 + g % {accounts}, 'pending'
            FROM generate_series(1, 200000) g;"""
    )
    pool = await asyncpg.create_pool(dsn, min_size=clients, max_size=clients)
    done = 0
    stop = time.monotonic() + seconds
    counter = iter(range(1, 200001))

    async def client() -> None:
        nonlocal done
        async with pool.acquire() as conn:
            while time.monotonic() < stop:
                w = next(counter)
                async with conn.transaction():
                    account = await conn.fetchval(f"SELECT account_id FROM {schema}.withdrawal WHERE id = $1", w)
                    await conn.execute(f"SELECT 1 FROM {schema}.account WHERE id = $1 FOR UPDATE", account)
                    await conn.execute(f"INSERT INTO {schema}.signature (withdrawal_id, signer) VALUES ($1, 's')", w)
                    await conn.execute(
                        f"UPDATE {schema}.withdrawal SET version = version + 1, status = 'approved' WHERE id = $1", w
                    )
                done += 1

    started = time.perf_counter()
    await asyncio.gather(*[client() for _ in range(clients)])
    rate = done / (time.perf_counter() - started)
    await pool.close()
    await setup.execute(f"DROP SCHEMA {schema} CASCADE")
    await setup.close()
    return rate


async def service_cosign(
    url: str, templates: list[str], signers: list[str], seconds: float, clients: int = CONNECTIONS
) -> float:
    """The service's own co-sign transaction, bare (asyncpg in a loop: no HTTP, no token, no rules), the round
    trips of ``withdrawals/service.py::sign_on`` on the fast path: ``BEGIN``; ``budget.cosign_lock`` (reach, row
    locks); ``budget.cosign_write`` (signature; for the second, the approval, its reservation and event; the
    audit entry staged and its place in the chain reserved: the chain lock); the entry hashed in Python
    (``audit/chain.py``); its insert and ``COMMIT`` in one message. On copies of a pending withdrawal of each
    account of the HTTP run, two signatures each, in the HTTP run's order. Signatures per second."""
    import datetime as dt

    import asyncpg
    import orjson

    from phaen_budget.audit import chain
    from phaen_budget.audit.service import item
    from phaen_budget.withdrawals import repository
    from phaen_common.db import asyncpg_dsn, jsonb_value

    dsn = asyncpg_dsn(url)
    setup = await asyncpg.connect(dsn)
    per_template = int(seconds * 2500 / 2 / len(templates)) + 1  # more than can be signed in ``seconds``
    copies = [
        [
            r["id"]
            for r in await setup.fetch(
                "INSERT INTO budget.withdrawals SELECT (jsonb_populate_record(NULL::budget.withdrawals,"
                " to_jsonb(t) || jsonb_build_object('id', gen_random_uuid()))).*"
                " FROM budget.withdrawals t, generate_series(1, $2) WHERE t.id = $1 RETURNING id",
                uuid.UUID(t),
                per_template,
            )
        ]
        for t in templates
    ]
    await setup.close()
    work = iter([(w, signer) for group in zip(*copies, strict=True) for w in group for signer in signers[:2]])
    pool = await asyncpg.create_pool(dsn, min_size=clients, max_size=clients)
    done = 0
    stop = time.monotonic() + seconds

    async def sign(conn: asyncpg.Connection, w: uuid.UUID, signer: str) -> None:
        locked = await conn.fetchrow(repository.SIGNING_LOCK, w, True, [], [], [], None, None)
        row = locked["w"]
        approving = len(jsonb_value(locked["signatures"])) + 1 >= locked["threshold"]
        state = {"id": w, "amount": row["amount"], "status": row["status"], "version": row["version"]}
        after = {**state, "status": "approved" if approving else "pending", "signer": signer}
        entry = item(
            actor=signer, action="withdrawal.sign", entity="withdrawal", entity_id=w, before=state, after=after
        )
        event = orjson.dumps(after, default=str).decode() if approving else None
        now = dt.datetime.now(dt.UTC)
        place = await conn.fetchrow(
            repository.SIGNING_WRITE,
            *(w, row["account_id"], uuid.uuid4(), signer, f"person:{signer}", "0" * 64, None, None, None),
            *(now, approving, row["fund"], row["amount"], uuid.uuid4(), event),
            *[entry[c] for c in chain.ENTRY_FIELDS],
        )
        (audited,) = chain.chained([entry], prev_hash=place["prev_hash"], at=place["at"], seqs=[place["seq"]])
        await conn.execute(repository.signing_chain(audited["hash"]) + "; COMMIT")

    async def client() -> None:
        nonlocal done
        async with pool.acquire() as conn:
            for w, signer in work:
                if time.monotonic() >= stop:
                    break
                await conn.execute("BEGIN")
                try:
                    await sign(conn, w, signer)
                except BaseException:
                    await conn.execute("ROLLBACK")
                    raise
                done += 1

    started = time.perf_counter()
    await asyncio.gather(*[client() for _ in range(clients)])
    rate = done / (time.perf_counter() - started)
    await pool.close()
    return rate


def serve_plain() -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "plain_app:create_app", "--factory", "--port", str(port), *UVICORN_FLAGS],
        cwd=ROOT / "bench",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the plain app did not start")


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def main() -> None:
    started = time.monotonic()
    # One token sends every request here: the per-client rate limit (1200/minute by default, a policy) would
    # answer most of them 429. The benchmark measures capacity, so it lifts the limit, as the tests do.
    s = st.start(extra_env={"PHAEN_CLIENT_RATE_LIMIT": "10000000/minute"})
    plain, plain_port = serve_plain()
    try:
        pids = {**s.pids, "plain": plain.pid}
        world = World(s)
        auth = {"Authorization": f"Bearer {world.admin}"}
        get = lambda path: [{"method": "GET", "path": path, "headers": auth}]  # noqa: E731
        # Signatures: 3 signatories on 10 accounts, enough pending withdrawals for every round.
        signers = [world.signatory() for _ in range(3)]
        accounts = [world.account([u for u, _ in signers]) for _ in range(10)]
        per_round = int(os.environ.get("PHAEN_BENCH_SIGN_WITHDRAWALS", "500"))  # ~3 s of signing, as the bare runs
        per_account = [world.withdrawals(a, per_round * ROUNDS // len(accounts) + 1) for a in accounts]
        pending = [w for group in zip(*per_account, strict=True) for w in group]  # accounts in turn
        for port in (s.ports["registry"], s.ports["gateway"], s.ports["reports"], plain_port):  # warm up
            load(port, get(SUBDISTRICT if port != s.ports["reports"] else REPORT), seconds=1)
        runs: dict[str, list[dict[str, Any]]] = {}
        cosign_bare: list[float] = []
        cosign_service: list[float] = []
        templates = [group[-1] for group in per_account]  # one pending withdrawal per account the rounds leave
        signer_ids = [u for u, _ in signers]
        for r in range(ROUNDS):
            print(f"[bench_requests] round {r + 1}/{ROUNDS}", file=sys.stderr, flush=True)
            plan: list[tuple[str, Callable[[], dict[str, Any]]]] = [
                ("plain", lambda: load(plain_port, [{"method": "GET", "path": "/plain", "headers": auth}])),
                ("registry direct", lambda: load(s.ports["registry"], get(SUBDISTRICT))),
                ("registry via gateway", lambda: load(s.ports["gateway"], get(SUBDISTRICT))),
                (
                    "registry via gateway, 1 connection",
                    lambda: load(s.ports["gateway"], get(SUBDISTRICT), connections=1),
                ),
                ("report direct", lambda: load(s.ports["reports"], get(REPORT))),
            ]
            batch = pending[r * per_round : (r + 1) * per_round]
            plan.append(
                (
                    "co-sign via gateway",
                    lambda b=batch: load(s.ports["gateway"], sign_requests(b, signers), seconds=3 * SECONDS, once=True),
                )
            )
            for label, run in plan:
                result = measured(pids, run)
                runs.setdefault(label, []).append(result)
                per = {p: round(ms_per_request(result, p), 3) for p in pids if result["cpu"][p] > 0.01}
                print(
                    f"[bench_requests] {label}: {ok_count(result) / result['seconds']:.0f}/s, ms {per}", file=sys.stderr
                )
            cosign_bare.append(asyncio.run(bare_cosign(s.database_url, seconds=3)))
            cosign_service.append(asyncio.run(service_cosign(s.database_url, templates, signer_ids, seconds=3)))
        print("[bench_requests] 64 connections through the gateway", file=sys.stderr, flush=True)
        soak = measured(pids, lambda: load(s.ports["gateway"], get(SUBDISTRICT), connections=64, seconds=SOAK_SECONDS))
        rss = {name: st.rss_mib(pid) for name, pid in pids.items()}
        load_avg = os.getloadavg()
    finally:
        plain.terminate()
        plain.wait(10)
        s.stop()

    def med(label: str, f: Callable[[dict[str, Any]], float]) -> float:
        return statistics.median(f(x) for x in runs[label])

    rps = lambda label: med(label, lambda x: ok_count(x) / x["seconds"])  # noqa: E731
    cpu = lambda label, proc: med(label, lambda x: ms_per_request(x, proc))  # noqa: E731
    plain_cpu = cpu("plain", "plain")
    reg_cpu = cpu("registry direct", "registry")
    rep_cpu = cpu("report direct", "reports")
    sign_cpu = cpu("co-sign via gateway", "budget")
    gw_cpu = cpu("registry via gateway", "gateway")
    direct, through, one = (
        rps("registry direct"),
        rps("registry via gateway"),
        rps("registry via gateway, 1 connection"),
    )
    sign_rate = rps("co-sign via gateway")
    bare = statistics.median(cosign_bare)
    own = statistics.median(cosign_service)
    sign_errors = sum(non_2xx(x) for x in runs["co-sign via gateway"])
    soak_bad = non_2xx(soak)

    print("## Requests, the gateway and co-signature (goals 1-3)\n")
    print(
        f"Command: `{COMMAND}` ({time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs, load average at the end "
        f"{load_avg[0]:.1f} / {load_avg[1]:.1f} / {load_avg[2]:.1f}). The whole `make run` stack and a plain FastAPI "
        f"app on loopback; load from `bench/loadgen.py` in its own process, {CONNECTIONS} keep-alive connections, "
        f"{SECONDS:g} s per run; runs interleaved, {ROUNDS} rounds, medians. CPU per request = the server "
        "process's utime+stime over the run / answers served.\n"
    )
    print("| goal | figure (median) | goal | |")
    print("|---|---|---|---|")
    rows = [
        (
            "1. registry read `GET /v1/registry/subdistricts/{code}`, service CPU",
            f"{reg_cpu:.2f} ms/request (plain FastAPI: {plain_cpu:.2f})",
            "≤ 0.8 ms",
            reg_cpu <= 0.8,
        ),
        (
            "1. withdrawal signature, budget service CPU",
            f"{sign_cpu:.2f} ms/request (plain FastAPI: {plain_cpu:.2f})",
            "≤ 1.5 ms",
            sign_cpu <= 1.5,
        ),
        (
            "1. report read (JSON) `GET /v1/reports/coverage`, service CPU",
            f"{rep_cpu:.2f} ms/request (plain FastAPI: {plain_cpu:.2f})",
            "≤ 1.5 ms",
            rep_cpu <= 1.5,
        ),
        ("2. gateway CPU per proxied request", f"{gw_cpu:.2f} ms/request", "≤ 0.5 ms", gw_cpu <= 0.5),
        (
            "2. through the gateway / direct, 32 connections",
            f"{through:.0f} / {direct:.0f} req/s = {through / direct:.2f}x",
            "≥ 0.45x",
            through / direct >= 0.45,
        ),
        (
            "2. through the gateway, 32 connections / 1 connection",
            f"{through:.0f} / {one:.0f} req/s = {through / one:.2f}x",
            "≥ 0.9x",
            through / one >= 0.9,
        ),
        (
            f"2. non-2xx through the gateway, 64 connections, {SOAK_SECONDS:g} s",
            f"{soak_bad} of {soak['served']} ({soak['rps']:.0f} req/s; statuses {soak['statuses']}, "
            f"{soak['errors']} connection errors; p99 {soak['p99_ms']:.0f} ms)",
            "0 (over 60 s)",
            soak_bad == 0 and SOAK_SECONDS >= 60,
        ),
        (
            "3. co-signatures through the gateway / the co-sign transaction bare (the service's own: locks, chain "
            "reservation, signature, approval, audit row; asyncpg in a loop)",
            f"{sign_rate:.0f} / {own:.0f} per s = {sign_rate / own:.2f}x ({sign_errors} non-2xx: "
            f"{[x['statuses'] for x in runs['co-sign via gateway']]})",
            "≥ 0.4x",
            sign_rate / own >= 0.4 and sign_errors == 0,
        ),
        (
            "3. (beside it) co-signatures through the gateway / a minimal co-sign transaction bare (row lock, "
            "signature, update; no audit chain)",
            f"{sign_rate:.0f} / {bare:.0f} per s = {sign_rate / bare:.2f}x",
            "≥ 0.4x",
            sign_rate / bare >= 0.4,
        ),
    ]
    for label, figure, goal, ok in rows:
        print(f"| {label} | {figure} | {goal} | {verdict(ok)} |")
    print("\nEvery run (median over rounds; req/s counts 2xx answers; CPU in ms per request):\n")
    print("| run | req/s | p50 ms | p99 ms | plain | registry | budget | reports | gateway |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label in runs:
        cells = [f"{cpu(label, p):.2f}" for p in ("plain", "registry", "budget", "reports", "gateway")]
        print(
            f"| {label} | {rps(label):.0f} | {med(label, lambda x: x['p50_ms']):.1f} | "
            f"{med(label, lambda x: x['p99_ms']):.1f} | " + " | ".join(cells) + " |"
        )
    print(
        f"\nThe co-sign transaction bare (asyncpg, {CONNECTIONS} clients, the same 10 accounts), per round: the "
        "service's own "
        + ", ".join(f"{x:.0f}/s" for x in cosign_service)
        + "; the minimal one "
        + ", ".join(f"{x:.0f}/s" for x in cosign_bare)
        + ". The service's own is what `withdrawals/service.py::sign_on` sends, without HTTP, token or rules: "
        "`BEGIN`, `budget.cosign_lock`, `budget.cosign_write` (its last step takes the audit chain lock, held to "
        "the commit), the entry hashed in Python, its insert and `COMMIT` in one message. The minimal one writes "
        "no audit entry, so it takes no chain lock: beside the other, it shows what the chain costs."
    )
    print("Peak RSS after the runs (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in rss.items()) + ".")
    print(f"\nWall time: {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
