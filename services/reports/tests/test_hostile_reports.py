"""Hostile input on the reports service and formula injection in its exports, written as the attack."""

from __future__ import annotations

import csv
import io
import uuid

import openpyxl
import pytest
from scenario import seed_grant, tambon_project

from phaen_reports.render.table import Column, Tabular
from phaen_reports.render.tabular import to_csv, to_xlsx


@pytest.mark.parametrize("month", ["0000-01", "9999-12", "1989-12", "2569-01", "0001-01"])
async def test_monthly_statement_of_an_impossible_month_is_a_422(reports_app, feeds, keys, month) -> None:
    registry, budget = feeds
    net = seed_grant(budget)
    tambon_project(registry, budget, net, tambon=f"34{uuid.uuid4().int % 10000:04d}")
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        r = await client.get(
            f"/v1/reports/accounts/{net.account_id}/monthly",
            params={"month": month},
            headers=keys.auth(roles=["auditor"]),
        )
        assert r.status_code == 422, r.text
        assert "1990" in r.text and "2100" in r.text


HOSTILE = ['=HYPERLINK("http://evil","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "ok =1"]


def _table() -> Tabular:
    return Tabular(
        title_th="ทดสอบ",
        slug="t",
        columns=[Column("name", "ชื่อ"), Column("amount", "จำนวน", "money")],
        rows=[{"name": name, "amount": "-5.00"} for name in HOSTILE],
    )


def test_csv_cells_that_start_a_formula_are_neutralised() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(_table()).decode("utf-8-sig"))))[1:]
    names = [row[0] for row in rows]
    assert names[:5] == ["'" + n for n in HOSTILE[:5]]
    assert names[5] == "ok =1"
    assert all(row[1] == "-5.00" for row in rows)  # numbers stay numbers


def test_xlsx_cells_that_start_a_formula_are_neutralised() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(_table()))).active
    first = 5  # title, grant, as_of and header rows come first
    names = [sheet.cell(row=r, column=1).value for r in range(first, first + len(HOSTILE))]
    assert names[:5] == ["'" + n for n in HOSTILE[:5]]
    assert all(sheet.cell(row=r, column=2).value == -5 for r in range(first, first + len(HOSTILE)))
