"""Vietnamese text as data: NFC normalisation and diacritic-free keys for matching names."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
# Full-width letters and digits (typed with a Japanese or Chinese input method: "３１１３５") and the
# dashes Word makes of a hyphen ("XHS–03", "KTS‑04"): the same characters for matching.
_WIDTH_AND_DASHES = {**{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}, 0x3000: 0x20,
                     **{cp: 0x2D for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63)}}


def nfc(text: object) -> str:
    """The text in Unicode NFC with runs of whitespace collapsed; '' for None/NaN."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def plain_forms(text: str) -> str:
    """Full-width letters and digits as ASCII, Word's dashes as '-' (for codes and numbers)."""
    return text.translate(_WIDTH_AND_DASHES)


def fold(text: object) -> str:
    """Lower-case text without diacritics ('Phường Cái Khế' -> 'phuong cai khe'); đ becomes d; full-width
    characters and Word's dashes as their plain forms."""
    return _fold(text) if isinstance(text, str) and len(text) < 200 else _fold.__wrapped__(text)


@lru_cache(maxsize=65536)
def _fold(text: object) -> str:
    decomposed = unicodedata.normalize("NFD", plain_forms(nfc(text)).lower()).replace("đ", "d")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key(text: object) -> str:
    """A matching key: folded, with everything but letters and digits removed ('P. Cái Khế' -> 'pcaikhe')."""
    return _NON_ALNUM.sub("", fold(text))


def shorten(text: str, limit: int) -> str:
    """The text shortened to limit characters with an ellipsis (as it is when it fits)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def distinct_cuts(texts: list[str], limit: int) -> list[str]:
    """Texts shortened to limit characters with an ellipsis, so that no two read the same: a text that
    shares most of its shortened part with another keeps its opening words, then '…', then the two
    words before the place where it differs and what follows ('Tham mưu xây dựng … mức hỗ trợ từ…')."""
    out = []
    for i, text in enumerate(texts):
        shared = max((len(_common_prefix(text, other)) for j, other in enumerate(texts) if j != i), default=0)
        if shared < 0.6 * min(limit, len(text)):
            out.append(shorten(text, limit))
            continue
        head = text[: limit // 3].rsplit(" ", 1)[0]
        words_before = text[:shared].split(" ")
        tail = " ".join(words_before[-3:-1] + [text[shared - len(words_before[-1]):]]) if len(words_before) > 2 else text
        out.append(shorten(f"{head} … {tail.strip()}", limit))
    return out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]
