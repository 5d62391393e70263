"""Vietnamese text as data: NFC normalisation and diacritic-free keys for matching names."""
from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


def nfc(text: object) -> str:
    """The text in Unicode NFC with runs of whitespace collapsed; '' for None/NaN."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def fold(text: object) -> str:
    """Lower-case text without diacritics ('Phường Cái Khế' -> 'phuong cai khe'); đ becomes d."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower()).replace("đ", "d")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key(text: object) -> str:
    """A matching key: folded, with everything but letters and digits removed ('P. Cái Khế' -> 'pcaikhe')."""
    return _NON_ALNUM.sub("", fold(text))
