"""``?format=json|csv|xlsx|pdf``: one report, four representations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import orjson
from fastapi import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from phaen_reports.render.table import Tabular
from phaen_reports.render.tabular import to_csv, to_xlsx

Format = Literal["json", "csv", "xlsx", "pdf"]

MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def format_responses(*extra: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI: the 200 of a report comes as JSON or as a document."""
    kinds = ["csv", "xlsx", "pdf", *extra]
    return {
        200: {
            "description": "The report (JSON, or a document with ?format=)",
            "content": {MEDIA[k].split(";")[0]: {"schema": {"type": "string", "format": "binary"}} for k in kinds},
        }
    }


def document(content: bytes, fmt: str, filename: str) -> Response:
    return Response(
        content=content,
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}.{fmt}"'},
    )


def json_response(body: BaseModel) -> Response:
    """A report as JSON (orjson: large reports encode fast)."""
    return Response(content=orjson.dumps(body.model_dump(mode="json")), media_type=MEDIA["json"])


def _table_pdf(table: Tabular) -> bytes:
    # fpdf (with fontTools and Pillow) is imported on the first PDF: it is 30 MB of every idle process otherwise.
    from phaen_reports.render.pdf import table_pdf

    return table_pdf(table)


async def respond(fmt: str, body: BaseModel, table: Callable[[], Tabular], filename: str) -> Response:
    """The report as JSON or rendered as the asked format (rendering runs off the event loop)."""
    if fmt == "json":
        return json_response(body)
    renderers: dict[str, Callable[[Tabular], bytes]] = {"csv": to_csv, "xlsx": to_xlsx, "pdf": _table_pdf}
    content = await run_in_threadpool(lambda: renderers[fmt](table()))
    return document(content, fmt, filename)
