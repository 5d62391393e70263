"""A full disk, wherever it strikes an import: the archive folder, DuckDB's file or its log, or the
PostgreSQL server. Each is one plain refusal (DiskFull) and the transaction has rolled back."""
from __future__ import annotations

import errno
from contextlib import contextmanager

from cantho_dash.words.messages import both

# What the stores say when their disk is full: DuckDB's IOException text, PostgreSQL's SQLSTATE 53100.
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_FULL_TEXTS = ("no space left on device", "disk is full", "not enough space")
_FULL_SQLSTATE = "53100"


class DiskFull(OSError):
    """A disk filled (or a folder is read-only) during an import; nothing was written."""


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether an exception, or one it was raised from, is a full disk."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DiskFull):
            return True
        if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
            return True
        if getattr(exc, "sqlstate", None) == _FULL_SQLSTATE or getattr(exc, "pgcode", None) == _FULL_SQLSTATE:
            return True
        if any(text in str(exc).lower() for text in _FULL_TEXTS):  # DuckDB: IOException, TransactionException
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
        seen += 1
    return False


def store_full(exc: BaseException) -> DiskFull:
    """The refusal for a store that could not write (its disk full), naming the store's own words."""
    first = exc
    while getattr(first, "orig", None) is not None:
        first = first.orig
    reason = str(first).splitlines()[0] if str(first) else type(first).__name__
    return DiskFull(errno.ENOSPC, both("store_full", reason=reason[:300]))


@contextmanager
def refusing_full_disk():
    """Turn a full disk met inside (the store's file, its log, a temporary folder) into DiskFull."""
    try:
        yield
    except DiskFull:
        raise
    except Exception as exc:
        if is_disk_full(exc):
            raise store_full(exc) from exc
        raise
