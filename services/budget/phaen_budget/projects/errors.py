"""Errors of projects."""

from phaen_common.errors import Conflict, register_thai


class AlreadySuspended(Conflict):
    code, title = "already_suspended", "The project is already suspended"


class NotSuspended(Conflict):
    code, title = "not_suspended", "The project is not suspended"


register_thai(
    {
        "already_suspended": "โครงการถูกระงับอยู่แล้ว",
        "not_suspended": "โครงการไม่ได้ถูกระงับ",
    }
)
