"""Errors several budget packages raise."""

from phaen_common.errors import Conflict, NotFound, register_thai


class ProjectNotFound(NotFound):
    code, title = "project_not_found", "Project not found"


class ProjectSuspended(Conflict):
    code, title = "project_suspended", "The project is suspended"


class ProjectClosed(Conflict):
    code, title = "project_closed", "The project is closed"


class AccountNotFound(NotFound):
    code, title = "account_not_found", "Account not found"


class InsufficientFunds(Conflict):
    code, title = "insufficient_funds", "Not enough available money in the account"


class BankReferenceUsed(Conflict):
    code, title = "bank_reference_used", "This bank reference already records another movement"


class AlreadyPaid(Conflict):
    code, title = "already_paid", "The withdrawal has already been paid"


class InternalReferenceUsed(Conflict):
    code, title = "internal_reference_used", "This movement has already been booked"


class BalanceLimitExceeded(Conflict):
    code, title = "balance_limit_exceeded", "The account's figures would exceed what an amount can hold"


register_thai(
    {
        "already_paid": "รายการนี้จ่ายเงินแล้ว",
        "internal_reference_used": "รายการนี้ถูกบันทึกแล้ว",
        "balance_limit_exceeded": "ยอดเงินในบัญชีเกินกว่าที่ระบบรองรับ",
        "project_not_found": "ไม่พบโครงการ",
        "project_suspended": "โครงการถูกระงับ",
        "project_closed": "โครงการปิดแล้ว",
        "account_not_found": "ไม่พบบัญชี",
        "insufficient_funds": "ยอดเงินคงเหลือที่ใช้ได้ไม่เพียงพอ",
        "bank_reference_used": "เลขอ้างอิงธนาคารนี้ถูกใช้กับรายการอื่นแล้ว",
    }
)
