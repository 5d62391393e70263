"""An upload from bytes to the store: check (stage + preview), then commit all or nothing (issue #3).

The raw file is archived under data/uploads/ by its SHA-256, never by the name it came with;
that name is kept as text in the audit only.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash import config
from cantho_dash.store import engine as db, queries
from cantho_dash.domain.catalog import CITY
from cantho_dash.ingest import report
from cantho_dash.store.versions import record_upload, with_upload_id
from cantho_dash.ingest import stage
from cantho_dash.ingest.read import FileProblem
from cantho_dash.ingest.stage import Context, Progress, Staged
from cantho_dash.facts import targets as target_facts


# Work that overlaps DuckDB (which frees the GIL) with Python: archiving, and writing while pandera checks.
_WORKERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="cantho-ingest")


class Rejected(ValueError):
    """The upload has problems; nothing was written. .report lists them."""

    def __init__(self, problems: pd.DataFrame):
        super().__init__(f"{len(problems)} problems")
        self.report = problems


class DuplicateUpload(ValueError):
    """The same file (same SHA-256) was imported before; nothing was written."""

    def __init__(self, first: dict):
        when = pd.Timestamp(first["uploaded_at"]).strftime("%H:%M %d/%m/%Y")
        vi_more = en_more = ""
        if first.get("status") == "rolled_back":
            vi_more = " Lần tải lên đó đã bị hủy; khôi phục nó trong Lịch sử tải lên (hoặc rollback --undo)."
            en_more = " That upload was rolled back; restore it from the upload history (or rollback --undo)."
        super().__init__(f"Tệp này đã được nhập lúc {when} (lần tải lên số {first['id']}, {first['uploaded_by']}); "
                         f"không thêm gì.{vi_more} / This file was already imported at {when} (upload {first['id']}, "
                         f"by {first['uploaded_by']}); nothing was added.{en_more}")
        self.first = first


@dataclass
class Checked:
    """A checked upload: its problems, or what committing it would change."""

    staged: Staged
    filename: str
    sha256: str
    data: bytes = field(repr=False)
    duplicate_of: dict | None = None
    counts: dict | None = None
    top_changes: pd.DataFrame | None = None
    status_changes: pd.DataFrame | None = None
    data_version: int | None = None     # the store's version the counts were taken against
    upload_id: int | None = None        # once committed
    unit: str | None = None             # the writer's reporting unit (None: a city analyst)

    @property
    def kind(self) -> str | None:
        return self.staged.kind

    @property
    def problems(self) -> pd.DataFrame:
        return self.staged.problems

    @property
    def ok(self) -> bool:
        """Whether commit() will write it."""
        return self.staged.ok and self.duplicate_of is None


def safe_filename(name: str | None) -> str:
    """The uploaded name as plain text for the audit: NFC, no control characters or path, at most 200 chars."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = re.sub(r"[\x00-\x1f\x7f]", "", text).replace("\\", "/").rsplit("/", 1)[-1]
    return text[:200] or "(không tên)"


def context(engine: Engine) -> Context:
    """What uploads are checked against: the current catalog (read again after every commit)."""
    return _context(engine, queries.data_version(engine))


def scope(engine: Engine, unit: str | None) -> stage.Scope:
    """The rights of a writer of that unit (None: a city analyst), against the store's catalog."""
    return stage.Scope(unit, _duties(engine, queries.data_version(engine)))


@lru_cache(maxsize=8)
def _duties(engine: Engine, version: int):
    from cantho_dash.domain.catalog import read_ward_series
    from cantho_dash.domain.scope import build_duties

    return build_duties(queries.targets(engine), queries.target_parts(engine), queries.tasks(engine),
                        queries.agencies(engine), queries.wards(engine), read_ward_series())


@lru_cache(maxsize=8)
def _context(engine: Engine, version: int) -> Context:
    return Context(lambda: target_facts.indicator_catalog(engine), lambda: set(queries.tasks(engine)["task_no"]),
                   lambda: queries.target_labels(engine), lambda: queries.tasks(engine), lambda: queries.targets(engine))


