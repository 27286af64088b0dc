"""Device keys: the Ed25519 public keys signatories sign offline with (never deleted; revoked instead)."""

import datetime as dt
import uuid

from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import ts_field


class DeviceKey(SQLModel, table=True):
    """One signatory's device key: its owner (user id and registry person) signs with it when offline.

    ``public_key`` is base64url (no padding) of the 32 raw Ed25519 bytes, UNIQUE: one key has one owner, so a
    signature can never be claimed for another user by registering someone else's public key.
    """

    __tablename__ = "device_keys"
    __table_args__ = {"schema": SCHEMA}

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    owner: str = Field(max_length=200, index=True)
    owner_person: str | None = Field(default=None, max_length=200)
    public_key: str = Field(max_length=43, unique=True)
    label: str = Field(max_length=100)
    created_at: dt.datetime = ts_field()
    revoked_at: dt.datetime | None = ts_field(nullable=True)
    revoked_by: str | None = Field(default=None, max_length=200)
