"""Each report as a ``Tabular`` (for CSV/XLSX/PDF), the voucher form, and the audit package ZIP."""

from __future__ import annotations

import io
import uuid
import zipfile

from phaen_common.events.budget import TrancheBlock
from phaen_reports.render.table import Column, Tabular
from phaen_reports.render.tabular import to_csv, to_xlsx
from phaen_reports.render.thai import baht_words, be_date, be_month
from phaen_reports.reports import schemas as s
from phaen_reports.reports.catalogue import REGION_TH

STATUS_TH = {
    "released": "โอนแล้ว",
    "ready": "พร้อมโอน",
    "blocked": "ติดเงื่อนไข",
    "pending": "รอ",
    "present": "มี",
    "missing": "ขาด",
    "not_applicable": "ไม่เกี่ยวข้อง",
}
BLOCK_TH = {
    TrancheBlock.PROJECT_SUSPENDED: "โครงการถูกระงับ",
    TrancheBlock.ACCOUNT_REQUIRED: "ยังไม่เปิดบัญชี",
    TrancheBlock.ACTIVITY_REPORT_REQUIRED: "ยังไม่ส่งรายงานสรุปผลงวดก่อน",
}


# Ledger kinds as the monthly statement prints them.
LEDGER_KIND_TH = {
    "tranche": "รับโอนเงินงวด",
    "transfer": "เงินโอนเข้า",
    "interest": "ดอกเบี้ยเงินฝาก",
    "payout": "ถอนเงินจ่าย",
    "fee": "ค่าธรรมเนียม",
    "deposit": "ฝากเงิน",
    "reversal": "รายการกลับ",
}
_REF_MAX = 14


def short_reference(ref: str | None) -> str | None:
    """A reference short enough for one line: a UUID by its first 8 characters, a long one cut in the middle."""
    if not ref or len(ref) <= _REF_MAX:
        return ref
    try:
        return str(uuid.UUID(ref))[:8] + "…"
    except ValueError:
        return ref[:8] + "…" + ref[-5:]


def tambon_label(name: str | None, code: str | None) -> str:
    """``ศรีภูมิ (340279)``: the name with its code beside it (the code alone if the name is not known)."""
    if not code:
        return name or ""
    return f"{name} ({code})" if name else code


def project_lines(p: s.ProjectInfo) -> list[str]:
    """The project's heading lines: its name, its tambon and its grant."""
    lines = [f"โครงการ: {p.name or ''}"]
    if p.tambon:
        lines.append(f"ตำบล {tambon_label(p.tambon_name, p.tambon)}")
    if p.grant_name:
        lines.append(f"ทุน: {p.grant_name}")
    return lines


def _with_cofunding(line: s.PlanLine) -> str:
    extra = "".join(f" (สมทบจาก {c.funder} {c.amount:,.2f} บาท)" for c in line.cofunding)
    return (line.title or "") + extra


def plan_table(r: s.PlanVsActual) -> Tabular:
    return Tabular(
        title_th="รายงานเปรียบเทียบงบประมาณตามแผนกับการใช้จ่ายจริง",
        slug="plan-vs-actual",
        landscape=True,
        notes=[f"ทุน: {r.grant.name or ''} ({r.grant.funder or ''}) ปีงบประมาณ {r.grant.fiscal_year or ''}"],
        columns=[
            Column("no", "ลำดับ", "int", 0.4),
            Column("title", "แผนงาน", "text", 3),
            Column("planned", "งบประมาณ (บาท)", "money"),
            Column("percent", "ร้อยละ", "percent"),
            Column("actual", "จ่ายจริง (บาท)", "money"),
            Column("variance", "ส่วนต่าง (บาท)", "money"),
        ],
        rows=[{**ln.model_dump(mode="json"), "title": _with_cofunding(ln)} for ln in r.lines],
        totals={"title": "รวมงบประมาณ", **r.totals.model_dump(mode="json")},
        as_of=r.as_of,
        stale=r.stale,
        in_words=[("งบประมาณรวม", r.totals.planned), ("จ่ายจริงรวม", r.totals.actual)],
        grant_name=r.grant.name,
    )


def coverage_table(r: s.Coverage) -> Tabular:
    cols = [
        ("model", "ตำบลต้นแบบ"),
        ("pilot", "ตำบลนำร่อง"),
        ("expansion", "ตำบลขยาย"),
        ("tambons", "รวมตำบล"),
        ("districts", "อำเภอ"),
        ("provinces", "จังหวัด"),
        ("tao_plan_integrated", "แผนชุมชนเข้าแผน อบต."),
        ("tao_funded", "อบต. สนับสนุนงบ"),
    ]
    return Tabular(
        title_th="รายงานพื้นที่ดำเนินงานรายภาค",
        slug="coverage",
        landscape=True,
        columns=[Column("name_th", "ภาค", "text", 1.5)] + [Column(k, h, "int") for k, h in cols],
        rows=[x.model_dump() for x in r.regions],
        totals=r.totals.model_dump(),
        as_of=r.as_of,
        stale=r.stale,
    )


