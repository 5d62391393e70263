"""An upload from bytes to the store, the one path of the Upload page, the entry form, the command
line and the benchmark: check() stages and previews it and writes nothing; commit() and
import_file() write it all or nothing, checked again against the store as it is then.

The raw file is archived under the upload folder by its SHA-256, never by the name it came with
(that name is kept as text in the audit only), and before the rows it brought are committed.
"""
from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash import config
from cantho_dash.facts import targets as target_facts
from cantho_dash.ingest import compare, instore, report, stage
from cantho_dash.ingest.checked import Checked, DuplicateUpload, Rejected, duplicate, safe_filename
from cantho_dash.ingest.read import FileProblem
from cantho_dash.ingest.stage import Context, Progress, Staged
from cantho_dash.store import archive, faults, queries
from cantho_dash.store import engine as db
from cantho_dash.store.versions import record_upload, with_upload_id

__all__ = ["Checked", "DuplicateUpload", "Rejected", "check", "commit", "context", "import_file", "safe_filename",
           "scope"]


def context(engine: Engine) -> Context:
    """What uploads are checked against: the current catalog (read again after every commit)."""
    return _context(engine, queries.data_version(engine))


def scope(engine: Engine, unit: str | None) -> stage.Scope:
    """The rights of a writer of that unit (None: a city analyst, who may write everything and needs
    no duties read), against the store's catalog."""
    return stage.Scope(unit, None if unit is None else _duties(engine, queries.data_version(engine)))


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


def check(engine: Engine, data: bytes, filename: str | None = None, kind: str | None = None,
          as_of: date | None = None, progress: Progress | None = None, preview_status: bool = True,
          unit: str | None = None) -> Checked:
    """Stage an upload and preview it against the store (counts, biggest changes and, with
    preview_status, the targets whose status would change); writes nothing to the store. Raises
    DiskFull when the staging folder fills."""
    with faults.refusing_full_disk():
        return _check(engine, data, filename, kind, as_of, progress, preview_status, unit)


def _check(engine: Engine, data: bytes, filename: str | None, kind: str | None, as_of: date | None,
           progress: Progress | None, preview_status: bool, unit: str | None) -> Checked:
    name = safe_filename(filename)
    sha256 = hashlib.sha256(data).hexdigest()
    limit = config.settings().max_upload_mb
    if len(data) > limit * 1_000_000:      # megabytes as the upload page counts them (50 MB: 50,000,000 bytes)
        return Checked(Staged(kind, problems=report.file_problem("too_large", str(limit))), name, sha256, data)
    first = duplicate(engine, sha256)
    if first:
        return Checked(Staged(first["kind"]), name, sha256, data, duplicate_of=first)
    version = queries.data_version(engine)
    staged = stage.stage(data, context(engine), kind, progress, scope=scope(engine, unit),
                         compare=lambda part_kind, rows: compare.diff(engine, part_kind, rows))
    # A refused file is never committed: the session keeping its report need not keep its bytes too.
    checked = Checked(staged, name, sha256, data if staged.ok else b"", data_version=version, unit=unit,
                      requested=kind)
    if staged.ok:
        checked.counts, checked.top_changes = compare.diff_parts(engine, staged)
        if preview_status:
            checked.status_changes = pd.concat(
                [compare.status_changes(engine, part.kind, part.rows_to_commit, as_of or config.default_as_of())
                 for part in staged.each], ignore_index=True)
    return checked


def commit(engine: Engine, checked: Checked, user: str) -> int:
    """Write an upload the writer has checked and confirmed. The file goes through import_file, so it
    is checked again against the store as it is now (another session may have committed since);
    returns the upload id. Raises Rejected or DuplicateUpload and then writes nothing."""
    if checked.duplicate_of:
        raise DuplicateUpload(checked.duplicate_of)
    if not checked.staged.ok:
        raise Rejected(checked.problems)
    done = import_file(engine, checked.data, checked.filename, user, checked.requested, unit=checked.unit)
    checked.upload_id, checked.counts = done.upload_id, done.counts
    return done.upload_id


