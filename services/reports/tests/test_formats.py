"""Every report as CSV (BOM), XLSX (typed cells, Thai header) and Thai PDF (text and image checked)."""

from __future__ import annotations

import csv
import io
import uuid

import openpyxl
import pypdfium2 as pdfium
import pytest
from scenario import seed_grant, tambon_project


def pdf_text_and_image(content: bytes) -> tuple[str, int]:
    """The PDF's extracted text (word-break marks removed) and the count of dark pixels on page 1."""
    doc = pdfium.PdfDocument(content)
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    image = doc[0].render(scale=1).to_pil().convert("L")
    dark = sum(1 for px in image.getdata() if px < 128)
    return text.replace("\u200b", "").replace("\x1a", ""), dark


@pytest.fixture
async def loaded(reports_app, feeds):
    registry, budget = feeds
    net = seed_grant(budget)
    # The tambon project spends from another grant, so the seed's grant keeps its printed actuals.
    tambon_project(registry, budget, net, tambon=f"34{uuid.uuid4().int % 10000:04d}", grant_id=str(uuid.uuid4()))
    async with reports_app([registry.source, budget.source]) as (client, app):
        await app.state.consumer.catch_up()
        yield client, net


async def test_plan_vs_actual_csv_has_bom_and_plain_numbers(loaded, keys):
    client, net = loaded
    r = await client.get(
        "/v1/reports/plan-vs-actual",
        params={"grant": net.grant_id, "format": "csv"},
        headers=keys.auth(roles=["auditor"]),
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:6] == ["ลำดับ", "แผนงาน", "งบประมาณ (บาท)", "ร้อยละ", "จ่ายจริง (บาท)", "ส่วนต่าง (บาท)"]
    line7 = next(row for row in rows if row[0] == "7")
    assert line7[4:6] == ["3206000.00", "-6000.00"]
    assert rows[-1][1:6] == ["รวมงบประมาณ", "20455500.00", "100.00", "22833114.00", "-2377614.00"]


async def test_xlsx_reread_with_openpyxl(loaded, keys):
    client, net = loaded
    r = await client.get(
        "/v1/reports/plan-vs-actual",
        params={"grant": net.grant_id, "format": "xlsx"},
        headers=keys.auth(roles=["auditor"]),
    )
    assert r.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[3][:6] == ["ลำดับ", "แผนงาน", "งบประมาณ (บาท)", "ร้อยละ", "จ่ายจริง (บาท)", "ส่วนต่าง (บาท)"]
    line1 = rows[4]
    assert line1[0] == 1 and isinstance(line1[2], int | float) and line1[2] == 2205000
    assert line1[5] == -815000
    assert rows[-1][4] == 22833114 and rows[-1][3] == 100


async def test_pdf_is_thai_with_a_buddhist_era_year_and_amounts_in_words(loaded, keys):
    client, net = loaded
    r = await client.get(
        "/v1/reports/plan-vs-actual",
        params={"grant": net.grant_id, "format": "pdf"},
        headers=keys.auth(roles=["auditor"]),
    )
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    text, dark = pdf_text_and_image(r.content)
    assert "แผนงาน" in text and "รวมงบประมาณ" in text
    assert "ยี่สิบสองล้านแปดแสนสามหมื่นสามพันหนึ่งร้อยสิบสี่บาทถ้วน" in text  # 22,833,114 in words
    assert "2569" in text or "2570" in text  # this year in the Buddhist Era (as_of / printed on)
    assert "22,833,114.00" in text
    assert dark > 1000  # the page really draws glyphs


@pytest.mark.parametrize("path", ["coverage", "facilitators", "tranches"])
async def test_network_reports_render_in_every_format(loaded, keys, path):
    client, _ = loaded
    auth = keys.auth(roles=["secretariat"])
    for fmt in ("csv", "xlsx", "pdf"):
        r = await client.get(f"/v1/reports/{path}", params={"format": fmt}, headers=auth)
        assert r.status_code == 200, (fmt, r.text)
    text, _ = pdf_text_and_image(r.content)
    assert "ภาค" in text or "โครงการ" in text
    r = await client.get(f"/v1/reports/{path}", params={"format": "doc"}, headers=auth)
    assert r.status_code == 422


async def test_statement_and_summary_pdfs_use_buddhist_era_months(loaded, keys):
    client, net = loaded
    auth = keys.auth(roles=["auditor"])
    r = await client.get(
        f"/v1/reports/accounts/{net.account_id}/monthly", params={"month": "2004-02", "format": "pdf"}, headers=auth
    )
    text, _ = pdf_text_and_image(r.content)
    assert "กุมภาพันธ์ 2547" in text  # February 2004 CE is 2547 BE
    assert "5,012.50" in text and "ห้าพันสิบสองบาทห้าสิบสตางค์" in text
    r = await client.get(
        f"/v1/reports/projects/{net.tambon_project}/expense-summary", params={"format": "pdf"}, headers=auth
    )
    text, _ = pdf_text_and_image(r.content)
    assert "ค่าอาหารในการจัดประชุม" in text and "ห้าพันห้าร้อยบาทถ้วน" in text


async def test_voucher_pdf_is_laid_out_like_the_form(loaded, keys):
    client, net = loaded
    r = await client.get(
        f"/v1/reports/expenses/{net.voucher_id}/voucher", params={"format": "pdf"}, headers=keys.auth(roles=["auditor"])
    )
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    text, dark = pdf_text_and_image(r.content)
    # pdfium extracts a large bold title's marks out of order; the document title names the form.
    assert pdfium.PdfDocument(r.content).get_metadata_dict()["Title"] == "ใบสำคัญรับเงิน"
    for words in ("ข้าพเจ้า", "ผู้รับเงิน", "ผู้จ่ายเงิน", "หัวหน้าโครงการ", "สามพันบาทถ้วน", "3 กุมภาพันธ์ 2547"):
        assert words in text, words
    assert dark > 1000
