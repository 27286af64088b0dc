"""Errors of tranches and activity reports."""

from phaen_common.errors import Conflict, NotFound, Unprocessable, register_thai


class TrancheNotFound(NotFound):
    code, title = "tranche_not_found", "The project has no such tranche"


class ReportNotFound(NotFound):
    code, title = "activity_report_not_found", "Activity report not found"


class AccountRequired(Conflict):
    code, title = "account_required", "The project has no account to release into"


class AlreadyReleased(Conflict):
    code, title = "tranche_already_released", "The tranche has already been released"


class PreviousNotReleased(Conflict):
    code, title = "previous_tranche_not_released", "The previous tranche has not been released"


class ActivityReportRequired(Conflict):
    code, title = "activity_report_required", "An activity report for the previous tranche is required"


class TrancheNotReleased(Conflict):
    code, title = "tranche_not_released", "The tranche has not been released yet"


class TrancheAmountExceeded(Conflict):
    code, title = "tranche_amount_exceeded", "The amount is more than the tranche may release"


class AmountRequired(Unprocessable):
    code, title = "amount_required", "The project has no amount: give the tranche amount"


register_thai(
    {
        "tranche_not_found": "ไม่พบงวดเงินนี้",
        "activity_report_not_found": "ไม่พบรายงานกิจกรรม",
        "account_required": "โครงการยังไม่มีบัญชีสำหรับรับเงิน",
        "tranche_already_released": "โอนเงินงวดนี้แล้ว",
        "previous_tranche_not_released": "ยังไม่ได้โอนเงินงวดก่อนหน้า",
        "activity_report_required": "ต้องส่งรายงานสรุปกิจกรรมของงวดก่อนหน้าก่อน",
        "tranche_not_released": "ยังไม่ได้โอนเงินงวดนี้",
        "amount_required": "ต้องระบุจำนวนเงินของงวด",
        "tranche_amount_exceeded": "จำนวนเงินเกินกว่าที่งวดนี้โอนได้",
    }
)
