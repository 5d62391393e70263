"""Versioned writes: every commit is one upload, written in one transaction, and reversible."""
from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection, Engine

from .. import db
from ..config import now

FACT_TABLES = {"targets": "targets", "observations": "observations", "unit_scores": "unit_scores",
               "task_status": "task_status"}


def add_event(conn: Connection, upload_id: int, action: str, actor: str) -> None:
    """Append one line to the audit trail."""
    event_id = (db.scalar(conn, "max_event_id") or 0) + 1
    db.execute(conn, "insert_upload_event", id=event_id, upload_id=upload_id, action=action, actor=actor, happened_at=now())


def record_upload(conn: Connection, *, kind: str, user: str, rows_total: int, filename: str | None = None,
                  sha256: str | None = None, counts: dict | None = None, is_demo: bool = False) -> int:
    """Create the audit row of a new upload and return its id."""
    counts = counts or {}
    upload_id = (db.scalar(conn, "max_upload_id") or 0) + 1
    db.execute(conn, "insert_upload", id=upload_id, kind=kind, filename=filename, sha256=sha256,
               uploaded_by=user, uploaded_at=now(), rows_total=rows_total, rows_new=counts.get("new"),
               rows_changed=counts.get("changed"), rows_unchanged=counts.get("unchanged"), is_demo=is_demo,
               status="active")
    add_event(conn, upload_id, "commit", user)
    return upload_id


def commit_frame(engine: Engine, kind: str, frame: pd.DataFrame, *, user: str, filename: str | None = None,
                 sha256: str | None = None, counts: dict | None = None, is_demo: bool = False) -> int:
    """Write frame as one new upload of kind, all or nothing; return the upload id."""
    with db.WRITE_LOCK, engine.begin() as conn:
        upload_id = record_upload(conn, kind=kind, user=user, rows_total=len(frame), filename=filename,
                                  sha256=sha256, counts=counts, is_demo=is_demo)
        db.bulk_insert(conn, FACT_TABLES[kind], frame.assign(upload_id=upload_id))
    return upload_id


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
