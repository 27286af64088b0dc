"""Every PDF rendered to an image and its text read back: whole Thai words, Thai ledger kinds, tambon names with
their codes, the national ID per role, the names under the voucher's signature lines; CSV/XLSX headings."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import uuid
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest
from scenario import seed_grant, tambon_project

DUMP = os.environ.get("PHAEN_DUMP_PDF")  # a folder: each PDF and its page images are written there to look at

# Words a line may never cut (each is one word: a break inside it is mid-word).
WHOLE_WORDS = (
    "ตะวันออก",
    "เฉียง",
    "เหนือ",
    "โครงการ",
    "รายงาน",
    "งบประมาณ",
    "ประชาชน",
    "กุมภาพันธ์",
    "พฤศจิกายน",
    "ธรรมเนียม",
    "ดอกเบี้ย",
    "สถานะ",
    "ร้อยละ",
    "บาท",
    "ตำบล",
    "ศรีภูมิ",
)


def check_digit(first12: str) -> str:
    return str((11 - sum(int(d) * (13 - i) for i, d in enumerate(first12)) % 11) % 10)


PAYEE_ID = "110170023070" + check_digit("110170023070")
PAYEE, PAYER, HEAD = "นางสมศรี ใจดี", "นายสมชาย รักถิ่น", "นายประสิทธิ์ ทองคำ"
UUID_REF = "7d0c6a52-1b8e-4f0e-9a4e-5b1d2f3c4a5b"


class FakeBudgetIds:
    """The budget service's answer to a caller who may see the ID in clear."""

    def __init__(self) -> None:
        self.asked: list[uuid.UUID] = []

    async def national_id(self, *, expense_id: uuid.UUID, authorization: str) -> str | None:
        assert authorization.startswith("Bearer ")  # the caller's own token goes to the budget service
        self.asked.append(expense_id)
        return PAYEE_ID


def page_texts(content: bytes, name: str) -> list[str]:
    """Each page's text as pdfium reads it (a wrapped line is a line break), break marks removed; each page is
    rendered to an image (and saved with the PDF under ``PHAEN_DUMP_PDF`` to look at)."""
    doc = pdfium.PdfDocument(content)
    pages = []
    for i in range(len(doc)):
        page = doc[i]
        image = page.render(scale=1.5).to_pil()
        assert image.convert("L").getextrema()[0] < 128  # something is drawn
        if DUMP:
            Path(DUMP).mkdir(parents=True, exist_ok=True)
            image.save(Path(DUMP) / f"{name}-p{i + 1}.png")
        text = page.get_textpage().get_text_range()
        text = text.replace("\u200b", "").replace("\r\n", "\n")
        # pdfium leaves a control character after some shaped glyphs (ำ): not text.
        pages.append("".join(ch for ch in text if ch == "\n" or ch >= " "))
    if DUMP:
        (Path(DUMP) / f"{name}.pdf").write_bytes(content)
    return pages


def text_of(pages: list[str]) -> str:
    return "\n".join(pages)


def broken_words(pages: list[str]) -> list[str]:
    """Known words cut by a line break (its head ends a line, its tail starts the next); closing punctuation
    starting a line."""
    found = []
    for text in pages:
        for word in WHOLE_WORDS:
            found += [f"{word[:i]}|{word[i:]}" for i in range(1, len(word)) if f"{word[:i]}\n{word[i:]}" in text]
        found += [f"line starts with {c!r}" for c in ")]},%" if f"\n{c}" in text]
        # An amount cut by a line break: a line ending inside its thousands groups or its decimals.
        found += [f"amount cut: {m!r}" for m in re.findall(r"\d,\d{3}\.\d?\n\d+|\d,\d{0,2}\n[\d,.]+", text)]
    return found


