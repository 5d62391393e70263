"""A file's sheets as tables of long records, one table per kind: every visible sheet with a known
layout is read, hidden ones and sheets without a table are listed with the reason, and the lines
and columns of each record are kept so that a problem is reported where the analyst sees it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cantho_dash.ingest.kinds import Kind
from cantho_dash.ingest.layout import Layout
from cantho_dash.ingest.problems import FileProblem
from cantho_dash.ingest.records import Sourced
from cantho_dash.ingest.sheet import Vocabulary, column_letter, read_sheet
from cantho_dash.ingest.title import years_in
from cantho_dash.ingest.workbook import Sheet


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
        held = [t for t in outcome if t[1].records]
        for _, sourced, _, _ in outcome:
            if not sourced.records:
                book.skipped.update(sourced.skipped)
        if not held:
            book.left.append((sheet.name, "no_rows"))
            continue
        for layout, sourced, filled, lines in held:
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