def import_file(engine: Engine, data: bytes, filename: str | None, user: str, kind: str | None = None,
                path: Path | None = None, unit: str | None = None) -> Checked:
    """Check and write in one go: what commit(), the command line's import and bench/ingest.py run.

    On a DuckDB store an upload of one table is staged in the store's own connection, inside the
    transaction that commits it (instore.py); a rejected upload rolls back and leaves nothing.
    Raises Rejected, DuplicateUpload or DiskFull (a full disk anywhere: the archive, the store, the
    staging folder); returns the Checked with its upload_id.
    """
    with faults.refusing_full_disk():
        return _import(engine, data, filename, user, kind, path, unit)


def _import(engine: Engine, data: bytes, filename: str | None, user: str, kind: str | None,
            path: Path | None, unit: str | None) -> Checked:
    name = safe_filename(filename)
    limit = config.settings().max_upload_mb
    if len(data) > limit * 1_000_000:      # megabytes as the upload page counts them (50 MB: 50,000,000 bytes)
        raise Rejected(report.file_problem("too_large", str(limit)))
    # While DuckDB reads the file: hash it, and read the catalog it is checked against.
    hashing = instore.WORKERS.submit(lambda: hashlib.sha256(data).hexdigest())
    checks = context(engine)
    instore.WORKERS.submit(lambda: checks.indicator_codes)
    rights = scope(engine, unit)
    try:
        with stage.reading(data, checks, kind, source=path, scope=rights) as (tables, book, work):
            if db.is_duckdb(engine) and len(tables) == 1:
                keep = lambda sha256: archive.keep(data, sha256, tables[0].file_type)  # noqa: E731
                checked = instore.import_table(engine, tables[0], data, checks, work, name, user, hashing, rights, keep)
                checked.staged.book = book
                return checked
            parts = [stage.stage_table(t, data, checks, work, scope=rights) for t in tables]
    except FileProblem as problem:
        raise Rejected(stage.file_problem(problem, kind).problems) from None
    staged = parts[0] if len(parts) == 1 else stage.Staged(
        ",".join(p.kind for p in parts), rows=sum(p.rows for p in parts), table=parts[0].table,
        parts=parts, problems=pd.concat([p.problems for p in parts], ignore_index=True))
    staged.book = book
    checked = Checked(staged, name, hashing.result(), data, unit=unit, requested=kind)
    _write(engine, checked, user)
    return checked


def _write(engine: Engine, checked: Checked, user: str) -> None:
    """Write staged rows (every kind of the upload) in one transaction: archive, audit row, rows."""
    if not checked.staged.ok:
        raise Rejected(checked.problems)
    with db.WRITE_LOCK:
        first = duplicate(engine, checked.sha256)  # another session may have committed it meanwhile
        if first:
            raise DuplicateUpload(first)
        counts, _ = compare.diff_parts(engine, checked.staged)
        archived = instore.WORKERS.submit(archive.keep, checked.data, checked.sha256, checked.staged.table.file_type)
        staged = checked.staged
        try:
            with engine.begin() as conn:
                upload_id = record_upload(conn, kind=staged.kind, user=user, filename=checked.filename,
                                          rows_total=sum(len(p.rows_to_commit) for p in staged.each),
                                          sha256=checked.sha256, counts=counts, unit=checked.unit)
                for part in staged.each:
                    db.bulk_insert(conn, part.kind, with_upload_id(part.rows_to_commit, upload_id))
                archived.result()  # the file is kept before the rows are: an archive never lacks a commit
        except BaseException:
            if archived.exception() is None:
                archive.discard(archived.result())  # the rows did not go in: no upload owns the file
            raise
    checked.upload_id, checked.counts = upload_id, counts