@pytest.fixture
async def world(reports_app, feeds):
    registry, budget = feeds
    net = seed_grant(budget)
    net.tambon = f"34{uuid.uuid4().int % 10000:04d}"
    tambon_project(registry, budget, net, tambon=net.tambon, grant_id=net.grant_id)
    voucher_id = str(uuid.uuid4())
    budget.add(
        "expense.recorded",
        "expense",
        voucher_id,
        {
            "id": voucher_id,
            "project_id": net.tambon_project,
            "grant_id": net.grant_id,
            "line_no": 2,
            "category": "1.5",
            "amount": "1500.00",
            "spent_on": "2004-02-10",
            "evidence_kind": "voucher",
            "status": "recorded",
            "description": "ค่าตอบแทนวิทยากรกระบวนการ",
            "evidence": {
                "kind": "voucher",
                "payee_name": PAYEE,
                "payee_address": "12 หมู่ 3 ตำบลศรีภูมิ",
                "payee_national_id_last4": PAYEE_ID[-4:],
                "items": [{"description": "ค่าตอบแทนวิทยากรกระบวนการ ภาคตะวันออกเฉียงเหนือ", "amount": "1500.00"}],
                "payee_signed": True,
                "payer_signed": True,
                "head_certified": True,
                "payer_name": PAYER,
                "head_name": HEAD,
            },
        },
    )
    budget.add(
        "ledger.entry",
        "ledger_entry",
        str(uuid.uuid4()),
        {
            "id": str(uuid.uuid4()),
            "account_id": net.account_id,
            "project_id": net.tambon_project,
            "kind": "payout",
            "amount": "-1500.00",
            "booked_at": dt.datetime(2004, 2, 10, 10, tzinfo=dt.UTC).isoformat(),
            "reference": UUID_REF,
        },
    )
    net.voucher_id = voucher_id
    async with reports_app([registry.source, budget.source]) as (client, app):
        app.state.national_ids = FakeBudgetIds()
        await app.state.consumer.catch_up()
        yield client, app, net


def documents(net) -> dict[str, tuple[str, dict[str, str]]]:
    return {
        "plan": ("/v1/reports/plan-vs-actual", {"grant": net.grant_id}),
        "coverage": ("/v1/reports/coverage", {}),
        "facilitators": ("/v1/reports/facilitators", {}),
        "tranches": ("/v1/reports/tranches", {"project": net.tambon_project}),
        "statement": (f"/v1/reports/accounts/{net.account_id}/monthly", {"month": "2004-02"}),
        "summary": (f"/v1/reports/projects/{net.tambon_project}/expense-summary", {}),
        "audit": (f"/v1/reports/projects/{net.tambon_project}/audit-package", {}),
        "voucher": (f"/v1/reports/expenses/{net.voucher_id}/voucher", {}),
    }


async def pdf(client, path, params, auth, name):
    r = await client.get(path, params={**params, "format": "pdf"}, headers=auth)
    assert r.status_code == 200, (name, r.text)
    return page_texts(r.content, name)


async def test_every_pdf_breaks_thai_only_between_words(world, keys):
    client, _, net = world
    auth = keys.auth(roles=["auditor"])
    seen = ""
    for name, (path, params) in documents(net).items():
        pages = await pdf(client, path, params, auth, name)
        assert broken_words(pages) == [], name
        seen += text_of(pages)
    # The check is not vacuous: the long words are there, and some of them did wrap (between words).
    assert "ตะวันออกเฉียงเหนือ" in seen.replace("\n", "") and "ศรีภูมิ" in seen


def test_the_break_check_sees_a_word_cut_in_two():
    assert broken_words(["ภาค\nตะวันออกเฉียงเห\nนือ\n340279"]) == ["เห|นือ"]
    assert broken_words(["โอนแล้ว (บาท\n)"]) == ["line starts with ')'"]
    assert broken_words(["ภาค\nตะวันออก\nเฉียงเหนือ"]) == []
    assert broken_words(["50.00 1,600,000.0\n0"]) == ["amount cut: '0,000.0\\n0'"]
    assert broken_words(["-815,000.00\n2 ส่งเสริม"]) == []


async def test_statement_prints_ledger_kinds_in_thai_and_short_references(world, keys):
    client, _, net = world
    path, params = documents(net)["statement"]
    pages = await pdf(client, path, params, keys.auth(roles=["auditor"]), "statement")
    text = text_of(pages)
    for thai in ("ถอนเงินจ่าย", "เงินโอนเข้า"):
        assert thai in text
    for english in ("payout", "transfer", "interest"):
        assert english not in text
    assert UUID_REF not in text.replace("\n", "")
    assert f"{UUID_REF[:8]}…" in text  # on one line: no break inside the reference


async def test_reports_name_tambons_with_their_codes(world, keys):
    client, _, net = world
    auth = keys.auth(roles=["auditor"])
    for name in ("tranches", "summary", "audit", "voucher"):
        path, params = documents(net)[name]
        text = text_of(await pdf(client, path, params, auth, name))
        assert f"ศรีภูมิ ({net.tambon})" in text.replace("\n", ""), name
    r = await client.get("/v1/reports/tranches", params={"project": net.tambon_project}, headers=auth)
    (item,) = r.json()["items"]
    assert item["tambon_name"] == "ศรีภูมิ"
    r = await client.get(f"/v1/reports/projects/{net.tambon_project}/audit-package", headers=auth)
    beneficiaries = next(i for i in r.json()["items"] if i["no"] == "3.8")
    assert any(f"ศรีภูมิ ({net.tambon})" in e for e in beneficiaries["evidence"])


