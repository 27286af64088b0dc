"""Facilitator errors (stable codes)."""

from __future__ import annotations

from phaen_common.errors import Conflict, NotFound


class FacilitatorNotFound(NotFound):
    code, title = "facilitator_not_found", "Facilitator not found"


class AlreadyFacilitator(Conflict):
    code, title = "already_facilitator", "This person is already recorded as a facilitator at this level"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "facilitator_not_found": "ไม่พบวิทยากรกระบวนการ",
    "already_facilitator": "บุคคลนี้เป็นวิทยากรกระบวนการระดับนี้อยู่แล้ว",
}
