"""Workbooks as grids of text: every sheet of an .xlsx (python-calamine), .xls (xlrd) or .ods, with
its merged cells and whether it is hidden. Cells become the text an analyst would type: numbers
with a decimal comma, a cell formatted as a percentage as "97,25%", dates as ISO.

What could exhaust the server is refused before any parsing: an archive that unpacks to more
than LIMIT_UNPACKED bytes, a sheet spanning more than LIMIT_CELLS cells (python-calamine
allocates the whole rectangle, and aborts the process when it cannot), a cell longer than Excel's
own limit.
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time

from cantho_dash.ingest import ods
from cantho_dash.ingest.problems import FileProblem
from cantho_dash.ingest.sheetxml import (LIMIT_CELL_CHARS, LIMIT_CELLS, LIMIT_COLUMNS, LIMIT_UNPACKED, Scan, check_span,
                                         is_percent_format, percent_styles, scan_sheet)



@dataclass
class Sheet:
    """One sheet as text cells; merges as (first row, first column, last row, last column), 0-based."""

    name: str
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False


def cell_text(value, percent: bool = False) -> str:
    """A cell as the text an analyst would type: '81,5', '97,25%', '2026-10-01'."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        if percent:
            return f"{value * 100:.12g}".replace(".", ",") + "%"
        return f"{value:.15g}".replace(".", ",")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    text = unicodedata.normalize("NFC", str(value))
    if len(text) > LIMIT_CELL_CHARS:
        raise FileProblem("cell_too_long", str(LIMIT_CELL_CHARS))
    return text


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FileProblem("bad_xlsx") from None
    unpacked = sum(info.file_size for info in book.infolist())
    if unpacked > LIMIT_UNPACKED:
        raise FileProblem("unpacks_too_large", f"{unpacked // 1024 // 1024:,}".replace(",", "."))
    return book


def _xlsx_members(book: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part, from the workbook's relationships."""
    workbook = book.read("xl/workbook.xml")
    rels = book.read("xl/_rels/workbook.xml.rels")
    targets = {rid: target for rid, target in re.findall(rb'<Relationship\b[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', rels)}
    targets |= {rid: target for target, rid in re.findall(rb'<Relationship\b[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"', rels)}
    out = {}
    for tag in re.findall(rb"<sheet\b[^>]*>", workbook):
        name = re.search(rb'name="([^"]*)"', tag)
        rid = re.search(rb'r:id="([^"]*)"', tag) or re.search(rb'\bid="([^"]*)"', tag)
        if name and rid and rid.group(1) in targets:
            target = targets[rid.group(1)].decode().lstrip("/")
            out[_xml_text(name.group(1))] = target if target.startswith("xl/") else f"xl/{target}"
    return out


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    for entity, ch in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, ch)
    return unicodedata.normalize("NFC", text)


_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError)   # a byte changed, a size that lies: seen at a member's end


def read_xlsx(data: bytes) -> list[Sheet]:
    """Every sheet of an .xlsx: hidden ones as hidden (not read), the others as text."""
    try:
        return _read_xlsx(data)
    except _DAMAGED:
        raise FileProblem("bad_xlsx") from None


def _read_xlsx(data: bytes) -> list[Sheet]:
    import python_calamine as calamine

    book = _open_zip(data)
    try:
        members = _xlsx_members(book)
        styles = percent_styles(book)
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise FileProblem("password") from None
    except (KeyError, calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError):
        raise FileProblem("bad_xlsx") from None
    sheets = []
    for meta in workbook.sheets_metadata:
        name = unicodedata.normalize("NFC", meta.name)
        if meta.visible != calamine.SheetVisibleEnum.Visible or meta.typ != calamine.SheetTypeEnum.WorkSheet:
            sheets.append(Sheet(name, [], hidden=True))
            continue
        scan = scan_sheet(book, members[name], name, styles) if name in members else Scan()
        try:
            sheet = workbook.get_sheet_by_name(meta.name)
        except calamine.CalamineError:
            raise FileProblem("bad_xlsx") from None
        rows = [[scan.errors.get((r, c)) or cell_text(v, (r, c) in scan.percent) for c, v in enumerate(row)]
                for r, row in enumerate(sheet.iter_rows())]
        merges = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
        sheets.append(Sheet(name, rows, merges))
    return sheets


