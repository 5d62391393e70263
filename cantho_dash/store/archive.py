"""The upload archive: every committed file's original bytes under the upload folder, named by
their SHA-256 (never by the name they came with), kept before the rows that came from them."""
from __future__ import annotations

import os

from cantho_dash import config

EXTENSIONS = ("csv", "xlsx", "xls", "ods", "html")


def keep(data: bytes, sha256: str, file_type: str) -> str:
    """Keep the raw bytes (written whole, then renamed into place); returns the path."""
    folder = config.settings().upload_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sha256}.{file_type if file_type in EXTENSIONS else 'csv'}"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.write_bytes(data)
        os.replace(partial, path)
    return str(path)


def find(sha256: str | None) -> tuple[bytes, str] | None:
    """The archived bytes of a file and their extension, found by its SHA-256; None if not kept."""
    if not sha256:
        return None
    for ext in EXTENSIONS:
        path = config.settings().upload_dir / f"{sha256}.{ext}"
        if path.is_file():
            return path.read_bytes(), ext
    return None
