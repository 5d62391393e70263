"""Stage an upload in a private in-memory DuckDB: load, resolve, parse, validate (issue #3).

DuckDB reads the table (plain numbers are parsed by read_csv itself), each distinct key is
resolved once in Python, the rows are parsed in SQL, and pandera validates states, ranges and
keys. Nothing touches the store here.
"""
from __future__ import annotations

import csv
import io
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pandas as pd
import pyarrow as pa

from .. import db
from ..i18n import fmt_decimal
from . import names, report, schemas
from .kinds import KINDS
from .read import FileProblem, Table, expected_records, read_table

KINDS_RESOLVED = ("indicator_code", "area", "period", "unit", "pillar", "task_no", "status", "code",
                  "comparator", "deadline", "lead_agency", "coordinating_agencies")  # every map_<column>
NUMBER_COLUMN = {"observations": "value", "unit_scores": "score", "task_status": "progress_pct"}
PLAIN_NUMBER = re.compile(r"-?\d+(?:([.,])\d+)?")
AMBIGUOUS_NUMBER = re.compile(r"-?[1-9]\d{0,2}[.,]\d{3}")

Progress = Callable[[float, str], None]


class Context:
    """What validation checks against: the current catalog, read when first needed."""

    def __init__(self, indicators: Callable[[], pd.DataFrame] | pd.DataFrame,
                 task_numbers: Callable[[], set[int]] | set[int]):
        self._indicators, self._task_numbers = indicators, task_numbers

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """code, unit, target_code of every series of the catalog."""
        return self._indicators() if callable(self._indicators) else self._indicators

    @cached_property
    def task_numbers(self) -> set[int]:
        """The task numbers of Appendix II."""
        return self._task_numbers() if callable(self._task_numbers) else self._task_numbers

    @cached_property
    def indicator_codes(self) -> tuple[set[str], dict[str, list[str]]]:
        """(every series code, target code -> its part codes)."""
        parts = self.indicators[self.indicators["code"] != self.indicators["target_code"]]
        return set(self.indicators["code"]), parts.groupby("target_code")["code"].agg(list).to_dict()

    def resolvers(self, kind: str) -> dict[str, Callable[[str], names.Match]]:
        """column -> resolver, for the columns of kind that name things."""
        def indicator(raw: str) -> names.Match:
            return names.resolve_indicator(raw, *self.indicator_codes)

        return {
            "observations": {"indicator_code": indicator,
                             "area": names.resolve_area, "period": names.resolve_period},
            "unit_scores": {"unit": names.resolve_unit, "period": names.resolve_period,
                            "pillar": names.resolve_pillar},
            "task_status": {"task_no": lambda r: names.resolve_task(r, self.task_numbers),
                            "period": names.resolve_period, "status": names.resolve_task_status},
            "targets": {"code": names.resolve_target_code, "pillar": _pillar_only,
                        "comparator": names.resolve_comparator, "deadline": names.resolve_date,
                        "lead_agency": names.resolve_agency_list,
                        "coordinating_agencies": names.resolve_agency_list},
        }[kind]


def _pillar_only(raw: str) -> names.Match:
    match = names.resolve_pillar(raw)
    return match if match.code != "TONG" else names.Match(problem="unknown_pillar")


@dataclass
class Staged:
    """The outcome of staging: problems (a report), or the rows to commit."""

    kind: str | None
    rows: int = 0
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=report.REPORT_COLUMNS))
    rows_to_commit: pa.Table | None = None
    table: Table | None = None

    @property
    def ok(self) -> bool:
        """Whether the upload can be committed."""
        return self.problems.empty and self.rows_to_commit is not None


@dataclass
class Session:
    """A DuckDB connection holding an upload: table raw as read, table staged as parsed."""

    duck: duckdb.DuckDBPyConnection
    table: Table
    conv: str | None
    maps: dict[str, dict[str, names.Match]]

    @property
    def kind(self) -> str:
        return self.table.kind.name


def _connect() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


