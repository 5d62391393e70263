"""Numbers and dates the Vietnamese way (76,5%; 1.234,5; 25/11/2026), or the English way."""
from __future__ import annotations

import math
from datetime import date, datetime

from cantho_dash.words import t

COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


def fmt_number(value, decimals: int = 1, lang: str = "vi") -> str:
    """76.46 -> '76,5' in Vietnamese ('1.234,5' with thousands), '76.5' in English; '–' for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_decimal(value, decimals: int = 2, lang: str = "vi") -> str:
    """As fmt_number, without trailing zeros: 98.90 -> '98,9', 100.0 -> '100'."""
    text = fmt_number(value, decimals, lang)
    return text.rstrip("0").rstrip(",.") if decimals > 0 and text != "–" else text


def fmt_percent(value, decimals: int = 1, lang: str = "vi") -> str:
    """76.46 -> '76,5%'."""
    text = fmt_number(value, decimals, lang)
    return text if text == "–" else f"{text}%"


def fmt_target(comparator: str, value, unit: str, lang: str = "vi") -> str:
    """A target as people write it: '≥ 80,0%', '> 50,0%', 'Đã hoàn thành'."""
    if unit == "milestone":
        return fmt_value(value, unit, lang)
    return f"{COMPARATOR_SIGNS.get(comparator, comparator)} {fmt_value(value, unit, lang)}"


def fmt_value(value, unit: str, lang: str = "vi", decimals: int = 1) -> str:
    """A target's value in its unit: '76,5%', 'Đã hoàn thành' / 'Đang triển khai (85%)', or a number."""
    if unit == "milestone":
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        if value >= 1:
            return t("milestone_done", lang)
        return f"{t('milestone_progress', lang)} ({fmt_percent(value * 100, 0, lang)})"
    if unit == "%":
        return fmt_percent(value, decimals, lang)
    return fmt_number(value, decimals, lang)


def fmt_date(value, lang: str = "vi") -> str:
    """25/11/2026 (or 25 Nov 2026 in English); '–' for none."""
    if value is None or value != value:
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%H:%M %d/%m/%Y") if lang == "vi" else value.strftime("%d %b %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.strftime("%d %b %Y")
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text: object) -> object:
    """A text cell that a spreadsheet would run as a formula ('=HYPERLINK(…)', '+cmd|…', '@SUM(…)',
    a leading tab or CR) gets a leading apostrophe; anything else is returned as it is."""
    if isinstance(text, str) and text[:1] in FORMULA_STARTS:
        return "'" + text
    return text


MARKDOWN = frozenset("\\`*_{}[]()#+-.!|<>~$:=&")


def md_literal(text: object) -> str:
    """Text shown as it is where Streamlit reads markdown (captions, notices, metric labels): every
    markdown character escaped and lines joined, so a name from a file or the store never becomes
    a link, an image, HTML, a heading or a colour directive."""
    return "".join("\\" + c if c in MARKDOWN else c for c in " ".join(str(text).split()))


def plotly_separators(lang: str = "vi") -> str:
    """Plotly's layout.separators: decimal then thousands."""
    return ".," if lang == "en" else ",."
