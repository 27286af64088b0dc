"""Hot geography reads: one SQL statement on the read pool (``Database.fetchrow``), no ORM session.

A subdistrict look-up is the registry's most frequent request; through the ORM it cost five round trips
(pool pre-ping, BEGIN, the subdistrict, its network row, COMMIT). Here it is one.
"""

from __future__ import annotations

from typing import Any

import orjson

from phaen_common.db import Database
from phaen_registry.geography.models import Subdistrict
from phaen_registry.tambons.models import NetworkTambon

_SUBDISTRICT = Subdistrict.__table__.fullname  # type: ignore[attr-defined]
_NETWORK = NetworkTambon.__table__.fullname  # type: ignore[attr-defined]

# Identifiers come from our own table definitions, never from input; the code is a bind parameter.
SUBDISTRICT_WITH_NETWORK = f"""
    SELECT s.code, s.name_th, s.name_en, s.district_code, s.province_code, s.postal_codes,
           CASE WHEN n.code IS NULL THEN NULL ELSE row_to_json(n)::text END AS network
    FROM {_SUBDISTRICT} s LEFT JOIN {_NETWORK} n ON n.code = s.code
    WHERE s.code = $1
"""  # noqa: S608


async def subdistrict_with_network(*, db: Database, code: str) -> tuple[dict[str, Any], NetworkTambon | None] | None:
    """A subdistrict's columns and its network enrolment (None when not enrolled); None when no such code."""
    row = await db.fetchrow(SUBDISTRICT_WITH_NETWORK, code)
    if row is None:
        return None
    fields = dict(row)
    network = fields.pop("network")
    return fields, NetworkTambon.model_validate(orjson.loads(network)) if network is not None else None
