"""Errors of expenses and attachments."""

from phaen_common.errors import Conflict, NotFound, ProblemError, register_thai


class ExpenseNotFound(NotFound):
    code, title = "expense_not_found", "Expense not found"


class AttachmentNotFound(NotFound):
    code, title = "attachment_not_found", "Attachment not found"


class DuplicateReceipt(Conflict):
    code, title = "duplicate_receipt", "This receipt (seller, book, number) already backs another expense"


class AlreadyVoid(Conflict):
    code, title = "already_void", "The expense is already void"


class UnsupportedAttachment(ProblemError):
    status, code, title = 415, "unsupported_attachment", "Attachments must be a JPEG, PNG or PDF file"


class AttachmentTooLarge(ProblemError):
    status, code, title = 413, "payload_too_large", "Attachments may not exceed 10 MB"


register_thai(
    {
        "expense_not_found": "ไม่พบรายการค่าใช้จ่าย",
        "attachment_not_found": "ไม่พบไฟล์แนบ",
        "duplicate_receipt": "ใบเสร็จนี้ถูกใช้กับรายการค่าใช้จ่ายอื่นแล้ว",
        "already_void": "รายการนี้ถูกยกเลิกแล้ว",
        "unsupported_attachment": "ไฟล์แนบต้องเป็น JPEG, PNG หรือ PDF",
    }
)
