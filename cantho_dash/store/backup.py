"""Backup and restore: a consistent snapshot of every table (one transaction: DuckDB's snapshot, or
PostgreSQL's repeatable read), the upload archive and the accounts file, in a folder:

    manifest.json          schema version, store, when, each table's rows and fingerprint
    tables/<table>.parquet every row of every table
    uploads/               the archived original files
    users.json             the accounts file

Restoring fills an empty store (or, forced, replaces what a store holds) in one transaction."""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from sqlalchemy.engine import Engine

from cantho_dash import config
from cantho_dash.store import engine as db
from cantho_dash.store import migrate, queries
from cantho_dash.words.messages import both

# In the order a restore writes them.
TABLES = ("meta", "pillars", "agencies", "wards", "tasks", "target_parts", "target_labels", "uploads",
          "upload_events", "targets", "observations", "unit_scores", "task_status")
FORMAT = "cantho-backup/1"


class BackupError(ValueError):
    """A backup that cannot be made or restored; the message says why, in Vietnamese and English."""


@dataclass
class Snapshot:
    """What a backup holds: rows per table, files archived, accounts kept."""

    folder: Path
    rows: dict[str, int]
    files: int
    accounts: bool


def _snapshot(engine: Engine):
    """A connection that sees one state of the store for as long as it is open."""
    if db.is_duckdb(engine):
        return engine.connect()
    return engine.connect().execution_options(isolation_level="REPEATABLE READ")


def backup(engine: Engine, out: Path) -> Snapshot:
    """Write the store, its upload archive and its accounts file into the folder out (new or empty)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BackupError(both("backup_not_empty", folder=out))
    (out / "tables").mkdir(parents=True, exist_ok=True)
    rows = {}
    with _snapshot(engine) as conn:
        for table in TABLES:
            frame = db.read_arrow(conn, f"dump_{table}")
            pq.write_table(frame, out / "tables" / f"{table}.parquet")
            rows[table] = len(frame)
        checks = db.read(conn, "store_checksums")
        conn.rollback()
    files = _copy_files(config.settings().upload_dir, out / "uploads")
    accounts = config.settings().users_file
    if accounts.is_file():
        shutil.copyfile(accounts, out / "users.json")
    manifest = {"format": FORMAT, "schema_version": migrate.SCHEMA_VERSION, "store": engine.dialect.name,
                "made_at": config.now().isoformat(), "rows": rows, "files": files,
                "checksums": {r.name: [int(r.row_count), int(r.checksum)] for r in checks.itertuples()}}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return Snapshot(out, rows, files, accounts.is_file())


def restore(engine: Engine, folder: Path, force: bool = False) -> Snapshot:
    """Bring a backup back into the store (empty, or with force, replaced), its archive and accounts."""
    folder = Path(folder)
    manifest = _manifest(folder)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        held = db.scalar(conn, "upload_count")
    if held and not force:
        raise BackupError(both("restore_not_empty", uploads=held))
    rows = {}
    with db.WRITE_LOCK, engine.begin() as conn:
        db.serialise(conn)
        for table in reversed(TABLES):
            db.execute(conn, f"clear_{table}")
        for table in TABLES:
            frame = pq.read_table(folder / "tables" / f"{table}.parquet")
            if table == "meta":   # this release's schema, not the backup's: it was brought up to date above
                frame = frame.filter(pc.invert(pc.is_in(frame["key"], pa.array(["schema_version", "schema_sha256"]))))
            db.bulk_insert(conn, table, frame)
            rows[table] = len(frame)
        migrate.stamp(conn)
    files = _copy_files(folder / "uploads", config.settings().upload_dir)
    accounts = (folder / "users.json").is_file()
    if accounts:
        target = config.settings().users_file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / "users.json", target)
    queries.data_version(engine)
    return Snapshot(folder, rows, files, accounts)


def _manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(both("restore_not_backup", folder=folder)) from None
    if manifest.get("format") != FORMAT or manifest.get("schema_version", 0) > migrate.SCHEMA_VERSION:
        raise BackupError(both("restore_other_release", folder=folder))
    missing = [t for t in TABLES if not (folder / "tables" / f"{t}.parquet").is_file()]
    if missing:
        raise BackupError(both("restore_missing", tables=", ".join(missing)))
    return manifest


def _copy_files(source: Path, target: Path) -> int:
    """The archived files (named by their SHA-256) missing from the target folder are written there;
    returns how many files the source holds."""
    if not source.is_dir():
        return 0
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in source.iterdir():
        if path.is_file() and not path.name.endswith(".partial"):
            count += 1
            if not (target / path.name).exists():
                shutil.copyfile(path, target / path.name)
    return count
