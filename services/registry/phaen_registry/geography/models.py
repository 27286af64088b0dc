"""Reference geography tables. Loaded from GeoThai (CC-BY-4.0, credit "GeoThai") by ``loader.py``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, String, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel

from phaen_registry import SCHEMA


class Region(SQLModel, table=True):
    """A region of the network (ภาค): north, central, northeast, south."""

    __tablename__ = "region"
    __table_args__ = {"schema": SCHEMA}

    code: str = Field(primary_key=True, max_length=16)
    name_th: str = Field(max_length=100)
    name_en: str = Field(max_length=100)
    sort_order: int = 0


class Province(SQLModel, table=True):
    """A province (จังหวัด), 2-digit DOPA code; its region is data (``data/province_regions.csv``)."""

    __tablename__ = "province"
    __table_args__ = {"schema": SCHEMA}

    code: str = Field(primary_key=True, max_length=2)
    name_th: str = Field(max_length=100)
    name_en: str = Field(max_length=100)
    region_code: str = Field(foreign_key=f"{SCHEMA}.region.code", index=True, max_length=16)


class District(SQLModel, table=True):
    """A district (อำเภอ / เขต), 4-digit DOPA code. ``in_use`` is false once GeoThai drops it."""

    __tablename__ = "district"
    __table_args__ = {"schema": SCHEMA}

    code: str = Field(primary_key=True, max_length=4)
    name_th: str = Field(max_length=100)
    name_en: str = Field(max_length=100)
    province_code: str = Field(foreign_key=f"{SCHEMA}.province.code", index=True, max_length=2)
    in_use: bool = True


class Subdistrict(SQLModel, table=True):
    """A subdistrict (ตำบล / แขวง), 6-digit DOPA code. Rows are never deleted (network data refers to them)."""

    __tablename__ = "subdistrict"
    __table_args__ = {"schema": SCHEMA}

    code: str = Field(primary_key=True, max_length=6)
    name_th: str = Field(max_length=100)
    name_en: str = Field(max_length=100)
    district_code: str = Field(foreign_key=f"{SCHEMA}.district.code", index=True, max_length=4)
    province_code: str = Field(foreign_key=f"{SCHEMA}.province.code", index=True, max_length=2)
    postal_codes: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(String(5)), nullable=False))
    in_use: bool = True


class AbolishedArea(SQLModel, table=True):
    """A district or subdistrict DOPA abolished; old records may still carry its code or name."""

    __tablename__ = "abolished_area"
    __table_args__ = {"schema": SCHEMA}

    code: str = Field(primary_key=True, max_length=6)
    level: str = Field(max_length=12)
    name_th: str = Field(max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    abolished_on: dt.date | None = None
    successors: list[str] = Field(default_factory=list, sa_column=Column(ARRAY(String(6)), nullable=False))


class ReferenceVersion(SQLModel, table=True):
    """What reference/seed data is loaded (set-up skips work that is already done)."""

    __tablename__ = "reference_version"
    __table_args__ = {"schema": SCHEMA}

    name: str = Field(primary_key=True, max_length=40)
    version: str = Field(max_length=200)
    loaded_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()))
