"""Failed checks as report rows: the sheet, line and column where the analyst sees each problem,
the value written there, and the reason in Vietnamese and English."""
from __future__ import annotations

import pandas as pd

from cantho_dash.store import engine as db
from cantho_dash.words.formats import fmt_decimal
from cantho_dash.ingest import resolve as names, report

MAX_PROBLEMS = 1_000      # a report lists this many; the rest are counted


def _place(table, row_id: int, column: str, header_of: dict[str, str]) -> tuple[str, int, str]:
    """(sheet, line, column label) of a staged row's cell."""
    if table.origins is not None:
        header_vi = table.kind.column(column).header_vi if column in [c.name for c in table.kind.columns] else column
        return table.origins.place(int(row_id), column, header_vi)
    return "", table.header_line + 1 + int(row_id), header_of.get(column, column)


def report_rows(session, frame: pd.DataFrame, failed: pd.DataFrame) -> pd.DataFrame:
    """Turn failed checks into report rows: line, column (as headed in the file), value, reasons."""
    duck, table = session.duck, session.table
    checked = failed.attrs.get("checked")             # where the checking stopped, if it did
    failed = failed.assign(row_id=frame["row_id"].to_numpy()[failed["position"].to_numpy()])
    total_rows = failed["row_id"].nunique()
    kept = failed["row_id"].drop_duplicates().sort_values().head(MAX_PROBLEMS)
    failed = failed[failed["row_id"].isin(kept)]
    duck.register("failing_row_ids", pd.DataFrame({"row_id": failed["row_id"].unique()}))
    raw = duck.execute(db.load_sql("failing_rows")).df().set_index("row_id")
    header_of = {canonical: table.headers[i] for i, canonical in table.columns.items()}
    order = [c.name for c in table.kind.columns]
    partners = _duplicate_partners(frame, failed, table)
    number_problems = _number_problems(duck, failed, raw, session.conv)
    rows = []
    for item in failed.itertuples():
        value = _cell(raw, item.row_id, item.column)
        code, hint = item.code, ""
        if code == "unresolved":
            match = session.maps.get(item.column, {}).get(_raw(raw, item.row_id, item.column), names.Match())
            code, hint = match.problem or "missing", match.hint
        elif code == "unread_number":
            code = "ambiguous_number" if number_problems.get(value) == "ambiguous" else "bad_number"
        elif code == "duplicate_key":
            hint = str(partners.get(item.row_id, ""))
        elif code == "out_of_scope":
            hint = f"{item.reason_vi}\x1f{item.reason_en}"
        vi, en = report.message(code, hint)
        sheet, line, label = _place(table, item.row_id, item.column, header_of)
        rows.append({"sheet": sheet, "line": line, "column": label, "value": value, "reason_vi": vi, "reason_en": en,
                     "_part": table.origins.part[int(item.row_id)] if table.origins else 0,
                     "_order": order.index(item.column) if item.column in order else len(order)})
    out = pd.DataFrame(rows).sort_values(["_part", "line", "_order"], kind="stable").drop(columns=["_order", "_part"])
    # A wide row's ward or unit cell stands for each of its figures: one cell, one problem.
    out = out.drop_duplicates(["sheet", "line", "column", "value", "reason_vi"])
    if checked is not None and checked < len(frame):      # the checking stopped: the rest is not counted
        vi, en = report.message("more_unchecked", f"{checked:,}".replace(",", "."))
        out = pd.concat([out, pd.DataFrame([{"sheet": "", "line": None, "column": "", "value": "",
                                             "reason_vi": vi, "reason_en": en}])], ignore_index=True)
    elif total_rows > MAX_PROBLEMS:
        vi, en = report.message("more_problems", f"{total_rows - MAX_PROBLEMS:,}".replace(",", "."))
        out = pd.concat([out, pd.DataFrame([{"sheet": "", "line": None, "column": "", "value": "",
                                             "reason_vi": vi, "reason_en": en}])], ignore_index=True)
    return out.reset_index(drop=True)


def _raw(raw: pd.DataFrame, row_id: int, column: str):
    return raw.at[row_id, column] if column in raw.columns else None


def _cell(raw: pd.DataFrame, row_id: int, column: str) -> str:
    """What the analyst wrote in a cell (a number read by read_csv is shown the Vietnamese way)."""
    value = _raw(raw, row_id, column)
    if (value is None or pd.isna(value)) and f"{column}_number" in raw.columns:
        number = raw.at[row_id, f"{column}_number"]
        return "" if pd.isna(number) else fmt_decimal(number, 6)
    return "" if value is None or pd.isna(value) else str(value)


def _number_problems(duck, failed: pd.DataFrame, raw: pd.DataFrame, conv: str | None) -> dict:
    """raw text -> 'ambiguous' or 'bad', for the numbers that were not read."""
    unread = failed[failed["code"] == "unread_number"]
    texts = {_cell(raw, r.row_id, r.column) for r in unread.itertuples()}
    if not texts:
        return {}
    duck.register("unread_numbers", pd.DataFrame({"number_text": sorted(texts)}))
    found = duck.execute(db.load_sql("number_problems"), {"conv": conv}).df()
    return dict(zip(found["number_text"], found["problem"]))


def _duplicate_partners(frame: pd.DataFrame, failed: pd.DataFrame, table) -> dict[int, object]:
    """For each row whose key repeats, the line of another row with that key (the first, or the second)."""
    rows = failed.loc[failed["code"] == "duplicate_key", "row_id"]
    if rows.empty:
        return {}
    subset = frame[frame["row_id"].isin(rows)]
    first = subset.groupby("row_key")["row_id"].transform("min")
    second = subset.groupby("row_key")["row_id"].transform(lambda s: s.nsmallest(2).iloc[-1])
    partner = first.where(first != subset["row_id"], second)
    if table.origins is None:
        return dict(zip(subset["row_id"], table.header_line + 1 + partner))
    origins = table.origins
    return {row: (f"{origins.line[int(other)]}" if origins.part[int(other)] == origins.part[int(row)] else
                  f"{origins.line[int(other)]} ({origins.parts[origins.part[int(other)]].sheet})")
            for row, other in zip(subset["row_id"], partner)}
