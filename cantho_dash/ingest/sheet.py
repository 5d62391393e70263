"""One sheet's tables: the header found (layout.py), the title block read (title.py), the columns the
table lacks filled from its title or the sheet's name, and the rows turned into records
(records.py). A sheet may hold more than one table (figures, then tasks): each header starts one."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from cantho_dash.domain.vntext import fold
from cantho_dash.ingest.kinds import Kind
from cantho_dash.ingest.layout import HEADER_SEARCH_ROWS, Layout, Unclear, find
from cantho_dash.ingest.problems import FileProblem
from cantho_dash.ingest.records import Sourced, build
from cantho_dash.ingest.title import Title, period_of_sheet, read_title, years_in
from cantho_dash.ingest.workbook import Sheet


@dataclass(frozen=True)
class Vocabulary:
    """What the layout needs to know of the catalog: indicator codes (from a code or a name), the
    unit a letterhead names ('CT', a ward code, '?' for a former unit), and whether a text names
    anything known (so that a row naming a ward is never taken for a heading)."""

    indicator_of: Callable[[str], str | None]
    area_of: Callable[[str], str | None]
    known: Callable[[str], bool]
    ward_of: Callable[[str], str | None] = lambda text: None   # a sheet named by its ward ('Cái Khế')


def column_letter(number: int) -> str:
    """Excel's name of a column: 1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def views(sheet: Sheet) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """(header view, group view, data view) of a sheet. A cell merged down the rows (a ward, a period,
    a header over two rows) holds its value on every row of every view. A cell merged across columns
    holds it in its first column in the header view (one header, not two), in every column in the
    group view (a group cell over its sub-columns), and in its first column in the data view (a
    heading merged across is one heading)."""
    width = max((len(r) for r in sheet.rows), default=0)
    header = [list(r) + [""] * (width - len(r)) for r in sheet.rows]
    group = [list(r) for r in header]
    data = [list(r) for r in header]
    for r0, c0, r1, c1 in sheet.merges:
        if r0 >= len(header) or c0 >= width:
            continue
        value = header[r0][c0]
        for r in range(r0, min(r1, len(header) - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                group[r][c] = value
                if c == c0:
                    header[r][c] = value
                    data[r][c] = value
    return header, group, data


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


def _fill(layout: Layout, title: Title, sheet: Sheet, book_year: int | None,
          ward_of: Callable[[str], str | None]) -> tuple[dict[str, str], dict[str, object]]:
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
            if title.year_only and period == title.period and layout.kind.name != "unit_scores":
                raise FileProblem("title_year_only", str(period.year), sheet=sheet.name)
            filled[name], lines[name] = period.code, (title.period_line if period == title.period else "sheet")
        elif name == "area":
            if title.unknown_unit:
                raise FileProblem("title_former_unit", title.unknown_unit, sheet=sheet.name)
            ward = None if title.area else ward_of(sheet.name)
            filled[name], lines[name] = (ward, "sheet") if ward else (title.area or "CT", title.area_line)
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


# What a column headed "Đơn vị" holds when it is the unit of measure, not the reporting unit.
_MEASURES = frozenset({"%", "ty le", "ty le %", "ho", "nguoi", "so", "luot", "doanh nghiep", "diem", "trieu dong", "ty dong",
                       "he thong", "thu tuc", "ho so", "co so", "tai khoan", "chi so", "moc", "don vi", "muc"})


def _measure_column(rows: list[list[str]], layout: Layout, end: int) -> int | None:
    """The column read as the area that holds units of measure ('%', 'Hộ') instead, if any."""
    col = next((c for c, n in layout.columns.items() if n == "area"), None)
    value = next((c for c, n in layout.columns.items() if n == "value"), None)
    if col is None or value is None:
        return None
    cells = [fold(r[col]).strip() for r in rows[layout.header_index + 1:end]
             if max(col, value) < len(r) and r[col].strip() and r[value].strip()]
    return col if cells and sum(c in _MEASURES for c in cells) >= 0.8 * len(cells) else None


def _next_header(header_view, group_view, vocabulary, kind, after: int) -> Layout | None:
    """The next table's header below row after, if the sheet holds another table."""
    width = len(header_view[0]) if header_view else 0
    blank = [[""] * width] * (after + 1)
    found = find(blank + header_view[after + 1:], vocabulary.indicator_of, lambda r: None, kind,
                 blank + group_view[after + 1:])
    return found if isinstance(found, Layout) and found.header_index < HEADER_SEARCH_ROWS else None


def read_sheet(sheet: Sheet, vocabulary: Vocabulary, kind: Kind | None, text_width: bool = False,
               book_year: int | None = None) -> list[tuple[Layout, Sourced, dict, dict]] | str:
    """A sheet's tables (layout, records, what the title filled in and from where), or why it holds
    none ('no_table', or an Unclear's code)."""
    header_view, group_view, data_view = views(sheet)
    found = find(header_view, vocabulary.indicator_of, _years(data_view), kind, group_view)
    if found is None:
        return "no_table"
    if isinstance(found, Unclear):
        return f"unclear_{found.found}_{found.lacking}:{found.header_index + 1}"
    top = found.header_index - (1 if found.group else 0)
    title = read_title(data_view[:max(top, 0)], vocabulary.area_of, vocabulary.indicator_of)
    tables = []
    while found is not None:
        following = _next_header(header_view, group_view, vocabulary, kind, found.header_index + 1)
        end = (following.header_index - (1 if following.group else 0)) if following else len(data_view)
        measure = _measure_column(data_view, found, end)
        if measure is not None:          # 'Đơn vị: %' is the unit of measure: the area comes from the title
            found.columns = {c: n for c, n in found.columns.items() if c != measure}
            found.missing = found.missing | {"area"}
        _duplicates(found)
        if text_width:
            _extra_cells(data_view[:end], found)
        filled, lines = _fill(found, title, sheet, book_year, vocabulary.ward_of)
        tables.append((found, build(data_view[:end], found, filled, vocabulary.known, title.year or book_year),
                       filled, lines))
        found = following
    return tables
