"""Reports at national scale: report latency vs a plain SQL GROUP BY over the same rows, and feed catch-up.

Scale: the 7,436 subdistricts of GeoThai, 2,000 of them enrolled (the read model holds enrolled tambons only),
one project per enrolled tambon, 1,000,000 expenses on a 10-line grant. Measured in one run, side by side:
- plan vs actual (``GET /v1/reports/plan-vs-actual``, in-process over ASGI: auth, freshness, query, JSON)
  against the bare ``SELECT line_no, sum(amount) ... GROUP BY line_no`` over the same expense rows;
- coverage against the bare ``GROUP BY region, tier`` over the same tambon rows;
- catch-up of 100,000 events: from a recorded list (projection cost alone) and through the real budget
  service's feed (outbox rows served by the budget app over ASGI, read with an ``events:read`` token);
- the lag from an event appearing in a feed to the report showing it, with the background poller (0.5 s).

Command: ``.venv/bin/python bench/bench_reports.py`` (also run by ``make bench``); writes
``bench/RESULTS-reports.md`` and prints the same section for ``bench/RESULTS.md``.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import json
import logging
import random
import resource
import statistics
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
import psycopg
from common import ROOT, embedded_database, fill_rollups
from pydantic import SecretStr

N_ENROLLED = 2000
N_EXPENSES = 1_000_000
N_EVENTS = 100_000
REPEAT = 15
COMMAND = ".venv/bin/python bench/bench_reports.py"


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ms(values: list[float]) -> str:
    s = sorted(values)
    p50 = statistics.median(s) * 1000
    p95 = s[min(len(s) - 1, round(0.95 * (len(s) - 1)))] * 1000
    return f"{p50:.1f} / {p95:.1f}"


def geography() -> list[tuple[str, str, str, str]]:
    """Every GeoThai subdistrict: (code, district, province, region)."""
    import geothai

    regions_csv = ROOT / "services/registry/phaen_registry/data/province_regions.csv"
    region_of = {r["province_code"]: r["region"] for r in csv.DictReader(regions_csv.open(encoding="utf-8"))}
    out = []
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            for s in geothai.subdistricts(d.code):
                out.append((s.code, d.code, p.code, region_of[p.code]))
    return out


def copy_rows(conn: psycopg.Connection[Any], table: str, columns: list[str], rows: Any) -> None:
    with conn.cursor() as cur, cur.copy(f"COPY reports.{table} ({', '.join(columns)}) FROM STDIN") as cp:
        for row in rows:
            cp.write_row(row)


def load_read_model(url: str, rnd: random.Random) -> tuple[str, int]:
    """Bulk-load the national-scale read model (as if the feeds had been consumed). Returns (grant id, tambons)."""
    geo = geography()
    enrolled = rnd.sample(geo, N_ENROLLED)
    grant_id = str(uuid.uuid4())
    tiers = ["model"] * 49 + ["pilot"] * 173 + ["expansion"] * (N_ENROLLED - 222)
    rnd.shuffle(tiers)
    with psycopg.connect(url) as conn:
        copy_rows(
            conn,
            "tambon",
            ["code", "district_code", "province_code", "region", "tier", "tao_plan_integrated", "tao_funded"],
            ((c, d, p, r, tiers[i], rnd.random() < 0.6, rnd.random() < 0.3) for i, (c, d, p, r) in enumerate(enrolled)),
        )
        conn.execute(
            "INSERT INTO reports.grant (id, name, funder, amount, fiscal_year) "
            "VALUES (%s, 'national', 'CODI', 20455500, 2547)",
            (grant_id,),
        )
        planned = [2205000, 4325000, 1777500, 1848000, 300000, 4000000, 3200000, 800000, 1000000, 1000000]
        copy_rows(
            conn,
            "grant_line",
            ["grant_id", "no", "title", "planned"],
            ((grant_id, no, f"line {no}", amount) for no, amount in enumerate(planned, 1)),
        )
        projects = [(str(uuid.uuid4()), (i % 10) + 1, t[0], t[3]) for i, t in enumerate(enrolled)]
        copy_rows(
            conn,
            "project",
            ["id", "grant_id", "line_no", "name", "level", "region", "tambon", "amount", "tranches", "status"],
            (
                (pid, grant_id, line, f"project {code}", "tambon", region, code, 20000, "[50, 50]", "active")
                for pid, line, code, region in projects
            ),
        )
        cats = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3", "4", "5", "6"]
        start = dt.date(2003, 10, 1)

        def expenses() -> Any:
            for i in range(N_EXPENSES):
                pid, line, _code, _region = projects[i % len(projects)]
                yield (
                    str(uuid.uuid4()),
                    pid,
                    grant_id,
                    line,
                    cats[i % 13],
                    f"{rnd.randint(100, 500000) / 100:.2f}",
                    start + dt.timedelta(days=i % 365),
                    "receipt" if i % 7 else "voucher",
                    "void" if i % 97 == 0 else "recorded",
                )

        copy_rows(
            conn,
            "expense",
            ["id", "project_id", "grant_id", "line_no", "category", "amount", "spent_on", "evidence_kind", "status"],
            expenses(),
        )
        conn.commit()
        conn.execute("ANALYZE reports.expense")
        conn.execute("ANALYZE reports.tambon")
        conn.commit()
    return grant_id, len(geo)


async def time_sql(url: str, sql: str, *params: Any) -> list[float]:
    """The bare query through the same driver the service uses (asyncpg), warmed the same way."""
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.fetch(sql, *params)
        out = []
        for _ in range(REPEAT):
            t = time.perf_counter()
            await conn.fetch(sql, *params)
            out.append(time.perf_counter() - t)
    finally:
        await conn.close()
    return out


async def time_get(
    client: httpx.AsyncClient, path: str, params: dict[str, str], headers: dict[str, str]
) -> list[float]:
    r = await client.get(path, params=params, headers=headers)
    assert r.status_code == 200, r.text
    out = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        r = await client.get(path, params=params, headers=headers)
        out.append(time.perf_counter() - t)
        assert r.status_code == 200
    return out


def recorded_events(n: int, rnd: random.Random) -> list[dict[str, Any]]:
    """A budget-shaped feed: mostly expenses and ledger entries, some re-deliveries and voids.

    Every payload fits the event contract (``phaen_common.events``): the projection skips one that does not.
    """
    grant, project, account = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    now = dt.datetime.now(dt.UTC).isoformat()
    out: list[dict[str, Any]] = [
        {
            "type": "grant.created",
            "entity": "grant",
            "entity_id": grant,
            "payload": {"id": grant, "name": "g", "funder": "CODI", "amount": "1000000.00", "fiscal_year": 2547},
        },
        {
            "type": "project.created",
            "entity": "project",
            "entity_id": project,
            "payload": {
                "id": project,
                "grant_id": grant,
                "line_no": 1,
                "name": "p",
                "level": "network",
                "region": None,
                "tambon": None,
                "tier": None,
                "amount": "1000000.00",
                "tranches": ["50", "50"],
                "status": "active",
            },
        },
    ]
    recent: list[dict[str, Any]] = []
    while len(out) < n:
        k = rnd.random()
        if k < 0.8:
            xid = str(uuid.uuid4())
            p = {
                "id": xid,
                "project_id": project,
                "grant_id": grant,
                "line_no": 1,
                "category": "6",
                "amount": f"{rnd.randint(100, 99999)}.00",
                "spent_on": "2004-01-01",
                "evidence_kind": "receipt",
                "status": "recorded",
                "description": None,
                "evidence": {},
            }
            ev = {"type": "expense.recorded", "entity": "expense", "entity_id": xid, "payload": p}
            recent.append(ev)
        elif k < 0.95:
            lid = str(uuid.uuid4())
            ev = {
                "type": "ledger.entry",
                "entity": "ledger_entry",
                "entity_id": lid,
                "payload": {
                    "id": lid,
                    "account_id": account,
                    "project_id": project,
                    "kind": "transfer",
                    "fund": "grant",
                    "amount": f"{rnd.randint(1, 9999)}.00",
                    "booked_at": now,
                    "reference": lid[:8],
                    "withdrawal_id": None,
                },
            }
        elif recent:
            ev = dict(rnd.choice(recent[-500:]))  # a re-delivery
            if rnd.random() < 0.3:
                ev = {**ev, "type": "expense.voided", "payload": {**ev["payload"], "status": "void"}}
        else:
            continue
        out.append(ev)
    return [{"pos": i + 1, "event_id": str(uuid.uuid4()), "occurred_at": now, **e} for i, e in enumerate(out[:n])]


def check_applied(url: str, events: list[dict[str, Any]]) -> None:
    """Every expense of the feed reached the read model (a payload that does not fit the contract is skipped)."""
    grant = events[0]["entity_id"]
    want = {e["entity_id"] for e in events if e["entity"] == "expense"}
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM reports.expense WHERE grant_id = %s", (grant,)).fetchone()
    assert row is not None and row[0] == len(want), f"{row} expenses in the read model, {len(want)} in the feed"


async def catch_up_recorded(url: str, events: list[dict[str, Any]]) -> tuple[float, int]:
    from phaen_common.db import Database
    from phaen_reports.feeds.consumer import FeedConsumer
    from phaen_reports.feeds.source import ListFeedSource

    db = Database(url)
    source = ListFeedSource.from_dicts(f"bench-recorded-{uuid.uuid4().hex[:6]}", events)
    consumer = FeedConsumer(db, [source], page_size=1000)
    t = time.perf_counter()
    results = await consumer.catch_up()
    took = time.perf_counter() - t
    await db.dispose()
    return took, results[0].applied


async def catch_up_through_budget(url: str, events: list[dict[str, Any]]) -> tuple[float, int, str]:
    """The same events as rows of the budget service's outbox, read through its real feed endpoint."""
    from phaen_budget import MIGRATIONS_DIR, SCHEMA
    from phaen_budget.config import Settings as BudgetSettings
    from phaen_budget.main import create_app as budget_app
    from phaen_common.db import Database
    from phaen_common.migrations import upgrade
    from phaen_common.testing import TestKeys, app_client
    from phaen_reports.feeds.consumer import FeedConsumer
    from phaen_reports.feeds.source import HttpFeedSource, StaticToken

    upgrade(MIGRATIONS_DIR, url, SCHEMA)
    with psycopg.connect(url) as conn:
        with (
            conn.cursor() as cur,
            cur.copy("COPY budget.outbox (event_id, type, entity, entity_id, payload) FROM STDIN") as cp,
        ):
            for e in events:
                cp.write_row((e["event_id"], e["type"], e["entity"], e["entity_id"], json.dumps(e["payload"])))
        conn.commit()
    keys = TestKeys()
    app = budget_app(BudgetSettings(database_url=SecretStr(url)))
    db = Database(url)
    async with app_client(app, keys) as client:
        token = StaticToken(keys.token(roles=["service_events"], sub="phaen-reports", ttl=3600))
        source = HttpFeedSource(
            name=f"bench-budget-{uuid.uuid4().hex[:6]}",
            base_url="http://testserver",
            path="/v1/budget/events",
            tokens=token,
            client=client,
        )
        consumer = FeedConsumer(db, [source], page_size=1000)
        t = time.perf_counter()
        results = await consumer.catch_up()
        took = time.perf_counter() - t
    await db.dispose()
    return took, results[0].applied, "ok" if results[0].ok else "source failed"


