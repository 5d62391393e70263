"""The rejection report: every problem with its line (as Excel shows it), column, value and reason.

Reasons are given in Vietnamese and English. The CSV export neutralises spreadsheet formulas.
"""
from __future__ import annotations

import pandas as pd

from cantho_dash.ingest.read import SUPPORTED_ENCODINGS
from cantho_dash.words.formats import formula_safe

PERIOD_FORMS = "2026-03, 03/2026, T3/2026, Tháng 3/2026, 2026-Q1, Q1/2026, Quý I/2026, 2026-H1, 2026"

MESSAGES: dict[str, tuple[str, str]] = {
    # file-level
    "empty": ("Tệp rỗng.", "The file is empty."),
    "encoding": (f"Không đọc được bảng mã của tệp. Bảng mã được nhận: {SUPPORTED_ENCODINGS}.",
                 f"The file's encoding is not supported. Accepted encodings: {SUPPORTED_ENCODINGS}."),
    "bad_xlsx": ("Không mở được tệp Excel (hoặc LibreOffice): tệp hỏng hoặc không phải bảng tính.",
                 "The Excel file cannot be opened (or the LibreOffice file): it is damaged, or not a spreadsheet."),
    "bad_xls": ("Không mở được tệp Excel 97-2003 (.xls); hãy mở trong Excel và lưu lại dưới dạng .xlsx.",
                "The Excel 97-2003 file (.xls) cannot be opened; open it in Excel and save it as .xlsx."),
    "password": ("Tệp được bảo vệ bằng mật khẩu; hãy lưu lại tệp không đặt mật khẩu rồi tải lên.",
                 "The file is protected by a password; save it without one and upload it again."),
    "xml2003": ("Tệp là bảng tính XML 2003 của Excel; hãy mở trong Excel và lưu lại dưới dạng .xlsx.",
                "The file is an Excel 2003 XML spreadsheet; open it in Excel and save it as .xlsx."),
    "unpacks_too_large": ("Tệp nén bung ra {hint} MB, quá giới hạn 100 MB (có thể là tệp độc hại); không đọc.",
                          "The file unpacks to {hint} MB, over the 100 MB limit (possibly a hostile file); not read."),
    "sheet_too_large": ("Trang tính quá lớn ({hint} ô; tối đa 1,5 triệu ô, 1.000 cột); xóa các ô thừa xa bên phải "
                        "hoặc bên dưới bảng.", "The sheet is too large ({hint} cells; at most 1.5 million cells and "
                        "1,000 columns); delete stray cells far right of or below the table."),
    "cell_too_long": ("Một ô dài hơn {hint} ký tự (giới hạn của Excel); không đọc.",
                      "A cell is longer than {hint} characters (Excel's limit); not read."),
    "title_periods": ("Tiêu đề ghi nhiều kỳ báo cáo khác nhau ({hint}); bảng không có cột kỳ báo cáo nên không biết "
                      "số liệu thuộc kỳ nào. Thêm cột “Kỳ báo cáo” hoặc sửa tiêu đề.",
                      "The title names different periods ({hint}) and the table has no period column, so the "
                      "period of the figures is unclear. Add a “Kỳ báo cáo” column or correct the title."),
    "title_lacks_period": ("Bảng không có cột kỳ báo cáo và tiêu đề không ghi kỳ (ví dụ “Kỳ báo cáo: Tháng 10/2026”).",
                           "The table has no period column and the title names no period "
                           "(e.g. “Kỳ báo cáo: Tháng 10/2026”)."),
    "title_year_only": ("Bảng không có cột kỳ báo cáo và tiêu đề chỉ ghi năm {hint}; ghi rõ kỳ (ví dụ “Kỳ báo cáo: Tháng "
                        "10/{hint}”, hoặc “Kỳ báo cáo: Năm {hint}” cho số liệu cả năm).",
                        "The table has no period column and the title names only the year {hint}; state the period "
                        "(e.g. “Kỳ báo cáo: Tháng 10/{hint}”, or “Kỳ báo cáo: Năm {hint}” for a whole year)."),
    "title_former_unit": ("Tiêu đề ghi đơn vị hành chính cũ “{hint}” và bảng không có cột địa bàn; ghi xã, phường "
                          "hiện nay.", "The title names the former unit “{hint}” and the table has no area column; "
                          "write today's ward or commune."),
    "title_lacks_indicator": ("Bảng có các tháng theo cột nhưng không có cột chỉ tiêu, và tiêu đề không ghi mã chỉ tiêu.",
                              "The table has months as columns but no indicator column, and the title names no "
                              "indicator code."),
    "sheet_problems": ("Một số trang tính có vấn đề; không ghi gì.", "Some sheets have problems; nothing was written."),
    "targets_alone": ("Danh mục chỉ tiêu phải được tải lên riêng, không chung tệp với số liệu.",
                      "A targets catalog must be uploaded on its own, not in one file with figures."),
    "more_unchecked": ("… đã dừng kiểm tra sau {hint} dòng đầu vì đã có hơn 1.000 dòng có vấn đề; các dòng sau "
                       "chưa được kiểm tra. Sửa các lỗi trên rồi tải lên lại.",
                       "… checking stopped after the first {hint} rows, which already hold over 1,000 rows with "
                       "problems; the rows after them were not checked. Fix the problems above and upload again."),
    "more_problems": ("… và {hint} dòng có vấn đề nữa (chỉ liệt kê 1.000 dòng đầu).",
                      "… and {hint} more rows with problems (only the first 1,000 are listed)."),
    "no_header": ("Không tìm thấy dòng tiêu đề của một mẫu biểu (xem các mẫu tải về trên trang Tải dữ liệu).",
                  "No header row of a known template was found (see the templates on the upload page)."),
    "kind_mismatch": ("Tiêu đề cột không khớp với loại dữ liệu đã chọn: {hint}.",
                      "The headers do not match the chosen kind: {hint}."),
    "too_large": ("Tệp lớn hơn giới hạn {hint} MB.", "The file is larger than the {hint} MB limit."),
    "bad_table": ("Không đọc được bảng: {hint}.", "The table cannot be read: {hint}."),
    "no_rows": ("Tệp không có dòng số liệu nào.", "The file has no data rows."),
    "bad_quote": ("Dấu ngoặc kép bắt đầu ở dòng này không được đóng, hoặc nằm lạc giữa một ô.",
                  "A quote that starts on this line is never closed, or stands inside a cell."),
    "duplicate_column": ("Cột “{hint}” có hai lần trong dòng tiêu đề; giữ một cột.",
                         "The column “{hint}” appears twice in the header row; keep one."),
    "extra_cells": ("Dòng có nhiều ô hơn dòng tiêu đề. Nếu tệp phân cách bằng dấu phẩy, số thập phân phải đặt trong "
                    "ngoặc kép (\"12,3\") hoặc lưu tệp với dấu ;.",
                    "The row has more cells than the header. In a comma-separated file, put decimal-comma numbers "
                    "in quotes (\"12,3\") or save the file with ';'."),
    # cell-level
    "missing": ("Thiếu giá trị bắt buộc.", "A required value is missing."),
    "unknown_indicator": ("Mã chỉ tiêu không có trong danh mục (CQS-01…CQS-15, KTS-01…KTS-04, XHS-01…XHS-11).",
                          "Unknown indicator code (CQS-01…CQS-15, KTS-01…KTS-04, XHS-01…XHS-11)."),
    "target_has_parts": ("Chỉ tiêu này gồm nhiều phần; ghi số liệu theo mã từng phần: {hint}.",
                         "This target has parts; report each part under its own code: {hint}."),
    "unknown_area": ("Không có xã, phường này trong 103 xã, phường hiện nay của thành phố Cần Thơ "
                     "(ghi mã 5 chữ số, tên xã/phường, hoặc CT cho toàn thành phố).",
                     "No such ward or commune among today's 103 of Cần Thơ "
                     "(write its 5-digit code, its name, or CT for the whole city)."),
    "legacy_area": ("Đơn vị hành chính cũ (trước 01/7/2025), không còn tồn tại: {hint}.",
                     "A former administrative unit (before 1 July 2025) that no longer exists: {hint}."),
    "ward_type": ("Không có đơn vị này với loại đó (phường/xã); có phải {hint}?",
                  "No such unit of that type (phường/xã); did you mean {hint}?"),
    "bad_period": (f"Không đọc được kỳ báo cáo; ghi theo một trong các dạng: {PERIOD_FORMS}.",
                   f"The period cannot be read; write it as one of: {PERIOD_FORMS}."),
    "future_period": ("Kỳ {hint} chưa bắt đầu; không nhận số liệu cho kỳ tương lai.",
                      "The period {hint} has not begun; figures for a future period are not accepted."),
    "bad_number": ("Không đọc được số.", "The number cannot be read."),
    "ambiguous_number": ("Số không rõ nghĩa: có thể là số nghìn hoặc số thập phân; ghi 1234 hoặc 1,234 (dấu phẩy thập phân).",
                         "Ambiguous number: thousands or decimals? Write 1234, or 1,234 with a decimal comma."),
    "pct_range": ("Tỷ lệ phần trăm phải nằm trong khoảng 0–100.", "A percentage must be between 0 and 100."),
    "milestone_range": ("Mốc hoàn thành ghi từ 0 đến 1 (hoặc 0%–100%, hoặc “Hoàn thành”).",
                        "A milestone is written from 0 to 1 (or 0%–100%, or “Hoàn thành”)."),
    "negative": ("Số đếm không được âm.", "A count cannot be negative."),
    "negative_score": ("Điểm không được âm.", "A score cannot be negative."),
    "negative_target": ("Giá trị mục tiêu không được âm.", "A target value cannot be negative."),
    "duplicate_key": ("Trùng khóa với dòng {hint} trong cùng tệp.", "The same key as line {hint} of this file."),
    "unknown_unit": ("Không tìm thấy đơn vị (ghi mã hoặc tên sở, ngành, hoặc xã, phường).",
                     "Unknown unit (write the code or name of a department, or of a ward)."),
    "collective_unit": ("“{hint}” là nhóm đơn vị, không chấm điểm được; ghi từng đơn vị.",
                        "“{hint}” stands for many agencies and cannot be scored; write each one."),
    "unknown_pillar": ("Trụ cột phải là CQS, KTS, XHS hoặc TONG (tổng điểm).",
                       "The pillar must be CQS, KTS, XHS or TONG (the total)."),
    "unknown_task": ("Không có nhiệm vụ số này trong Phụ lục II (1–51).", "No such task in Appendix II (1–51)."),
    "unknown_status": ("Tình trạng phải là: Chưa triển khai, Đang thực hiện, Hoàn thành, hoặc Vướng mắc.",
                       "The status must be: Chưa triển khai (not started), Đang thực hiện (in progress), Hoàn thành "
                       "(done) or Vướng mắc (blocked)."),
    "done_progress": ("Nhiệm vụ ghi “Hoàn thành” thì tiến độ phải là 100%.",
                      "A task marked done must show 100% progress."),
    "progress_range": ("Tiến độ phải nằm trong khoảng 0–100%.", "Progress must be between 0 and 100%."),
    "bad_code": ("Mã chỉ tiêu phải có dạng CQS-01, KTS-01 hoặc XHS-01.", "A code must look like CQS-01, KTS-01 or XHS-01."),
    "bad_comparator": ("Phép so sánh phải là >, >=, < hoặc <=.", "The comparator must be >, >=, < or <=."),
    "bad_date": ("Không đọc được ngày (ghi 2026-12-31 hoặc 31/12/2026).", "The date cannot be read (write 2026-12-31 or 31/12/2026)."),
    "unknown_agency": ("Không có cơ quan “{hint}” trong danh mục cơ quan.", "The agency “{hint}” is not in the agencies catalog."),
    "bad_unit": ("Đơn vị tính phải là %, milestone hoặc một đơn vị đếm.", "The unit must be %, milestone or a count unit."),
}

