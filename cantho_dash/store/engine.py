"""The store: SQLAlchemy engine, schema bootstrap, named queries and bulk writes.

DuckDB is the embedded default. Bulk writes and large reads go through DuckDB's own
connection, taken from the engine (a second plain duckdb.connect() on the same file fails
inside one process). Any other SQLAlchemy URL works through plain SQLAlchemy.
"""
from __future__ import annotations

import threading
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from cantho_dash.config import SQL_DIR

# Writes are serialised: DuckDB rejects concurrent updates of one row, and upload ids are max()+1.
WRITE_LOCK = threading.RLock()


class StoreLockedError(RuntimeError):
    """The DuckDB file is held read-write by another process (usually the running dashboard)."""

    def __init__(self, path: str):
        super().__init__(
            f"Cơ sở dữ liệu {path} đang được một tiến trình khác (thường là dashboard đang chạy) mở. "
            "Hãy dừng dashboard rồi chạy lại lệnh, hoặc thực hiện thao tác này trên giao diện web.\n"
            f"The database {path} is open in another process (usually the running dashboard). "
            "Stop the dashboard and run the command again, or do this in the web interface.")
        self.path = path


def is_duckdb(bind: Engine | Connection) -> bool:
    """True when the store is DuckDB."""
    return bind.dialect.name == "duckdb"


def make_engine(url: str) -> Engine:
    """An engine for url, with the DuckDB file's folder created and a lock conflict made readable."""
    parsed = sa.engine.make_url(url)
    if parsed.drivername.startswith("duckdb") and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as exc:
        if "lock" in str(exc).lower():
            raise StoreLockedError(parsed.database or url) from None
        raise
    return engine


@lru_cache(maxsize=None)
def load_sql(name: str) -> str:
    """The text of sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def native(conn: Connection):
    """DuckDB's own connection under a SQLAlchemy connection (same transaction)."""
    return conn.connection.driver_connection


def read(conn: Connection, name: str, **params) -> pd.DataFrame:
    """Run the named query with bound parameters and return a DataFrame."""
    stmt = sa.text(load_sql(name))
    if is_duckdb(conn):
        compiled = stmt.compile(dialect=conn.dialect)
        args = [params[k] for k in compiled.positiontup or []]
        return native(conn).execute(compiled.string, args).df()
    return pd.read_sql(stmt, conn, params=params)


def execute(conn: Connection, name: str, **params) -> None:
    """Run the named statement with bound parameters."""
    conn.execute(sa.text(load_sql(name)), params)


def scalar(conn: Connection, name: str, **params):
    """The single value the named query returns."""
    # fetch everything: DuckDB 2 refuses other work on a connection with a result left unread
    rows = conn.execute(sa.text(load_sql(name)), params).all()
    return rows[0][0] if rows else None


def bulk_insert(conn: Connection, table: str, frame) -> None:
    """Insert a whole DataFrame or Arrow table at once (never row by row); columns are matched by name."""
    if len(frame) == 0:
        return
    if is_duckdb(conn):
        raw = native(conn)
        raw.register("staged_rows", frame)
        try:
            raw.execute(load_sql(f"insert_{table}"))
        finally:
            with suppress(Exception):  # an aborted transaction refuses this too; keep the first error
                raw.unregister("staged_rows")
        return
    if not isinstance(frame, pd.DataFrame):
        frame = frame.to_pandas()
    target = sa.table(table, *(sa.column(c) for c in frame.columns))
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    conn.execute(target.insert(), records)


def apply_schema(engine: Engine) -> None:
    """Create the tables and (re)create the views of sql/schema.sql."""
    # Comments may hold ';', so they go before the split (the schema has no '--' inside strings).
    text = "\n".join(line.split("--", 1)[0] for line in load_sql("schema").splitlines())
    with engine.begin() as conn:
        for statement in filter(None, (s.strip() for s in text.split(";"))):
            conn.exec_driver_sql(statement)
