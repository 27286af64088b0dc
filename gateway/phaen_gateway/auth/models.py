"""Identity tables in schema ``gateway``."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlmodel import Field, SQLModel

from phaen_common.access import REGIONS
from phaen_gateway import SCHEMA


def _ts(nullable: bool = True, default_now: bool = False) -> Any:
    return Field(
        default=None,
        sa_column=Column(
            DateTime(timezone=True), nullable=nullable, server_default=func.now() if default_now else None
        ),
    )


class User(SQLModel, table=True):
    """A person who logs in with a password (ผู้ใช้งาน)."""

    __tablename__ = "users"
    __table_args__ = (
        # Usernames are unique regardless of case: "Admin" and "admin" are the same person.
        Index("users_username_lower_key", text("lower(username)"), unique=True),
        Index("users_person_id_idx", "person_id"),
        CheckConstraint("cardinality(roles) > 0", name="roles_not_empty"),
        CheckConstraint(f"region IS NULL OR region IN ({', '.join(repr(r) for r in REGIONS)})", name="region_known"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    username: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    display_name: str = Field(sa_column=Column(String(200), nullable=False))
    password_hash: str = Field(sa_column=Column(String(255), nullable=False))
    roles: list[str] = Field(sa_column=Column(ARRAY(String(40)), nullable=False))
    region: str | None = Field(default=None, sa_column=Column(String(20), nullable=True))
    province: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    tambon: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    # The registry person this user is (ผู้ใช้ผูกกับบุคคล); one person may hold several user ids, so the
    # budget service counts signatures by person, never by user id.
    person_id: uuid.UUID | None = Field(default=None, nullable=True)
    created_at: dt.datetime | None = _ts(nullable=False, default_now=True)
    disabled_at: dt.datetime | None = _ts()
    # Tokens issued before this never verify again (set on disabling; kept on re-enabling).
    revoked_before: dt.datetime | None = _ts()


class PartnerClient(SQLModel, table=True):
    """A partner or internal system that authenticates with a client secret (client_credentials)."""

    __tablename__ = "clients"
    __table_args__ = (
        CheckConstraint("cardinality(roles) > 0", name="roles_not_empty"),
        # Only a bank partner carries a bank (older bank clients without one see no account at all).
        CheckConstraint("bank IS NULL OR 'bank' = ANY(roles)", name="bank_only_for_bank_role"),
        {"schema": SCHEMA},
    )

    client_id: str = Field(sa_column=Column(String(64), primary_key=True))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    secret_hash: str = Field(sa_column=Column(String(255), nullable=False))
    roles: list[str] = Field(sa_column=Column(ARRAY(String(40)), nullable=False))
    # The bank a ``bank`` partner is (e.g. "BAAC"): it acts on accounts at that bank only.
    bank: str | None = Field(default=None, sa_column=Column(String(20), nullable=True))
    created_at: dt.datetime | None = _ts(nullable=False, default_now=True)
    disabled_at: dt.datetime | None = _ts()
    revoked_before: dt.datetime | None = _ts()


class RefreshToken(SQLModel, table=True):
    """One refresh token, stored as a SHA-256 digest; each use rotates it within its family."""

    __tablename__ = "refresh_tokens"
    __table_args__ = (
        Index("refresh_tokens_family_idx", "family_id"),
        Index("refresh_tokens_user_idx", "user_id"),
        {"schema": SCHEMA},
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    token_hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    family_id: uuid.UUID = Field(nullable=False)
    user_id: uuid.UUID = Field(sa_column=Column(ForeignKey(f"{SCHEMA}.users.id", ondelete="CASCADE"), nullable=False))
    created_at: dt.datetime | None = _ts(nullable=False, default_now=True)
    expires_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    used_at: dt.datetime | None = _ts()
    revoked_at: dt.datetime | None = _ts()


class SigningKey(SQLModel, table=True):
    """An RS256 key pair; the newest unretired one signs, retired ones stay published for a while."""

    __tablename__ = "signing_keys"
    __table_args__ = (
        CheckConstraint("alg IN ('RS256', 'ES256')", name="alg_known"),
        # At most one key signs at any time; rotation retires it in the same transaction.
        Index("signing_keys_one_active_key", text("(true)"), unique=True, postgresql_where=text("retired_at IS NULL")),
        {"schema": SCHEMA},
    )

    kid: str = Field(sa_column=Column(String(64), primary_key=True))
    alg: str = Field(sa_column=Column(String(10), nullable=False, server_default="RS256"))
    private_pem: str = Field(sa_column=Column(Text, nullable=False))
    public_jwk: dict[str, Any] = Field(sa_column=Column(JSONB, nullable=False))
    created_at: dt.datetime | None = _ts(nullable=False, default_now=True)
    retired_at: dt.datetime | None = _ts()
