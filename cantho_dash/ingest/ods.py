"""The tables of a LibreOffice .ods (its content.xml, read as a stream): values with their types, so
that a percentage cell (stored 0.9725, shown 97,25%) is read as shown; merged cells; hidden sheets.

Repeated empty rows and cells (LibreOffice writes a million of them at the end of a sheet) are
counted, never expanded; repeated content is expanded within the limits the caller gives.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from defusedxml.ElementTree import iterparse

from cantho_dash.ingest.problems import FileProblem

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


CELL, COVERED, ROW, SHEET = _q(TABLE, "table-cell"), _q(TABLE, "covered-table-cell"), _q(TABLE, "table-row"), _q(TABLE, "table")


@dataclass
class OdsTable:
    """One sheet: rows of (value, is a percentage), merges (first row, first column, last row, last column)."""

    name: str
    hidden: bool = False
    rows: list[list[tuple[object, bool]]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    next_row: int = 0           # the index of the next row, empty repeated rows included


def _value(cell) -> tuple[object, bool]:
    kind = cell.get(_q(OFFICE, "value-type"))
    if kind in ("float", "percentage", "currency"):
        return float(cell.get(_q(OFFICE, "value"))), kind == "percentage"
    if kind == "date":
        text = cell.get(_q(OFFICE, "date-value"), "")
        return (datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)), False
    if kind == "boolean":
        return cell.get(_q(OFFICE, "boolean-value")) == "true", False
    paragraphs = ["".join(p.itertext()) for p in cell.findall(_q(TEXT, "p"))]   # a comment (annotation) is not the cell
    return "\n".join(paragraphs), False


def _repeat(element, attribute: str) -> int:
    try:
        return max(int(element.get(_q(TABLE, attribute), "1")), 1)
    except ValueError:
        return 1


def tables(stream, limit_cells: int, limit_columns: int) -> list[OdsTable]:
    """Every table of a content.xml stream."""
    hidden_styles: set[str] = set()
    out: list[OdsTable] = []
    table: OdsTable | None = None
    cells: list[tuple[object, bool]] = []
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
            tag = element.tag
            if event == "start":
                if tag == SHEET:
                    style = element.get(_q(TABLE, "style-name"), "")
                    table = OdsTable(element.get(_q(TABLE, "name"), f"Sheet{len(out) + 1}"), style in hidden_styles)
                    out.append(table)
                elif tag == ROW:
                    cells = []
                continue
            if tag == _q(STYLE, "style") and element.get(_q(STYLE, "family")) == "table":
                props = element.find(_q(STYLE, "table-properties"))
                if props is not None and props.get(_q(TABLE, "display")) == "false":
                    hidden_styles.add(element.get(_q(STYLE, "name"), ""))
            elif tag in (CELL, COVERED) and table is not None and not table.hidden:
                value = _value(element) if tag == CELL else ("", False)
                times = _repeat(element, "number-columns-repeated")
                if value[0] == "" and times > 1:
                    cells.extend([("", False)] * min(times, limit_columns + 1))
                else:
                    cells.extend([value] * times)
                down, across = _repeat(element, "number-rows-spanned"), _repeat(element, "number-columns-spanned")
                if tag == CELL and (down, across) != (1, 1):
                    c = len(cells) - times
                    table.merges.append((table.next_row, c, table.next_row + down - 1, c + across - 1))
                element.clear()
            elif tag == ROW and table is not None:
                _end_row(table, cells, _repeat(element, "number-rows-repeated"), limit_cells, limit_columns)
                element.clear()
    except FileProblem:
        raise
    except Exception:  # noqa: BLE001 - a broken or hostile XML part
        raise FileProblem("bad_xlsx") from None
    return out


def _end_row(table: OdsTable, cells: list, times: int, limit_cells: int, limit_columns: int) -> None:
    while cells and cells[-1][0] == "":
        cells.pop()
    if table.hidden:
        return
    if len(cells) > limit_columns:
        raise FileProblem("sheet_too_large", f"{table.name}: {table.next_row + 1:,} × {len(cells):,}".replace(",", "."))
    if not cells:
        table.next_row += times
        return
    width = max([len(cells), *(len(r) for r in table.rows[-1:])])
    if (table.next_row + times) * width > limit_cells:
        raise FileProblem("sheet_too_large", f"{table.name}: {table.next_row + times:,} × {width:,}".replace(",", "."))
    table.rows.extend([] for _ in range(table.next_row - len(table.rows)))
    table.rows.extend(list(cells) for _ in range(times))
    table.next_row += times
