"""Geography errors (stable codes)."""

from __future__ import annotations

from phaen_common.errors import NotFound, Unprocessable


class RegionNotFound(NotFound):
    code, title = "region_not_found", "Region not found"


class ProvinceNotFound(NotFound):
    code, title = "province_not_found", "Province not found"


class DistrictNotFound(NotFound):
    code, title = "district_not_found", "District not found"


class SubdistrictNotFound(NotFound):
    code, title = "subdistrict_not_found", "Subdistrict not found"


class AreaAbolished(NotFound):
    """An abolished code: the problem lists the codes that replaced it (``successors``)."""

    code, title = "area_abolished", "This code was abolished"


class UnknownProvince(Unprocessable):
    code, title = "unknown_province", "Unknown province"


# Thai titles of these codes; the app registers them (create_app), importing this module does not.
THAI: dict[str, str] = {
    "region_not_found": "ไม่พบภาค",
    "province_not_found": "ไม่พบจังหวัด",
    "district_not_found": "ไม่พบอำเภอ",
    "subdistrict_not_found": "ไม่พบตำบล",
    "area_abolished": "รหัสนี้ถูกยกเลิกแล้ว",
    "unknown_province": "ไม่รู้จักจังหวัดนี้",
}
