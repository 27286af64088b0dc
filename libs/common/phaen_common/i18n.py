"""Thai problem bodies: with ``Accept-Language: th`` the ``title``, ``detail`` and ``errors[].msg`` are Thai.

Titles come by ``code`` (services register theirs with ``errors.register_thai``), else by HTTP status. A detail
is translated when its English text is known (``register_thai_details``); otherwise the Thai title stands in
and the English sentence stays available as ``detail_en``, so a partner never gets an English-only answer.
Validation messages are rebuilt from pydantic's error ``type`` and ``ctx``, not from its English text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Thai titles by status, for a code nobody registered a Thai title for.
THAI_BY_STATUS: dict[int, str] = {
    400: "คำขอไม่ถูกต้อง",
    401: "ไม่ได้รับอนุญาต กรุณาเข้าสู่ระบบ",
    403: "ไม่มีสิทธิ์ดำเนินการนี้",
    404: "ไม่พบข้อมูล",
    405: "ไม่อนุญาตให้ใช้วิธีนี้กับที่อยู่นี้",
    406: "ไม่มีรูปแบบข้อมูลที่ขอ",
    409: "ข้อมูลขัดแย้งกับสถานะปัจจุบัน",
    410: "ข้อมูลนี้ไม่มีแล้ว",
    412: "ข้อมูลถูกแก้ไขไปแล้ว กรุณาโหลดใหม่ก่อนแก้ไข",
    413: "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป",
    415: "ไม่รองรับรูปแบบข้อมูลนี้",
    422: "ข้อมูลไม่ถูกต้อง",
    428: "ต้องส่ง If-Match พร้อม ETag ล่าสุด",
    429: "ส่งคำขอถี่เกินไป กรุณารอสักครู่แล้วลองใหม่",
    500: "เกิดข้อผิดพลาดภายในระบบ",
    502: "บริการปลายทางตอบกลับไม่ถูกต้อง",
    503: "ระบบไม่พร้อมให้บริการชั่วคราว",
    504: "บริการปลายทางตอบสนองช้าเกินไป",
}

# Codes shared by every service, and the gateway's, that no module registers itself.
SHARED_THAI_TITLES: dict[str, str] = {
    "http_error": "คำขอไม่สำเร็จ",
    "unsupported_media_type": "ไม่รองรับรูปแบบข้อมูลนี้",
    "too_many_requests": "ส่งคำขอถี่เกินไป กรุณารอสักครู่แล้วลองใหม่",
    "rate_limited": "ส่งคำขอถี่เกินไป กรุณารอสักครู่แล้วลองใหม่",
    "precondition_failed": "ข้อมูลถูกแก้ไขไปแล้ว กรุณาโหลดใหม่ก่อนแก้ไข",
    "precondition_required": "ต้องส่ง If-Match พร้อม ETag ล่าสุด",
    "audit_key_unavailable": "กุญแจลงนามบันทึกตรวจสอบไม่พร้อมใช้งาน",
}

# English details said in many places, with their Thai.
THAI_DETAILS: dict[str, str] = {
    "A bearer access token is required.": "ต้องส่งโทเค็นเข้าใช้งานแบบ Bearer",
    "The access token is malformed.": "โทเค็นเข้าใช้งานมีรูปแบบไม่ถูกต้อง",
    "The access token has critical headers this server does not understand.": "โทเค็นมีส่วนหัวที่ระบบไม่รองรับ",
    "The access token has no key id.": "โทเค็นไม่มีรหัสกุญแจ (kid)",
    "The access token was signed by an unknown key.": "โทเค็นลงนามด้วยกุญแจที่ระบบไม่รู้จัก",
    "The access token uses an algorithm not allowed for its key.": "โทเค็นใช้อัลกอริทึมที่ไม่อนุญาตสำหรับกุญแจนี้",
    "The access token is invalid or expired.": "โทเค็นไม่ถูกต้องหรือหมดอายุแล้ว",
    "The access token is missing a required claim.": "โทเค็นขาดข้อมูลที่จำเป็น",
    "The access token was issued in the future.": "โทเค็นมีเวลาออกในอนาคต",
    "The access token lives longer than allowed.": "โทเค็นมีอายุยาวเกินกว่าที่อนุญาต",
    "The access token's subject has been disabled.": "ผู้ใช้ของโทเค็นนี้ถูกระงับแล้ว",
    "The access token has been revoked.": "โทเค็นนี้ถูกเพิกถอนแล้ว",
    "The access token's roles or scope are malformed.": "บทบาทหรือขอบเขตในโทเค็นไม่ถูกต้อง",
    "Your role does not allow this action.": "บทบาทของท่านไม่มีสิทธิ์ดำเนินการนี้",
    "The request is not valid.": "ข้อมูลในคำขอไม่ถูกต้อง",
    "The body could not be read.": "อ่านเนื้อหาคำขอไม่ได้",
    "Please retry shortly.": "กรุณาลองใหม่อีกครั้งในอีกสักครู่",
    "An unexpected error occurred.": "เกิดข้อผิดพลาดที่ไม่คาดคิด",
    "The database is not reachable.": "ติดต่อฐานข้อมูลไม่ได้",
    "Method Not Allowed": "ไม่อนุญาตให้ใช้วิธีนี้กับที่อยู่นี้",
    "Not Found": "ไม่พบข้อมูล",
    "Send If-Match with the ETag from your last GET of this resource, so no other change is lost.": (
        "กรุณาส่ง If-Match พร้อม ETag จากการอ่านข้อมูลครั้งล่าสุด เพื่อไม่ให้การแก้ไขของผู้อื่นสูญหาย"
    ),
    "The resource was changed by someone else. GET it again and redo your change.": (
        "ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาอ่านข้อมูลใหม่แล้วแก้ไขอีกครั้ง"
    ),
    "The resource does not exist yet; send the change without If-Match.": ("ยังไม่มีข้อมูลนี้ กรุณาส่งโดยไม่ต้องมี If-Match"),
}

_BODY_LIMIT = re.compile(r"^The body may not exceed (\d+) bytes\.$")
_THAI = re.compile(r"[\u0E00-\u0E7F]")
_LANG = re.compile(r"^\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def register_thai_details(details: Mapping[str, str]) -> None:
    """Add Thai for a service's own English detail sentences (and ``errors[].msg`` texts)."""
    THAI_DETAILS.update(details)


