"""Partner errors (stable codes)."""

from __future__ import annotations

from phaen_common.errors import Conflict, NotFound


class PartnerNotFound(NotFound):
    code, title = "partner_not_found", "Partner agency not found"


class PartnerExists(Conflict):
    code, title = "partner_exists", "A partner agency with this code exists"


class MouNotFound(NotFound):
    code, title = "mou_not_found", "MOU not found"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "partner_not_found": "ไม่พบภาคีพัฒนา",
    "partner_exists": "มีภาคีพัฒนารหัสนี้แล้ว",
    "mou_not_found": "ไม่พบบันทึกความร่วมมือ",
}