async def lag_with_poller(url: str, rnd: random.Random, trials: int = 10) -> list[float]:
    """Append one expense event to a live feed; time until the read model shows it (poll every 0.5 s)."""
    from phaen_common.db import Database
    from phaen_common.events.samples import complete
    from phaen_common.outbox import Event
    from phaen_reports.feeds.consumer import FeedConsumer
    from phaen_reports.feeds.source import ListFeedSource
    from phaen_reports.projections.models import Expense

    db = Database(url)
    seed = recorded_events(2, rnd)
    source = ListFeedSource.from_dicts(f"bench-live-{uuid.uuid4().hex[:6]}", seed)
    # listen=False: this measures the polling path (every 0.5 s), as before the consumer woke on NOTIFY.
    consumer = FeedConsumer(db, [source], page_size=1000, poll_seconds=0.5, listen=False)
    await consumer.catch_up()
    consumer.start()
    lags = []
    for _ in range(trials):
        await asyncio.sleep(rnd.random() * 0.5)  # land anywhere in the poll cycle
        xid = str(uuid.uuid4())
        ev = {
            "pos": len(source.events) + 1,
            "event_id": str(uuid.uuid4()),
            "type": "expense.recorded",
            "entity": "expense",
            "entity_id": xid,
            "occurred_at": dt.datetime.now(dt.UTC).isoformat(),
            # Completed through the event contract: a payload that does not fit is skipped by the projection.
            "payload": complete(
                "expense.recorded", {"id": xid, "category": "6", "amount": "1.00", "status": "recorded"}
            ),
        }
        t = time.perf_counter()
        source.events.append(Event.model_validate(ev))
        deadline = time.monotonic() + 30  # bounded: a benchmark must end
        while time.monotonic() < deadline:
            async with db.sessionmaker() as session:
                if await session.get(Expense, uuid.UUID(xid)) is not None:
                    break
            await asyncio.sleep(0.01)
        lags.append(time.perf_counter() - t)
    await consumer.stop()
    await db.dispose()
    return lags


