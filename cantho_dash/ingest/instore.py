"""An upload of one table into a DuckDB store, staged in the store's own connection: committing is
one insert ... select, written while pandera checks the rows, and kept only when they pass."""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from sqlalchemy.engine import Engine

from cantho_dash.ingest import stage
from cantho_dash.ingest.checked import Checked, DuplicateUpload, Rejected, duplicate
from cantho_dash.ingest.compare import diff_in
from cantho_dash.store import archive
from cantho_dash.store import engine as db
from cantho_dash.store.versions import record_upload

# Work that overlaps DuckDB (which frees the GIL) with Python: hashing, archiving, writing while pandera checks.
WORKERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="cantho-ingest")


def import_table(engine: Engine, table, data: bytes, checks, work: Path, name: str, user: str,
                 hashing: Future, rights: stage.Scope, keep: Callable[[str], object]) -> Checked:
    """One table staged in the DuckDB store's own connection and committed by insert ... select;
    keep(sha256) archives the file before the transaction commits."""
    with db.WRITE_LOCK, engine.connect() as conn:
        duck = db.native(conn)
        try:
            with stage.table_session(table, data, checks, work, duck=duck, scope=rights) as session:
                sha256 = hashing.result()
                first = duplicate(engine, sha256)
                if first:
                    raise DuplicateUpload(first)
                frame = stage.validation_frame(session)
                duck.commit()  # the staging tables outlive a rolled-back write, for the report
                verdict: Future = Future()
                writing = WORKERS.submit(_write_staged, conn, session.kind, len(frame), name, sha256, user,
                                         verdict, rights.unit, lambda: keep(sha256))
                failed = None
                try:
                    failed = stage.failures(session, frame)
                finally:
                    verdict.set_result(len(frame) > 0 and failed is not None and failed.empty)
                upload_id, counts = writing.result()  # the connection is free again
                staged = stage.outcome(session, frame, failed)
                if not staged.problems.empty:
                    raise Rejected(staged.problems)
        finally:
            duck.commit()  # the staging tables' removal
    checked = Checked(staged, name, sha256, data, counts=counts, unit=rights.unit)
    checked.upload_id = upload_id
    return checked


def _write_staged(conn, kind: str, rows: int, filename: str, sha256: str, user: str, verdict: Future,
                  unit: str | None, keep: Callable[[], object]):
    """In a worker, while pandera checks: compare, write the audit row and insert the staged rows in a
    transaction, then, if the verdict is good, archive the file and commit; else roll back.
    (upload id, counts)."""
    transaction = conn.begin()
    try:
        counts, _ = diff_in(conn, kind, None, top=False)
        upload_id = record_upload(conn, kind=kind, user=user, rows_total=rows, filename=filename,
                                  sha256=sha256, counts=counts, unit=unit)
        db.execute(conn, f"insert_staged_{kind}", upload_id=upload_id)
    except Exception:
        transaction.rollback()
        if verdict.result():
            raise  # valid rows that the store refused: a real fault
        return None, None  # invalid rows may break a constraint first; pandera's report says why
    if verdict.result():
        try:
            kept = keep()           # the file is kept before its rows are: no audited upload lacks it
        except BaseException:
            transaction.rollback()
            raise
        try:
            transaction.commit()
        except BaseException:
            archive.discard(kept)   # a commit that failed (a full disk) owns no archived file
            raise
        return upload_id, counts
    transaction.rollback()
    return None, None
