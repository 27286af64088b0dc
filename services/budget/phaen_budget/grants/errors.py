"""Errors of grants and lines."""

from phaen_common.errors import Conflict, NotFound


class GrantNotFound(NotFound):
    code, title = "grant_not_found", "Grant not found"


class LineNotFound(NotFound):
    code, title = "line_not_found", "Grant line not found"


class OverAllocated(Conflict):
    code, title = "over_allocated", "The planned lines would exceed the grant"


class LineExists(Conflict):
    code, title = "line_exists", "The grant already has a line with this number"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "grant_not_found": "ไม่พบทุนสนับสนุน",
    "line_not_found": "ไม่พบแผนงานของทุน",
    "over_allocated": "ยอดแผนงานรวมเกินวงเงินทุน",
    "line_exists": "มีแผนงานลำดับนี้แล้ว",
}