def facilitator_table(r: s.Facilitators) -> Tabular:
    return Tabular(
        title_th="รายงานวิทยากรกระบวนการรายภาคและระดับ",
        slug="facilitators",
        columns=[
            Column("name_th", "ภาค", "text", 1.5),
            Column("community", "ระดับชุมชน", "int"),
            Column("intensive", "ระดับเข้มข้น", "int"),
            Column("other", "อื่น ๆ", "int"),
            Column("total", "รวม", "int"),
        ],
        rows=[x.model_dump() for x in r.regions],
        totals=r.totals.model_dump(),
        as_of=r.as_of,
        stale=r.stale,
    )


def tranche_table(r: s.TrancheReport) -> Tabular:
    rows = []
    for p in r.items:
        for t in p.tranches:
            rows.append(
                {
                    "name": p.name,
                    "region": REGION_TH.get(p.region or "", p.region or ""),
                    "tambon": tambon_label(p.tambon_name, p.tambon),
                    "n": t.n,
                    "percent": t.percent,
                    "planned": t.planned_amount,
                    "amount": t.amount,
                    "status": STATUS_TH.get(t.status, t.status),
                    "blocked": ", ".join(BLOCK_TH.get(b, b) for b in p.blocked_by) if t.n == p.next_tranche else "",
                }
            )
    return Tabular(
        title_th="รายงานสถานะการโอนเงินรายงวด",
        slug="tranches",
        landscape=True,
        rows=rows,
        columns=[
            Column("name", "โครงการ", "text", 2.0),
            Column("region", "ภาค", "text", 1.4),
            Column("tambon", "ตำบล (รหัส)", "text", 1.3),
            Column("n", "งวด", "int", 0.4),
            Column("percent", "ร้อยละ", "percent", 0.6),
            Column("planned", "ตามแผน (บาท)", "money", 1.05),
            Column("amount", "โอนแล้ว (บาท)", "money", 1.05),
            Column("status", "สถานะ", "text", 0.8),
            Column("blocked", "สิ่งที่ต้องทำก่อนโอนงวดถัดไป", "text", 1.6),
        ],
        as_of=r.as_of,
        stale=r.stale,
    )


def statement_table(r: s.MonthlyStatement) -> Tabular:
    year, month = (int(x) for x in r.month.split("-"))
    rows = [
        {
            "date": e.booked_at.date().isoformat() if e.booked_at else None,
            "kind": LEDGER_KIND_TH.get(e.kind or "", e.kind),
            "reference": short_reference(e.reference),
            "receipt": e.receipt,
            "payment": e.payment,
            "balance": e.balance,
        }
        for e in r.entries
    ]
    rows.insert(0, {"kind": "ยอดยกมา", "balance": r.opening})
    return Tabular(
        title_th="รายงานรับ-จ่ายเงินประจำเดือน",
        slug="monthly-statement",
        notes=[
            f"บัญชี {r.account.name or ''} ธนาคาร {r.account.bank or ''} สาขา {r.account.branch or ''} "
            f"เลขที่ ****{r.account.number_last4 or ''}",
            f"ประจำเดือน {be_month(year, month)}",
        ],
        columns=[
            Column("date", "วันที่", "date", 1.2),
            Column("kind", "รายการ", "text", 1),
            Column("reference", "อ้างอิง", "text", 1),
            Column("receipt", "รายรับ", "money"),
            Column("payment", "รายจ่าย", "money"),
            Column("balance", "คงเหลือ", "money"),
        ],
        rows=rows,
        totals={"kind": "รวม / ยอดยกไป", "receipt": r.receipts, "payment": r.payments, "balance": r.closing},
        as_of=r.as_of,
        stale=r.stale,
        in_words=[("ยอดคงเหลือยกไป", r.closing)],
        grant_name=r.account.grant_name,
    )


def expense_summary_table(r: s.ExpenseSummary) -> Tabular:
    return Tabular(
        title_th="แบบสรุปค่าใช้จ่ายกิจกรรม",
        slug="expense-summary",
        notes=project_lines(r.project),
        grant_name=r.project.grant_name,
        columns=[
            Column("category", "หมวด", "text", 0.5),
            Column("name_th", "รายการ", "text", 3),
            Column("count", "จำนวนรายการ", "int"),
            Column("amount", "จำนวนเงิน (บาท)", "money"),
        ],
        rows=[c.model_dump(mode="json") for c in r.categories],
        totals={"name_th": "รวมทั้งสิ้น", "count": r.count, "amount": r.total},
        as_of=r.as_of,
        stale=r.stale,
        in_words=[("รวมค่าใช้จ่าย", r.total)],
    )


