"""The audit trail: append-only, hash-chained (SHA-256)."""

import datetime as dt

from sqlalchemy import BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from phaen_budget import SCHEMA
from phaen_budget.core.models import ts_field


class AuditEntry(SQLModel, table=True):
    """One audited change or denied money action; UPDATE/DELETE/TRUNCATE are refused by triggers."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("audit_log_entity_idx", "entity", "entity_id"), {"schema": SCHEMA})

    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    at: dt.datetime = ts_field()
    actor: str = Field(max_length=200)
    action: str = Field(max_length=80)
    entity: str = Field(max_length=60)
    entity_id: str = Field(max_length=80)
    outcome: str = Field(default="ok", max_length=20)
    detail: str | None = Field(default=None, max_length=200)
    before_digest: str | None = Field(default=None, max_length=64)
    after_digest: str | None = Field(default=None, max_length=64)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64, unique=True)


class AuditHead(SQLModel, table=True):
    """A signed head of the chain: the service's Ed25519 signature over ``phaen-budget-audit:<seq>:<hash>``.

    Append-only (triggers). Each one is also published as an ``audit.head_signed`` event and kept in a file
    outside the database, so deleting the chain's tail (and these rows) is still found by ``verify``.
    """

    __tablename__ = "audit_heads"
    __table_args__ = {"schema": SCHEMA}

    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    hash: str = Field(max_length=64)
    signed_at: dt.datetime = ts_field()
    key_id: str = Field(max_length=32)
    signature: str = Field(max_length=120)