def read_xls(data: bytes) -> list[Sheet]:
    """Every sheet of an Excel 97-2003 .xls (xlrd, which also gives the number formats)."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True)
    except xlrd.XLRDError as exc:
        raise FileProblem("password" if "encrypt" in str(exc).lower() else "bad_xls") from None
    except Exception:  # noqa: BLE001 - xlrd raises many kinds of errors on a broken file
        raise FileProblem("bad_xls") from None
    sheets = []
    for index, name in enumerate(book.sheet_names()):
        sheet = book.sheet_by_index(index)
        name = unicodedata.normalize("NFC", name)
        if sheet.visibility:
            sheets.append(Sheet(name, [], hidden=True))
            continue
        check_span(name, sheet.nrows, max((sheet.row_len(r) for r in range(sheet.nrows)), default=0))
        rows = []
        for r in range(sheet.nrows):
            cells = []
            for c in range(sheet.row_len(r)):
                cell = sheet.cell(r, c)
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate_as_datetime(value, book.datemode)
                elif cell.ctype == xlrd.XL_CELL_ERROR:   # '#DIV/0!': refused as it reads, never taken for empty
                    value = xlrd.error_text_from_code.get(value, "#ERROR")
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    value = ""
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(value)
                fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
                percent = cell.ctype == xlrd.XL_CELL_NUMBER and fmt is not None and is_percent_format(fmt.format_str)
                cells.append(cell_text(value, percent))
            rows.append(cells)
        merges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
        sheets.append(Sheet(name, rows, merges))
        book.unload_sheet(index)
    return sheets


def read_ods(data: bytes) -> list[Sheet]:
    """Every sheet of a LibreOffice .ods."""
    book = _open_zip(data)
    try:
        content = book.open("content.xml")
    except KeyError:
        raise FileProblem("bad_xlsx") from None
    try:
        with content:
            tables = ods.tables(content, LIMIT_CELLS, LIMIT_COLUMNS)
    except _DAMAGED:
        raise FileProblem("bad_xlsx") from None
    return [Sheet(t.name, [[cell_text(v, p) for v, p in row] for row in t.rows], t.merges, t.hidden)
            for t in tables]


def read_html(text: str) -> list[Sheet]:
    """The tables of an HTML page saved with an .xls name (as web reporting systems export them),
    cell texts as written; a cell spanning rows or columns is a merge."""
    import lxml.html

    try:
        root = lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        raise FileProblem("no_header") from None
    sheets = []
    for n, table in enumerate(root.iter("table"), start=1):
        rows: list[list[str]] = []
        merges = []
        taken: dict[tuple[int, int], str] = {}     # cells covered by a rowspan from above
        for r, tr in enumerate(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")):
            row: list[str] = []
            for cell in (el for el in tr if el.tag in ("td", "th")):
                while (r, len(row)) in taken:
                    row.append("")
                c = len(row)
                down, across = _span(cell.get("rowspan")), _span(cell.get("colspan"))
                row.append(cell_text(" ".join(cell.text_content().split())))
                row.extend("" for _ in range(across - 1))
                if (down, across) != (1, 1):
                    merges.append((r, c, r + down - 1, c + across - 1))
                    taken.update({(r + dr, c + dc): "" for dr in range(1, down) for dc in range(across)})
                    check_span(f"Bảng {n}", r + down, c + across)
            while (r, len(row)) in taken:
                row.append("")
            rows.append(row)
            check_span(f"Bảng {n}", len(rows), len(row))
        sheets.append(Sheet(f"Bảng {n}", rows, merges))
    return sheets


def _span(value) -> int:
    try:
        return min(max(int(value or 1), 1), 1000)
    except ValueError:
        return 1