async def main_async() -> str:
    from phaen_common.migrations import upgrade
    from phaen_common.testing import TestKeys, app_client
    from phaen_reports import MIGRATIONS_DIR, SCHEMA
    from phaen_reports.config import Settings
    from phaen_reports.feeds.source import ListFeedSource
    from phaen_reports.main import create_app

    rnd = random.Random(20040601)
    pg, url = embedded_database("reports")
    lines: list[str] = []
    try:
        upgrade(MIGRATIONS_DIR, url, SCHEMA)
        t = time.perf_counter()
        grant_id, n_geo = load_read_model(url, rnd)
        load_s = time.perf_counter() - t
        # The reports read incrementally maintained rollups; a bulk load bypasses the projection, so fill them
        # from the rows in SQL (as bench_rollups.py does), or the reports would read empty rollups.
        rollup_s = await fill_rollups(url)

        keys = TestKeys()
        app = create_app(Settings(database_url=SecretStr(url), feed_enabled=False, stale_after_seconds=3600))
        app.state.feed_sources = [ListFeedSource(name="bench-empty", events=[])]
        auth = keys.auth(roles=["auditor"])
        async with app_client(app, keys) as client:
            await app.state.consumer.catch_up()
            pva = await time_get(client, "/v1/reports/plan-vs-actual", {"grant": grant_id}, auth)
            cov = await time_get(client, "/v1/reports/coverage", {}, auth)
            overhead = await time_get(client, "/v1/reports/feeds", {}, auth)
            body = (await client.get("/v1/reports/plan-vs-actual", params={"grant": grant_id}, headers=auth)).json()
            fmt_times = {}
            for fmt in ("csv", "xlsx", "pdf"):
                t = time.perf_counter()
                r = await client.get("/v1/reports/coverage", params={"format": fmt}, headers=auth)
                fmt_times[fmt] = time.perf_counter() - t
                assert r.status_code == 200
        # The report's actuals are the sums of the recorded (not voided) expenses, line by line and in total.
        with psycopg.connect(url) as conn:
            bare = dict(
                conn.execute(
                    "SELECT line_no, sum(amount) FROM reports.expense WHERE grant_id = %s AND status = 'recorded' "
                    "GROUP BY line_no",
                    (grant_id,),
                ).fetchall()
            )
        reported = {ln["no"]: Decimal(ln["actual"]) for ln in body["lines"]}
        assert reported == bare and bare, f"plan vs actual differs from the GROUP BY: {reported} vs {bare}"
        assert Decimal(body["totals"]["actual"]) == sum(bare.values()), "plan vs actual total is not the sum"
        pva_sql = await time_sql(
            url,
            "SELECT line_no, sum(amount) FROM reports.expense WHERE grant_id = $1 "
            "AND status = 'recorded' GROUP BY line_no",
            uuid.UUID(grant_id),
        )
        cov_sql = await time_sql(
            url,
            "SELECT region, count(*) FILTER (WHERE tier = 'model'), "
            "count(*) FILTER (WHERE tier = 'pilot'), count(*) FILTER (WHERE tier = 'expansion'), "
            "count(*), count(DISTINCT district_code), count(DISTINCT province_code) "
            "FROM reports.tambon GROUP BY region",
        )

        events = recorded_events(N_EVENTS, rnd)
        rec_s, rec_n = await catch_up_recorded(url, events)
        check_applied(url, events)
        events = recorded_events(N_EVENTS, rnd)
        http_s, http_n, http_ok = await catch_up_through_budget(url, events)
        check_applied(url, events)
        lags = await lag_with_poller(url, rnd)

        r_pva = statistics.median(pva) / statistics.median(pva_sql)
        r_cov = statistics.median(cov) / statistics.median(cov_sql)
        lines += [
            "## Reports (bench/bench_reports.py)",
            "",
            f"Command: `{COMMAND}`. Read model: {n_geo:,} GeoThai subdistricts, {N_ENROLLED:,} enrolled "
            f"(49 model, 173 pilot, the rest expansion), {N_ENROLLED:,} projects, {N_EXPENSES:,} expenses "
            f"(1 in 97 voided) on a 10-line grant; bulk-loaded in {load_s:.1f} s, rollups filled from the rows "
            f"in SQL in {rollup_s:.1f} s. Latency is p50 / p95 of {REPEAT} warm calls, in ms; "
            "the report goes through the whole app in-process (token check, "
            "freshness, query, JSON), the SQL is the bare GROUP BY over the same rows on the same database.",
            "",
            "| measure | report (ms p50 / p95) | plain SQL GROUP BY (ms p50 / p95) | ratio (p50) |",
            "|---|---|---|---|",
            f"| plan vs actual, {N_EXPENSES:,} expenses | {ms(pva)} | {ms(pva_sql)} | {r_pva:.2f}x |",
            f"| coverage, {N_ENROLLED:,} enrolled tambons | {ms(cov)} | {ms(cov_sql)} | {r_cov:.2f}x |",
            f"| for reference: `GET /v1/reports/feeds` (token check + freshness, no report query) | "
            f"{ms(overhead)} | | |",
            "",
            "Every report pays the fixed cost of the last row (an RS256 token check, one freshness query, the "
            "ASGI round trip); on top of it, each report reads a few rows of the rollups the projection maintains, "
            "so it does not grow with the expenses the bare GROUP BY scans.",
            "",
            f"Plan vs actual totals: planned {body['totals']['planned']}, actual {body['totals']['actual']} "
            f"(checked: equal to the sum of the recorded expenses, line by line), percent "
            f"{body['totals']['percent']}. Coverage rendered as CSV {fmt_times['csv'] * 1000:.0f} ms, "
            f"XLSX {fmt_times['xlsx'] * 1000:.0f} ms, PDF {fmt_times['pdf'] * 1000:.0f} ms (first PDF includes "
            "loading the Thai word tokenizer).",
            "",
            "| catch-up of 100,000 events | time (s) | events/s |",
            "|---|---|---|",
            f"| recorded list (projection and cursor only) | {rec_s:.1f} | {rec_n / rec_s:,.0f} |",
            f"| through the budget service's real feed (outbox -> `GET /v1/budget/events` over ASGI) | "
            f"{http_s:.1f} | {http_n / http_s:,.0f} ({http_ok}) |",
            "",
            f"Lag from an event entering a feed to the read model showing it, background poller every 0.5 s, "
            f"{len(lags)} trials: median {statistics.median(lags) * 1000:.0f} ms, max {max(lags) * 1000:.0f} ms "
            "(the contract asks for catch-up within 2 s).",
            "",
            f"Peak RSS of the benchmark process (app in-process, data generation included): {peak_rss_mib():.0f} MiB. "
            "PostgreSQL runs in its own processes and is not counted.",
        ]
    finally:
        pg.stop()  # type: ignore[attr-defined]
    return "\n".join(lines)


def main() -> int:
    # The apps log every request to stdout; this script's stdout is its results section.
    logging.disable(logging.INFO)
    started = time.perf_counter()
    section = asyncio.run(main_async())
    section += f"\n\nWall time of the whole benchmark: {time.perf_counter() - started:.0f} s.\n"
    header = (
        f"# Reports benchmark\n\nMade on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `{COMMAND}` "
        "(2 shared cores: compare the ratios measured side by side in one run, not absolute numbers "
        "across runs).\n\n"
    )
    (ROOT / "bench" / "RESULTS-reports.md").write_text(header + section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
