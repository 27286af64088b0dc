"""Withdrawals (การเบิกถอน) and their co-signatures."""

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import money_field, ts_field
from phaen_budget.devicekeys import models as _devicekeys  # noqa: F401  (signatures.key_id refers to it)


class Withdrawal(SQLModel, table=True):
    """A request to take money out; immutable once requested except for its status and ``version``.

    ``version`` counts the changes that void signatures (a signatory change bumps it); the digest a
    signatory approves covers it, so a signature over an older version is stale.
    """

    __tablename__ = "withdrawals"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.accounts.id", index=True)
    project_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.projects.id", index=True)
    amount: Decimal = money_field()
    fund: str = Field(default="grant", max_length=20)
    purpose: str = Field(max_length=1000)
    resolution_number: str = Field(max_length=100)
    resolution_date: dt.date
    status: str = Field(default="pending", max_length=20)
    requested_by: str = Field(max_length=200)
    # The registry person of the requester (token claim ``person_id``), when its user is linked to one.
    requested_by_person: str | None = Field(default=None, max_length=200)
    requested_at: dt.datetime = ts_field()
    version: int = Field(default=1)
    expires_at: dt.datetime = ts_field()
    expired_at: dt.datetime | None = ts_field(nullable=True)
    approved_at: dt.datetime | None = ts_field(nullable=True)
    paid_at: dt.datetime | None = ts_field(nullable=True)
    bank_reference: str | None = Field(default=None, max_length=120)
    cancelled_at: dt.datetime | None = ts_field(nullable=True)
    cancelled_by: str | None = Field(default=None, max_length=200)
    cancel_reason: str | None = Field(default=None, max_length=1000)


class Signature(SQLModel, table=True):
    """One signatory's co-signature (ผู้มีอำนาจร่วมลงนาม); revoked (not deleted) when it is void.

    ``signer_person`` is the registry person behind the signer's user id: two user ids of one person
    count once (a partial UNIQUE index). ``digest`` is what the signatory approved.
    """

    __tablename__ = "signatures"
    __table_args__ = (
        Index(
            "signatures_withdrawal_signer_key",
            "withdrawal_id",
            "signer",
            unique=True,
            postgresql_where=text("revoked_at IS NULL"),
        ),
        Index(
            "signatures_withdrawal_person_key",
            "withdrawal_id",
            "signer_person",
            unique=True,
            postgresql_where=text("revoked_at IS NULL AND signer_person IS NOT NULL"),
        ),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    withdrawal_id: uuid.UUID = Field(foreign_key=f"{SCHEMA}.withdrawals.id", index=True)
    signer: str = Field(max_length=200)
    signer_person: str | None = Field(default=None, max_length=200)
    digest: str | None = Field(default=None, max_length=64)
    # An offline signature (issue 14): the device key it was made with and the Ed25519 signature (base64url).
    key_id: uuid.UUID | None = Field(default=None, foreign_key=f"{SCHEMA}.device_keys.id")
    offline_signature: str | None = Field(default=None, max_length=86)
    delivered_by: str | None = Field(default=None, max_length=200)
    signed_at: dt.datetime = ts_field()
    revoked_at: dt.datetime | None = ts_field(nullable=True)
