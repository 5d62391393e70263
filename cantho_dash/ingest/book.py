"""A file's sheets as tables of long records, one table per kind: every visible sheet with a known
layout is read, hidden ones and sheets without a table are listed with the reason, and the lines
and columns of each record are kept so that a problem is reported where the analyst sees it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from .kinds import Kind
from .layout import HEADER_SEARCH_ROWS, Layout, Unclear, find
from .problems import FileProblem
from .records import Sourced, build
from .title import Title, period_of_sheet, read_title, years_in
from .workbook import Sheet


@dataclass(frozen=True)
class Vocabulary:
    """What the layout needs to know of the catalog: indicator codes (from a code or a name), the
    unit a letterhead names ('CT', a ward code, '?' for a former unit), and whether a text names
    anything known (so that a row naming a ward is never taken for a heading)."""

    indicator_of: Callable[[str], str | None]
    area_of: Callable[[str], str | None]
    known: Callable[[str], bool]


def column_letter(number: int) -> str:
    """Excel's name of a column: 1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Part:
    """Where one sheet's records come from."""

    sheet: str
    headers: list[str]
    columns: dict[str, int]                 # canonical -> file column
    pivot_names: tuple[str, ...]
    from_title: dict[str, object]           # canonical -> the title's line it was read from, or 'sheet'


@dataclass
class Origins:
    """Per record of a table: its sheet (part), its Excel row, and the file column of its figure."""

    parts: list[Part] = field(default_factory=list)
    part: list[int] = field(default_factory=list)
    line: list[int] = field(default_factory=list)
    pivot: list[int] = field(default_factory=list)

    def place(self, row: int, canonical: str, header_vi: str) -> tuple[str, int, str]:
        """(sheet, line, column label) of a record's cell."""
        part = self.parts[self.part[row]]
        if canonical in part.from_title:
            where = part.from_title[canonical]
            source = ("tên trang tính/sheet name" if where == "sheet" else
                      f"tiêu đề/title{f', dòng/line {where}' if where else ''}")
            return part.sheet, self.line[row], f"{header_vi} ({source})"
        col = self.pivot[row] if canonical in part.pivot_names and self.pivot[row] >= 0 else part.columns.get(canonical)
        if col is None:
            return part.sheet, self.line[row], header_vi
        header = part.headers[col] if col < len(part.headers) else ""
        label = f"{header} ({column_letter(col + 1)})" if part.pivot_names else header
        return part.sheet, self.line[row], label or column_letter(col + 1)


@dataclass
class SheetTable:
    """One kind's records from every sheet that holds that kind."""

    kind: Kind
    records: list[list[str]] = field(default_factory=list)
    origins: Origins = field(default_factory=Origins)
    ignored: list[str] = field(default_factory=list)
    header_line: int = 1
    forms: list[str] = field(default_factory=list)


@dataclass
class Book:
    """What a file holds: a table per kind, and what was left out."""

    tables: dict[str, SheetTable] = field(default_factory=dict)
    used: list[tuple[str, str, str]] = field(default_factory=list)     # (sheet, kind, form)
    left: list[tuple[str, str]] = field(default_factory=list)          # (sheet, reason code)
    skipped: Counter = field(default_factory=Counter)                  # row category -> count
    taken: list[tuple] = field(default_factory=list)   # (sheet, canonical, value, title line or None) from a title


