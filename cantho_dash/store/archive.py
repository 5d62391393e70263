"""The upload archive: every committed file's original bytes under the upload folder, named by
their SHA-256 (never by the name they came with), kept before the rows that came from them."""
from __future__ import annotations

import os
import time
from pathlib import Path

from cantho_dash import config
from cantho_dash.store.faults import DiskFull
from cantho_dash.words.messages import both

# An archived file younger than this may belong to an import still writing (in another process).
ORPHAN_AGE = 600.0

EXTENSIONS = ("csv", "xlsx", "xls", "ods", "html")

__all__ = ["DiskFull", "EXTENSIONS", "clean", "discard", "find", "keep"]


def keep(data: bytes, sha256: str, file_type: str) -> Path | None:
    """Keep the raw bytes: written whole to a temporary name, flushed to the disk, renamed to its
    SHA-256 and the folder flushed too, so that a crash after it leaves the whole file or none.
    The writers call it before their transaction commits. Returns the path if this call wrote it
    (None if it was kept already), for discard() when the commit then fails."""
    folder = config.settings().upload_dir
    path = folder / f"{sha256}.{file_type if file_type in EXTENSIONS else 'csv'}"
    partial = path.with_suffix(".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if path.exists():
            return None
        with open(partial, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
        _sync_folder(folder)
    except OSError as exc:       # the caller's transaction rolls back: no audit row, no rows, no partial file
        partial.unlink(missing_ok=True)
        raise DiskFull(exc.errno, both("disk_full", folder=str(folder), reason=exc.strerror or str(exc))) from exc
    return path


def discard(path: Path | None) -> None:
    """Remove a file keep() has just written whose commit then failed: no upload owns it."""
    if path is not None:
        path.unlink(missing_ok=True)


def _sync_folder(folder) -> None:
    """Flush a folder's entries (the rename) to the disk, where the system allows it (not Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def find(sha256: str | None) -> tuple[bytes, str] | None:
    """The archived bytes of a file and their extension, found by its SHA-256; None if not kept."""
    if not sha256:
        return None
    for ext in EXTENSIONS:
        path = config.settings().upload_dir / f"{sha256}.{ext}"
        if path.is_file():
            return path.read_bytes(), ext
    return None


def clean(kept: set[str], age: float = ORPHAN_AGE) -> list[str]:
    """At start: remove the archived files of no committed upload (a crash between the archive and
    the commit, or a rolled-back write) and leftover partial files, once older than `age` seconds.
    kept: the SHA-256 of every upload in the store. Returns the names removed."""
    folder = config.settings().upload_dir
    if not folder.is_dir():
        return []
    removed, cutoff = [], time.time() - age
    for path in folder.iterdir():
        sha256, _, ext = path.name.partition(".")
        ours = ext == "partial" or (ext in EXTENSIONS and len(sha256) == 64)
        if ours and path.is_file() and sha256 not in kept and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path.name)
    return removed
