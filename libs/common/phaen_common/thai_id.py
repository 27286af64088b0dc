"""The Thai national ID (เลขประจำตัวประชาชน) check digit, shared by every service that takes one."""

from __future__ import annotations


def national_id_check_digit(first12: str) -> int:
    """The 13th digit: (11 - sum(d_i * (13 - i)) mod 11) mod 10 over the first 12 digits."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return (11 - total % 11) % 10


def national_id_ok(value: str) -> bool:
    """True for 13 digits whose last is the check digit of the first 12 (no separators)."""
    return len(value) == 13 and value.isdigit() and national_id_check_digit(value[:12]) == int(value[12])
