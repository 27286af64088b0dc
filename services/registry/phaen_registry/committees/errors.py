"""Committee errors (stable codes)."""

from __future__ import annotations

from phaen_common.errors import Conflict, NotFound, Unprocessable


class CommitteeNotFound(NotFound):
    code, title = "committee_not_found", "Committee not found"


class ZoneNotFound(NotFound):
    code, title = "zone_not_found", "Zone not found"


class CommitteeScopeInvalid(Unprocessable):
    code, title = "committee_scope_invalid", "The committee's region, province or tambon does not fit its level"


class UnknownPerson(Unprocessable):
    code, title = "unknown_person", "Unknown person"


class AlreadyMember(Conflict):
    code, title = "already_member", "Already a current member of this committee"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "committee_not_found": "ไม่พบคณะกรรมการ",
    "zone_not_found": "ไม่พบโซน",
    "committee_scope_invalid": "ภาค จังหวัด หรือตำบลของคณะกรรมการไม่สอดคล้องกับระดับ",
    "unknown_person": "ไม่พบบุคคลนี้",
    "already_member": "เป็นกรรมการในคณะนี้อยู่แล้ว",
}
