"""Build upload files the way analysts' tools write them: encodings, delimiters, number styles, NFC/NFD."""
from __future__ import annotations

import csv
import io
import unicodedata

import pandas as pd

from cantho_dash.ingest.kinds import KINDS
from cantho_dash.domain.vntext import fold
from vn_encodings import to_cp1258

# Rows as the analyst means them: numbers are floats, formatted per style when written.
ROWS = {
    "observations": [
        ["XHS-03", "Phường Cái Khế", "T10/2026", 81.5, "Số liệu VNeID, tháng 10"],
        ["CQS-01", "CT", "Quý III/2026", 98.75, ""],
        ["KTS-04", "xã Trường Long", "2026-09", 70.25, ""],
        ["CQS-12", "toàn thành phố", "Tháng 9/2026", 0.5, ""],
    ],
    "unit_scores": [
        ["Sở Y tế", "2026-H1", "TONG", 71.25],
        ["Phường Ninh Kiều", "6 tháng đầu năm 2026", "Chính quyền số", 1234.5],
        ["SKHCN", "2025", "xhs", 60.0],
    ],
    "task_status": [
        ["12", "T10/2026", "Hoàn thành", 100.0, ""],
        ["NV 14", "10/2026", "đang thực hiện", 80.5, "Chờ phê duyệt"],
        ["49", "Quý IV/2026", "Vướng mắc", 20.0, ""],
    ],
}
# What staging must make of them: (key columns..., number)
EXPECTED = {
    "observations": [("XHS-03", "31120", "2026-10", 81.5, "Số liệu VNeID, tháng 10"),
                     ("CQS-01", "CT", "2026-Q3", 98.75, None),
                     ("KTS-04", "31309", "2026-09", 70.25, None),
                     ("CQS-12", "CT", "2026-09", 0.5, None)],
    "unit_scores": [("SYT", "agency", "2026-H1", "TONG", 71.25),
                    ("31135", "ward", "2026-H1", "CQS", 1234.5),
                    ("SKHCN", "agency", "2025", "XHS", 60.0)],
    "task_status": [(12, "2026-10", "done", 100.0, None),
                    (14, "2026-10", "in_progress", 80.5, "Chờ phê duyệt"),
                    (49, "2026-Q4", "blocked", 20.0, None)],
}
EXPECTED_COLUMNS = {
    "observations": ["indicator_code", "area_code", "period", "value", "note"],
    "unit_scores": ["unit_code", "unit_kind", "period", "pillar", "score"],
    "task_status": ["task_no", "period", "status", "progress_pct", "note"],
}
NUMBER_STYLES = ("plain", "vn", "vn_grouped", "pct_or_en")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "windows-1258")
DELIMITERS = (",", ";", "\t")
HEADER_STYLES = ("vi", "en", "folded")


def number(value: float, style: str, kind: str, row: list) -> str:
    """A number written in one of the ways analysts write them."""
    text = f"{value:.10g}"
    if style == "plain":
        return text
    if style == "vn":
        return text.replace(".", ",")
    if style == "vn_grouped":  # Vietnamese thousands and a space around
        whole, _, frac = f"{value:,.2f}".partition(".")
        return f" {whole.replace(',', '.')},{frac} "
    # pct_or_en: percentages with a % sign (milestones as a share of 100), other numbers grouped in English
    if kind == "observations":
        pct = value * 100 if row[0] == "CQS-12" else value
        return f"{pct:.10g}".replace(".", ",") + "%"
    if kind == "task_status":
        return f"{value:.10g}".replace(".", ",") + "%"
    return f"{value:,.2f}"


def header(kind: str, style: str) -> list[str]:
    """The kind's headers in Vietnamese, in English, or upper-case without diacritics."""
    columns = KINDS[kind].columns
    if style == "en":
        return [c.name for c in columns]
    vi = [c.header_vi for c in columns]
    if style == "folded":
        return [fold(h).upper() for h in vi]
    return vi


def table(kind: str, style: str = "vn", header_style: str = "vi") -> list[list[str]]:
    """The header and the rows of kind as text cells (optional trailing columns dropped when unused)."""
    head = header(kind, header_style)
    rows = []
    for row in ROWS[kind]:
        cells = [number(v, style, kind, row) if isinstance(v, float) else v for v in row]
        rows.append(cells)
    width = len(ROWS[kind][0])
    return [head[:width], *rows]


def encode(rows: list[list[str]], encoding: str = "utf-8-sig", delimiter: str = ";", form: str = "NFC",
           line_end: str = "\r\n") -> bytes:
    """rows as a delimited text file in an encoding, Unicode form and line ending."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    text = unicodedata.normalize(form, buffer.getvalue())
    if encoding == "windows-1258":
        return to_cp1258(text)
    return text.encode(encoding)


def xlsx(rows: list[list], percent_cells: bool = False) -> bytes:
    """rows as an .xlsx workbook; with percent_cells, numbers under 1 get Excel's % format."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if percent_cells:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float) and cell.value <= 1:
                    cell.number_format = "0.00%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def staged_values(staged, kind: str) -> list[tuple]:
    """The committed rows of a staged upload, in file order, as tuples of EXPECTED_COLUMNS."""
    frame = staged.rows_to_commit.to_pandas()
    frame = frame[EXPECTED_COLUMNS[kind]].astype(object).where(frame[EXPECTED_COLUMNS[kind]].notna(), None)
    return sorted(tuple(r) for r in frame.itertuples(index=False))


def as_frame(rows: list[list[str]]) -> pd.DataFrame:
    return pd.DataFrame(rows[1:], columns=rows[0])
