"""What an upload's reading did, in Vietnamese and English: the sheets read and left out (and why),
the rows skipped (totals, signatures …), and what was taken from a title block."""
from __future__ import annotations

from cantho_dash.domain.periods import PeriodError, parse_period
from cantho_dash.ingest import report
from cantho_dash.ingest.book import Book
from cantho_dash.ingest.resolve import ward_index

ROW_KINDS = {"column_numbers": ("dòng số thứ tự cột", "column-number row(s)"),
             "repeated_header": ("dòng tiêu đề cột lặp lại", "repeated header row(s)"),
             "heading": ("dòng tiêu đề mục", "section heading(s)"),
             "totals": ("dòng tổng cộng", "totals row(s)"),
             "note": ("dòng ghi chú", "note line(s)"),
             "signature": ("dòng chữ ký", "signature line(s)")}
SHEET_REASONS = {"hidden": ("trang ẩn", "hidden"), "no_table": ("không có bảng số liệu", "no table of figures"),
                 "no_rows": ("không có dòng số liệu", "no data rows")}
FORMS = {"long": ("theo mẫu", "template rows"),
         "months": ("các kỳ báo cáo theo cột: tháng, quý", "periods as columns: months, quarters"),
         "indicators": ("các chỉ tiêu theo cột", "indicators as columns"),
         "scores": ("các trụ cột DTI theo cột", "DTI pillars as columns")}
COLUMNS = {"period": ("Kỳ báo cáo", "period"), "area": ("Địa bàn", "area"), "indicator_code": ("Mã chỉ tiêu", "indicator")}


def _reason(code: str) -> tuple[str, str]:
    if code.startswith("unclear_"):
        return report.message("layout_unclear", code)
    return SHEET_REASONS.get(code, (code, code))


def _value(column: str, value: str) -> tuple[str, str]:
    if column == "period":
        try:
            period = parse_period(value)
            return period.label("vi"), period.label("en")
        except PeriodError:
            return value, value
    if column == "area":
        if value == "CT":
            return "toàn thành phố", "the whole city"
        name = ward_index().name(value) if value in ward_index().wards.index else value
        return name, name
    return value, value


def lines(book: Book | None) -> list[tuple[str, str]]:
    """(Vietnamese, English) lines describing how the file was read."""
    if book is None:
        return []
    out = []
    named = [u for u in book.used if u[0]]
    if named and (len(book.used) > 1 or book.left or any(form != "long" for _, _, form in book.used)):
        vi = ", ".join(f"{s} ({FORMS[f][0]})" for s, _, f in named)
        en = ", ".join(f"{s} ({FORMS[f][1]})" for s, _, f in named)
        out.append((f"Trang tính đã đọc: {vi}", f"Sheets read: {en}"))
    elif book.used and book.used[0][2] != "long":
        out.append((f"Bảng {FORMS[book.used[0][2]][0]}", f"Table with {FORMS[book.used[0][2]][1]}"))
    if book.left:
        out.append(("Trang tính bỏ qua: " + ", ".join(f"{s} ({_reason(r)[0]})" for s, r in book.left),
                    "Sheets left out: " + ", ".join(f"{s} ({_reason(r)[1]})" for s, r in book.left)))
    skipped = [(n, k) for k, n in book.skipped.items() if n]
    if skipped:
        out.append(("Bỏ qua " + ", ".join(f"{n} {ROW_KINDS[k][0]}" for n, k in skipped) + " (không lưu)",
                    "Skipped " + ", ".join(f"{n} {ROW_KINDS[k][1]}" for n, k in skipped) + " (not stored)"))
    for sheet, column, value, line in dict.fromkeys(book.taken):
        vi, en = _value(column, value)
        where = f" ({sheet})" if sheet else ""
        if column == "area" and line is None:
            out.append((f"Bảng không có cột địa bàn{where}: số liệu của toàn thành phố",
                        f"The table has no area column{where}: figures for the whole city"))
            continue
        if line == "sheet":
            out.append((f"{COLUMNS[column][0]} lấy từ tên trang tính “{sheet}”: {vi}",
                        f"The {COLUMNS[column][1]} comes from the sheet's name “{sheet}”: {en}"))
            continue
        at_vi, at_en = (f", dòng {line}", f", line {line}") if line else ("", "")
        out.append((f"{COLUMNS[column][0]} lấy từ tiêu đề{where}{at_vi}: {vi}",
                    f"The {COLUMNS[column][1]} comes from the title{where}{at_en}: {en}"))
    return out
