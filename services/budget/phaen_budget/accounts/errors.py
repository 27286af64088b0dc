"""Errors of accounts and deposits."""

from phaen_common.errors import Conflict, Forbidden, NotFound, Unprocessable, register_thai


class AccountNameMismatch(Unprocessable):
    code, title = "account_name_mismatch", "The account name must equal the project's name exactly"


class AccountExists(Conflict):
    code, title = "account_exists", "The project already has an account"


class EntryNotFound(NotFound):
    code, title = "entry_not_found", "Ledger entry not found"


class ResolutionReused(Conflict):
    code, title = "resolution_reused", "Changing the signatories needs a new resolution"


class FeeOwnBankOnly(Forbidden):
    code, title = "fee_own_bank_only", "Only the account's own bank records its fees"


class FeeTooLarge(Unprocessable):
    code, title = "fee_too_large", "The fee is larger than a bank fee may be"


register_thai(
    {
        "resolution_reused": "การเปลี่ยนผู้มีอำนาจลงนามต้องมีมติใหม่",
        "account_name_mismatch": "ชื่อบัญชีต้องตรงกับชื่อโครงการ",
        "account_exists": "โครงการนี้มีบัญชีแล้ว",
        "entry_not_found": "ไม่พบรายการบัญชี",
        "fee_own_bank_only": "เฉพาะธนาคารเจ้าของบัญชีเท่านั้นที่บันทึกค่าธรรมเนียมได้",
        "fee_too_large": "ค่าธรรมเนียมเกินวงเงินที่กำหนด",
    }
)
