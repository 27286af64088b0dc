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
