"""What a report's title block says that its table does not: the reporting period ('Kỳ báo cáo:
Tháng 10/2026', 'BÁO CÁO ... THÁNG 10 NĂM 2026'), the year of a table whose columns are T1 … T12,
and the unit that issues it (the letterhead 'UBND PHƯỜNG NINH KIỀU'). Pure.

Dates in the block ('Cần Thơ, ngày 05 tháng 12 năm 2026', 'ngày 15/01/2026'), 'Căn cứ …' and
'Kính gửi …' lines are never read as the period. Two different periods are a question, not an
answer: the caller refuses the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from cantho_dash.domain.periods import Period, PeriodError, parse_period
from cantho_dash.domain.vntext import fold

_DATE_PHRASES = re.compile(r"ngay\s*[\d.…]*\s*thang\s*[\d.…]*\s*nam\s*[\d.…]*|\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\b"
                           r"|\bso\s*:?\s*[\w.]*\s*/\s*[\w/-]+|\b\d+\s*/\s*(?:kh|qd|bc|ubnd|tb|cv|nq|nd|tt)[\w/-]*")
_SKIP_LINE = re.compile(r"^\s*(can cu|kinh gui|noi nhan)\b")
_LABEL = re.compile(r"(?:ky bao cao|ky so lieu|thoi diem bao cao|thoi gian bao cao|period)\s*:\s*(.+)$")
_PERIODS = (
    (re.compile(r"\b6\s*thang\s*(dau|cuoi)\s*nam\s*(\d{4})\b"), "H"),
    (re.compile(r"\bquy\s*(iv|i{1,3}|[1-4])\s*(?:nam|/|-)\s*(\d{4})\b"), "Q"),
    (re.compile(r"\bthang\s*(0?[1-9]|1[0-2])\s*(?:nam|/|-|\.)\s*(\d{4})\b"), "M"),
    (re.compile(r"\bt\s*(0?[1-9]|1[0-2])\s*[/.-]\s*(\d{4})\b"), "M"),
    (re.compile(r"(?<![\d/])(0?[1-9]|1[0-2])\s*/\s*(\d{4})\b"), "M"),
)
_MONTH_NO_YEAR = re.compile(r"\bthang\s*(0?[1-9]|1[0-2])\b(?!\s*(?:nam|/|-|\.)\s*\d)")
_YEAR = re.compile(r"\bnam\s*(20\d{2})\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_LETTERHEAD_ROWS = 8


@dataclass
class Title:
    """What the rows above a table say."""

    period: Period | None = None
    period_line: int | None = None
    year_only: bool = False                 # the period is only a year named in the title
    year: int | None = None
    area: str | None = None                 # 'CT', or the code of the issuing ward
    area_line: int | None = None
    unknown_unit: str = ""                  # a letterhead naming a unit that is not today's (a former district)
    indicator: str | None = None
    conflict: list[str] = field(default_factory=list)   # the periods found, when they differ


def lines(rows: list[list[str]]) -> list[tuple[int, str]]:
    """(Excel row, the row's distinct texts joined) for the rows that hold text."""
    out = []
    for r, row in enumerate(rows):
        texts = list(dict.fromkeys(c.strip() for c in row if c.strip()))
        if texts:
            out.append((r + 1, " ".join(texts)))
    return out


def _found_periods(text: str) -> list[Period]:
    found = []
    for pattern, kind in _PERIODS:
        for m in pattern.finditer(text):
            number, year = m.group(1), int(m.group(2))
            number = {"dau": 1, "cuoi": 2}.get(number) or _ROMAN.get(number) or int(number)
            try:
                found.append(Period(year, kind, number))
            except PeriodError:
                continue
        text = pattern.sub(" ", text)
    return found


def years_in(text: str) -> set[int]:
    """The years a title line names (dates, 'Căn cứ …' and document numbers aside)."""
    folded = fold(text)
    if _SKIP_LINE.match(folded):
        return set()
    clean = _DATE_PHRASES.sub(" ", folded)
    return {int(y) for y in _YEAR.findall(clean)} | {p.year for p in _found_periods(clean)}


def period_of_sheet(name: str, year: int | None) -> Period | None:
    """The period a sheet's name gives ('T10', 'Tháng 10', 'T10-2026', '2026-10')."""
    folded = fold(name).strip()
    try:
        period = parse_period(folded)
        return period if period.kind != "Y" else None
    except PeriodError:
        pass
    m = re.fullmatch(r"(?:t|th|thang)\s*\.?\s*(0?[1-9]|1[0-2])", folded)
    return Period(year, "M", int(m.group(1))) if m and year else None


def read_title(rows: list[list[str]], area_of: Callable[[str], str | None],
               indicator_of: Callable[[str], str | None]) -> Title:
    """The title block's period, year, issuing unit and indicator. area_of gives 'CT' or a ward code
    for a text naming the city, a department or a ward, '?' for a former unit, None otherwise."""
    title = Title()
    labelled: list[tuple[int, Period]] = []
    loose: list[tuple[int, Period]] = []
    months, years = [], set()
    for line, text in lines(rows):
        folded = fold(text)
        if _SKIP_LINE.match(folded):
            continue
        label = _LABEL.search(folded)
        clean = _DATE_PHRASES.sub(" ", folded)
        if label:
            labelled += [(line, p) for p in _found_periods(_DATE_PHRASES.sub(" ", label.group(1)))]
            try:
                labelled.append((line, parse_period(label.group(1).strip(" .;"))))
            except PeriodError:
                pass
        loose += [(line, p) for p in _found_periods(clean)]
        months += [(line, int(m.group(1))) for m in _MONTH_NO_YEAR.finditer(clean)]
        years |= {int(y) for y in _YEAR.findall(clean)}
    years |= {p.year for _, p in labelled + loose}
    title.year = years.pop() if len(years) == 1 else None
    chosen = labelled + loose
    distinct = list(dict.fromkeys(p for _, p in chosen))
    if distinct:
        finest = min(distinct, key=lambda p: p.months)
        if all(p.start <= finest.start and finest.end <= p.end for p in distinct):
            title.period = finest      # 'tháng 10 năm 2026' also says 'năm 2026'
            title.period_line = next(line for line, p in chosen if p == finest)
        else:
            title.conflict = [p.label() for p in distinct]
        stray = [m for _, m in months if not (title.period and title.period.start.month <= m <= title.period.end.month)]
        if title.period and stray:   # 'tháng 10 và tháng 11 năm 2026': which one?
            title.conflict = [f"Tháng {m}" for m in dict.fromkeys(stray)] + [title.period.label()]
            title.period = None
    elif months and title.year and len({m for _, m in months}) == 1:
        title.period, title.period_line = Period(title.year, "M", months[0][1]), months[0][0]
    elif title.year and not months:
        title.period, title.year_only = Period(title.year, "Y"), True
        title.period_line = next((line for line, text in lines(rows) if str(title.year) in text), None)
    _letterhead(title, rows, area_of, indicator_of)
    return title


def _letterhead(title: Title, rows: list[list[str]], area_of, indicator_of) -> None:
    wards, city = [], []
    codes = set()
    for r, row in enumerate(rows):
        for cell in row:
            text = cell.strip()
            if not text:
                continue
            if r < _LETTERHEAD_ROWS:
                found = area_of(text)
                if found == "?":
                    title.unknown_unit = title.unknown_unit or text
                elif found:
                    (city if found == "CT" else wards).append((r + 1, found))
            for word in re.findall(r"\b(?:cqs|kts|xhs)\s*-?\s*\d{1,2}[ab]?\b", fold(text)):
                if code := indicator_of(word):
                    codes.add(code)
    if len({w for _, w in wards}) == 1:
        title.area_line, title.area = wards[0]
    elif not wards and city and not title.unknown_unit:
        title.area_line, title.area = city[0][0], "CT"
    if len(codes) == 1:
        title.indicator = codes.pop()
