"""Errors of proposals."""

from phaen_common.errors import Conflict, Forbidden, NotFound, register_thai


class ProposalNotFound(NotFound):
    code, title = "proposal_not_found", "Proposal not found"


class WrongCommittee(Forbidden):
    code, title = "wrong_committee", "Only the committee of the routed level may decide this proposal"


class AlreadyDecided(Conflict):
    code, title = "already_decided", "The proposal has already been decided"


class LineBudgetExceeded(Conflict):
    code, title = "line_budget_exceeded", "Approving would reserve more than the line's planned budget"


register_thai(
    {
        "proposal_not_found": "ไม่พบข้อเสนอ",
        "wrong_committee": "เฉพาะคณะกรรมการระดับที่ได้รับการเสนอเท่านั้นที่พิจารณาได้",
        "already_decided": "ข้อเสนอนี้ได้รับการพิจารณาแล้ว",
        "line_budget_exceeded": "การอนุมัติจะเกินงบประมาณของแผนงาน",
    }
)
