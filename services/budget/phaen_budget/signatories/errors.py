"""Errors of signatory sets and their maker-checker changes."""

from phaen_common.errors import Conflict, Forbidden, NotFound, Unprocessable, register_thai


class UnknownSignatory(Unprocessable):
    code, title = (
        "unknown_signatory",
        "A signatory is not an enabled user with the signatory role linked to a person with a valid national ID",
    )


class SamePersonTwice(Unprocessable):
    code, title = "same_person_twice", "Two signatory user ids are the same person"


class ChangeNotFound(NotFound):
    code, title = "signatory_change_not_found", "Signatory change not found"


class ChangeNotPending(Conflict):
    code, title = "signatory_change_not_pending", "The signatory change is no longer pending"


class ChangePending(Conflict):
    code, title = "signatory_change_pending", "The account already has a signatory change awaiting confirmation"


class MakerCannotCheck(Forbidden):
    code, title = "maker_cannot_check", "The proposer of a signatory change cannot confirm it"


class NotAChecker(Forbidden):
    code, title = "not_a_checker", "Only budget:admin or a national committee member may confirm or reject"


register_thai(
    {
        "unknown_signatory": "ผู้มีอำนาจลงนามต้องเป็นผู้ใช้ที่เปิดใช้งาน มีบทบาทผู้ลงนาม และผูกกับบุคคลที่มีเลขประจำตัวประชาชนถูกต้อง",
        "same_person_twice": "ผู้มีอำนาจลงนามสองรายการเป็นบุคคลเดียวกัน",
        "signatory_change_not_found": "ไม่พบคำขอเปลี่ยนผู้มีอำนาจลงนาม",
        "signatory_change_not_pending": "คำขอเปลี่ยนผู้มีอำนาจลงนามนี้ดำเนินการไปแล้ว",
        "signatory_change_pending": "บัญชีนี้มีคำขอเปลี่ยนผู้มีอำนาจลงนามที่รอยืนยันอยู่แล้ว",
        "maker_cannot_check": "ผู้เสนอการเปลี่ยนผู้มีอำนาจลงนามยืนยันเองไม่ได้",
        "not_a_checker": "เฉพาะผู้ดูแลงบประมาณหรือกรรมการระดับชาติที่ยืนยันหรือปฏิเสธได้",
    }
)
