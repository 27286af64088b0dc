"""Import errors (stable codes)."""

from __future__ import annotations

from phaen_common.errors import Unprocessable


class BadCsv(Unprocessable):
    code, title = "bad_csv", "The CSV cannot be read"


class ImportRejected(Unprocessable):
    """The real run found rows that are unresolved, ambiguous or invalid: nothing was written."""

    code, title = "import_rejected", "Import rejected: some rows need attention; nothing was written"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "bad_csv": "อ่านไฟล์ CSV ไม่ได้",
    "import_rejected": "นำเข้าไม่สำเร็จ มีบางแถวต้องแก้ไข ยังไม่มีการบันทึกข้อมูลใด ๆ",
}
