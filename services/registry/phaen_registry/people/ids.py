"""Thai national ID (เลขประจำตัวประชาชน) and phone validation and masking. Values never go to a log."""

from __future__ import annotations

import re

from phaen_common.access import mask  # the one masking function
from phaen_common.thai_id import national_id_check_digit, national_id_ok

__all__ = ["clean_national_id", "clean_phone", "mask", "national_id_check_digit"]

_SEPARATORS = re.compile(r"[\s-]")


def clean_national_id(value: str) -> str:
    """13 digits with a valid check digit (dashes and spaces allowed); ValueError otherwise."""
    digits = _SEPARATORS.sub("", value)
    if not re.fullmatch(r"\d{13}", digits):
        raise ValueError("national_id must have 13 digits")
    if not national_id_ok(digits):
        raise ValueError("national_id has a bad check digit")
    return digits


def clean_phone(value: str) -> str:
    """A Thai phone number as 0XXXXXXXX(X); +66 is accepted; ValueError otherwise."""
    digits = _SEPARATORS.sub("", value)
    if digits.startswith("+66"):
        digits = "0" + digits[3:]
    if not re.fullmatch(r"0\d{8,9}", digits):
        raise ValueError("phone must be a Thai number of 9 or 10 digits starting with 0")
    return digits