def _duplicate(engine: Engine, sha256: str) -> dict | None:
    with engine.connect() as conn:
        found = db.read(conn, "upload_by_sha", sha256=sha256)
    return None if found.empty else found.iloc[0].to_dict()


def _diff(engine: Engine, kind: str, rows, top: bool = True) -> tuple[dict, pd.DataFrame | None]:
    """(new/changed/unchanged counts, the ten biggest changes) of staged rows against current values."""
    with engine.connect() as conn:
        return _diff_in(conn, kind, rows, top)


def _diff_in(conn, kind: str, rows, top: bool = True) -> tuple[dict, pd.DataFrame | None]:
    """As _diff, on a connection; rows None: the staged rows are the view staged_rows of conn."""
    if kind == "targets":
        return _diff_targets(conn, (rows if rows is not None else db.native(conn).sql(
            db.load_sql("staged_rows")).to_arrow_table()).to_pandas())
    if db.is_duckdb(conn):
        duck = db.native(conn)
    else:  # another store: compare in DuckDB against a copy of the current values
        duck = duckdb.connect()
        duck.register(f"{kind}_current", db.read(conn, f"current_{kind}"))
    if rows is not None:
        duck.register("staged_rows", rows)
    try:
        staged_here = rows is None and kind == "observations"  # matched on the upload's integer keys
        counts = duck.execute(db.load_sql(f"diff_staged_{kind}" if staged_here else f"diff_{kind}")).df().iloc[0].to_dict()
        top = duck.execute(db.load_sql(f"diff_top_{kind}")).df() if top else None
    finally:
        if rows is not None:
            duck.unregister("staged_rows")
    return {k.removeprefix("rows_"): int(v) for k, v in counts.items()}, top


def _diff_targets(conn, new: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    current = queries.frame_targets(db.read(conn, "targets")).set_index("code")
    fields = ["plan_no", "pillar", "name_vi", "name_en", "unit", "comparator", "target_value", "deadline",
              "lead_agency", "coordinating_agencies"]
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    changes = []
    for row in new.to_dict("records"):
        if row["code"] not in current.index:
            counts["new"] += 1
            continue
        old = current.loc[row["code"]]
        differs = [f for f in fields if str(old[f] or "") != str(row[f] or "")]
        counts["changed" if differs else "unchanged"] += 1
        if "target_value" in differs:
            changes.append({"code": row["code"], "old_value": old["target_value"], "new_value": row["target_value"]})
    top = pd.DataFrame(changes, columns=["code", "old_value", "new_value"])
    return counts, top.reindex((top["new_value"] - top["old_value"]).abs().sort_values(ascending=False).index).head(10)


def _status_changes(engine: Engine, kind: str, rows, as_of: date) -> pd.DataFrame:
    """The targets whose status the upload would change, on the as-of date."""
    cols = ["code", "status_before", "status_after", "value_before", "value_after"]
    if kind not in ("observations", "targets"):
        return pd.DataFrame(columns=cols)
    before = target_facts.target_status(engine, as_of)
    if kind == "observations":
        frame = rows.to_pandas()
        city = frame[frame["area_code"] == CITY].rename(columns={"indicator_code": "code"})
        city = city.assign(period_end=pd.to_datetime(city["period_end"]).dt.date)
        after = target_facts.target_status(engine, as_of, overlay=city[["code", "period", "period_end", "value"]])
    else:
        after = target_facts.target_status(engine, as_of, targets=rows.to_pandas())
    merged = before[["code", "status", "value"]].merge(after[["code", "status", "value"]], on="code",
                                                          how="outer", suffixes=("_before", "_after"))
    return merged[merged["status_before"].fillna("") != merged["status_after"].fillna("")][cols].reset_index(drop=True)


def check(engine: Engine, data: bytes, filename: str | None = None, kind: str | None = None,
          as_of: date | None = None, progress: Progress | None = None, preview_status: bool = True,
          unit: str | None = None) -> Checked:
    """Stage an upload and preview it against the store (counts, biggest changes and, with
    preview_status, the targets whose status would change); writes nothing."""
    name = safe_filename(filename)
    sha256 = hashlib.sha256(data).hexdigest()
    limit = config.settings().max_upload_mb
    if len(data) > limit * 1024 * 1024:
        return Checked(Staged(kind, problems=report.file_problem("too_large", str(limit))), name, sha256, data)
    duplicate = _duplicate(engine, sha256)
    if duplicate:
        return Checked(Staged(duplicate["kind"]), name, sha256, data, duplicate_of=duplicate)
    version = queries.data_version(engine)
    staged = stage.stage(data, context(engine), kind, progress, scope=scope(engine, unit))
    checked = Checked(staged, name, sha256, data, data_version=version, unit=unit)
    if staged.ok:
        checked.counts, checked.top_changes = _diff_parts(engine, staged)
        if preview_status:
            checked.status_changes = pd.concat(
                [_status_changes(engine, part.kind, part.rows_to_commit, as_of or config.default_as_of())
                 for part in staged.each], ignore_index=True)
    return checked


def _diff_parts(engine: Engine, staged: Staged) -> tuple[dict, pd.DataFrame | None]:
    """The new/changed/unchanged counts of every kind of an upload, summed, and the biggest changes
    of its first kind."""
    counts, tops = {"new": 0, "changed": 0, "unchanged": 0}, []
    for part in staged.each:
        found, top = _diff(engine, part.kind, part.rows_to_commit)
        counts = {k: counts[k] + found.get(k, 0) for k in counts}
        tops.append(top)
    return counts, tops[0]


ARCHIVE_EXTENSIONS = ("csv", "xlsx", "xls", "ods", "html")


def archive(data: bytes, sha256: str, file_type: str) -> str:
    """Keep the raw bytes under the upload folder, named by their SHA-256; returns the path."""
    folder = config.settings().upload_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sha256}.{file_type if file_type in ARCHIVE_EXTENSIONS else 'csv'}"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.write_bytes(data)
        os.replace(partial, path)
    return str(path)