REPORT_COLUMNS = ["sheet", "line", "column", "value", "reason_vi", "reason_en"]
HEADERS_VI = {"sheet": "Trang tính", "line": "Dòng", "column": "Cột", "value": "Giá trị", "reason_vi": "Lý do",
              "reason_en": "Reason"}
# What a header that was almost understood lacks ('layout_unclear' hints: '<found>_<lacking>:<line>').
UNCLEAR_FOUND = {"months": ("các tháng theo cột", "months as columns"),
                 "indicators": ("các chỉ tiêu theo cột", "indicators as columns"),
                 "scores": ("các trụ cột DTI theo cột (CQS, KTS, XHS, Tổng)", "DTI pillars as columns (CQS, KTS, XHS, Total)")}
UNCLEAR_LACKING = {"indicator": ("cột chỉ tiêu (Mã chỉ tiêu / Chỉ tiêu)", "an indicator column (Mã chỉ tiêu / Chỉ tiêu)"),
                   "year": ("năm của các tháng (ghi “Tháng 1/2026”, hoặc năm trong tiêu đề)",
                            "the year of the months (write “Tháng 1/2026”, or the year in the title)"),
                   "area": ("cột xã, phường (Địa bàn / Xã, phường)", "a ward column (Địa bàn / Xã, phường)"),
                   "unit": ("cột đơn vị (Đơn vị)", "a unit column (Đơn vị)")}


