"""Set up the registry: migrate, load the reference geography, load the demo seed.

``python -m phaen_registry.setup`` (``PHAEN_DATABASE_URL`` must be set; ``make run`` sets it). Each step is
idempotent and skipped when already up to date, so a second run takes well under a second or two.

Geography: GeoThai (CC-BY-4.0), see ``geography/loader.py``. Demo seed: the partner agencies and the
tambons the seed document names (``data/partners.csv``, ``data/seed_tambons.csv``; tambons resolved from
the seed's own spelling and province), the national and four regional committees, and the MOUs of §1.5.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import logging
import os
import sys

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from phaen_common.db import Database, run_in_transaction
from phaen_registry.geography.loader import data_file, load_geography_url, read_csv

log = logging.getLogger("phaen.registry.setup")

DEMO_SEED = "demo_seed"
_SEED_FILES = ("partners.csv", "seed_mous.csv", "seed_tambons.csv")
_COMMITTEES = (
    ("national", None, "คณะประสานงานเครือข่ายแผนแม่บทชุมชนพึ่งตนเองระดับชาติ"),
    ("regional", "north", "คณะประสานงานเครือข่ายแผนแม่บทชุมชนพึ่งตนเอง ภาคเหนือ"),
    ("regional", "central", "คณะประสานงานเครือข่ายแผนแม่บทชุมชนพึ่งตนเอง ภาคกลาง"),
    ("regional", "northeast", "คณะประสานงานเครือข่ายแผนแม่บทชุมชนพึ่งตนเอง ภาคตะวันออกเฉียงเหนือ"),
    ("regional", "south", "คณะประสานงานเครือข่ายแผนแม่บทชุมชนพึ่งตนเอง ภาคใต้"),
)


def seed_version() -> str:
    """A digest of the seed files: the demo seed reloads when they change."""
    return hashlib.sha256("".join(data_file(f) for f in _SEED_FILES).encode()).hexdigest()[:16]


def load_reference_data(url: str, *, force: bool = False) -> bool:
    """Load the geography (tests call this once per session). Returns False when already up to date."""
    return load_geography_url(url, force=force)


async def _seed(session: AsyncSession) -> dict[str, int]:
    from phaen_registry.committees.models import Committee
    from phaen_registry.committees.schemas import CommitteeIn
    from phaen_registry.committees.service import create_committee
    from phaen_registry.geography.index import load_index
    from phaen_registry.partners.models import Mou, Partner
    from phaen_registry.partners.schemas import MouIn, PartnerIn
    from phaen_registry.partners.service import add_mou, create_partner
    from phaen_registry.tambons.models import NetworkTambon
    from phaen_registry.tambons.schemas import TambonIn
    from phaen_registry.tambons.service import upsert_tambons

    counts = {"partners": 0, "mous": 0, "tambons": 0, "committees": 0}
    for row in read_csv("partners.csv"):
        if await session.get(Partner, row["code"]) is None:
            await create_partner(
                session=session,
                data=PartnerIn(code=row["code"], name_th=row["name_th"], name_en=row["name_en"], kind=row["kind"]),
            )
            counts["partners"] += 1
    for row in read_csv("seed_mous.csv"):
        exists = (
            await session.execute(
                select(col(Mou.id)).where(
                    col(Mou.partner_code) == row["partner_code"],
                    col(Mou.title) == row["title"],
                )
            )
        ).first()
        if exists is None:
            await add_mou(
                session=session,
                code=row["partner_code"],
                data=MouIn.model_validate(
                    {k: (row[k] or None) for k in ("title", "scope", "signed_on", "starts_on", "ends_on")}
                ),
            )
            counts["mous"] += 1

    index = await load_index(session)
    items = []
    for row in read_csv("seed_tambons.csv"):
        province = index.find_province(row["province_as_written"])
        if province is None:
            raise RuntimeError(f"seed province not found: {row['province_as_written']}")
        district = index.find_district(row["district_as_written"], province) if row["district_as_written"] else None
        # The seed's own spelling, top-1 candidate; expected_code guards against a resolver regression.
        found = index.resolve(row["name_as_written"], province, district).candidates
        if not found or found[0].area.code != row["expected_code"]:
            raise RuntimeError(f"seed tambon not resolved to {row['expected_code']}: {row['name_as_written']}")
        if await session.get(NetworkTambon, found[0].area.code) is None:
            items.append((found[0].area.code, TambonIn(tier=row["tier"])))
    if items:
        await upsert_tambons(session=session, index=index, items=items, actor="setup")
        counts["tambons"] = len(items)

    for level, region, name in _COMMITTEES:
        exists = (
            await session.execute(
                select(col(Committee.id)).where(
                    col(Committee.level) == level,
                    col(Committee.region) == region if region else col(Committee.region).is_(None),
                )
            )
        ).first()
        if exists is None:
            await create_committee(
                session=session,
                index=index,
                data=CommitteeIn(level=level, region=region, name=name),
                actor="setup",
            )
            counts["committees"] += 1
    return counts


async def load_demo_seed(url: str, *, force: bool = False) -> dict[str, int] | None:
    """Load the demo seed unless this version of it is loaded already. Never overwrites existing rows."""
    from phaen_registry.geography.models import ReferenceVersion

    db = Database(url, pool_size=1, max_overflow=0, application_name="phaen-registry-setup")
    version = seed_version()
    try:

        async def run(session: AsyncSession) -> dict[str, int] | None:
            current = await session.get(ReferenceVersion, DEMO_SEED)
            if current is not None and current.version == version and not force:
                return None
            counts = await _seed(session)
            if current is None:
                session.add(ReferenceVersion(name=DEMO_SEED, version=version, loaded_at=dt.datetime.now(dt.UTC)))
            else:
                current.version = version
            return counts

        result: dict[str, int] | None = await run_in_transaction(db, run)
        return result
    finally:
        await db.dispose()


def main(argv: list[str] | None = None) -> int:
    """Migrate, load the geography and the demo seed."""
    from phaen_common.migrations import upgrade
    from phaen_registry import MIGRATIONS_DIR, SCHEMA

    parser = argparse.ArgumentParser(prog="python -m phaen_registry.setup", description=__doc__)
    parser.add_argument("--no-demo", action="store_true", help="skip the demo seed")
    parser.add_argument("--force", action="store_true", help="reload even when up to date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    url = os.environ.get("PHAEN_DATABASE_URL")
    if not url:
        print("PHAEN_DATABASE_URL is not set", file=sys.stderr)
        return 2
    upgrade(MIGRATIONS_DIR, url, SCHEMA)
    loaded = load_reference_data(url, force=args.force)
    log.info("registry geography: %s", "loaded (GeoThai, CC-BY-4.0)" if loaded else "up to date")
    if not args.no_demo:
        counts = asyncio.run(load_demo_seed(url, force=args.force))
        log.info("registry demo seed: %s", f"loaded {counts}" if counts is not None else "up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
