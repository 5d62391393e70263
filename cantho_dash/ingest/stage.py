"""Stage an upload in a private in-memory DuckDB: load, resolve, parse, validate.

DuckDB reads the table (plain numbers are parsed by read_csv itself), each distinct key is
resolved once in Python, the rows are parsed in SQL, and pandera validates states, ranges and
keys. Nothing touches the store here.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pandas as pd
import pyarrow as pa

from cantho_dash.domain.scope import Duties, kind_refusal, out_of_scope
from cantho_dash.store import engine as db
from cantho_dash.ingest import explain, load, report, schemas
from cantho_dash.ingest import resolve as names
from cantho_dash.ingest.book import Book
from cantho_dash.ingest.context import Context
from cantho_dash.ingest.kinds import KINDS
from cantho_dash.ingest.read import FileProblem, Table, read_book

KINDS_RESOLVED = ("indicator_code", "area", "period", "unit", "pillar", "task_no", "status", "code",
                  "comparator", "deadline", "lead_agency", "coordinating_agencies")  # every map_<column>

Progress = Callable[[float, str], None]
Compare = Callable[[str, pa.Table], tuple]      # (kind, staged rows) -> what the store would change
# Fetching the staged rows and comparing them with the store (DuckDB, which frees the GIL) while
# pandera checks them (Python).
_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cantho-stage")


@dataclass
class Staged:
    """The outcome of staging: problems (a report), or the rows to commit."""

    kind: str | None
    rows: int = 0
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=report.REPORT_COLUMNS))
    rows_to_commit: pa.Table | None = None
    table: Table | None = None
    parts: list["Staged"] = field(default_factory=list)   # one per kind, when the file holds several
    book: Book | None = None                               # what was read, left out and skipped
    compared: tuple | None = field(default=None, repr=False)  # (counts, biggest changes) against the store

    @property
    def each(self) -> list["Staged"]:
        """The staged kinds: the parts, or this one."""
        return self.parts or [self]

    @property
    def ok(self) -> bool:
        """Whether the upload can be committed."""
        return self.problems.empty and all(p.rows_to_commit is not None for p in self.each)


@dataclass(frozen=True)
class Scope:
    """Who writes: a reporting unit's code (None: a city analyst) and the catalog's duties."""

    unit: str | None
    duties: Duties | None                                  # None for a city analyst: not needed


@dataclass
class Session:
    """A DuckDB connection holding an upload: table raw as read, table staged as parsed."""

    duck: duckdb.DuckDBPyConnection
    table: Table
    conv: str | None
    maps: dict[str, dict[str, names.Match]]
    scope: Scope | None = None
    scope_rows: pd.DataFrame | None = None      # the keys the unit's rights are checked on

    @property
    def kind(self) -> str:
        return self.table.kind.name


def _connect() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


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
            source: Path | None = None, duck: duckdb.DuckDBPyConnection | None = None,
            scope: Scope | None = None) -> Iterator[Session]:
    """Read an upload of one table and stage it (table_session)."""
    with reading(data, context, kind, source, progress, scope) as (tables, _, work):
        with table_session(tables[0], data, context, work, progress, duck, scope) as staged:
            yield staged


@contextmanager
def table_session(table: Table, data: bytes, context: Context, workdir: Path, progress: Progress | None = None,
                  duck: duckdb.DuckDBPyConnection | None = None, scope: Scope | None = None) -> Iterator[Session]:
    """Load, resolve and parse one table of an upload into a DuckDB connection: a private in-memory
    one, or the store's own (so that committing is one insert ... select). Raises FileProblem for a
    table that cannot be read. What it leaves in the connection is removed on exit."""
    tell = progress or (lambda share, label: None)
    own = duck is None
    duck = _connect() if own else duck
    try:
        duck.execute(db.load_sql("stage_macros"))
        table = load.load_raw(duck, table, data, workdir, context)
        tell(0.3, "resolve")
        conv = None if table.number_column else load.convention(duck, table.kind.name)
        maps = _maps(duck, table.kind.name, context)
        tell(0.5, "parse")
        duck.execute(db.load_sql(f"stage_{table.kind.name}"), {"conv": conv, "typed": table.number_column is not None})
        duck.execute(db.load_sql(f"staged_{table.kind.name}"))
        yield Session(duck, table, conv, maps, scope)
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


LEFTOVER_SECONDS = 6 * 3600     # a private folder this old belongs to an import that was killed


@lru_cache(maxsize=1)
def clean_leftovers() -> int:
    """Remove, once per process, the private folders of imports killed hours ago; returns how many."""
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob("cantho-upload-*"):
        try:
            if folder.is_dir() and time.time() - folder.stat().st_mtime > LEFTOVER_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed


@contextmanager
def reading(data: bytes, context: Context, kind: str | None = None, source: Path | None = None,
            progress: Progress | None = None, scope: Scope | None = None) -> Iterator[tuple[list[Table], Book, Path]]:
    """The tables of an upload in a private folder (removed on exit). A kind the writer's unit may
    not write at all (DTI scores, the catalog) is refused here, before anything is staged."""
    if progress:
        progress(0.05, "read")
    clean_leftovers()
    with tempfile.TemporaryDirectory(prefix="cantho-upload-") as work:
        tables, book = read_book(data, Path(work), context.vocabulary, KINDS[kind] if kind else None, source=source)
        for table in tables:
            refusal = scope and kind_refusal(scope.unit, table.kind.name, scope.duties)
            if refusal:
                raise FileProblem("out_of_scope", "\x1f".join(refusal))
        yield tables, book, Path(work)


def validation_frame(session: Session) -> pd.DataFrame:
    """What pandera checks, fetched from the staged rows (and, for a unit's analyst, the keys its
    rights are checked on)."""
    if session.scope and session.scope.unit and session.kind in ("observations", "task_status"):
        session.scope_rows = session.duck.sql(db.load_sql(f"scope_rows_{session.kind}")).df()
    return session.duck.sql(db.load_sql(f"validation_{session.kind}")).to_arrow_table().to_pandas()


def failures(session: Session, frame: pd.DataFrame) -> pd.DataFrame:
    """pandera's verdict on the validation frame, and the rows outside the writer's rights (pure: it
    does not touch the connection)."""
    failed = schemas.failures(session.kind, frame) if len(frame) else pd.DataFrame(columns=["position", "code", "column"])
    if session.scope_rows is None or session.scope_rows.empty:
        return failed
    outside = out_of_scope(session.scope.unit, session.kind, session.scope_rows, session.scope.duties)
    if outside.empty:
        return failed
    position = pd.Series(range(len(frame)), index=frame["row_id"].to_numpy())
    outside = outside.assign(position=position.loc[outside["row_id"].to_numpy()].to_numpy(), code="out_of_scope")
    out = pd.concat([failed, outside.drop(columns="row_id")], ignore_index=True)
    out = out.assign(position=out["position"].astype("int64"))
    out.attrs = dict(failed.attrs)
    return out


def outcome(session: Session, frame: pd.DataFrame, failed: pd.DataFrame) -> Staged:
    """The Staged for a verdict: ready to commit, or the report (read from the connection)."""
    name, table = session.kind, session.table
    if len(frame) == 0:
        return Staged(name, problems=report.file_problem("no_rows"), table=table)
    if not failed.empty:
        return Staged(name, rows=len(frame), table=table, problems=explain.report_rows(session, frame, failed))
    return Staged(name, rows=len(frame), table=table)


def file_problem(problem: FileProblem, kind: str | None) -> Staged:
    """A Staged holding the report of a file that cannot be read."""
    if problem.code == "no_header" and kind:
        problem = FileProblem("kind_mismatch", ", ".join(c.header_vi for c in KINDS[kind].columns))
    rows = [{**row, "sheet": row.get("sheet") or problem.sheet} for row in problem.rows] if problem.rows else (
        [{"sheet": problem.sheet, "line": None, "column": "", "value": ""}] if problem.sheet else None)
    return Staged(kind, problems=report.file_problem(problem.code, problem.hint, rows))


def stage_table(table: Table, data: bytes, context: Context, workdir: Path,
                progress: Progress | None = None, scope: Scope | None = None, compare: Compare | None = None) -> Staged:
    """Load, resolve, parse and validate one table in a private DuckDB. While pandera checks the rows
    (Python), a worker fetches them as Arrow and compares them with the store (compare; DuckDB, which
    frees the GIL); a table with problems drops both."""
    with table_session(table, data, context, workdir, progress, scope=scope) as staged_session:
        frame = validation_frame(staged_session)
        if progress:
            progress(0.7, "validate")
        fetched = _WORKER.submit(_fetch_and_compare, staged_session.duck, table.kind.name, compare)
        try:
            failed = failures(staged_session, frame)     # pure: the worker has the connection meanwhile
        finally:
            rows, compared = fetched.result()
        staged = outcome(staged_session, frame, failed)
        if staged.problems.empty:
            staged.rows_to_commit, staged.compared = rows, compared
        return staged


def _fetch_and_compare(duck: duckdb.DuckDBPyConnection, kind: str, compare: Compare | None):
    rows = duck.sql(db.load_sql("staged_rows")).to_arrow_table()
    return rows, (compare(kind, rows) if compare else None)


def stage(data: bytes, context: Context, kind: str | None = None, progress: Progress | None = None,
          source: Path | None = None, scope: Scope | None = None, compare: Compare | None = None) -> Staged:
    """Read, resolve, parse and validate an upload in a private DuckDB; never writes to the store.
    A valid upload's rows come back as Arrow tables (one per kind), to commit later."""
    try:
        with reading(data, context, kind, source, progress, scope) as (tables, book, work):
            parts = [stage_table(table, data, context, work, progress, scope, compare) for table in tables]
    except FileProblem as problem:
        return file_problem(problem, kind)
    if len(parts) == 1:
        parts[0].book = book
        return parts[0]
    problems = [p.problems for p in parts if not p.problems.empty]
    return Staged(",".join(p.kind for p in parts), rows=sum(p.rows for p in parts), table=parts[0].table,
                  parts=parts, book=book, problems=pd.concat(problems, ignore_index=True) if problems else
                  pd.DataFrame(columns=report.REPORT_COLUMNS))
