"""Errors of bank statement imports: every bad input is a 4xx with a stable code, never a 5xx."""

from phaen_common.errors import NotFound, ProblemError, Unprocessable, register_thai


class StatementNotFound(NotFound):
    code, title = "statement_not_found", "Statement not found"


class UnsupportedStatementType(ProblemError):
    status, code, title = 415, "unsupported_statement_type", "Send application/xml (camt.053) or text/csv"


class StatementTooLarge(ProblemError):
    status, code, title = 413, "statement_too_large", "The statement is too large"


class StatementUnreadable(Unprocessable):
    code, title = "statement_unreadable", "The statement could not be read"


class StatementUnsafeXml(Unprocessable):
    code, title = "statement_unsafe_xml", "The XML declares a DTD, entities or external references"


class StatementAccountMismatch(Unprocessable):
    code, title = "statement_account_mismatch", "The statement is for another account"


class StatementUnbalanced(Unprocessable):
    code, title = "statement_unbalanced", "The statement's lines do not add up to its balances"


register_thai(
    {
        "statement_not_found": "ไม่พบรายการเดินบัญชี",
        "unsupported_statement_type": "รองรับเฉพาะไฟล์ camt.053 (XML) หรือ CSV",
        "statement_too_large": "ไฟล์รายการเดินบัญชีมีขนาดใหญ่เกินไป",
        "statement_unreadable": "อ่านรายการเดินบัญชีไม่ได้",
        "statement_unsafe_xml": "ไฟล์ XML มี DTD หรือ entity ที่ไม่อนุญาต",
        "statement_account_mismatch": "รายการเดินบัญชีเป็นของบัญชีอื่น",
        "statement_unbalanced": "ยอดรายการไม่ตรงกับยอดคงเหลือในรายการเดินบัญชี",
    }
)
