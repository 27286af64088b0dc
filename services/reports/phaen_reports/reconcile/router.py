"""``POST /v1/reports/reconcile/budget-statement``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from phaen_common.auth import Principal
from phaen_common.errors import responses
from phaen_common.web import require
from phaen_reports.reconcile import schemas as s
from phaen_reports.reconcile.service import reconcile_statement
from phaen_reports.render.respond import Format, format_responses, respond
from phaen_reports.render.table import Column, Tabular

router = APIRouter(prefix="/v1/reports/reconcile", tags=["reconcile"])


def _table(result: s.Reconciliation) -> Tabular:
    return Tabular(
        title_th="ผลการตรวจสอบความถูกต้องของตารางงบประมาณ",
        slug="reconciliation",
        notes=[f"พบความคลาดเคลื่อน {len(result.discrepancies)} รายการ"],
        columns=[
            Column("where", "ตำแหน่ง", "text", 1.5),
            Column("stated", "ตัวเลขที่ระบุ", "text"),
            Column("computed", "ตัวเลขที่คำนวณ", "text"),
            Column("note", "หมายเหตุ", "text", 2),
        ],
        rows=[x.model_dump() for x in result.discrepancies],
    )


@router.post(
    "/budget-statement", response_model=s.Reconciliation, responses={**responses(401, 403, 422), **format_responses()}
)
async def budget_statement(
    body: s.BudgetStatement,
    _: Annotated[Principal, require("reports:read")],
    format: Annotated[Format, Query()] = "json",
) -> Response:
    """Check a legacy table's arithmetic: each cell as ``line <no> <column>`` or ``total <column>``."""
    result = reconcile_statement(statement=body)
    return await respond(format, result, lambda: _table(result), "reconciliation")
