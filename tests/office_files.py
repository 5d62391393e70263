"""Workbooks built the way offices make them, written as .xlsx (openpyxl), .xls (xlwt), .ods (odfpy) or
an HTML table: letterheads, merged cells, hidden sheets, percent formats, wide layouts."""
from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Grid:
    """One sheet: rows of cells (str, float, int, date or None), merges (first row, first col, last row,
    last col; 0-based), cells formatted as a percentage, cells with a number format, hidden or not."""

    name: str
    rows: list[list]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    percent: set[tuple[int, int]] = field(default_factory=set)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden: bool = False


def xlsx(*grids: Grid) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for grid in grids:
        sheet = book.create_sheet(grid.name)
        for r, row in enumerate(grid.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and value != "":
                    sheet.cell(row=r, column=c, value=value)
        for r0, c0, r1, c1 in grid.merges:
            sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        for r, c in grid.percent:
            sheet.cell(row=r + 1, column=c + 1).number_format = "0.00%"
        for (r, c), fmt in grid.formats.items():
            sheet.cell(row=r + 1, column=c + 1).number_format = fmt
        if grid.hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls(*grids: Grid) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    percent = xlwt.easyxf(num_format_str="0.00%")
    dated = xlwt.easyxf(num_format_str="mm/yyyy")
    for grid in grids:
        sheet = book.add_sheet(grid.name)
        merged = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in grid.merges}
        covered = {(r, c) for r0, c0, r1, c1 in grid.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(grid.rows):
            for c, value in enumerate(row):
                if (r, c) in covered and (r, c) not in merged or value is None:
                    continue
                style = percent if (r, c) in grid.percent else dated if isinstance(value, (date, datetime)) else None
                args = (value, style) if style else (value,)
                if (r, c) in merged:
                    sheet.write_merge(r, merged[(r, c)][0], c, merged[(r, c)][1], *args)
                else:
                    sheet.write(r, c, *args)
        if grid.hidden:
            sheet.visibility = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods(*grids: Grid) -> bytes:
    from odf.number import Number, PercentageStyle, Text
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    pct = PercentageStyle(name="pct")
    pct.addElement(Number(decimalplaces=2, minintegerdigits=1))
    pct.addElement(Text(text="%"))
    doc.automaticstyles.addElement(pct)
    pct_cell = Style(name="pctcell", family="table-cell", datastylename="pct")
    doc.automaticstyles.addElement(pct_cell)
    hidden = Style(name="hiddentable", family="table")
    hidden.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden)
    for grid in grids:
        table = Table(name=grid.name, **({"stylename": hidden} if grid.hidden else {}))
        starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in grid.merges}
        covered = {(r, c) for r0, c0, r1, c1 in grid.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(grid.rows):
            tr = TableRow()
            for c, value in enumerate(row):
                if (r, c) in covered and (r, c) not in starts:
                    tr.addElement(CoveredTableCell())
                    continue
                span = starts.get((r, c), (1, 1))
                extra = {"numberrowsspanned": span[0], "numbercolumnsspanned": span[1]} if span != (1, 1) else {}
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    kind = "percentage" if (r, c) in grid.percent else "float"
                    cell = TableCell(valuetype=kind, value=value, **({"stylename": pct_cell} if kind == "percentage" else {}),
                                     **extra)
                    cell.addElement(P(text=str(value)))
                elif isinstance(value, (date, datetime)):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat(), **extra)
                    cell.addElement(P(text=value.isoformat()))
                elif value:
                    cell = TableCell(valuetype="string", **extra)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(**extra)
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def html_table(grid: Grid) -> bytes:
    """An HTML table as web reporting systems export it under an .xls name."""
    starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in grid.merges}
    covered = {(r, c) for r0, c0, r1, c1 in grid.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    lines = ['<html><head><meta charset="utf-8"></head><body><table border="1">']
    for r, row in enumerate(grid.rows):
        cells = []
        for c, value in enumerate(row):
            if (r, c) in covered and (r, c) not in starts:
                continue
            down, across = starts.get((r, c), (1, 1))
            attrs = (f' rowspan="{down}"' if down > 1 else "") + (f' colspan="{across}"' if across > 1 else "")
            text = "" if value is None else (f"{value}".replace(".", ",") if isinstance(value, float) else str(value))
            cells.append(f"<td{attrs}>{html.escape(text)}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines).encode("utf-8")


WRITERS = {"xlsx": xlsx, "xls": xls, "ods": ods}

LETTERHEAD = [
    ["UBND THÀNH PHỐ CẦN THƠ", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["UBND PHƯỜNG CÁI KHẾ", None, None, "Độc lập - Tự do - Hạnh phúc"],
    ["Số: 125/BC-UBND", None, None, "Cái Khế, ngày 05 tháng 12 năm 2026"],
    [],
    ["BÁO CÁO"],
    ["Kết quả thực hiện các chỉ tiêu chuyển đổi số tháng 11 năm 2026"],
    [],
    ["Kính gửi: Sở Khoa học và Công nghệ thành phố Cần Thơ"],
    [],
    ["Căn cứ Kế hoạch số 224/KH-UBND ngày 15/01/2026 của UBND thành phố về chuyển đổi số năm 2026;"],
    ["Căn cứ Công văn số 88/SKHCN ngày 02/11/2026 về việc báo cáo tháng 10/2026;"],
    ["Căn cứ tình hình thực tế tại địa phương;"],
    ["UBND phường Cái Khế báo cáo kết quả như sau:"],
    [],
    ["Đơn vị tính: %"],
    [],
]
SIGNATURES = [
    [],
    ["Nơi nhận:", None, None, "TM. ỦY BAN NHÂN DÂN"],
    ["- Như trên;", None, None, "KT. CHỦ TỊCH"],
    ["- Lưu: VT.", None, None, "PHÓ CHỦ TỊCH"],
    ["Người lập biểu", None, None, "(Ký, ghi rõ họ tên và đóng dấu)"],
    [],
    ["Nguyễn Thị Lan", None, None, "Trần Văn Bình"],
]
