"""feed wake-ups and cheaper reads (performance)

Revision ID: registry_0004
Revises: registry_0003
Create Date: 2026-11-27 16:00:00

Every insert into the outbox notifies the channel ``phaen_outbox`` at commit, so the reports service's feed
consumer (LISTEN) fetches new events at once instead of polling the feed over HTTP.
"""

from collections.abc import Sequence

from alembic import op

from phaen_common.outbox import drop_notify_trigger_sql, notify_trigger_sql

revision: str = "registry_0004"
down_revision: str | Sequence[str] | None = "registry_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SCHEMA = "registry"


def upgrade() -> None:
    for statement in notify_trigger_sql(SCHEMA):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_notify_trigger_sql(SCHEMA):
        op.execute(statement)
