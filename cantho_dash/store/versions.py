"""Versioned writes: every commit is one upload, written in one transaction, and reversible."""
from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection, Engine

from cantho_dash.store import engine as db
from cantho_dash.config import now
from cantho_dash.words.messages import both

FACT_TABLES = {"targets": "targets", "observations": "observations", "unit_scores": "unit_scores",
               "task_status": "task_status"}


def add_event(conn: Connection, upload_id: int, action: str, actor: str) -> None:
    """Append one line to the audit trail."""
    db.serialise(conn)
    db.execute(conn, "insert_upload_event", upload_id=upload_id, action=action, actor=actor, happened_at=now())


def record_upload(conn: Connection, *, kind: str, user: str, rows_total: int, filename: str | None = None,
                  sha256: str | None = None, counts: dict | None = None, is_demo: bool = False,
                  unit: str | None = None) -> int:
    """Create the audit row of a new upload (ids are serialised by db.WRITE_LOCK) and return its id."""
    counts = counts or {}
    db.serialise(conn)
    upload_id = db.scalar(conn, "insert_upload", kind=kind, filename=filename, sha256=sha256,
                          uploaded_by=user, uploaded_at=now(), rows_total=rows_total, rows_new=counts.get("new"),
                          rows_changed=counts.get("changed"), rows_unchanged=counts.get("unchanged"),
                          is_demo=is_demo, status="active", unit_code=unit)
    add_event(conn, upload_id, "commit", user)
    return upload_id


def commit_frame(engine: Engine, kind: str, frame: pd.DataFrame, *, user: str, filename: str | None = None,
                 sha256: str | None = None, counts: dict | None = None, is_demo: bool = False) -> int:
    """Write frame as one new upload of kind, all or nothing; return the upload id."""
    with db.WRITE_LOCK, engine.begin() as conn:
        upload_id = record_upload(conn, kind=kind, user=user, rows_total=len(frame), filename=filename,
                                  sha256=sha256, counts=counts, is_demo=is_demo)
        db.bulk_insert(conn, FACT_TABLES[kind], with_upload_id(frame, upload_id))
    return upload_id


def with_upload_id(frame, upload_id: int):
    """The rows of a DataFrame or Arrow table, stamped with their upload id."""
    if isinstance(frame, pd.DataFrame):
        return frame.assign(upload_id=upload_id)
    import pyarrow as pa

    return frame.append_column("upload_id", pa.array([upload_id] * len(frame), pa.int32()))


def clear_demo(engine: Engine, actor: str) -> int:
    """Remove the rows of every demo upload; the uploads stay in the audit as 'cleared'. Returns how many."""
    with db.WRITE_LOCK, engine.begin() as conn:
        ids = db.read(conn, "demo_upload_ids")["id"].tolist()
        for table in ("observations", "unit_scores", "task_status"):
            db.execute(conn, f"delete_demo_{table}")
        db.execute(conn, "mark_demo_cleared")
        for upload_id in ids:
            add_event(conn, int(upload_id), "clear", actor)
    return len(ids)


class UploadActionError(ValueError):
    """A rollback or restore that cannot be done; the message says why, in Vietnamese and English."""


def _upload(conn: Connection, upload_id: int) -> dict:
    found = db.read(conn, "upload_by_id", id=upload_id)
    if found.empty:
        raise UploadActionError(both("upload_unknown", upload=upload_id))
    return found.iloc[0].to_dict()


def _allowed(upload: dict, unit: str | None) -> None:
    from cantho_dash.domain.scope import may_roll_back

    if not may_roll_back(unit, upload.get("unit_code") if isinstance(upload.get("unit_code"), str) else None):
        raise UploadActionError(both("upload_not_yours", upload=upload["id"]))


def rollback(engine: Engine, upload_id: int, actor: str, unit: str | None = None) -> None:
    """Take an upload's rows out of the current values; the values it superseded come back as they were.
    unit: the actor's reporting unit (None: a city analyst, who may roll back any upload)."""
    with db.WRITE_LOCK, engine.begin() as conn:
        upload = _upload(conn, upload_id)
        _allowed(upload, unit)
        if upload["status"] != "active":
            raise UploadActionError(both("upload_not_active", upload=upload_id, status=upload["status"]))
        if upload["kind"] == "targets" and (db.scalar(conn, "active_target_catalogs") or 0) < 2:
            raise UploadActionError(both("last_catalog"))
        db.execute(conn, "set_upload_status", id=upload_id, status="rolled_back")
        add_event(conn, upload_id, "rollback", actor)


def restore(engine: Engine, upload_id: int, actor: str, unit: str | None = None) -> None:
    """Undo a rollback: the upload's rows are current again where no later upload superseded them."""
    with db.WRITE_LOCK, engine.begin() as conn:
        upload = _upload(conn, upload_id)
        _allowed(upload, unit)
        if upload["status"] != "rolled_back":
            raise UploadActionError(both("upload_not_rolled_back", upload=upload_id))
        db.execute(conn, "set_upload_status", id=upload_id, status="active")
        add_event(conn, upload_id, "restore", actor)


def history(engine: Engine) -> pd.DataFrame:
    """Every upload, newest first, with its last audit event."""
    with engine.connect() as conn:
        return db.read(conn, "uploads")
