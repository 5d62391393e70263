"""Upload templates with Vietnamese headers: a CSV for any spreadsheet, an .xlsx with the catalog."""
from __future__ import annotations

import io

import pandas as pd

from cantho_dash.ingest.kinds import KINDS
from cantho_dash.words.formats import formula_safe

PERIODS = "2026-10, 10/2026, T10/2026, Tháng 10/2026, Quý IV/2026, 2026-H2, 2026"
# column -> (what it holds, examples), for the guide sheet of the .xlsx template
GUIDE = {
    "indicator_code": ("Mã chỉ tiêu theo Phụ lục I (xem sheet Chỉ tiêu); chỉ tiêu 15 ghi CQS-15a, CQS-15b",
                       "XHS-03; CQS-15a"),
    "area": ("CT (toàn thành phố), hoặc mã 5 số / tên xã, phường hiện nay (có hoặc không dấu)",
             "CT; 31120; Phường Cái Khế; cai khe"),
    "period": ("Kỳ số liệu", PERIODS),
    "value": ("Số liệu; tỷ lệ ghi theo %, dấu phẩy thập phân", "81,5; 81,5%; 1.234,5"),
    "note": ("Ghi chú (không bắt buộc)", ""),
    "source": ("Nguồn số liệu (không bắt buộc)", "Công an thành phố"),
    "unit": ("Mã hoặc tên sở, ngành (sheet Đơn vị), hoặc xã, phường", "SYT; Sở Y tế; Phường Ninh Kiều"),
    "pillar": ("CQS, KTS, XHS, hoặc TONG cho tổng điểm", "TONG"),
    "score": ("Điểm", "71,25"),
    "task_no": ("Số thứ tự nhiệm vụ trong Phụ lục II (1–51)", "12"),
    "status": ("Chưa triển khai, Đang thực hiện, Hoàn thành, hoặc Vướng mắc", "Đang thực hiện"),
    "progress_pct": ("Tiến độ, từ 0 đến 100", "80"),
}


def headers(kind: str) -> list[str]:
    """The template's Vietnamese headers."""
    return [c.header_vi for c in KINDS[kind].columns]


def template_csv(kind: str) -> bytes:
    """The headers alone, as Vietnamese Excel opens them: UTF-8 with BOM, ';' between fields."""
    return (";".join(headers(kind)) + "\r\n").encode("utf-8-sig")


def template_xlsx(kind: str, catalog_sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook: the sheet to fill in (headers only), a guide to its columns, and the catalog to
    copy codes and names from."""
    buffer = io.BytesIO()
    guide = pd.DataFrame([(c.header_vi, *GUIDE.get(c.name, ("", ""))) for c in KINDS[kind].columns],
                         columns=["Cột", "Ghi gì", "Ví dụ"])
    with pd.ExcelWriter(buffer, engine="openpyxl") as book:
        pd.DataFrame(columns=headers(kind)).to_excel(book, sheet_name="Số liệu", index=False)
        guide.to_excel(book, sheet_name="Hướng dẫn", index=False)
        for name, frame in catalog_sheets.items():     # the catalog's names can be uploaded: no formulas
            frame.map(formula_safe).to_excel(book, sheet_name=name[:31], index=False)
        for sheet in book.book.worksheets:
            for column in sheet.columns:
                width = max(len(str(c.value or "")) for c in column)
                sheet.column_dimensions[column[0].column_letter].width = min(max(12, width + 2), 60)
    return buffer.getvalue()


# Small examples of every layout the reader understands (shown on the upload page).
LAYOUTS: list[tuple[str, str, list[list[str]]]] = [
    ("Theo mẫu, có tiêu đề văn bản phía trên, dòng (1) (2) (3), mục I/II, dòng Tổng cộng và chữ ký bên dưới "
     "(được bỏ qua, không lưu). Kỳ báo cáo và địa bàn có thể lấy từ tiêu đề (“Kỳ báo cáo: Tháng 10/2026”, "
     "“UBND PHƯỜNG CÁI KHẾ”).",
     "The template, with a letterhead and title above, a (1) (2) (3) row, sections I/II, a totals row and the "
     "signatures below (skipped, never stored). The period and area may come from the title.",
     [["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kết quả thực hiện", "Ghi chú"], ["(1)", "(2)", "(3)", "(4)", "(5)"],
      ["I", "CHÍNH QUYỀN SỐ", "", "", ""], ["1", "CQS-01", "TTHC trực tuyến toàn trình", "97,5", ""],
      ["", "Tổng cộng", "", "", ""]]),
    ("Mỗi dòng một chỉ tiêu, các tháng theo cột (T1 … T12 với năm trong tiêu đề, “Tháng 1/2026”, “01/2026”, "
     "hoặc ô ngày của Excel). Ô trống là chưa báo cáo.",
     "One row per indicator, months as columns (T1 … T12 with the year in the title, “Tháng 1/2026”, “01/2026”, "
     "or Excel date cells). An empty cell means not reported.",
     [["Mã chỉ tiêu", "Địa bàn", "T1/2026", "T2/2026", "T3/2026"], ["XHS-03", "CT", "68", "69,5", ""],
      ["XHS-03", "Phường Cái Khế", "70,1", "", "72"]]),
    ("Mỗi dòng một xã, phường; các chỉ tiêu theo cột (mã hoặc tên chỉ tiêu); kỳ trong cột “Kỳ báo cáo” hoặc tiêu đề.",
     "One row per ward, indicators as columns (codes or names); the period in a column or in the title.",
     [["Xã, phường", "Kỳ báo cáo", "XHS-03", "KTS-04"], ["Phường Cái Khế", "10/2026", "81,5", "70"],
      ["Xã Phong Điền", "10/2026", "64,2", ""]]),
    ("Điểm DTI: mỗi dòng một đơn vị; các cột CQS, KTS, XHS, Tổng (hoặc “Tổng điểm”, “DTI”).",
     "DTI scores: one row per unit; columns CQS, KTS, XHS, Tổng (or “Tổng điểm”, “DTI”).",
     [["Đơn vị", "Kỳ báo cáo", "CQS", "KTS", "XHS", "Tổng điểm"], ["Sở Y tế", "2026-H1", "70,5", "62", "66", "66,8"]]),
]
READ_FORMATS = (".csv/.txt (UTF-8, UTF-16, Windows-1258; dấu , ; hoặc tab), .xlsx, .xls (Excel 97-2003), .ods "
                "(LibreOffice), và bảng HTML lưu tên .xls. Mọi trang tính hiện có bảng đều được đọc trong một lần tải lên; "
                "trang ẩn không bao giờ được đọc.")
READ_FORMATS_EN = (".csv/.txt (UTF-8, UTF-16, Windows-1258; , ; or tab), .xlsx, .xls (Excel 97-2003), .ods "
                   "(LibreOffice), and an HTML table saved as .xls. Every visible sheet with a table is read in one "
                   "upload; hidden sheets are never read.")