def _plain_decimal(table: Table) -> str | None:
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


def _load_raw(duck, table: Table, data: bytes, workdir: Path) -> Table:
    """Load the table into 'raw'. Plain numbers are parsed by read_csv; if one is not, the column is
    read as text; a file DuckDB finds irregular is rewritten once and loaded again."""
    decimal = _plain_decimal(table)
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
    return _load_raw(duck, read_table(data, workdir, table.kind, force_rewrite=True), data, workdir)


def _convention(duck, kind: str) -> str | None:
    """'vn', 'en', or None: how to read numbers that are ambiguous alone."""
    duck.execute(db.load_sql(f"stage_numbers_{kind}"))
    if not duck.execute(db.load_sql("number_ambiguity")).fetchone()[0]:
        return None
    vn, en = duck.execute(db.load_sql("number_convention")).fetchone()
    if vn == en:
        return None
    return "vn" if vn > en else "en"


def _maps(duck, kind: str, context: Context) -> dict[str, dict[str, names.Match]]:
    """Resolve each distinct raw key once; register map_<column> tables for the staging SQL."""
    distinct = duck.execute(db.load_sql(f"distinct_{kind}")).df()
    maps: dict[str, dict[str, names.Match]] = {}
    for column, resolve in context.resolvers(kind).items():
        values = [v for v in distinct.loc[distinct["column_name"] == column, "raw"] if pd.notna(v)]
        matches = {v: resolve(v) if str(v).strip() else names.Match(problem="missing") for v in values}
        maps[column] = matches
        frame = pd.DataFrame({
            "raw": pd.Series(list(matches), dtype="string"),
            "code": pd.Series([None if m.code is None else str(m.code) for m in matches.values()], dtype="string"),
            "extra": [m.extra for m in matches.values()],
        })
        frame["key_id"] = pd.Series(frame["code"].factorize()[0], dtype="Int64").where(frame["code"].notna())
        if column == "indicator_code":
            units = frame["code"].map(context.indicators.set_index("code")["unit"])
            frame["unit_class"] = units.map({"%": 1, "milestone": 2}).fillna(3).astype("int8")
        if column == "period":
            periods = [m.extra for m in matches.values()]
            frame["period_start"] = [p.start if p else None for p in periods]
            frame["period_end"] = [p.end if p else None for p in periods]
            frame["extra"] = None
        frame["extra"] = (pd.to_datetime(frame["extra"]).dt.date if column == "deadline"
                          else frame["extra"].astype("string"))
        duck.register(f"map_{column}", frame)
    return maps


@contextmanager
def session(data: bytes, context: Context, kind: str | None = None, progress: Progress | None = None,
            source: Path | None = None, duck: duckdb.DuckDBPyConnection | None = None) -> Iterator[Session]:
    """Read, load, resolve and parse an upload into a DuckDB connection: a private in-memory one, or
    the store's own (so that committing is one insert ... select). Raises FileProblem for a file
    that cannot be read. What it leaves in the connection is removed on exit."""
    tell = progress or (lambda share, label: None)
    own = duck is None
    duck = _connect() if own else duck
    try:
        with tempfile.TemporaryDirectory(prefix="cantho-upload-") as work:
            duck.execute(db.load_sql("stage_macros"))
            tell(0.05, "read")
            table = _load_raw(duck, read_table(data, Path(work), KINDS[kind] if kind else None, source=source),
                              data, Path(work))
            tell(0.3, "resolve")
            conv = None if table.number_column else _convention(duck, table.kind.name)
            maps = _maps(duck, table.kind.name, context)
            tell(0.5, "parse")
            duck.execute(db.load_sql(f"stage_{table.kind.name}"),
                         {"conv": conv, "typed": table.number_column is not None})
            duck.execute(db.load_sql(f"staged_{table.kind.name}"))
        yield Session(duck, table, conv, maps)
    finally:
        if own:
            duck.close()
        else:
            try:
                for name in ["failing_row_ids", "unread_numbers", *(f"map_{c}" for c in KINDS_RESOLVED)]:
                    duck.unregister(name)
                duck.execute(db.load_sql("stage_cleanup"))
            except duckdb.Error:
                pass  # an aborted transaction: its rollback takes the staging tables with it