def views(sheet: Sheet) -> tuple[list[list[str]], list[list[str]]]:
    """(header view: every merge filled, data view: merges filled down only). A cell merged down
    the rows (a ward, a period) holds its value on every row; a heading merged across does not."""
    width = max((len(r) for r in sheet.rows), default=0)
    header = [list(r) + [""] * (width - len(r)) for r in sheet.rows]
    data = [list(r) for r in header]
    for r0, c0, r1, c1 in sheet.merges:
        if r0 >= len(header):
            continue
        value = header[r0][c0] if c0 < width else ""
        for r in range(r0, min(r1, len(header) - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                header[r][c] = value
                if r1 > r0:
                    data[r][c] = value
    return header, data


def _years(rows: list[list[str]]) -> Callable[[int], int | None]:
    """The year of the title above a row (for headers T1 … T12), when the title names one year."""
    seen: list[set[int]] = [set()]
    for row in rows[:HEADER_SEARCH_ROWS]:
        text = " ".join(dict.fromkeys(c.strip() for c in row if c.strip()))
        seen.append(seen[-1] | (years_in(text) if text else set()))

    def year_of(r: int) -> int | None:
        years = seen[min(r, len(seen) - 1)]
        return next(iter(years)) if len(years) == 1 else None
    return year_of


def _fill(layout: Layout, title: Title, sheet: Sheet, book_year: int | None) -> tuple[dict[str, str], dict[str, int | None]]:
    """The values of the columns the table lacks, from its title (or the sheet's name, with the year
    of its own title, or else the one year the workbook's titles name)."""
    filled, lines = {}, {}
    for name in sorted(layout.missing):
        if name == "period":
            named = period_of_sheet(sheet.name, title.year or book_year)
            if title.conflict:
                raise FileProblem("title_periods", " · ".join(title.conflict), sheet=sheet.name)
            if named and title.period and not title.year_only and named != title.period:
                raise FileProblem("title_periods", f"{title.period.label()} · {sheet.name}", sheet=sheet.name)
            period = named if named and (title.period is None or title.year_only) else title.period
            if period is None:
                raise FileProblem("title_lacks_period", sheet=sheet.name)
            filled[name], lines[name] = period.code, (title.period_line if period == title.period else "sheet")
        elif name == "area":
            if title.unknown_unit:
                raise FileProblem("title_former_unit", title.unknown_unit, sheet=sheet.name)
            filled[name], lines[name] = title.area or "CT", title.area_line
        elif name == "indicator_code":
            if not title.indicator:
                raise FileProblem("title_lacks_indicator", sheet=sheet.name)
            filled[name], lines[name] = title.indicator, None
    return filled, lines


def _extra_cells(rows: list[list[str]], layout: Layout) -> None:
    """A text file's row with something past the header: in a comma-separated file most often an
    unquoted decimal comma, and dropping the cell would lose a digit."""
    width = len(layout.headers)
    while width and not layout.headers[width - 1].strip():
        width -= 1
    extra = [{"line": r + 1, "column": column_letter(width + 1), "value": ";".join(c for c in rows[r][width:])}
             for r in range(layout.header_index + 1, len(rows)) if any(c.strip() for c in rows[r][width:])]
    if extra:
        raise FileProblem("extra_cells", rows=extra)


def _duplicates(layout: Layout) -> None:
    twice = layout.kind.repeated(layout.headers) if layout.form == "long" else None
    named = [getattr(v, "code", v) for v in layout.pivots.values()]
    twice = twice or next((layout.headers[c] for c, v in layout.pivots.items()
                           if named.count(getattr(v, "code", v)) > 1), None)
    if twice:
        raise FileProblem("duplicate_column", twice)


def read_sheet(sheet: Sheet, vocabulary: Vocabulary, kind: Kind | None, text_width: bool = False,
               book_year: int | None = None) -> tuple[Layout, Sourced, dict, dict] | str:
    """A sheet's layout and records, or why it holds no table ('no_table', or an Unclear's code)."""
    header_view, data_view = views(sheet)
    found = find(header_view, vocabulary.indicator_of, _years(data_view), kind)
    if found is None:
        return "no_table"
    if isinstance(found, Unclear):
        return f"unclear_{found.found}_{found.lacking}:{found.header_index + 1}"
    _duplicates(found)
    if text_width:
        _extra_cells(data_view, found)
    top = found.header_index - (1 if found.group else 0)
    title = read_title(data_view[:max(top, 0)], vocabulary.area_of, vocabulary.indicator_of)
    filled, lines = _fill(found, title, sheet, book_year)
    return found, build(data_view, found, filled, vocabulary.known), filled, lines


def read_sheets(sheets: list[Sheet], vocabulary: Vocabulary, kind: Kind | None = None, text_width: bool = False) -> Book:
    """Every visible sheet with a table; raises FileProblem naming each sheet with a problem."""
    book = Book()
    unclear: list[tuple[str, str]] = []
    problems: list[FileProblem] = []
    book_year = _book_year(sheets)
    for sheet in sheets:
        if sheet.hidden:
            book.left.append((sheet.name, "hidden"))
            continue
        try:
            outcome = read_sheet(sheet, vocabulary, kind, text_width, book_year)
        except FileProblem as problem:
            problems.append(problem)
            continue
        if isinstance(outcome, str):
            (unclear if outcome.startswith("unclear") else book.left).append((sheet.name, outcome))
            continue
        layout, sourced, filled, lines = outcome
        if not sourced.records:
            book.left.append((sheet.name, "no_rows"))
            book.skipped.update(sourced.skipped)
            continue
        _add(book, sheet, layout, sourced, lines)
        book.taken += [(sheet.name, name, value, lines.get(name)) for name, value in filled.items()]
    if problems:
        raise _sheet_problems(problems, len(sheets) > 1)
    if not book.tables:
        if unclear:
            name, code = unclear[0]
            raise FileProblem("layout_unclear", code, sheet=name if len(sheets) > 1 else "")
        raise FileProblem("no_rows" if any(reason == "no_rows" for _, reason in book.left) else "no_header")
    book.left += unclear
    if "targets" in book.tables and len(book.tables) > 1:
        raise FileProblem("targets_alone")
    return book


def _book_year(sheets: list[Sheet]) -> int | None:
    """The one year that the visible sheets' first rows name, if they name exactly one."""
    years: set[int] = set()
    for sheet in sheets:
        if not sheet.hidden:
            for row in sheet.rows[:12]:
                years |= years_in(" ".join(c for c in row if c.strip()))
    return years.pop() if len(years) == 1 else None


def _add(book: Book, sheet: Sheet, layout: Layout, sourced: Sourced, lines: dict) -> None:
    table = book.tables.get(layout.kind.name)
    if table is None:
        table = book.tables[layout.kind.name] = SheetTable(layout.kind, header_line=layout.header_index + 1)
    columns = {name: col for col, name in layout.columns.items()}
    table.origins.parts.append(Part(sheet.name, layout.headers, columns, layout.pivot_names, lines))
    index = len(table.origins.parts) - 1
    table.records += sourced.records
    table.origins.part += [index] * len(sourced.records)
    table.origins.line += sourced.lines
    table.origins.pivot += sourced.pivots
    used = set(layout.columns) | set(layout.pivots)
    table.ignored += [h for i, h in enumerate(layout.headers) if i not in used and h.strip() and h not in table.ignored]
    table.forms.append(layout.form)
    book.used.append((sheet.name, layout.kind.name, layout.form))
    book.skipped.update(sourced.skipped)


def _sheet_problems(problems: list[FileProblem], named: bool) -> FileProblem:
    if len(problems) == 1 and not named:
        return problems[0]
    rows = [{"line": None, "column": "", "value": "", **row, "sheet": p.sheet, "code": p.code, "hint": p.hint}
            for p in problems for row in (p.rows or [{}])]
    return FileProblem("sheet_problems", rows=rows)