def prefers_thai(accept_language: str | None) -> bool:
    """True when Thai is the caller's most preferred language (``th``, ``th-TH``, ``th;q=0.9, en;q=0.5``)."""
    if not accept_language:
        return False
    best: tuple[float, int] | None = None
    thai = False
    for position, part in enumerate(accept_language.split(",")[:20]):
        m = _LANG.match(part)
        if m is None:
            continue
        try:
            q = float(m.group(2)) if m.group(2) else 1.0
        except ValueError:
            continue
        if q <= 0:
            continue
        rank = (q, -position)
        if best is None or rank > best:
            best, thai = rank, m.group(1).lower() == "th"
    return thai


def is_thai(text: Any) -> bool:
    """Does ``text`` already carry Thai?"""
    return isinstance(text, str) and bool(_THAI.search(text))


def thai_title(code: str, status: int) -> str:
    """The Thai title of a problem code (falling back to its HTTP status)."""
    from phaen_common.errors import THAI_TITLES

    return THAI_TITLES.get(code) or SHARED_THAI_TITLES.get(code) or THAI_BY_STATUS.get(status) or "คำขอไม่สำเร็จ"


def thai_detail(detail: str) -> str | None:
    """The Thai of a known English detail, or None."""
    if detail in THAI_DETAILS:
        return THAI_DETAILS[detail]
    m = _BODY_LIMIT.match(detail)
    if m:
        return f"เนื้อหาคำขอต้องไม่เกิน {int(m.group(1)):,} ไบต์"
    return None


def localize_problem(body: dict[str, Any]) -> dict[str, Any]:
    """Make a problem+json body Thai in place (title, detail, errors[].msg) and return it."""
    code = str(body.get("code", ""))
    status = int(body.get("status", 0) or 0)
    english_title = body.get("title")
    title = body["title"] = thai_title(code, status) if not is_thai(english_title) else english_title
    detail = body.get("detail")
    if isinstance(detail, str) and not is_thai(detail):
        translated = thai_detail(detail)
        if translated is not None:
            body["detail"] = translated
        else:
            body["detail"] = title
            if detail != english_title:
                body["detail_en"] = detail  # the specific English sentence, for a developer reading the log
    errors = body.get("errors")
    if isinstance(errors, list):
        for err in errors:
            if isinstance(err, dict) and not is_thai(err.get("msg")):
                msg = err.get("msg")
                err["msg"] = (thai_detail(msg) if isinstance(msg, str) else None) or "ค่าไม่ถูกต้อง"
    return body


def _n(ctx: Mapping[str, Any], key: str) -> str:
    return str(ctx.get(key, "?"))


