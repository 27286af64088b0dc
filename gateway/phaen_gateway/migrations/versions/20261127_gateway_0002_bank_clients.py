"""bank partner clients carry their bank (money-bounds)

Revision ID: gateway_0002
Revises: gateway_0001
Create Date: 2026-11-27 13:00:00

``clients.bank``: the bank a ``bank`` partner client is (e.g. "BAAC"). It goes into the client's access
token as the claim ``bank``; the budget service lets a bank client see and act on its own bank's accounts
only. Clients made before have none and therefore see no account until they are replaced.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "gateway_0002"
down_revision: str | Sequence[str] | None = "gateway_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("bank", sa.String(length=20), nullable=True), schema="gateway")
    op.create_check_constraint(
        op.f("clients_bank_only_for_bank_role_check"),
        "clients",
        "bank IS NULL OR 'bank' = ANY(roles)",
        schema="gateway",
    )


def downgrade() -> None:
    op.drop_constraint(op.f("clients_bank_only_for_bank_role_check"), "clients", schema="gateway", type_="check")
    op.drop_column("clients", "bank", schema="gateway")