def _store(conn, staged: Staged, *, user: str, filename: str, sha256: str, counts: dict, unit: str | None = None) -> int:
    """The audit row and the rows of one upload (every kind it holds), inside the caller's transaction."""
    upload_id = record_upload(conn, kind=staged.kind, user=user, rows_total=sum(len(p.rows_to_commit) for p in staged.each),
                              filename=filename, sha256=sha256, counts=counts, unit=unit)
    for part in staged.each:
        db.bulk_insert(conn, part.kind, with_upload_id(part.rows_to_commit, upload_id))
    return upload_id


def commit(engine: Engine, checked: Checked, user: str) -> int:
    """Write a checked upload in one transaction (archive, audit row, rows); returns the upload id."""
    if checked.duplicate_of:
        raise DuplicateUpload(checked.duplicate_of)
    if not checked.staged.ok:
        raise Rejected(checked.problems)
    with db.WRITE_LOCK:
        first = _duplicate(engine, checked.sha256)  # another session may have committed it meanwhile
        if first:
            raise DuplicateUpload(first)
        counts = checked.counts
        if counts is None or queries.data_version(engine) != checked.data_version:
            counts, _ = _diff_parts(engine, checked.staged)  # something was committed since the check
        archived = _WORKERS.submit(archive, checked.data, checked.sha256, checked.staged.table.file_type)
        with engine.begin() as conn:
            upload_id = _store(conn, checked.staged, user=user, filename=checked.filename, sha256=checked.sha256,
                               counts=counts, unit=checked.unit)
            archived.result()  # the file is kept before the rows are: an archive never lacks a commit
    checked.upload_id = upload_id
    return upload_id


