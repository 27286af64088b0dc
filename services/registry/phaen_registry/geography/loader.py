"""Load the reference geography into the registry schema.

Source: the ``geothai`` package, data by GeoThai (https://github.com/GeoThai), licence CC-BY-4.0:
77 provinces, 928 districts, 7,436 subdistricts with DOPA codes, Thai and English names, postal codes,
and the codes DOPA abolished with their successors.

Regions are the network's own data (``data/regions.csv`` and ``data/province_regions.csv``): North 15,
Central 28, Northeast 20, South 14. The common 17-province North includes Nakhon Sawan and Uthai Thani;
the network counts them in Central.

Loading is idempotent: names are upserted, rows GeoThai no longer lists are kept with ``in_use = false``
(network tambons, people and committees refer to them), and nothing else is touched. A second run with
the same data versions does nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import importlib.metadata
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

from sqlalchemy import Connection, Table, select, update
from sqlalchemy.dialects.postgresql import insert

from phaen_registry.geography.models import (
    AbolishedArea,
    District,
    Province,
    ReferenceVersion,
    Region,
    Subdistrict,
)

GEOGRAPHY = "geography"


def data_file(name: str) -> str:
    """The text of one of the package's data files."""
    return files("phaen_registry").joinpath(f"data/{name}").read_text(encoding="utf-8")


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a package data CSV."""
    return list(csv.DictReader(data_file(name).splitlines()))


def geography_version() -> str:
    """The versions the loaded geography must match: the geothai package, its data, our region table."""
    import geothai

    digest = hashlib.sha256((data_file("regions.csv") + data_file("province_regions.csv")).encode()).hexdigest()
    return f"geothai {importlib.metadata.version('geothai')} data {geothai.DATA_VERSION} regions {digest[:12]}"


def _table(model: Any) -> Table:
    return model.__table__


def _upsert(conn: Connection, model: Any, rows: list[dict[str, Any]], key: str, update_cols: Iterable[str]) -> None:
    if not rows:
        return
    table = _table(model)
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=[key], set_={c: stmt.excluded[c] for c in update_cols})
    conn.execute(stmt, rows)


def _mark_unused(conn: Connection, model: Any, codes: set[str]) -> None:
    table = _table(model)
    present = {r[0] for r in conn.execute(select(table.c.code))}
    gone = present - codes
    if gone:
        conn.execute(update(table).where(table.c.code.in_(gone)).values(in_use=False))


def load_geography(conn: Connection, *, force: bool = False) -> bool:
    """Upsert regions, provinces, districts, subdistricts and abolished areas. Returns False if up to date."""
    import geothai
    from geothai.abolished import abolished_areas

    version = geography_version()
    version_table = _table(ReferenceVersion)
    current = conn.execute(select(version_table.c.version).where(version_table.c.name == GEOGRAPHY)).scalar()
    if current == version and not force:
        return False

    regions = read_csv("regions.csv")
    _upsert(
        conn,
        Region,
        [
            {"code": r["code"], "name_th": r["name_th"], "name_en": r["name_en"], "sort_order": int(r["sort_order"])}
            for r in regions
        ],
        "code",
        ["name_th", "name_en", "sort_order"],
    )
    region_of = {r["province_code"]: r["region"] for r in read_csv("province_regions.csv")}

    provinces = geothai.provinces()
    missing = [p.code for p in provinces if p.code not in region_of]
    if missing:
        raise RuntimeError(f"provinces without a region in province_regions.csv: {missing}")
    _upsert(
        conn,
        Province,
        [
            {"code": p.code, "name_th": p.name_th, "name_en": p.name_en, "region_code": region_of[p.code]}
            for p in provinces
        ],
        "code",
        ["name_th", "name_en", "region_code"],
    )

    districts = [d for p in provinces for d in geothai.districts(p.code)]
    _upsert(
        conn,
        District,
        [
            {
                "code": d.code,
                "name_th": d.name_th,
                "name_en": d.name_en,
                "province_code": d.province_code,
                "in_use": True,
            }
            for d in districts
        ],
        "code",
        ["name_th", "name_en", "province_code", "in_use"],
    )
    _mark_unused(conn, District, {d.code for d in districts})

    subdistricts = [s for d in districts for s in geothai.subdistricts(d.code)]
    _upsert(
        conn,
        Subdistrict,
        [
            {
                "code": s.code,
                "name_th": s.name_th,
                "name_en": s.name_en,
                "district_code": s.district_code,
                "province_code": s.province_code,
                "postal_codes": list(s.postal_codes),
                "in_use": True,
            }
            for s in subdistricts
        ],
        "code",
        ["name_th", "name_en", "district_code", "province_code", "postal_codes", "in_use"],
    )
    _mark_unused(conn, Subdistrict, {s.code for s in subdistricts})

    _upsert(
        conn,
        AbolishedArea,
        [
            {
                "code": a.code,
                "level": a.level,
                "name_th": a.name_th,
                "name_en": a.name_en,
                "abolished_on": dt.date.fromisoformat(a.abolished_on) if a.abolished_on else None,
                "successors": list(a.successors),
            }
            for a in abolished_areas()
        ],
        "code",
        ["level", "name_th", "name_en", "abolished_on", "successors"],
    )

    set_version(conn, GEOGRAPHY, version)
    return True


def set_version(conn: Connection, name: str, version: str) -> None:
    """Record that ``name`` is loaded at ``version``."""
    stmt = insert(_table(ReferenceVersion)).values(name=name, version=version)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["name"], set_={"version": version, "loaded_at": dt.datetime.now(dt.UTC)}
        )
    )


def get_version(conn: Connection, name: str) -> str | None:
    """The loaded version of ``name``, if any."""
    table = _table(ReferenceVersion)
    return conn.execute(select(table.c.version).where(table.c.name == name)).scalar()


def load_geography_url(url: str, *, force: bool = False) -> bool:
    """``load_geography`` in its own transaction on the database at ``url`` (set-up and tests)."""
    from sqlalchemy import create_engine

    from phaen_common.db import to_sync_url

    engine = create_engine(to_sync_url(url))
    try:
        with engine.begin() as conn:
            return load_geography(conn, force=force)
    finally:
        engine.dispose()
