"""What a unit types on its report page, as the upload it stands for: a CSV in the template's layout
(the archive keeps it), checked, previewed and committed exactly as a file would be; and the unit's
own templates, prefilled with what it owes."""
from __future__ import annotations

import csv
import io

import pandas as pd

from cantho_dash.domain.periods import Period
from cantho_dash.ingest.kinds import OBSERVATIONS, TASK_STATUS
from cantho_dash.ingest.report import neutralise

FIGURE_HEADERS = [c.header_vi for c in OBSERVATIONS.columns if c.name in ("indicator_code", "area", "period", "value",
                                                                          "note")]
TASK_HEADERS = [c.header_vi for c in TASK_STATUS.columns]


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def figures_csv(edited: pd.DataFrame, month: Period) -> bytes | None:
    """The typed figures (rows with a value) as a CSV upload; None when nothing was typed."""
    rows = [[_text(r["code"]), _text(r["area"]), month.code, _text(r["value"]), _text(r.get("note"))]
            for r in edited.to_dict("records") if _text(r["value"])]
    return _csv(FIGURE_HEADERS, rows) if rows else None


def tasks_csv(edited: pd.DataFrame, month: Period) -> bytes | None:
    """The typed task statuses (rows with a status or a progress) as a CSV upload; None when none."""
    rows = [[_text(r["task_no"]), month.code, _text(r["status"]), _text(r["progress"]), _text(r.get("note"))]
            for r in edited.to_dict("records") if _text(r["status"]) or _text(r["progress"])]
    return _csv(TASK_HEADERS, rows) if rows else None


def rows_of(data: bytes) -> dict[int, str]:
    """The line of each typed row in its CSV, and what the row is about ('XHS-03 · 31120', 'Nhiệm vụ 12'),
    so that a problem is shown on its row."""
    records = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    out = {}
    for line, record in enumerate(records[1:], start=2):
        out[line] = f"{record[0]} · {record[1]}" if records[0][0] == FIGURE_HEADERS[0] else f"Nhiệm vụ {record[0]}"
    return out


def template_rows(report_rows: pd.DataFrame, month: Period) -> dict[str, list[list[str]]]:
    """Every item a unit owes as an empty template row, by kind."""
    figures = report_rows[report_rows["kind"] == "observations"]
    tasks = report_rows[report_rows["kind"] == "task_status"]
    return {"observations": [[c, a, month.code, "", ""] for c, a in zip(figures["code"], figures["area"])],
            "task_status": [[str(int(t)), month.code, "", "", ""] for t in tasks["code"]]}


def template_csv(rows: dict[str, list[list[str]]]) -> bytes:
    """The unit's figures to fill in (or its tasks, for a unit that owes no figure), as a CSV."""
    if rows["observations"] or not rows["task_status"]:
        return _csv(FIGURE_HEADERS, rows["observations"])
    return _csv(TASK_HEADERS, rows["task_status"])


def template_xlsx(rows: dict[str, list[list[str]]]) -> bytes:
    """The unit's figures and tasks to fill in, one sheet each (text cells stay text)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for kind, title, header in (("observations", "Số liệu", FIGURE_HEADERS), ("task_status", "Nhiệm vụ", TASK_HEADERS)):
        if not rows[kind]:
            continue
        sheet = book.create_sheet(title)
        for r, row in enumerate([header, *rows[kind]], start=1):
            for c, value in enumerate(row, start=1):
                sheet.cell(row=r, column=c).value = neutralise(value)
                sheet.cell(row=r, column=c).data_type = "s"
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 18
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
