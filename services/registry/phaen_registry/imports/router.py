"""Bulk import route (secretariat)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from phaen_common.db import SessionDep
from phaen_common.errors import responses
from phaen_registry.deps import IndexDep, Writer
from phaen_registry.imports import errors, service
from phaen_registry.imports.schemas import ImportReport

router = APIRouter(tags=["imports"])

_CSV_BODY = {"requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}}}


@router.post(
    "/imports/tambons",
    response_model=ImportReport,
    responses=responses(401, 403, 413, errors.BadCsv, errors.ImportRejected),
    openapi_extra=_CSV_BODY,
)
async def import_tambons(
    principal: Writer,
    request: Request,
    session: SessionDep,
    index: IndexDep,
    dry_run: Annotated[bool, Query(description="Report only; write nothing")] = True,
) -> ImportReport:
    """Import network tambons from a UTF-8 CSV (by code, or by name + province through resolve).

    A dry run (the default) reports every row: ok, unresolved, ambiguous (with candidates) or invalid.
    The real run (``dry_run=false``) writes all rows or, if any row is not ok, none (422 ``import_rejected``
    with the report).
    """
    raw = await request.body()
    return await service.import_tambons(session=session, index=index, raw=raw, dry_run=dry_run, actor=principal.sub)