def message(code: str, hint: str = "") -> tuple[str, str]:
    """(Vietnamese, English) reason for a problem code."""
    if code == "layout_unclear":
        shape, line = hint.removeprefix("unclear_").split(":")
        found, lacking = shape.split("_")
        return (f"Dòng {line} là dòng tiêu đề có {UNCLEAR_FOUND[found][0]}, nhưng thiếu {UNCLEAR_LACKING[lacking][0]}.",
                f"Line {line} is a header row with {UNCLEAR_FOUND[found][1]}, but without {UNCLEAR_LACKING[lacking][1]}.")
    if code == "out_of_scope":           # the reason itself, in both languages: 'vi\x1fen'
        vi, _, en = hint.partition("\x1f")
        return vi[:1].upper() + vi[1:].rstrip(".") + ".", en[:1].upper() + en[1:].rstrip(".") + "."
    vi, en = MESSAGES[code]
    return vi.format(hint=hint), en.format(hint=hint)


def file_problem(code: str, hint: str = "", rows: list[dict] | None = None) -> pd.DataFrame:
    """A report of one problem with the whole file, or (rows: line, column, value) with those rows;
    a row may carry its own code and hint (one problem per sheet)."""
    found = rows or [{"line": None, "column": "", "value": ""}]
    out = []
    for row in found:
        vi, en = message(row.get("code") or code, row.get("hint", hint) if row.get("code") else hint)
        out.append({"sheet": "", **{k: v for k, v in row.items() if k not in ("code", "hint")},
                    "reason_vi": vi, "reason_en": en})
    return pd.DataFrame(out, columns=REPORT_COLUMNS)