# pydantic error types and their Thai (ctx values filled in); anything else is "ค่าไม่ถูกต้อง".
_VALIDATION: dict[str, Any] = {
    "missing": lambda c: "ต้องระบุค่านี้",
    "extra_forbidden": lambda c: "ไม่รู้จักช่องข้อมูลนี้",
    "string_type": lambda c: "ต้องเป็นข้อความ",
    "string_too_short": lambda c: f"ต้องยาวอย่างน้อย {_n(c, 'min_length')} ตัวอักษร",
    "string_too_long": lambda c: f"ต้องยาวไม่เกิน {_n(c, 'max_length')} ตัวอักษร",
    "string_pattern_mismatch": lambda c: "รูปแบบไม่ถูกต้อง",
    "too_short": lambda c: f"ต้องมีอย่างน้อย {_n(c, 'min_length')} รายการ",
    "too_long": lambda c: f"ต้องมีไม่เกิน {_n(c, 'max_length')} รายการ",
    "int_type": lambda c: "ต้องเป็นจำนวนเต็ม",
    "int_parsing": lambda c: "ต้องเป็นจำนวนเต็ม",
    "int_from_float": lambda c: "ต้องเป็นจำนวนเต็ม",
    "float_type": lambda c: "ต้องเป็นตัวเลข",
    "float_parsing": lambda c: "ต้องเป็นตัวเลข",
    "decimal_type": lambda c: "ต้องเป็นจำนวนเงินหรือตัวเลข",
    "decimal_parsing": lambda c: "ต้องเป็นจำนวนเงินหรือตัวเลข",
    "decimal_max_digits": lambda c: f"ตัวเลขต้องมีไม่เกิน {_n(c, 'max_digits')} หลัก",
    "decimal_max_places": lambda c: f"ทศนิยมต้องไม่เกิน {_n(c, 'decimal_places')} ตำแหน่ง",
    "decimal_whole_digits": lambda c: f"จำนวนเต็มต้องมีไม่เกิน {_n(c, 'whole_digits')} หลัก",
    "finite_number": lambda c: "ต้องเป็นตัวเลขจำกัด",
    "greater_than": lambda c: f"ต้องมากกว่า {_n(c, 'gt')}",
    "greater_than_equal": lambda c: f"ต้องไม่น้อยกว่า {_n(c, 'ge')}",
    "less_than": lambda c: f"ต้องน้อยกว่า {_n(c, 'lt')}",
    "less_than_equal": lambda c: f"ต้องไม่เกิน {_n(c, 'le')}",
    "multiple_of": lambda c: f"ต้องเป็นผลคูณของ {_n(c, 'multiple_of')}",
    "bool_type": lambda c: "ต้องเป็นจริงหรือเท็จ (true/false)",
    "bool_parsing": lambda c: "ต้องเป็นจริงหรือเท็จ (true/false)",
    "date_type": lambda c: "ต้องเป็นวันที่ (ปปปป-ดด-วว)",
    "date_parsing": lambda c: "ต้องเป็นวันที่ (ปปปป-ดด-วว)",
    "date_from_datetime_parsing": lambda c: "ต้องเป็นวันที่ (ปปปป-ดด-วว)",
    "date_from_datetime_inexact": lambda c: "ต้องเป็นวันที่ ไม่มีเวลา",
    "datetime_type": lambda c: "ต้องเป็นวันเวลา (ISO 8601)",
    "datetime_parsing": lambda c: "ต้องเป็นวันเวลา (ISO 8601)",
    "datetime_from_date_parsing": lambda c: "ต้องเป็นวันเวลา (ISO 8601)",
    "timezone_aware": lambda c: "วันเวลาต้องระบุเขตเวลา",
    "uuid_type": lambda c: "ต้องเป็น UUID",
    "uuid_parsing": lambda c: "ต้องเป็น UUID",
    "enum": lambda c: f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {c.get('expected', '')}".rstrip(": "),
    "literal_error": lambda c: f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {c.get('expected', '')}".rstrip(": "),
    "list_type": lambda c: "ต้องเป็นรายการ (array)",
    "dict_type": lambda c: "ต้องเป็นออบเจกต์ (object)",
    "model_type": lambda c: "ต้องเป็นออบเจกต์ (object)",
    "model_attributes_type": lambda c: "ต้องเป็นออบเจกต์ (object)",
    "json_invalid": lambda c: "JSON ไม่ถูกต้อง",
    "json_type": lambda c: "JSON ไม่ถูกต้อง",
    "url_parsing": lambda c: "ต้องเป็น URL",
    "url_scheme": lambda c: "URL ต้องขึ้นต้นด้วย http หรือ https",
    "union_tag_invalid": lambda c: f"ประเภทไม่ถูกต้อง ต้องเป็น: {c.get('expected_tags', '')}",
    "union_tag_not_found": lambda c: f"ต้องระบุช่อง {c.get('discriminator', '')}",
    "bytes_too_long": lambda c: "ข้อมูลยาวเกินไป",
    "value_error": lambda c: "ค่าไม่ถูกต้อง",
    "assertion_error": lambda c: "ค่าไม่ถูกต้อง",
}


def thai_validation_msg(error: Mapping[str, Any]) -> str:
    """Thai for one pydantic error (``{"type", "msg", "ctx"}``)."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        english = str(error.get("msg", "")).removeprefix("Value error, ")
        known = thai_detail(english)
        if known is not None:
            return known
    make = _VALIDATION.get(kind)
    if make is None:
        return "ค่าไม่ถูกต้อง"
    return str(make(ctx if isinstance(ctx, Mapping) else {}))
