"""A DuckDB file shared with other processes: only one process may hold it at a time, so an engine
on a file waits for it (a short retry on the lock) and lets it go when idle (LINGER seconds after its
last connection came back), so the command line can import while the dashboard runs, and the other way round."""
from __future__ import annotations

import atexit
import os
import threading
import time
import weakref

import duckdb
import sqlalchemy as sa
from sqlalchemy.engine import Engine

LINGER = 0.5        # seconds an idle engine keeps the file open (one page run reuses its connection)
WAIT = 60.0         # seconds a connect waits for another process to let the file go
PAUSE = 0.05


def is_lock_conflict(exc: BaseException) -> bool:
    """True for DuckDB's 'Could not set lock on file' (another process holds the file), and for its
    'Unique file handle conflict' (this process is still closing the file: its last connection is
    writing the log into it), both gone in a moment."""
    text = str(exc).lower()
    return isinstance(exc, (duckdb.Error, OSError)) and ("lock" in text or "unique file handle conflict" in text)


def share(engine: Engine, wait: float = WAIT) -> Engine:
    """Make an engine on a DuckDB file wait for the file's lock and let the file go when idle."""
    releaser = _Releaser(engine)

    @sa.event.listens_for(engine, "do_connect")
    def _connect(dialect, conn_rec, cargs, cparams):  # noqa: ARG001 - SQLAlchemy's signature
        deadline = time.monotonic() + wait
        while True:
            try:
                return dialect.connect(*cargs, **cparams)
            except Exception as exc:  # duckdb raises IOException; the wrapper may change its type
                if not is_lock_conflict(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(PAUSE)

    sa.event.listen(engine, "checkout", releaser.checked_out)
    sa.event.listen(engine, "checkin", releaser.checked_in)
    atexit.register(_close_at_exit, weakref.ref(releaser))
    return engine


def _close_at_exit(ref) -> None:
    """At exit, close the file properly (no write-ahead log left behind, no connection left over)."""
    releaser = ref()
    if releaser is not None:
        releaser.close()


class _Releaser:
    """Closes the pool's idle connections LINGER seconds after the last one came back."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.lock = threading.Lock()
        self.out = 0
        self.last = 0.0
        self.thread: threading.Thread | None = None
        self.closing = threading.Event()

    def checked_out(self, *_args) -> None:
        with self.lock:
            self.out += 1

    def checked_in(self, *_args) -> None:
        with self.lock:
            self.out = max(0, self.out - 1)
            self.last = time.monotonic()
            if self.thread is None:
                self.thread = threading.Thread(target=self._watch, name="cantho-duckdb-release", daemon=True)
                self.thread.start()

    def _watch(self) -> None:
        while True:
            with self.lock:
                idle = time.monotonic() - self.last
                if self.out == 0 and idle >= LINGER:
                    self.engine.pool.dispose()   # idle connections closed: the file is free
                    self.thread = None
                    return
            if self.closing.wait(max(PAUSE, LINGER - idle) if self.out == 0 else LINGER):
                return

    def close(self) -> None:
        """Stop watching and close every idle connection now."""
        self.closing.set()
        thread = self.thread
        if thread is not None:
            thread.join()
        self.engine.dispose()


def file_stamp(engine: Engine) -> tuple | None:
    """The DuckDB file and its write-ahead log as they lie on disk (size and time of last change, in
    nanoseconds): every commit, of this process or another, changes it, so an unchanged stamp means an
    unchanged store, known without opening the file. None for a server store or an in-memory one."""
    path = engine.url.database if engine.dialect.name == "duckdb" else None
    if not path or path == ":memory:":
        return None
    stamp = []
    for name in (path, f"{path}.wal"):
        try:
            info = os.stat(name)
            stamp.append((info.st_size, info.st_mtime_ns))
        except FileNotFoundError:
            stamp.append(None)
    return tuple(stamp)
