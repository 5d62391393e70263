"""Find the table in a sheet as offices make it: the header row at any depth (one row, or a group
row over sub-columns), and its layout: a template's long rows, or a wide table (months as
columns, indicators as columns, DTI pillars as columns). Pure: cells in, a Layout out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from cantho_dash.domain.periods import Period, PeriodError, parse_period
from cantho_dash.domain.vntext import fold, key
from cantho_dash.ingest.kinds import DETECTION_ORDER, OBSERVATIONS, UNIT_SCORES, Kind
from cantho_dash.ingest.resolve import resolve_pillar

HEADER_SEARCH_ROWS = 300
# What a title block may supply when the table has no column for it.
FILLABLE = {"observations": {"period", "area", "indicator_code"}, "unit_scores": {"period"}, "task_status": {"period"}}
ANCHOR = {"observations": "indicator_code", "unit_scores": "unit", "task_status": "task_no"}
NUMBER = {"observations": "value", "unit_scores": "score", "task_status": "status", "targets": "target_value"}
_MONTH_ALONE = re.compile(r"(?:t|th|thang|m)\s*\.?\s*(0?[1-9]|1[0-2])")
_QUARTER_ALONE = re.compile(r"(?:q|quy)\s*\.?\s*(iv|i{1,3}|[1-4])")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_RESULT_WORDS = re.compile(r"^(?:ket qua thuc hien|ket qua|thuc hien|gia tri|so lieu)\s+")
# A column under one of these is not a figure of the period it names: a plan, a target, an estimate,
# a comparison ('Kế hoạch' over 'Năm 2026').
_NOT_FIGURES = re.compile(r"\bke hoach\b|\bmuc tieu\b|chi tieu giao|\bkh\b|\buoc\b|du kien|du bao|so sanh|so voi|cung ky"
                          r"|tang giam|chenh lech|xep hang|thu hang")
_SCORE_KEYS = frozenset({"diem", "diemso", "score", "tongdiem"})
_UNIT_TAIL = re.compile(r"\s*\((?:%|ty le %|diem|so)\)\s*$")
_SCORE_WORDS = re.compile(r"^(?:diem|chi so|diem so|diem chi so)\s+")


@dataclass
class Layout:
    """How a sheet's table is laid out."""

    kind: Kind
    form: str                          # long | months | indicators | scores
    header_index: int                  # the (lower) header row, 0-based
    headers: list[str]                 # the header cells, group rows folded in
    columns: dict[int, str]            # file column -> canonical name, the same on every row
    pivots: dict[int, object] = field(default_factory=dict)   # file column -> what its header names
    missing: set[str] = field(default_factory=set)            # canonical columns the title must give
    group: list[str] = field(default_factory=list)             # the group row above, if any

    @property
    def score(self) -> int:
        """How much of the header is understood (a group cell merged over the pivots counts once)."""
        return len(self.columns) + len({getattr(v, "code", v) for v in self.pivots.values()})

    @property
    def pivot_names(self) -> tuple[str, ...]:
        """The canonical columns a record takes from its value's column."""
        return {"long": (), "months": ("period", "value"), "indicators": ("indicator_code", "value"),
                "scores": ("pillar", "score")}[self.form]


@dataclass
class Unclear:
    """A header that was almost understood: what was found, and what is missing."""

    header_index: int
    found: str          # e.g. 'months as columns (T1, T2, …)'
    lacking: str        # e.g. 'an indicator column (Mã chỉ tiêu / Chỉ tiêu)'


def combined(upper: list[str], lower: list[str]) -> list[str]:
    """A two-row header read as one: each column's lower cell, or the group cell above it."""
    width = max(len(upper), len(lower))
    upper, lower = upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower))
    return [lo if lo.strip() else up for up, lo in zip(upper, lower)]