def neutralise(text: object) -> object:
    """A cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    return formula_safe(text)


def to_csv(report: pd.DataFrame) -> bytes:
    """The report as a CSV that Excel opens in Vietnamese (UTF-8 with BOM), formulas neutralised."""
    columns = [c for c in REPORT_COLUMNS if c in report.columns
               and (c != "sheet" or report[c].fillna("").astype(str).str.strip().any())]
    safe = report[columns].rename(columns=HEADERS_VI)
    safe = safe.apply(lambda col: col.map(neutralise))
    # CRLF, as Excel writes it; a field holding a CR or LF is then quoted
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def as_text(report: pd.DataFrame, limit: int | None = 200) -> str:
    """The report as plain text lines for the command line."""
    lines = []
    for row in report.head(limit).itertuples():
        where = f"dòng/line {int(row.line)}" if pd.notna(row.line) else "tệp/file"
        sheet = getattr(row, "sheet", "")
        if isinstance(sheet, str) and sheet:
            where = f"trang tính/sheet “{sheet}”, {where}"
        column = f", cột/column “{row.column}”" if row.column else ""
        value = f", giá trị/value “{row.value}”" if row.value not in ("", None) and pd.notna(row.value) else ""
        lines.append(f"- {where}{column}{value}: {row.reason_vi} / {row.reason_en}")
    if limit and len(report) > limit:
        lines.append(f"… {len(report) - limit} vấn đề nữa / more problems")
    return "\n".join(lines)


def to_plain_csv(frame: pd.DataFrame) -> bytes:
    """Any table as a CSV that Excel opens in Vietnamese, text that looks like a formula neutralised."""
    safe = frame.apply(lambda col: col.map(neutralise))
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
