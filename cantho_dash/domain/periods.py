"""Reporting periods: month, quarter, half-year and year, parsed from the ways analysts write them."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from cantho_dash.domain.vntext import fold

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_KINDS = {"M": 12, "Q": 4, "H": 2, "Y": 1}


class PeriodError(ValueError):
    """A period that cannot be understood."""


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period; kind is M (month), Q (quarter), H (half-year) or Y (year)."""

    year: int
    kind: str
    number: int = 1

    def __post_init__(self):
        if self.kind not in _KINDS or not 1 <= self.number <= _KINDS[self.kind] or not 1900 <= self.year <= 2200:
            raise PeriodError(f"{self.kind}{self.number}/{self.year}")

    @property
    def months(self) -> int:
        """How many months the period spans."""
        return 12 // _KINDS[self.kind]

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, (self.number - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        """The last day of the period."""
        month = self.number * self.months
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def code(self) -> str:
        """The canonical text: 2026-03, 2026-Q1, 2026-H1 or 2026."""
        if self.kind == "M":
            return f"{self.year}-{self.number:02d}"
        if self.kind == "Y":
            return str(self.year)
        return f"{self.year}-{self.kind}{self.number}"

    def label(self, lang: str = "vi") -> str:
        """A human label: 'Tháng 3/2026', 'Quý I/2026', '6 tháng đầu năm 2026' (or English)."""
        roman = ["I", "II", "III", "IV"][self.number - 1] if self.kind == "Q" else ""
        if lang == "en":
            return {"M": f"{calendar.month_abbr[self.number]} {self.year}", "Q": f"Q{self.number} {self.year}",
                    "H": f"H{self.number} {self.year}", "Y": str(self.year)}[self.kind]
        return {"M": f"Tháng {self.number}/{self.year}", "Q": f"Quý {roman}/{self.year}",
                "H": f"{'6 tháng đầu' if self.number == 1 else '6 tháng cuối'} năm {self.year}",
                "Y": f"Năm {self.year}"}[self.kind]


def month(year: int, number: int) -> Period:
    """A month period."""
    return Period(year, "M", number)


_PATTERNS: list[tuple[re.Pattern, str, str]] = [
    # (pattern on the folded text, kind, group order: 'yn' = year then number, 'ny' = number then year)
    (re.compile(r"(\d{4})[-/.](0?[1-9]|1[0-2])"), "M", "yn"),
    # The first day of a month (Excel turns '03/2026' into 01/03/2026, day/month/year as in Viet Nam):
    # that month. Any other date is refused: is 11/1/2026 January or November, and which period
    # does the 15th stand for?
    (re.compile(r"(\d{4})-(0?[1-9]|1[0-2])-0?1(?: 00:00:00)?"), "M", "yn"),
    (re.compile(r"0?1/(0?[1-9]|1[0-2])/(\d{4})"), "M", "ny"),
    (re.compile(r"(?:thang|t|m)?\s*\.?\s*(0?[1-9]|1[0-2])\s*[-/.]\s*(\d{4})"), "M", "ny"),
    (re.compile(r"(?:thang|t)\s*(0?[1-9]|1[0-2])\s*,?\s*nam\s*(\d{4})"), "M", "ny"),
    (re.compile(r"(\d{4})\s*[-/]?\s*q\s*([1-4])"), "Q", "yn"),
    (re.compile(r"(?:q|quy)\s*([1-4]|iv|i{1,3})\s*[-/]?\s*(?:nam\s*)?(\d{4})"), "Q", "ny"),
    (re.compile(r"(\d{4})\s*[-/]?\s*h\s*([12])"), "H", "yn"),
    (re.compile(r"h\s*([12])\s*[-/]?\s*(\d{4})"), "H", "ny"),
    (re.compile(r"6 thang (dau|cuoi) nam (\d{4})"), "H", "ny"),
    (re.compile(r"(?:nam\s*)?(\d{4})"), "Y", "y"),
]


def parse_period(text: object) -> Period:
    """Read a period written as 2026-03, 03/2026, T3/2026, Tháng 3/2026, 2026-Q1, Q1/2026, Quý I/2026, 2026-H1 or 2026."""
    if isinstance(text, Period):
        return text
    if isinstance(text, date):
        return month(text.year, text.month)
    raw = fold(text).strip()
    if isinstance(text, float) and text.is_integer():
        raw = str(int(text))
    for pattern, kind, order in _PATTERNS:
        m = pattern.fullmatch(raw)
        if not m:
            continue
        if order == "y":
            return Period(int(m.group(1)), "Y")
        first, second = m.group(1), m.group(2)
        year, number = (first, second) if order == "yn" else (second, first)
        if number in ROMAN:
            number = ROMAN[number]
        elif number in ("dau", "cuoi"):
            number = 1 if number == "dau" else 2
        return Period(int(year), kind, int(number))
    raise PeriodError(str(text))


def period_starts(codes) -> list:
    """The first day of each period code (parsed once per distinct code)."""
    cache: dict = {}
    return [cache.setdefault(c, parse_period(c).start) if c not in cache else cache[c] for c in codes]
