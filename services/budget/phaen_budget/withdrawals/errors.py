"""Errors of withdrawals, signatures and payouts."""

from phaen_common.errors import Conflict, Forbidden, NotFound, register_thai


class WithdrawalNotFound(NotFound):
    code, title = "withdrawal_not_found", "Withdrawal not found"


class NotASignatory(Forbidden):
    code, title = "not_a_signatory", "You are not a current signatory of this account"


class AlreadySigned(Conflict):
    code, title = "already_signed", "You have already signed this withdrawal"


class NotPending(Conflict):
    code, title = "withdrawal_not_pending", "The withdrawal is no longer pending"


class NotApproved(Conflict):
    code, title = "withdrawal_not_approved", "Only an approved withdrawal can be paid"


register_thai(
    {
        "withdrawal_not_found": "ไม่พบรายการเบิกถอน",
        "not_a_signatory": "ท่านไม่ใช่ผู้มีอำนาจลงนามของบัญชีนี้",
        "already_signed": "ท่านลงนามรายการนี้แล้ว",
        "withdrawal_not_pending": "รายการเบิกถอนนี้ไม่อยู่ในสถานะรอลงนาม",
        "withdrawal_not_approved": "จ่ายเงินได้เฉพาะรายการที่อนุมัติแล้ว",
    }
)