def audit_table(r: s.AuditPackage) -> Tabular:
    rows = [
        {
            "no": i.no,
            "title": i.title_th,
            "status": STATUS_TH.get(i.status, i.status),
            "detail": "; ".join(i.evidence + i.missing),
        }
        for i in r.items
    ]
    return Tabular(
        title_th="สารบัญเอกสารประกอบการตรวจสอบ (เก็บรักษา 5-10 ปี สำหรับ สตง.)",
        slug="audit-package",
        notes=[*project_lines(r.project), f"มีครบ {r.present} รายการ ขาด {r.missing} รายการ"],
        grant_name=r.project.grant_name,
        columns=[
            Column("no", "ข้อ", "text", 0.4),
            Column("title", "เอกสาร", "text", 3),
            Column("status", "สถานะ", "text", 0.6),
            Column("detail", "รายละเอียด", "text", 2.5),
        ],
        rows=rows,
        as_of=r.as_of,
        stale=r.stale,
        landscape=True,
    )


def voucher_pdf(v: s.Voucher) -> bytes:
    from phaen_reports.render.pdf import ThaiPdf, draw_table, freshness_line  # on first use (see render.respond)

    """ใบสำคัญรับเงิน laid out like the paper form; blanks are dotted lines to fill by hand."""
    blank = "." * 60
    pdf = ThaiPdf(title="ใบสำคัญรับเงิน")
    pdf.add_page()
    pdf.line_text("ใบสำคัญรับเงิน", size=20, bold=True, align="C", height=11)
    pdf.line_text(f"เขียนที่ {v.project.name or blank}", align="R")
    pdf.line_text(f"วันที่ {be_date(v.spent_on) if v.spent_on else blank}", align="R")
    pdf.ln(2)
    if v.project.tambon:
        pdf.line_text(f"ตำบล {tambon_label(v.project.tambon_name, v.project.tambon)}", align="R")
    pdf.line_text(f"ข้าพเจ้า {v.payee_name or blank}")
    pdf.line_text(f"ที่อยู่ {v.payee_address or blank}")
    pdf.line_text(f"เลขประจำตัวประชาชน {v.payee_national_id or blank}")
    pdf.line_text(f"ได้รับเงินจาก {v.project.name or blank} ดังรายการต่อไปนี้")
    pdf.ln(1)
    table = Tabular(
        title_th="",
        slug="voucher",
        columns=[
            Column("no", "ลำดับ", "int", 0.4),
            Column("description", "รายการ", "text", 3),
            Column("amount", "จำนวนเงิน (บาท)", "money"),
        ],
        rows=[{"no": i, "description": it.description, "amount": it.amount} for i, it in enumerate(v.items, 1)],
        totals={"description": "รวมเงิน", "amount": v.amount},
    )
    draw_table(pdf, table)
    pdf.ln(2)
    pdf.line_text(f"จำนวนเงิน (ตัวอักษร) ({baht_words(v.amount)})", bold=True)
    if v.status == "void":
        pdf.line_text("รายการนี้ถูกยกเลิกแล้ว (void)", bold=True)
    pdf.ln(8)

    def sign(label: str, done: bool | None, name: str | None) -> None:
        mark = " (ลงนามแล้ว)" if done else ""
        pdf.line_text(f"ลงชื่อ ........................................ {label}{mark}", align="R")
        # The person's name in brackets under the line, as on the paper form; dots to fill in when unknown.
        pdf.line_text(f"( {name} )" if name else "(........................................)", align="R")
        pdf.ln(3)

    sign("ผู้รับเงิน", v.payee_signed, v.payee_name)
    sign("ผู้จ่ายเงิน", v.payer_signed, v.payer_name)
    sign("หัวหน้าโครงการ ผู้รับรอง", v.head_certified, v.head_name)
    pdf.line_text(freshness_line(v.as_of, v.stale), size=9)
    return pdf.output_bytes()


def audit_zip(
    *,
    package: s.AuditPackage,
    summary: s.ExpenseSummary,
    tranches: s.TrancheReport,
    statements: list[s.MonthlyStatement],
    vouchers: list[s.Voucher],
) -> bytes:
    """The audit package: a PDF index plus every rendered report of the project."""
    from phaen_reports.render.pdf import table_pdf  # on first use (see render.respond)

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("00-index.pdf", table_pdf(audit_table(package)))
        zf.writestr("00-index.csv", to_csv(audit_table(package)))
        t = expense_summary_table(summary)
        zf.writestr("3.4-expense-summary.pdf", table_pdf(t))
        zf.writestr("3.4-expense-summary.xlsx", to_xlsx(t))
        zf.writestr("3.6-tranches.pdf", table_pdf(tranche_table(tranches)))
        for st in statements:
            zf.writestr(f"3.9-statement-{st.account.id}-{st.month}.pdf", table_pdf(statement_table(st)))
        for v in vouchers:
            zf.writestr(f"3.4-voucher-{v.expense_id}.pdf", voucher_pdf(v))
    return buf.getvalue()
