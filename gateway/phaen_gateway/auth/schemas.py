"""Request and response bodies of the auth endpoints. Password and secret hashes never appear here."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from phaen_common.access import RegionCode

Region = RegionCode
RoleList = list[str]


class ScopeClaims(BaseModel):
    region: Region | None = None
    province: str | None = Field(default=None, pattern=r"^\d{2}$", description="DOPA province code")
    tambon: str | None = Field(default=None, pattern=r"^\d{6}$", description="DOPA subdistrict code")


class UserCreate(ScopeClaims):
    """A new user (ผู้ใช้งาน)."""

    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=64, pattern=r"^[A-Za-z0-9._@-]+$")
    password: str = Field(min_length=8, max_length=256)
    display_name: str = Field(min_length=1, max_length=200)
    roles: RoleList = Field(min_length=1, max_length=10)
    person_id: uuid.UUID | None = Field(
        default=None, description="the registry person this user is (needs a valid national ID on record)"
    )


class PersonLink(BaseModel):
    """The registry person a user is (``null`` unlinks)."""

    model_config = ConfigDict(extra="forbid")

    person_id: uuid.UUID | None


class UserPublic(ScopeClaims):
    """A user as the API shows it (no password, no hash)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    display_name: str
    roles: list[str]
    person_id: uuid.UUID | None = None
    disabled: bool
    created_at: dt.datetime
    disabled_at: dt.datetime | None = None


BankCode = Annotated[
    str,
    Field(
        pattern=r"^[A-Z][A-Z0-9]{1,19}$",
        description="the bank a `bank` partner client is, as a short code (e.g. `BAAC`); required for that role",
        examples=["BAAC"],
    ),
]


class ClientCreate(BaseModel):
    """A new partner or internal client (ระบบลูกข่าย)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    roles: RoleList = Field(min_length=1, max_length=10)
    bank: BankCode | None = None


class ClientPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    client_id: str
    name: str
    roles: list[str]
    person_id: uuid.UUID | None = None
    bank: str | None = None
    disabled: bool
    created_at: dt.datetime
    disabled_at: dt.datetime | None = None


class ClientCreated(ClientPublic):
    """The one response that shows the client secret."""

    client_secret: str


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    scope: str
    refresh_token: str | None = None


class Me(ScopeClaims):
    sub: str
    kind: str
    roles: list[str]
    scope: str
    bank: str | None = Field(default=None, description="the bank of a `bank` partner client")
    username: str | None = None
    display_name: str | None = None
    person_id: str | None = Field(default=None, description="the registry person this user is linked to")


class DirectoryUser(BaseModel):
    """What another service may know of a user: enabled, roles, linked person (no name, no scope claims)."""

    id: uuid.UUID
    enabled: bool
    roles: list[str]
    person_id: uuid.UUID | None = None


class DirectoryAnswer(BaseModel):
    """The users found among the ids asked for; ids that are no user (client ids, made-up ids) are absent."""

    users: list[DirectoryUser]


class Revocations(BaseModel):
    """SHA-256 hex digests of revoked subjects whose tokens may still be unexpired."""

    revoked: list[str]
    not_before: dict[str, int] = Field(
        description="digest -> epoch second: the subject's tokens issued before it are refused (even re-enabled)"
    )
    window_seconds: int = Field(description="how long a subject stays listed: the access-token life plus leeway")


class KeyRotated(BaseModel):
    kid: str
    alg: str
    retired: list[str]