def validation_frame(session: Session) -> pd.DataFrame:
    """What pandera checks, fetched from the staged rows."""
    return session.duck.sql(db.load_sql(f"validation_{session.kind}")).to_arrow_table().to_pandas()


def validate(session: Session, progress: Progress | None = None, frame: pd.DataFrame | None = None) -> Staged:
    """Check the staged rows with pandera; a Staged with the report, or ready to commit."""
    frame = validation_frame(session) if frame is None else frame
    if progress:
        progress(0.7, "validate")
    return outcome(session, frame, failures(session, frame))


def failures(session: Session, frame: pd.DataFrame) -> pd.DataFrame:
    """pandera's verdict on the validation frame (pure: it does not touch the connection)."""
    return schemas.failures(session.kind, frame) if len(frame) else pd.DataFrame(columns=["position", "code", "column"])


def outcome(session: Session, frame: pd.DataFrame, failed: pd.DataFrame) -> Staged:
    """The Staged for a verdict: ready to commit, or the report (read from the connection)."""
    name, table = session.kind, session.table
    if len(frame) == 0:
        return Staged(name, problems=report.file_problem("no_rows"), table=table)
    if not failed.empty:
        return Staged(name, rows=len(frame), table=table, problems=_report(session, frame, failed))
    return Staged(name, rows=len(frame), table=table)


def file_problem(problem: FileProblem, kind: str | None) -> Staged:
    """A Staged holding the report of a file that cannot be read."""
    if problem.code == "no_header" and kind:
        problem = FileProblem("kind_mismatch", ", ".join(c.header_vi for c in KINDS[kind].columns))
    return Staged(kind, problems=report.file_problem(problem.code, problem.hint, problem.rows))


def stage(data: bytes, context: Context, kind: str | None = None, progress: Progress | None = None,
          source: Path | None = None) -> Staged:
    """Read, resolve, parse and validate an upload in a private DuckDB; never writes to the store.
    A valid upload's rows come back as an Arrow table, to commit later."""
    try:
        with session(data, context, kind, progress, source) as staged_session:
            staged = validate(staged_session, progress)
            if staged.problems.empty:
                staged.rows_to_commit = staged_session.duck.sql(db.load_sql("staged_rows")).to_arrow_table()
            return staged
    except FileProblem as problem:
        return file_problem(problem, kind)


def _report(session: Session, frame: pd.DataFrame, failed: pd.DataFrame) -> pd.DataFrame:
    """Turn failed checks into report rows: line, column (as headed in the file), value, reasons."""
    duck, table, kind = session.duck, session.table, session.kind
    failed = failed.assign(row_id=frame["row_id"].to_numpy()[failed["position"].to_numpy()])
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
        vi, en = report.message(code, hint)
        rows.append({"line": table.header_line + 1 + int(item.row_id), "column": header_of.get(item.column, item.column),
                     "value": value, "reason_vi": vi, "reason_en": en,
                     "_order": order.index(item.column) if item.column in order else len(order)})
    out = pd.DataFrame(rows).sort_values(["line", "_order"], kind="stable").drop(columns="_order")
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


def _duplicate_partners(frame: pd.DataFrame, failed: pd.DataFrame, table: Table) -> dict[int, int]:
    """For each row whose key repeats, the line of another row with that key (the first, or the second)."""
    rows = failed.loc[failed["code"] == "duplicate_key", "row_id"]
    if rows.empty:
        return {}
    subset = frame[frame["row_id"].isin(rows)]
    first = subset.groupby("row_key")["row_id"].transform("min")
    second = subset.groupby("row_key")["row_id"].transform(lambda s: s.nsmallest(2).iloc[-1])
    partner = first.where(first != subset["row_id"], second)
    return dict(zip(subset["row_id"], table.header_line + 1 + partner))
