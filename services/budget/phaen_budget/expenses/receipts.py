"""The duplicate-receipt key: the same paper receipt, however it is typed, gives the same key.

A receipt is (seller, book, number). Each part is normalised so that what only looks different is not
a new receipt: Unicode compatibility forms (NFKC: full-width letters and digits, ligatures), invisible
characters (zero-width, BOM, soft hyphen, fillers), digits of any script (Thai ๑๒๓, full-width),
look-alike letters of other scripts (Cyrillic ``а``, Greek ``Ο``: the Unicode confusables table, via
``confusable-homoglyphs``), case, punctuation and spacing. In the book and receipt numbers, leading
zeros and the letters that pass for digits (O for 0, I and l for 1) do not count either.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources

from phaen_budget.expenses.schemas import Receipt

# Not format characters (Cf) but invisible all the same: combining grapheme joiner, Hangul fillers,
# Khmer inherent vowels, variation selectors.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0\u17b4\u17b5") | frozenset(map(chr, range(0xFE00, 0xFE10)))
_SPACES = re.compile(r"\s+")
_DIGIT_RUN = re.compile(r"\d+")
# After case folding: the Latin letters that a Greek/Cyrillic capital I is confused with are one letter.
_NAME_FOLD = str.maketrans({"l": "i", "|": "i"})
_NUMBER_FOLD = str.maketrans({"o": "0", "i": "1", "l": "1", "|": "1"})


@functools.cache
def _ascii_prototypes() -> dict[str, str]:
    """Each non-ASCII character that the confusables table says looks like one ASCII character."""
    # The data file of the confusable-homoglyphs package (Unicode's confusables.txt, as JSON).
    data = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    table: dict[str, list[dict[str, str]]] = json.loads(data.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for char, homoglyphs in table.items():
        if len(char) != 1 or char.isascii():
            continue
        ascii_ones = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii() and h["c"].isprintable()]
        if ascii_ones:
            out[char] = ascii_ones[0]
    return out


def _char(c: str, prototypes: dict[str, str]) -> str:
    category = unicodedata.category(c)
    if category == "Cf" or c in _INVISIBLE:
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(c))
    if category.startswith("P"):
        return " "
    return prototypes.get(c, c)


def normalise(text: str) -> str:
    """One part of a receipt, normalised: what only looks different becomes the same."""
    prototypes = _ascii_prototypes()
    # NFKC twice around the look-alike mapping: a prototype may itself have a compatibility form.
    folded = "".join(_char(c, prototypes) for c in unicodedata.normalize("NFKC", text))
    folded = unicodedata.normalize("NFKC", folded).casefold()
    return _SPACES.sub(" ", folded).strip()


def normalise_name(text: str) -> str:
    """A seller's name."""
    return normalise(text).translate(_NAME_FOLD)


def normalise_number(text: str) -> str:
    """A book or receipt number: also without leading zeros, and O/I/l read as the digits they mimic."""
    folded = normalise(text).translate(_NUMBER_FOLD).replace(" ", "")
    return _DIGIT_RUN.sub(lambda m: m.group().lstrip("0") or "0", folded)


def key(seller_name: str, book_no: str, receipt_no: str) -> str:
    """(seller, book, number) normalised, joined with ``|``."""
    return "|".join((normalise_name(seller_name), normalise_number(book_no), normalise_number(receipt_no)))


def receipt_key(evidence: Receipt) -> str:
    """The duplicate key of a receipt."""
    return key(evidence.seller_name, evidence.book_no, evidence.receipt_no)
