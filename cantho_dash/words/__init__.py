"""The dashboard's words: one table per language (vi.py, en.py), looked up by key."""
from __future__ import annotations

from cantho_dash.words.en import EN
from cantho_dash.words.vi import VI

LANGS = ("vi", "en")
TABLES = {"vi": VI, "en": EN}


def t(key: str, lang: str = "vi") -> str:
    """The string key in a language (Vietnamese unless 'en')."""
    return TABLES["en" if lang == "en" else "vi"][key]


def status_label(status: str, lang: str = "vi") -> str:
    """The label of a status code."""
    return t(f"status_{status}", lang)