def month_header(text: str, year: int | None) -> Period | None:
    """The period a column header names: 'Tháng 1/2026', '01/2026', '2026-01-01' (an Excel date),
    'Quý I/2026'; 'T1' or 'Quý I' with the year of the table; None if it names none."""
    folded = _UNIT_TAIL.sub("", _RESULT_WORDS.sub("", fold(text).strip()))
    if not folded or not re.search(r"\d|quy|q", folded):
        return None
    try:
        period = parse_period(folded)
        return period if period.kind != "Y" or re.fullmatch(r"(?:nam\s*)?\d{4}", folded) else None
    except PeriodError:
        pass
    if year is None:
        return None
    m = _MONTH_ALONE.fullmatch(folded)
    if m:
        return Period(year, "M", int(m.group(1)))
    m = _QUARTER_ALONE.fullmatch(folded)
    if m:
        return Period(year, "Q", _ROMAN.get(m.group(1)) or int(m.group(1)))
    return None


def _year_only_months(cells: list[str]) -> int:
    return sum(1 for c in cells if _MONTH_ALONE.fullmatch(_RESULT_WORDS.sub("", fold(c).strip()))
               or _QUARTER_ALONE.fullmatch(fold(c).strip()))


def pillar_header(text: str) -> str | None:
    """CQS, KTS, XHS or TONG when a header names a DTI pillar ('Điểm CQS', 'Tổng điểm', 'DTI')."""
    folded = _SCORE_WORDS.sub("", fold(text).strip())
    return resolve_pillar(folded).code or resolve_pillar(text).code


def _long(kind: Kind, cells: list[str]) -> tuple[dict[int, str], set[str]] | None:
    mapped = kind.header_map(cells)
    missing = set(kind.required) - set(mapped.values())
    if not missing:
        return mapped, set()
    fillable = FILLABLE.get(kind.name, set())
    anchored = ANCHOR.get(kind.name) in mapped.values() or (kind is OBSERVATIONS and "area" in mapped.values())
    if missing <= fillable and anchored and NUMBER[kind.name] in mapped.values():
        return mapped, missing          # an indicator named only in the title: 'CHỈ TIÊU XHS-03'
    return None


def recognise(cells: list[str], index: int, indicator_of: Callable[[str], str | None], year: int | None,
              kind: Kind | None = None, group: list[str] | None = None,
              above: list[str] | None = None) -> Layout | Unclear | None:
    """The layout a header row names, an Unclear for one almost understood, or None. A month
    without a year ('T7') takes the year of its group cell ('Năm 2025' above it), else year; a
    column under 'Kế hoạch' (a plan, an estimate) is no figure. above: the row over the header
    when it is a row of column headers (the group row, or one merged down into this row)."""
    group = group or []
    context = above if above is not None else group
    years = {i: y for i, c in enumerate(context) if (y := _group_year([c]))}
    not_figures = {i for i, c in enumerate(context) if _NOT_FIGURES.search(fold(c))}
    found: list[Layout] = []
    for candidate in ([kind] if kind else DETECTION_ORDER):
        long = _long(candidate, cells)
        if long:
            found.append(Layout(candidate, "long", index, cells, long[0], missing=long[1], group=group or []))
    unclear = None
    if kind in (None, OBSERVATIONS):
        base = OBSERVATIONS.header_map(cells)
        periods = {i: p for i, c in enumerate(cells) if i not in base and i not in not_figures
                   and not _NOT_FIGURES.search(fold(c)) and (p := month_header(c, years.get(i, year)))}
        indicators = {i: code for i, c in enumerate(cells) if i not in base and (code := indicator_of(c))}
        kept = {i: n for i, n in base.items() if n in ("indicator_code", "area", "note", "source")}
        names = set(kept.values())
        if periods and "indicator_code" in names:
            found.append(Layout(OBSERVATIONS, "months", index, cells, kept, periods, {"area"} - names, group or []))
        elif periods and "area" in names:
            found.append(Layout(OBSERVATIONS, "months", index, cells, kept, periods, {"indicator_code"}, group or []))
        elif len(periods) >= 2 or (_year_only_months(cells) >= 2 and year is None):
            unclear = Unclear(index, "months", "indicator" if _year_only_months(cells) < 2 or periods else "year")
        with_period = {i: n for i, n in base.items() if n in ("area", "period")}
        if indicators and "area" in with_period.values():
            found.append(Layout(OBSERVATIONS, "indicators", index, cells, with_period, indicators,
                                {"period"} - set(with_period.values()), group or []))
        elif len(indicators) >= 2 and not found:
            unclear = Unclear(index, "indicators", "area")
    if kind in (None, UNIT_SCORES):
        base = UNIT_SCORES.header_map(cells)
        pillars = {i: p for i, c in enumerate(cells) if (i not in base or key(c) in _SCORE_KEYS)
                   and (p := pillar_header(c) or (key(c) in _SCORE_KEYS and i < len(context) and pillar_header(context[i])))}
        base = {i: n for i, n in base.items() if i not in pillars}
        kept = {i: n for i, n in base.items() if n in ("unit", "period")}
        if len(pillars) >= 2 and "unit" in kept.values():
            found.append(Layout(UNIT_SCORES, "scores", index, cells, kept, pillars,
                                {"period"} - set(kept.values()), group or []))
        elif len(pillars) >= 2 and not found:
            unclear = Unclear(index, "scores", "unit")
    if found:
        return max(found, key=lambda f: (f.score, -len(f.missing), f.form == "long"))
    return unclear


