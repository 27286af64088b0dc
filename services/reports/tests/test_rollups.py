"""The rollups equal a from-scratch GROUP BY over the read model's rows, after any sequence of events.

Events are random: expenses recorded, voided, corrected onto another line or project, re-delivered; tambons
enrolled, moved to another region, district or tier. They are applied in pages of random sizes (so one page
may carry several states of the same row). Each example works on its own grants, projects and regions, so the
comparison sees only its own groups in the shared test database.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from phaen_common.db import Database
from phaen_common.events.samples import complete
from phaen_common.outbox import Event, EventFeed
from phaen_reports.feeds.consumer import FeedConsumer
from phaen_reports.feeds.source import ListFeedSource
from phaen_reports.projections.rollups import rebuild_from_rows

TIERS = ["model", "pilot", "expansion", "other"]
CATEGORIES = ["1.1", "2.3", "6", "9.9"]


class World:
    """Ids of one example, and the feed it writes."""

    def __init__(self) -> None:
        tag = uuid.uuid4().hex[:8]
        self.grants = [str(uuid.uuid4()) for _ in range(2)]
        self.projects = [str(uuid.uuid4()) for _ in range(3)]
        self.regions = [f"r{tag}{i}" for i in range(3)]
        self.tambons = [f"{tag[:4]}{i:02d}" for i in range(6)]  # a tambon code is 6 characters
        self.expenses = [str(uuid.uuid4()) for _ in range(8)]
        self.source = ListFeedSource(name=f"rollups-{tag}", events=[])
        self.state: dict[str, dict[str, Any]] = {}  # the last payload of each entity, for voids and re-deliveries

    def add(self, type: str, entity: str, entity_id: str, payload: dict[str, Any]) -> None:
        event = {
            "pos": len(self.source.events) + 1,
            "event_id": str(uuid.uuid4()),
            "type": type,
            "entity": entity,
            "entity_id": entity_id,
            "occurred_at": dt.datetime.now(dt.UTC).isoformat(),
            "payload": complete(type, payload),
        }
        self.source.events.append(Event.model_validate(event))
        self.state[entity_id] = {"type": type, "entity": entity, "payload": event["payload"]}

    def step(self, op: tuple[Any, ...]) -> None:
        kind, i, a, b, c, cents = op
        if kind == "expense":
            xid = self.expenses[i % len(self.expenses)]
            self.add(
                "expense.recorded",
                "expense",
                xid,
                {
                    "id": xid,
                    "project_id": self.projects[a % len(self.projects)],
                    "grant_id": self.grants[b % len(self.grants)],
                    "line_no": 1 + c % 3,
                    "category": CATEGORIES[(a + c) % len(CATEGORIES)],
                    "amount": str(Decimal(cents) / 100),
                    "spent_on": "2004-01-15",
                    "evidence_kind": "receipt",
                    "status": "recorded",
                },
            )
        elif kind == "void":
            xid = self.expenses[i % len(self.expenses)]
            if xid in self.state:
                self.add("expense.voided", "expense", xid, {**self.state[xid]["payload"], "status": "void"})
        elif kind == "again":
            known = sorted(self.state)
            if known:
                old = self.state[known[i % len(known)]]
                self.add(old["type"], old["entity"], known[i % len(known)], old["payload"])
        else:
            code = self.tambons[i % len(self.tambons)]
            region = self.regions[a % len(self.regions)]
            self.add(
                "tambon.enrolled" if code not in self.state else "tambon.updated",
                "tambon",
                code,
                {
                    "code": code,
                    "district_code": f"{region}-d{b % 3}",
                    "province_code": f"{region}-p{b % 2}",
                    "region": region,
                    "tier": TIERS[c % len(TIERS)],
                    "tao_plan_integrated": cents % 2 == 0,
                    "tao_funded": cents % 3 == 0,
                },
            )


ops = st.tuples(
    st.sampled_from(["expense", "expense", "void", "again", "tambon"]),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(1, 10_000_000),
)


def _plain(rows: Any) -> set[tuple[Any, ...]]:
    """Rows as comparable tuples, groups whose every counter is zero left out (a rollup keeps them at zero)."""
    return {tuple(r) for r in rows if any(v for v in tuple(r)[-3:])}


async def rolled_and_scratch(db: Database, w: World) -> dict[str, tuple[set[Any], set[Any]]]:
    """Each rollup of the world's groups beside the same figures computed from the rows."""
    p = {"grants": w.grants, "projects": w.projects, "regions": w.regions}
    q = {
        "line": (
            "SELECT grant_id, line_no, recorded_count, recorded_amount, void_count FROM reports.expense_line_rollup "
            "WHERE grant_id::text = ANY(:grants)",
            "SELECT grant_id, line_no, count(*) FILTER (WHERE status = 'recorded'), "
            "coalesce(sum(amount) FILTER (WHERE status = 'recorded'), 0), count(*) FILTER (WHERE status = 'void') "
            "FROM reports.expense WHERE grant_id::text = ANY(:grants) GROUP BY 1, 2",
        ),
        "category": (
            "SELECT project_id, category, recorded_count, recorded_amount, void_count "
            "FROM reports.expense_category_rollup WHERE project_id::text = ANY(:projects)",
            "SELECT project_id, coalesce(category, ''), count(*) FILTER (WHERE status = 'recorded'), "
            "coalesce(sum(amount) FILTER (WHERE status = 'recorded'), 0), count(*) FILTER (WHERE status = 'void') "
            "FROM reports.expense WHERE project_id::text = ANY(:projects) GROUP BY 1, 2",
        ),
        "region": (
            "SELECT region, model, pilot, expansion, tambons, districts, provinces, tao_plan_integrated, tao_funded "
            "FROM reports.tambon_region_rollup WHERE region = ANY(:regions)",
            "SELECT region, count(*) FILTER (WHERE tier = 'model'), count(*) FILTER (WHERE tier = 'pilot'), "
            "count(*) FILTER (WHERE tier = 'expansion'), count(*), count(DISTINCT district_code), "
            "count(DISTINCT province_code), count(*) FILTER (WHERE tao_plan_integrated), "
            "count(*) FILTER (WHERE tao_funded) FROM reports.tambon WHERE region = ANY(:regions) GROUP BY 1",
        ),
    }
    out = {}
    async with db.sessionmaker() as session:
        for name, (rolled, scratch) in q.items():
            a = (await session.execute(text(rolled), p)).all()
            b = (await session.execute(text(scratch), p)).all()
            if name == "region":
                # The last counters are the tambon counts: a region that emptied has every counter at zero.
                out[name] = ({tuple(r) for r in a if r[4]}, {tuple(r) for r in b})
            else:
                out[name] = (_plain(a), _plain(b))
    return out


