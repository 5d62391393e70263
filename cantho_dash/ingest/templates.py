"""Upload templates with Vietnamese headers: a CSV for any spreadsheet, an .xlsx with the catalog."""
from __future__ import annotations

import io

import pandas as pd

from .kinds import KINDS

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
        for name, frame in catalog_sheets.items():
            frame.to_excel(book, sheet_name=name[:31], index=False)
        for sheet in book.book.worksheets:
            for column in sheet.columns:
                width = max(len(str(c.value or "")) for c in column)
                sheet.column_dimensions[column[0].column_letter].width = min(max(12, width + 2), 60)
    return buffer.getvalue()
