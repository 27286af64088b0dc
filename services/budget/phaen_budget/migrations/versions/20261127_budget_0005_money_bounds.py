"""money bounds: bank-scoped fees, tranche bounds, reference namespaces (money-bounds)

Revision ID: budget_0005
Revises: budget_0004
Create Date: 2026-11-27 13:00:00

- ``ledger_entries.internal_reference``: references Phaen makes itself (``tranche:<project>:<n>``) get their
  own unique column, so a bank reference (``reference``, written by banks) can never take one. Entries
  booked before keep their reference where it is: the ledger is append-only.
- ``tranche_releases.resolution_number`` / ``resolution_date``: every release cites the committee resolution
  that released it (null only on releases made before).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "budget_0005"
down_revision: str | Sequence[str] | None = "budget_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "ledger_entries",
        sa.Column("internal_reference", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        schema="budget",
    )
    op.create_index(
        "ledger_entries_internal_reference_key",
        "ledger_entries",
        ["internal_reference"],
        unique=True,
        schema="budget",
        postgresql_where=sa.text("internal_reference IS NOT NULL"),
    )
    op.add_column(
        "tranche_releases",
        sa.Column("resolution_number", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        schema="budget",
    )
    op.add_column("tranche_releases", sa.Column("resolution_date", sa.Date(), nullable=True), schema="budget")


def downgrade() -> None:
    op.drop_column("tranche_releases", "resolution_date", schema="budget")
    op.drop_column("tranche_releases", "resolution_number", schema="budget")
    op.drop_index(
        "ledger_entries_internal_reference_key",
        table_name="ledger_entries",
        schema="budget",
        postgresql_where=sa.text("internal_reference IS NOT NULL"),
    )
    op.drop_column("ledger_entries", "internal_reference", schema="budget")