class Pages:
    """The world's feed served in pages of the given sizes, cycled (a consumer takes what a page holds)."""

    def __init__(self, inner: ListFeedSource, sizes: list[int]) -> None:
        self.inner, self.sizes, self.name, self.k = inner, sizes, inner.name, 0

    async def fetch(self, *, after: int, limit: int) -> EventFeed:
        self.k += 1
        page = await self.inner.fetch(after=after, limit=min(limit, self.sizes[self.k % len(self.sizes)]))
        return page


async def _feed(db: Database, w: World, page_sizes: list[int]) -> None:
    """Apply the world's feed in pages of the given sizes, one page per transaction."""
    (result,) = await FeedConsumer(db, [Pages(w.source, page_sizes)]).catch_up()
    assert result.ok and result.applied == len(w.source.events)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(ops, min_size=1, max_size=40), page_sizes=st.lists(st.integers(1, 6), min_size=1, max_size=4))
async def test_rollups_equal_a_group_by_after_any_events(reports_db, steps, page_sizes):
    w = World()
    for op in steps:
        w.step(op)
    db = Database(reports_db)
    try:
        await _feed(db, w, page_sizes)
        for name, (rolled, scratch) in (await rolled_and_scratch(db, w)).items():
            assert rolled == scratch, name
    finally:
        await db.dispose()


async def test_a_void_is_a_negative_entry_and_the_group_row_stays(reports_db):
    w = World()
    w.step(("expense", 0, 0, 0, 0, 12345))
    w.step(("void", 0, 0, 0, 0, 0))
    db = Database(reports_db)
    try:
        await _feed(db, w, [1])
        async with db.sessionmaker() as session:
            row = (
                await session.execute(
                    text(
                        "SELECT recorded_count, recorded_amount, void_count FROM reports.expense_line_rollup "
                        "WHERE grant_id = :g"
                    ),
                    {"g": uuid.UUID(w.grants[0])},
                )
            ).one()
    finally:
        await db.dispose()
    assert tuple(row) == (0, Decimal("0.00"), 1)


async def test_a_rebuild_replayed_or_from_rows_gives_the_same_rollups(reports_db):
    rnd = random.Random(4711)
    w = World()
    kinds = ["expense", "expense", "expense", "void", "again", "tambon"]
    for _ in range(300):
        w.step((rnd.choice(kinds), *(rnd.randrange(50) for _ in range(4)), rnd.randrange(1, 10_000_000)))
    db = Database(reports_db)
    try:
        await _feed(db, w, [1, 7, 3, 50])
        before = await rolled_and_scratch(db, w)
        assert all(rolled == scratch for rolled, scratch in before.values())
        assert before["line"][0] and before["region"][0]  # the comparison is not over empty sets
        await FeedConsumer(db, [w.source], page_size=1000).rebuild()
        replayed = await rolled_and_scratch(db, w)
        async with db.sessionmaker() as session, session.begin():
            await rebuild_from_rows(session)
        from_rows = await rolled_and_scratch(db, w)
    finally:
        await db.dispose()
    assert {k: v[0] for k, v in replayed.items()} == {k: v[0] for k, v in before.items()}
    assert {k: v[0] for k, v in from_rows.items()} == {k: v[0] for k, v in before.items()}
