"""Thai text helpers: word breaks for PDF line wrapping, Buddhist-Era dates, amounts in words."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from phaen_common.money import CENT

ZWSP = "\u200b"
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def font_dir() -> Path:
    """Where the Sarabun TTFs of the ``fontpkg-sarabun`` package live."""
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files"


@lru_cache(maxsize=4096)
def breakable(text: str) -> str:
    """Put U+200B between Thai words so the PDF wraps lines at word boundaries, never mid-word."""
    if not _THAI.search(text):
        return text
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text, keep_whitespace=True)
    out: list[str] = []
    for word in words:
        if out and not word.isspace() and not out[-1].isspace():
            out.append(ZWSP)
        out.append(word)
    return "".join(out)


def be_date(value: dt.date | dt.datetime, with_time: bool = False) -> str:
    """A date in the Buddhist Era, Thai month names (e.g. 24 พฤศจิกายน 2569)."""
    from pythainlp.util import thai_strftime

    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return thai_strftime(value, "%-d %B %Y เวลา %H:%M น." if with_time else "%-d %B %Y")


def be_month(year: int, month: int) -> str:
    """A month in the Buddhist Era (e.g. มกราคม 2547)."""
    from pythainlp.util import thai_strftime

    return thai_strftime(dt.datetime(year, month, 1), "%B %Y")


def baht_words(amount: Decimal) -> str:
    """An amount in Thai words (บาทถ้วน / สตางค์); negative amounts are prefixed ลบ.

    Baht and satang are spelled as whole numbers (pythainlp ``num_to_thaiword``), so the amount never goes
    through a float (``bahttext`` takes only floats).
    """
    from pythainlp.util import num_to_thaiword

    q = Decimal(amount).quantize(CENT)
    baht, satang = divmod(int(abs(q) * 100), 100)
    words = f"{num_to_thaiword(baht)}บาท" + (f"{num_to_thaiword(satang)}สตางค์" if satang else "ถ้วน")
    return ("ลบ" + words) if q < 0 else words