@pytest.mark.parametrize(
    ("roles", "claims", "clear"),
    [
        (["auditor"], {}, True),
        (["secretariat"], {}, True),
        (["regional_committee"], {"region": "northeast"}, False),
    ],
)
async def test_voucher_shows_the_id_by_role_and_names_the_signatories(world, keys, roles, claims, clear):
    client, app, net = world
    auth = keys.auth(roles=roles, **claims)
    path, params = documents(net)["voucher"]
    r = await client.get(path, headers=auth)
    assert r.status_code == 200, r.text
    shown = PAYEE_ID if clear else "*" * 9 + PAYEE_ID[-4:]
    assert r.json()["payee_national_id"] == shown
    text = text_of(await pdf(client, path, params, auth, f"voucher-{roles[0]}"))
    assert shown in text and (clear or PAYEE_ID not in text)
    for name in (PAYEE, PAYER, HEAD):
        assert f"( {name} )" in text, name  # under its signature line
    if not clear:
        assert net.voucher_id not in {str(x) for x in app.state.national_ids.asked[-1:]} or roles != ["x"]


async def test_a_masked_caller_never_asks_the_budget_for_the_clear_id(world, keys):
    client, app, net = world
    ids = app.state.national_ids
    ids.asked.clear()
    r = await client.get(
        f"/v1/reports/expenses/{net.voucher_id}/voucher",
        headers=keys.auth(roles=["regional_committee"], region="northeast"),
    )
    assert r.status_code == 200 and ids.asked == []


async def test_csv_and_xlsx_carry_the_grant_and_as_of_and_xlsx_freezes_its_header(world, keys):
    client, _, net = world
    auth = keys.auth(roles=["auditor"])
    grant = "แผนแม่บทชุมชนพึ่งตนเอง 4 ภาค"
    for name in ("plan", "summary", "statement"):
        path, params = documents(net)[name]
        r = await client.get(path, params={**params, "format": "csv"}, headers=auth)
        rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
        assert rows[0][-2:] == ["ทุน", "ข้อมูล ณ"], name
        assert all(row[-2] == grant for row in rows[1:]), name
        as_of = dt.datetime.fromisoformat(rows[1][-1])
        assert as_of.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - as_of) < dt.timedelta(hours=1)

        r = await client.get(path, params={**params, "format": "xlsx"}, headers=auth)
        sheet = openpyxl.load_workbook(io.BytesIO(r.content)).active
        assert sheet["A2"].value == f"ทุน: {grant}", name
        assert sheet["A3"].value.startswith("ข้อมูล ณ ") and isinstance(sheet["B3"].value, dt.datetime)
        assert sheet.freeze_panes == "A5"  # rows 1-4 (title, grant, as_of, header) stay in view
    r = await client.get("/v1/reports/coverage", params={"format": "csv"}, headers=auth)
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[1][-2] == "ทุกทุน"  # a network-wide report covers every grant


# Without the compound rule every one of these widths cut the region's name mid-word (เห|นือ, เ|ฉียง, ...).
@pytest.mark.parametrize("width", [0.3, 0.35, 0.4, 0.5, 0.55, 0.6])
def test_a_narrow_column_wraps_a_long_compound_between_its_words(width):
    from phaen_reports.render.pdf import table_pdf
    from phaen_reports.render.table import Column, Tabular

    table = Tabular(
        title_th="ทดสอบ",
        slug="narrow",
        columns=[Column("region", "ภาค", "text", width), Column("note", "หมายเหตุ", "text", 3)],
        rows=[{"region": "ภาคตะวันออกเฉียงเหนือ", "note": "ยังไม่ส่งรายงานสรุปผลงวดก่อน"}],
    )
    pages = page_texts(table_pdf(table), f"narrow-{width}")
    assert broken_words(pages) == []
    # It did wrap (the column is narrower than the word), and only where one word ends and the next begins.
    assert re.search(r"ตะวันออก\n|เฉียง\n", pages[0]), pages[0]


def test_rendering_writes_no_library_chatter_at_info():
    import logging

    from phaen_common.logs import configure_logging
    from phaen_reports.render.pdf import table_pdf
    from phaen_reports.render.table import Column, Tabular

    configure_logging("reports", "INFO")
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    root = logging.getLogger()
    handler = Keep(level=logging.DEBUG)
    root.addHandler(handler)
    try:
        table = Tabular(title_th="ทดสอบ", slug="quiet", columns=[Column("a", "ก", "text")], rows=[{"a": "ข้อความ"}])
        assert table_pdf(table).startswith(b"%PDF")
    finally:
        root.removeHandler(handler)
    assert [f"{r.name}: {r.getMessage()[:60]}" for r in seen if r.levelno >= logging.INFO] == []
