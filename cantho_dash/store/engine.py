"""The store: SQLAlchemy engine, named queries and bulk writes.

DuckDB is the embedded default: bulk writes and large reads go through DuckDB's own connection,
taken from the engine, and a file is shared with other processes (filelock.py). PostgreSQL is the
shared server store: bulk writes are COPY. A query's text is sql/<name>.sql, or its dialect's variant
sql/<dialect>/<name>.sql where the two disagree.
"""
from __future__ import annotations

import io
import threading
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from cantho_dash.config import SQL_DIR
from cantho_dash.store import filelock
from cantho_dash.words.messages import both, pair

JOINED = "\n"

# Writes are serialised: DuckDB rejects concurrent updates of one row, and upload ids are max()+1.
# Across processes, the DuckDB file's lock or PostgreSQL's advisory lock (serialise()) does it.
WRITE_LOCK = threading.RLock()
DIALECTS = ("duckdb", "postgresql")
COPY_BATCH = 65_536      # rows per piece of a COPY stream


class StoreLockedError(RuntimeError):
    """The DuckDB file stayed held by another process for longer than the engine waits."""

    def __init__(self, path: str):
        super().__init__(JOINED.join(pair("store_held", path=path)))
        self.path = path


def is_duckdb(bind: Engine | Connection) -> bool:
    """True when the store is DuckDB."""
    return bind.dialect.name == "duckdb"


def make_engine(url: str, wait: float = filelock.WAIT) -> Engine:
    """An engine for url. A DuckDB file: its folder created, the file shared with other processes
    (waiting up to `wait` seconds for it), and a lock still held after that made readable."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() not in DIALECTS:
        raise ValueError(both("store_unsupported", name=parsed.get_backend_name()))
    if parsed.drivername.startswith("duckdb") and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = filelock.share(sa.create_engine(url), wait=wait)
    else:
        engine = sa.create_engine(url)
    try:
        with engine.connect():
            pass
    except sa.exc.DBAPIError as exc:
        if "lock" in str(exc).lower():
            raise StoreLockedError(parsed.database or url) from None
        raise
    return engine


@lru_cache(maxsize=None)
def load_sql(name: str, dialect: str = "duckdb") -> str:
    """The text of sql/<dialect>/<name>.sql if there is one, else of sql/<name>.sql."""
    variant = SQL_DIR / dialect / f"{name}.sql"
    return (variant if variant.is_file() else SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def sql_of(bind: Engine | Connection, name: str) -> str:
    """The text of the named query for the store's dialect."""
    return load_sql(name, bind.dialect.name)


def serialise(conn: Connection) -> None:
    """Take the store's write lock for the rest of the transaction (PostgreSQL: an advisory lock
    shared by every replica; DuckDB: the file's own lock already keeps other processes out)."""
    scalar(conn, "write_lock")


def native(conn: Connection):
    """DuckDB's own connection under a SQLAlchemy connection (same transaction)."""
    return conn.connection.driver_connection


def read(conn: Connection, name: str, **params) -> pd.DataFrame:
    """Run the named query with bound parameters and return a DataFrame."""
    stmt = sa.text(sql_of(conn, name))
    if is_duckdb(conn):
        compiled = stmt.compile(dialect=conn.dialect)
        args = [params[k] for k in compiled.positiontup or []]
        return native(conn).execute(compiled.string, args).df()
    return pd.read_sql(stmt, conn, params=params)


def read_arrow(conn: Connection, name: str, **params):
    """Run the named query and return an Arrow table, each column typed as the store types it
    (a nullable integer stays an integer)."""
    import pyarrow as pa

    if is_duckdb(conn):
        stmt = sa.text(sql_of(conn, name)).compile(dialect=conn.dialect)
        return native(conn).sql(stmt.string, params=[params[k] for k in stmt.positiontup or []]).to_arrow_table()
    result = conn.execute(sa.text(sql_of(conn, name)), params)
    names, rows = list(result.keys()), result.all()
    return pa.table({n: pa.array([r[i] for r in rows]) for i, n in enumerate(names)}) if rows else \
        pa.table({n: pa.array([], pa.string()) for n in names})


def execute(conn: Connection, name: str, **params) -> None:
    """Run the named statement with bound parameters."""
    conn.execute(sa.text(sql_of(conn, name)), params)


def scalar(conn: Connection, name: str, **params):
    """The single value the named query returns."""
    # fetch everything: DuckDB 2 refuses other work on a connection with a result left unread
    rows = conn.execute(sa.text(sql_of(conn, name)), params).all()
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
    copy_csv(conn, f"copy_{table}", frame)


def copy_csv(conn: Connection, name: str, frame) -> None:
    """PostgreSQL's COPY of a whole DataFrame or Arrow table, as CSV with a header that must match
    the table's columns (sql/postgresql/<name>.sql names the table)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
    columns = table_columns(conn, name.removeprefix("copy_"))
    table = pa.table({c: table[c] if c in table.column_names else pa.nulls(len(table), pa.string())
                      for c in columns})
    buffer = io.BytesIO()
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(sql_of(conn, name)) as copy, \
            pacsv.CSVWriter(buffer, table.schema, write_options=pacsv.WriteOptions(quoting_style="needed")) as out:
        for batch in table.to_batches(max_chunksize=COPY_BATCH):   # the server parses while the next is made
            out.write_batch(batch)
            copy.write(buffer.getbuffer())
            buffer.seek(0)
            buffer.truncate()


def table_columns(conn: Connection, table: str) -> list[str]:
    """The columns of a table of the store, in order."""
    return read(conn, "table_columns", table=table)["column_name"].tolist()
