"""People errors (stable codes)."""

from __future__ import annotations

from phaen_common.errors import Conflict, NotFound, Unprocessable


class PersonNotFound(NotFound):
    code, title = "person_not_found", "Person not found"


class DuplicateNationalId(Conflict):
    code, title = "duplicate_national_id", "A person with this national ID is already registered"


class UnknownTambon(Unprocessable):
    code, title = "unknown_tambon", "Unknown tambon code"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "person_not_found": "ไม่พบบุคคล",
    "duplicate_national_id": "เลขประจำตัวประชาชนนี้ลงทะเบียนแล้ว",
    "unknown_tambon": "ไม่พบรหัสตำบลนี้",
}
