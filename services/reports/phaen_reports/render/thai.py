"""Thai text helpers: word breaks for PDF line wrapping, Buddhist-Era dates, amounts in words."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from phaen_common.money import CENT

ZWSP = "\u200b"
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def font_dir() -> Path:
    """Where the Sarabun TTFs of the ``fontpkg-sarabun`` package live."""
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.ROOT) / "files"


# No line may start with closing punctuation or end with opening punctuation: "(บาท)" stays whole.
_NO_BREAK_AFTER = frozenset("([{\"'“‘/-")
_NO_BREAK_BEFORE = frozenset(")]}\"'”’,.:;!?%/-ๆฯ")
# A dictionary word longer than this (ตะวันออกเฉียงเหนือ, a compound) may break between the words it is made of,
# so a narrow column never has to cut it mid-word.
_COMPOUND_ABOVE = 8


@lru_cache(maxsize=1)
def _short_words() -> Any:
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    return Trie([w for w in thai_words() if len(w) <= _COMPOUND_ABOVE])


def _parts(word: str) -> list[str]:
    """A long compound as its dictionary words (ตะวันออก|เฉียง|เหนือ); anything else stays one piece."""
    if len(word) <= _COMPOUND_ABOVE or not _THAI.search(word):
        return [word]
    from pythainlp.tokenize import word_tokenize

    trie = _short_words()
    parts = word_tokenize(word, custom_dict=trie, engine="newmm")
    return parts if len(parts) > 1 and all(p in trie for p in parts) else [word]


def _may_break(before: str, after: str) -> bool:
    return not (
        before.isspace()
        or after.isspace()
        or before[-1] in _NO_BREAK_AFTER
        or after[0] in _NO_BREAK_BEFORE
        or (before[-1].isdigit() and after[0].isdigit())
    )


@lru_cache(maxsize=4096)
def breakable(text: str) -> str:
    """Put U+200B between Thai words so the PDF wraps lines at word boundaries, never mid-word."""
    if not _THAI.search(text):
        return text
    from pythainlp.tokenize import word_tokenize

    words = [part for word in word_tokenize(text, keep_whitespace=True) for part in _parts(word)]
    out: list[str] = []
    for word in words:
        if out and _may_break(out[-1], word):
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
