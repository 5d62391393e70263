"""What an .xlsx sheet's own XML says before python-calamine reads it: its span (refused when it
could exhaust the server), the cells formatted as percentages, and the cells holding an Excel error
(#DIV/0!, #VALUE!, #N/A …), which python-calamine reads as empty and which must be refused, not
taken for "not reported". Read as a stream, 4 MB at a time."""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from cantho_dash.ingest.problems import FileProblem

# A 1 MB workbook that unpacks to 290 MB took 109 s and 4.3 GB to read (about 700 bytes a cell):
# what a city office sends is far smaller, so a workbook may unpack to 100 MB and hold 1.5M cells.
LIMIT_UNPACKED = 100 * 1024 * 1024
LIMIT_CELLS = 1_500_000
LIMIT_COLUMNS = 1_000
LIMIT_CELL_CHARS = 32_767          # Excel's own limit for one cell
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_ROW_REF = re.compile(rb'<row r="(\d{1,7})"')
_CELL_TAG = re.compile(rb'<c\b([^>]*)>')
_ATTR = re.compile(rb'\b(r|s|t)="([^"]*)"')
# The value of an error cell from its own element only: <c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c>.
_ERROR_CELL = re.compile(rb'<c\b[^>]*\br="([A-Z]{1,3})(\d{1,7})"[^>]*\bt="e"[^>/]*>\s*'
                         rb'(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?\s*<v>([^<]*)</v>')
_REF = re.compile(rb"([A-Z]{1,3})(\d+)")
UNKNOWN_ERROR = "#ERROR"           # an error cell whose value lies across two chunks of the stream


@dataclass
class Scan:
    """The (row, column) of a sheet's percentage cells, and its error cells with their text (0-based)."""

    percent: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


def column_number(letters: str) -> int:
    """Excel's column name to its 1-based number: A -> 1, AA -> 27."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def is_percent_format(code: str) -> bool:
    """Whether a number format scales by 100: a % outside quotes and not escaped ('0.00%' yes,
    '0.00"%"' and '0.00\\%' no: those show the number as it is, with a percent sign)."""
    text = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code or "")
    return "%" in text


def check_span(name: str, rows: int, columns: int, cells: int = 0) -> None:
    """Refuse a sheet that spans or holds more than the limits."""
    if columns > LIMIT_COLUMNS or max(rows * columns, cells) > LIMIT_CELLS:
        raise FileProblem("sheet_too_large", f"{name}: {rows:,} × {columns:,}".replace(",", "."))


def percent_styles(book: zipfile.ZipFile) -> set[int]:
    """The style indices (cellXfs) of an .xlsx whose number format is a percentage."""
    try:
        styles = book.read("xl/styles.xml")
    except KeyError:
        return set()
    custom = {int(i): code.decode("utf-8", "replace")
              for i, code in re.findall(rb'<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"', styles)}
    xfs = re.search(rb"<cellXfs\b.*?</cellXfs>", styles, re.S)
    ids = [int(m) for m in re.findall(rb'<xf\b[^>]*?numFmtId="(\d+)"', xfs.group(0))] if xfs else []
    return {i for i, fmt in enumerate(ids) if fmt in (9, 10) or is_percent_format(custom.get(fmt, "").replace(
        "&quot;", '"'))}


def _place(ref: bytes) -> tuple[int, int] | None:
    m = _REF.fullmatch(ref)
    return (int(m.group(2)) - 1, column_number(m.group(1).decode()) - 1) if m else None


def scan_sheet(book: zipfile.ZipFile, member: str, name: str, percent_styles: set[int]) -> Scan:
    """Check a sheet's span from its cell references before python-calamine reads it; find its
    percentage cells and its error cells."""
    rows = columns = cells = seen_rows = 0      # references can be left out: count the elements too
    found = Scan()
    tail = b""
    with book.open(member) as stream:
        while chunk := stream.read(1 << 22):
            text = tail + chunk
            cut = text.rfind(b"<")
            text, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            letters = {m.group(1) for m in _CELL_REF.finditer(text)}
            if letters:
                columns = max(columns, max(column_number(c.decode()) for c in letters))
            refs = _ROW_REF.findall(text)
            if refs:
                rows = max(rows, max(int(r) for r in refs))
            seen_rows += sum(text.count(tag) for tag in (b"<row ", b"<row>", b"<row/>"))
            cells += sum(text.count(tag) for tag in (b"<c ", b"<c>", b"<c/>"))
            rows = max(rows, seen_rows)
            if percent_styles or b't="e"' in text:
                _styled(text, percent_styles, found)
            check_span(name, rows, columns, cells)
    return found


def _styled(text: bytes, styles: set[int], found: Scan) -> None:
    for attrs in _CELL_TAG.findall(text):
        values = dict(_ATTR.findall(attrs))
        place = _place(values.get(b"r", b""))
        if place is None:
            continue
        if values.get(b"t") == b"e":
            found.errors[place] = UNKNOWN_ERROR
        elif values.get(b"s", b"").isdigit() and int(values[b"s"]) in styles:
            found.percent.add(place)
    for letters, row, value in _ERROR_CELL.findall(text) if b't="e"' in text else ():
        found.errors[(int(row) - 1, column_number(letters.decode()) - 1)] = value.decode("utf-8", "replace")