def import_file(engine: Engine, data: bytes, filename: str | None, user: str, kind: str | None = None,
                path: Path | None = None, unit: str | None = None) -> Checked:
    """Check and commit in one go: the command line's import, and what bench/ingest.py times.

    On a DuckDB store an upload of one table is staged in the store's own connection, inside the
    transaction that commits it, so that committing is one insert ... select; a rejected upload
    rolls back and leaves nothing. Raises Rejected or DuplicateUpload; returns the Checked with its
    upload_id.
    """
    name = safe_filename(filename)
    limit = config.settings().max_upload_mb
    if len(data) > limit * 1024 * 1024:
        raise Rejected(report.file_problem("too_large", str(limit)))
    # While DuckDB reads the file: hash it, and read the catalog it is checked against.
    hashing = _WORKERS.submit(lambda: hashlib.sha256(data).hexdigest())
    checks = context(engine)
    _WORKERS.submit(lambda: checks.indicator_codes)
    rights = scope(engine, unit)
    try:
        with stage.reading(data, checks, kind, source=path, scope=rights) as (tables, book, work):
            if not db.is_duckdb(engine) or len(tables) != 1:
                parts = [stage.stage_table(t, data, checks, work, scope=rights) for t in tables]
                staged = parts[0] if len(parts) == 1 else stage.Staged(
                    ",".join(p.kind for p in parts), rows=sum(p.rows for p in parts), table=parts[0].table,
                    parts=parts, problems=pd.concat([p.problems for p in parts], ignore_index=True))
                staged.book = book
                checked = Checked(staged, name, hashing.result(), data, data_version=queries.data_version(engine),
                                  unit=unit)
                if staged.ok:
                    checked.counts, _ = _diff_parts(engine, staged)
                commit(engine, checked, user)
                return checked
            checked = _import_in_store(engine, tables[0], data, checks, work, name, user, hashing, rights)
            checked.staged.book = book
            return checked
    except FileProblem as problem:
        raise Rejected(stage.file_problem(problem, kind).problems) from None


def _import_in_store(engine: Engine, table, data: bytes, checks, work: Path, name: str, user: str,
                     hashing: Future, rights: stage.Scope) -> Checked:
    """One table staged in the DuckDB store's own connection and committed by insert ... select."""
    with db.WRITE_LOCK, engine.connect() as conn:
        duck = db.native(conn)
        try:
            with stage.table_session(table, data, checks, work, duck=duck, scope=rights) as session:
                sha256 = hashing.result()
                first = _duplicate(engine, sha256)
                if first:
                    raise DuplicateUpload(first)
                frame = stage.validation_frame(session)
                duck.commit()  # the staging tables outlive a rolled-back write, for the report
                verdict: Future = Future()
                writing = _WORKERS.submit(_write_staged, conn, session.kind, len(frame), name, sha256, user,
                                          verdict, rights.unit)
                failed = None
                try:
                    failed = stage.failures(session, frame)
                finally:
                    verdict.set_result(len(frame) > 0 and failed is not None and failed.empty)
                upload_id, counts = writing.result()  # the connection is free again
                staged = stage.outcome(session, frame, failed)
                if not staged.problems.empty:
                    raise Rejected(staged.problems)
                archive(data, sha256, session.table.file_type)
        finally:
            duck.commit()  # the staging tables' removal
    checked = Checked(staged, name, sha256, data, counts=counts, unit=rights.unit)
    checked.upload_id = upload_id
    return checked


def _write_staged(conn, kind: str, rows: int, filename: str, sha256: str, user: str, verdict: Future,
                  unit: str | None = None):
    """In a worker, while pandera checks: compare, write the audit row and insert the staged rows in a
    transaction, then commit it if the verdict is good, else roll it back. (upload id, counts)."""
    transaction = conn.begin()
    try:
        counts, _ = _diff_in(conn, kind, None, top=False)
        upload_id = record_upload(conn, kind=kind, user=user, rows_total=rows, filename=filename,
                                  sha256=sha256, counts=counts, unit=unit)
        db.execute(conn, f"insert_staged_{kind}", upload_id=upload_id)
    except Exception:
        transaction.rollback()
        if verdict.result():
            raise  # valid rows that the store refused: a real fault
        return None, None  # invalid rows may break a constraint first; pandera's report says why
    if verdict.result():
        transaction.commit()
        return upload_id, counts
    transaction.rollback()
    return None, None
