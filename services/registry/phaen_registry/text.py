"""Thai and English place-name normalisation for search and resolve.

Three forms of a name, each looser than the last:

- ``fold``: lower case, NFC, without spaces, punctuation and a leading level word (ตำบล, ต., อำเภอ, อ.,
  จังหวัด, จ., อบต., Tambon, Amphoe...). Two names equal in this form are the same spelling.
- ``toneless``: ``fold`` without tone marks and the vowel shortener (่ ้ ๊ ๋ ็): legacy records and
  the seed often differ only there (น้ำเกียน / น้ำเกี๋ยน, ไม่เรียง / ไม้เรียง).
- ``skeleton``: ``toneless`` with silent letters (the consonant under ์) dropped, consonants that sound
  alike merged (ษ ศ → ส, ธ ฑ ฒ ถ → ท, ...), and vowel spellings that read alike merged (ใ → ไ, ะ and
  ั dropped). ศรีสะเกษ and ศรีษะเกษ share a skeleton. Only used for matching, never shown.
"""

from __future__ import annotations

import re
import unicodedata

# Level words people write before a name. Order matters: longest first; the short forms need their
# dot, because อ and จ also begin names (อ่างทอง, จันทบุรี).
_LEVEL_WORDS = (
    "องค์การบริหารส่วนตำบล",
    "กิ่งอำเภอ",
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "อบต.",
    "อบต",
    "แขวง",
    "ต.",
    "อ.",
    "จ.",
    "changwat",
    "province",
    "kingamphoe",
    "amphoe",
    "amphur",
    "district",
    "tambon",
    "subdistrict",
    "khwaeng",
)
_SPACES_PUNCT = re.compile(r"[\s.'’\-_,/()]+")
_TONES = re.compile("[\u0e47-\u0e4b]")  # ็ ่ ้ ๊ ๋
_SILENT = re.compile("[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")  # a consonant (with ิ/ุ) under ์ is silent
_DROP = re.compile("[\u0e31\u0e30\u0e3a\u0e4d\u0e4e]")  # ั ะ ฺ ํ ๎
_SOUND_ALIKE = str.maketrans(
    {
        "ษ": "ส",
        "ศ": "ส",
        "ซ": "ส",
        "ธ": "ท",
        "ฑ": "ท",
        "ฒ": "ท",
        "ถ": "ท",
        "ฐ": "ท",
        "ฎ": "ด",
        "ฏ": "ต",
        "ณ": "น",
        "ฬ": "ล",
        "ภ": "พ",
        "ผ": "พ",
        "ฝ": "ฟ",
        "ฆ": "ค",
        "ข": "ค",
        "ฃ": "ค",
        "ฅ": "ค",
        "ฌ": "ช",
        "ฉ": "ช",
        "ใ": "ไ",
        "ๅ": "า",
    }
)
_THAI = re.compile("[\u0e00-\u0e7f]")


def _strip_level_words(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        for word in _LEVEL_WORDS:
            if text.startswith(word) and len(text) > len(word):
                text = text[len(word) :]
                changed = True
                break
    return text


def fold(text: str) -> str:
    """Lower case, NFC, no spaces or punctuation, no leading level word."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    # Level words may be separated from the name by spaces or a dot; strip them on the spaced text first.
    text = _SPACES_PUNCT.sub(lambda m: "." if "." in m.group(0) else "", text)
    text = _strip_level_words(text)
    return text.replace(".", "")


def toneless(text: str) -> str:
    """``fold`` without tone marks and the vowel shortener."""
    return _TONES.sub("", fold(text))


def skeleton(text: str) -> str:
    """A loose phonetic form of a Thai name (see the module docstring)."""
    folded = fold(text)
    folded = folded.replace("ำ", "ม")  # ำ and ัม read alike (ั is dropped below)
    folded = _SILENT.sub("", folded)
    folded = _TONES.sub("", folded)
    folded = _DROP.sub("", folded)
    return folded.translate(_SOUND_ALIKE)


def is_thai(text: str) -> bool:
    """True when ``text`` contains Thai letters."""
    return bool(_THAI.search(text))


def latin_key(text: str) -> str:
    """English names: lower case letters and digits only, level word removed."""
    return re.sub(r"[^a-z0-9]", "", fold(text))
