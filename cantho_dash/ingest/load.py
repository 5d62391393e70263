"""Load one table of an upload into DuckDB as read ('raw'), and find how its numbers are written."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import duckdb

from cantho_dash.ingest.context import Context
from cantho_dash.ingest.read import FileProblem, Table, expected_records, read_book
from cantho_dash.store import engine as db

NUMBER_COLUMN = {"observations": "value", "unit_scores": "score", "task_status": "progress_pct"}
PLAIN_NUMBER = re.compile(r"-?\d+(?:([.,])\d+)?")
AMBIGUOUS_NUMBER = re.compile(r"-?[1-9]\d{0,2}[.,]\d{3}")


def plain_decimal(table: Table) -> str | None:
    """',' or '.' when the first rows' numbers are plain (so read_csv can parse them), else None."""
    kind = table.kind.name
    position = next((i for i, c in table.columns.items() if c == NUMBER_COLUMN.get(kind)), None)
    if position is None:
        return None
    with open(table.path, encoding="utf-8-sig", newline="") as f:
        head = f.read(65536)
    rows = list(csv.reader(io.StringIO(head), delimiter=table.delimiter))[table.skip:]
    if len(head) == 65536:
        rows = rows[:-1]  # cut short by the sample
    separators = set()
    for row in rows:
        value = row[position].strip() if position < len(row) else ""
        if not value:
            continue
        m = PLAIN_NUMBER.fullmatch(value)
        if not m or AMBIGUOUS_NUMBER.fullmatch(value):
            return None
        separators.add(m.group(1) or "")
    separators.discard("")
    # one separator seen: read_csv can parse the file (a value it cannot makes it fall back to text);
    # none seen (whole numbers only): later values such as '1.234' need the text path's judgement
    return separators.pop() if len(separators) == 1 else None


def load_raw(duck, table: Table, data: bytes, workdir: Path, context: Context) -> Table:
    """Load the table into 'raw'. Plain numbers are parsed by read_csv; if one is not, the column is
    read as text; a file DuckDB finds irregular is rewritten once and loaded again."""
    decimal = plain_decimal(table)
    for typed in ([decimal, None] if decimal else [None]):
        table.number_column = f"{NUMBER_COLUMN[table.kind.name]}_number" if typed else None
        params = {"path": str(table.path), "delim": table.delimiter, "skip": table.skip,
                  "decimal": typed or ".", "columns": table.duckdb_columns()}
        try:
            duck.execute(db.load_sql(f"stage_raw_{table.kind.name}"))
            duck.execute(db.load_sql("stage_raw_load"), params)
        except duckdb.ConversionException:
            continue
        except duckdb.Error as exc:
            if table.rewritten:
                raise FileProblem("bad_table", str(exc).splitlines()[0][:200]) from None
            break
        if table.rewritten or duck.execute(db.load_sql("raw_row_count")).fetchone()[0] == expected_records(
                data, table.skip - 1):
            return table
        break  # DuckDB skipped blank lines, or a quoted cell holds a line break: number the rows in Python
    if table.rewritten:
        raise FileProblem("bad_table")
    tables, _ = read_book(data, workdir, context.vocabulary, table.kind, force_rewrite=True)
    return load_raw(duck, next(t for t in tables if t.kind == table.kind), data, workdir, context)


def convention(duck, kind: str) -> str | None:
    """'vn', 'en', or None: how to read numbers that are ambiguous alone."""
    duck.execute(db.load_sql(f"stage_numbers_{kind}"))
    if not duck.execute(db.load_sql("number_ambiguity")).fetchone()[0]:
        return None
    vn, en = duck.execute(db.load_sql("number_convention")).fetchone()
    if vn == en:
        return None
    return "vn" if vn > en else "en"
