"""feed wake-ups and cheaper co-signature (performance)

Revision ID: budget_0011
Revises: budget_0010
Create Date: 2026-11-27 16:00:00

Every insert into the outbox notifies the channel ``phaen_outbox`` at commit, so the reports service's feed
consumer (LISTEN) fetches new events at once instead of polling the feed over HTTP.
"""

from collections.abc import Sequence

from alembic import op

from phaen_common.outbox import drop_notify_trigger_sql, notify_trigger_sql

revision: str = "budget_0011"
down_revision: str | Sequence[str] | None = "budget_0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SCHEMA = "budget"


def upgrade() -> None:
    for statement in notify_trigger_sql(SCHEMA):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_notify_trigger_sql(SCHEMA):
        op.execute(statement)
