"""Errors of the reports endpoints (stable codes)."""

from __future__ import annotations

from phaen_common.errors import Forbidden, NotFound, Unprocessable


class GrantNotFound(NotFound):
    code, title = "grant_not_found", "Grant not found"


class ProjectNotFound(NotFound):
    code, title = "project_not_found", "Project not found"


class AccountNotFound(NotFound):
    code, title = "account_not_found", "Account not found"


class ExpenseNotFound(NotFound):
    code, title = "expense_not_found", "Expense not found"


class NotAVoucher(NotFound):
    code, title = "voucher_not_found", "This expense is not backed by a payment voucher"


class MoneyReportForbidden(Forbidden):
    code, title = "money_report_forbidden", "Your role may read network-level reports only"


class RebuildForbidden(Forbidden):
    code, title = "rebuild_forbidden", "Only admin or secretariat may rebuild the read model"


class BadMonth(Unprocessable):
    pass


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "grant_not_found": "ไม่พบทุนที่ระบุ",
    "project_not_found": "ไม่พบโครงการที่ระบุ",
    "account_not_found": "ไม่พบบัญชีที่ระบุ",
    "expense_not_found": "ไม่พบรายการค่าใช้จ่ายที่ระบุ",
    "voucher_not_found": "รายการนี้ไม่มีใบสำคัญรับเงิน",
    "money_report_forbidden": "สิทธิ์ของท่านอ่านได้เฉพาะรายงานระดับเครือข่าย",
    "rebuild_forbidden": "เฉพาะผู้ดูแลระบบหรือกองเลขาเท่านั้นที่สร้างข้อมูลรายงานใหม่ได้",
}
