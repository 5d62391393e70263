"""A disk that fills while the store itself writes (DuckDB's file or its log), not only the archive:
a plain refusal in both languages, the store and the archive folder unchanged, and the store usable
once space is freed. And the recogniser of a full disk, on what each store raises."""
from __future__ import annotations

import errno
import subprocess

import pytest

from cantho_dash.store import faults
from conftest import make_store

def _csv() -> bytes:
    """City-wide rows of four indicators for every month since 2000, each a new value."""
    codes = ["CQS-01", "CQS-02", "KTS-01", "XHS-01"]
    lines = ["Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị"]
    n = 0
    for year in range(2000, 2027):
        for month in range(1, 13 if year < 2026 else 11):
            for code in codes:
                lines.append(f"{code};CT;{month:02d}/{year};{(n % 97) + 1},5")
                n += 1
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def _fill(folder) -> None:
    """Fill the mount to its last byte (dd stops at 'No space left on device')."""
    subprocess.run(["dd", "if=/dev/zero", f"of={folder / 'filler'}", "bs=64k"], capture_output=True)


def test_a_store_whose_disk_fills_refuses_plainly_and_keeps_nothing(tmp_path, monkeypatch):
    from cantho_dash.ingest import pipeline
    from cantho_dash.store import queries

    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("no tmpfs can be mounted here")
    archive_dir = tmp_path / "archive"
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(archive_dir))
    engine = make_store(mount / "store.duckdb")
    try:
        version = queries.data_version(engine)
        before = queries.checksums(engine)
        _fill(mount)
        data = _csv()
        with pytest.raises(faults.DiskFull) as refused:
            pipeline.import_file(engine, data, "nam.csv", "lan")
        text = refused.value.strerror
        assert "ổ đĩa đã đầy" in text and "Không có gì được ghi" in text and "Nothing was written" in text
        assert "Traceback" not in text
        assert queries.data_version(engine) == version
        assert queries.checksums(engine) == before
        assert not archive_dir.exists() or not list(archive_dir.iterdir())   # no archive without its upload
        (mount / "filler").unlink()
        done = pipeline.import_file(engine, data, "nam.csv", "lan")      # space freed: the same file goes in
        assert done.upload_id and queries.data_version(engine) != version
        assert len(list(archive_dir.iterdir())) == 1
    finally:
        engine.dispose()
        subprocess.run(["umount", str(mount)], capture_output=True)


class _Driver(Exception):
    sqlstate = "53100"


class _Wrapped(Exception):
    def __init__(self, orig):
        super().__init__(str(orig))
        self.orig = orig


@pytest.mark.parametrize("exc, full", [
    (OSError(errno.ENOSPC, "No space left on device"), True),
    (_Wrapped(Exception('IO Error: Could not write file "x.duckdb": No space left on device')), True),
    (_Wrapped(Exception("TransactionContext Error: Failed to commit: ... No space left on device")), True),
    (_Wrapped(_Driver("could not extend file")), True),                   # PostgreSQL's disk_full
    (_Wrapped(Exception("duplicate key value violates unique constraint")), False),
    (OSError(errno.EACCES, "Permission denied"), False),
    (ValueError("bad"), False),
])
def test_a_full_disk_is_recognised_from_what_each_store_raises(exc, full):
    assert faults.is_disk_full(exc) is full


def test_store_full_names_the_store_s_own_words_in_both_languages():
    refusal = faults.store_full(_Wrapped(Exception('IO Error: Could not write file "s.duckdb": No space left')))
    assert isinstance(refusal, faults.DiskFull) and refusal.errno == errno.ENOSPC
    assert "s.duckdb" in refusal.strerror and " / " in refusal.strerror


def test_a_full_staging_folder_refuses_the_preview_plainly(tmp_path, monkeypatch):
    """The preview (the Upload page's check, the command line's --dry-run) stages the file in a
    temporary folder: when that disk is full, the same plain refusal, never a traceback."""
    import tempfile

    from cantho_dash.ingest import pipeline

    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("no tmpfs can be mounted here")
    engine = make_store(tmp_path / "store.duckdb")
    try:
        _fill(mount)
        monkeypatch.setattr(tempfile, "tempdir", str(mount))
        with pytest.raises(faults.DiskFull) as refused:
            pipeline.check(engine, _csv(), "nam.csv")
        assert "Không có gì được ghi" in refused.value.strerror and "Nothing was written" in refused.value.strerror
    finally:
        engine.dispose()
        subprocess.run(["umount", str(mount)], capture_output=True)
