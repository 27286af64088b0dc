"""Report queries go to ``PHAEN_DATABASE_READ_URL`` when it is set (a read replica), to the primary otherwise.

The "replica" here is a second database with the same schema: a grant that exists only there is found by the
reports, and one that exists only on the primary is not, so the test tells the two apart.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import psycopg
import pytest
from pydantic import SecretStr


@pytest.fixture(scope="module")
def replica_url(database_of_its_own: Callable[[str], str]) -> str:
    return database_of_its_own("replica")


def _grant(url: str) -> str:
    gid = str(uuid.uuid4())
    with psycopg.connect(url) as conn:
        conn.execute("INSERT INTO reports.grant (id, name, funder, amount) VALUES (%s, 'g', 'CODI', 100)", (gid,))
        conn.execute("INSERT INTO reports.grant_line (grant_id, no, title, planned) VALUES (%s, 1, 'l', 100)", (gid,))
    return gid


async def test_reports_read_the_replica_when_one_is_set(reports_app, reports_db, replica_url, keys):
    on_replica, on_primary = _grant(replica_url), _grant(reports_db)
    auth = keys.auth(roles=["auditor"])
    async with reports_app([], database_read_url=SecretStr(replica_url)) as (client, _app):
        r = await client.get("/v1/reports/plan-vs-actual", params={"grant": on_replica}, headers=auth)
        assert r.status_code == 200, r.text
        assert r.json()["totals"]["planned"] == "100.00"
        r = await client.get("/v1/reports/plan-vs-actual", params={"grant": on_primary}, headers=auth)
        assert r.status_code == 404


async def test_without_a_replica_reports_read_the_primary(reports_app, reports_db, replica_url, keys):
    on_replica, on_primary = _grant(replica_url), _grant(reports_db)
    auth = keys.auth(roles=["auditor"])
    async with reports_app([]) as (client, _app):
        r = await client.get("/v1/reports/plan-vs-actual", params={"grant": on_primary}, headers=auth)
        assert r.status_code == 200, r.text
        r = await client.get("/v1/reports/plan-vs-actual", params={"grant": on_replica}, headers=auth)
        assert r.status_code == 404