def find(header_view: list[list[str]], indicator_of: Callable[[str], str | None], year_of: Callable[[int], int | None],
         kind: Kind | None = None, group_view: list[list[str]] | None = None) -> Layout | Unclear | None:
    """The table's layout: the first row (alone, or with the row above or below as its group row)
    that names one. year_of(row) gives the year of the title above a row, for 'T1 … T12'; the group
    view has a group cell over each of its sub-columns."""
    unclear = None
    group_view = group_view or header_view
    rows = min(len(header_view), HEADER_SEARCH_ROWS)
    likely = [may_be_header(header_view[r]) for r in range(rows)]

    def best(at: int) -> Layout | None:
        """Row at as the header: alone, or under the row above as its group row (only when that
        is understood better: a title above is not a group row)."""
        nonlocal unclear
        cells = header_view[at]
        if sum(1 for c in cells if c.strip()) < 2:
            return None
        options = []
        above = group_view[at - 1] if at and len({c.strip() for c in header_view[at - 1] if c.strip()}) >= 2 else []
        for upper in (None, header_view[at - 1] if at else None):
            if upper is not None and (not any(c.strip() for c in upper) or not options and not likely[at]):
                continue
            heads = combined(upper, cells) if upper is not None else [c.strip() for c in cells]
            group = group_view[at - 1] if upper is not None else []
            outcome = recognise([c.strip() for c in heads], at, indicator_of, _group_year(group) or year_of(at),
                                kind, group, above)
            if isinstance(outcome, Layout):
                options.append(outcome)
            elif outcome is not None and unclear is None:
                unclear = outcome
        return max(options, key=lambda f: f.score) if options else None   # a tie: the row alone

    for r in range(rows):
        if not (likely[r] or (r + 1 < rows and likely[r + 1]) or (r and likely[r - 1])):
            continue
        found = best(r)
        if found is None:
            continue
        below = best(r + 1) if r + 1 < len(header_view) else None
        if below is not None and below.score >= found.score:
            return below          # row r is the group row of a two-row header
        return found
    return unclear


_HEADER_KEYS = frozenset(k for kind in DETECTION_ORDER for c in kind.columns for k in (*c.keys(), *(key(h) for h in c.weak)))


def may_be_header(cells: list[str]) -> bool:
    """A cheap test before the full one: every layout has a column of a known header (an
    indicator, an area, a unit, a task), so a header row holds one."""
    return sum(1 for c in cells if c.strip()) >= 2 and any(key(c) in _HEADER_KEYS for c in cells if c.strip())


def _group_year(group: list[str]) -> int | None:
    years = {int(y) for c in group for y in re.findall(r"\b(20\d{2})\b", fold(c))}
    return years.pop() if len(years) == 1 else None
