"""users linked to registry persons (signatories)

Revision ID: gateway_0003
Revises: gateway_0002
Create Date: 2026-11-27 13:00:00

A user may be linked to the registry person it is. Nullable (service users, and users made before the
link existed, have none); not unique, because one person may hold several user ids: the budget service
counts signatures by person.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "gateway_0003"
down_revision: str | Sequence[str] | None = "gateway_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("users", sa.Column("person_id", sa.Uuid(), nullable=True), schema="gateway")
    op.create_index("users_person_id_idx", "users", ["person_id"], unique=False, schema="gateway")


def downgrade() -> None:
    op.drop_index("users_person_id_idx", table_name="users", schema="gateway")
    op.drop_column("users", "person_id", schema="gateway")
