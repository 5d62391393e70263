"""The store's schema version and its upgrades: sql/migrations/NNN_*.sql, applied in order, in one
transaction, to a store made by an older release (a DuckDB file is copied beside itself first), then
sql/schema.sql (tables not yet there, views made again). Every row is kept.

The version is meta.schema_version (a store without it was made before versions: 0); the digest of
the schema and migrations is meta.schema_sha256, so that a changed view is made again at the next start.
"""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from cantho_dash.config import SQL_DIR, now
from cantho_dash.store import engine as db
from cantho_dash.words.messages import both

MIGRATIONS = SQL_DIR / "migrations"


def migrations() -> list[tuple[int, str, Path]]:
    """(number, name, path) of every migration, in order."""
    found = []
    for path in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:3]), path.stem[4:], path))
    return found


SCHEMA_VERSION = max((n for n, _, _ in migrations()), default=0)


def digest() -> str:
    """The SHA-256 of schema.sql and every migration: a changed view or table shows up in it."""
    hashing = hashlib.sha256(db.load_sql("schema").encode())
    for _, _, path in migrations():
        hashing.update(path.read_bytes())
    return hashing.hexdigest()


@dataclass
class Upgrade:
    """What upgrade() found and did."""

    before: int | None                        # None: a new, empty store
    after: int = SCHEMA_VERSION
    applied: list[str] = field(default_factory=list)
    backup: Path | None = None
    schema_applied: bool = False

    @property
    def new(self) -> bool:
        return self.before is None


def state(engine: Engine) -> tuple[int | None, str | None]:
    """(schema version, digest) of the store; (None, None) for an empty store."""
    with engine.connect() as conn:
        if not db.scalar(conn, "table_exists", table="meta"):
            return None, None
        version = db.scalar(conn, "meta_value", key="schema_version")
        return (int(version) if version is not None else 0), db.scalar(conn, "meta_value", key="schema_sha256")


def upgrade(engine: Engine) -> Upgrade:
    """Bring the store up to date: nothing when it already is; otherwise (after a copy of a DuckDB
    file beside it, when migrations are due) the migrations and the schema in one transaction."""
    version, seen = state(engine)
    report = Upgrade(before=version)
    if version is not None and version > SCHEMA_VERSION:
        raise RuntimeError(both("schema_newer", found=version, ours=SCHEMA_VERSION))
    if version == SCHEMA_VERSION and seen == digest():
        return report
    with db.WRITE_LOCK:
        due = [m for m in migrations() if version is not None and m[0] > version]
        if due and db.is_duckdb(engine):
            report.backup = _copy_beside(engine, version)
        with engine.begin() as conn:
            db.serialise(conn)
            for number, name, path in due:
                _run_script(conn, path.read_text(encoding="utf-8"))
                report.applied.append(f"{number:03d}_{name}")
            _run_script(conn, db.load_sql("schema"))
            stamp(conn)
        report.schema_applied = True
    return report


def stamp(conn: Connection) -> None:
    """Record in the store that its schema is this release's (version and digest)."""
    for key, value in (("schema_version", str(SCHEMA_VERSION)), ("schema_sha256", digest())):
        db.execute(conn, "delete_meta", key=key)
        db.execute(conn, "set_meta", key=key, value=value)


def _run_script(conn: Connection, text: str) -> None:
    """Every statement of a script (comments go before the split: they may hold ';')."""
    text = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    for statement in filter(None, (s.strip() for s in text.split(";"))):
        conn.exec_driver_sql(statement)


def _copy_beside(engine: Engine, version: int) -> Path:
    """A copy of the DuckDB file before its upgrade: <name>.v<version>-<time>.bak beside it."""
    source = Path(sa.engine.make_url(str(engine.url)).database)
    target = source.with_name(f"{source.name}.v{version}-{now():%Y%m%d-%H%M%S}.bak")
    with engine.connect() as conn:       # held while copying: no other process can write meanwhile
        db.execute(conn, "checkpoint")
        conn.commit()
        shutil.copyfile(source, target)
    return target
