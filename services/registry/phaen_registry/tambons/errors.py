"""Network tambon errors (stable codes)."""

from __future__ import annotations

from phaen_common.errors import NotFound


class TambonNotFound(NotFound):
    code, title = "tambon_not_found", "Tambon not found"


class NotInNetwork(NotFound):
    code, title = "tambon_not_in_network", "This tambon is not enrolled in the network"


class VillageNotFound(NotFound):
    code, title = "village_not_found", "Village not found"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "tambon_not_found": "ไม่พบตำบล",
    "tambon_not_in_network": "ตำบลนี้ยังไม่อยู่ในเครือข่าย",
    "village_not_found": "ไม่พบหมู่บ้าน",
}
