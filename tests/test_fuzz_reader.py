"""The reader under hostile bytes: random and mutated files, truncated office files, every kind of line
ending and stray quotes, and names with control characters. Each gives a Checked (accepted, or refused
with its problems), never an exception; what a run found is kept as a fixed case."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cantho_dash.ingest import pipeline

GOOD = ("Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị;Ghi chú\r\nCQS-01;CT;11/2026;99,7;a\r\n"
        "KTS-02;CT;11/2026;59,4;\"b;c\"\r\n").encode("utf-8-sig")
HEADER = "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị"


def _zip(member: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


FIXED = {
    "bare_cr": f"{HEADER}\rCQS-01;CT;11/2026;99\r".encode(),
    "cr_inside_a_field": f"{HEADER}\r\nCQS-01;C\rT;11/2026;99\r\n".encode(),
    "mixed_endings": f"{HEADER}\nCQS-01;CT;11/2026;99\r\nKTS-02;CT;11/2026;5\r".encode(),
    "unclosed_quote": f'{HEADER}\r\n"CQS-01;CT;11/2026;99\r\n'.encode(),
    "nul_bytes": b"M\x00a;b\r\n\x00\x00",
    "empty": b"",
    "bom_only": b"\xef\xbb\xbf",
    "truncated_zip": _zip("xl/workbook.xml", b"<x/>")[:40],
    "zip_without_a_sheet": _zip("xl/workbook.xml", b"<x/>"),
    "truncated_good": GOOD[:57],
}


def _checked(engine, data: bytes, name: str = "so_lieu.csv") -> pipeline.Checked:
    checked = pipeline.check(engine, data, name)
    assert checked.ok or len(checked.problems) or checked.duplicate_of
    return checked


@pytest.mark.parametrize("case", sorted(FIXED))
def test_a_hostile_file_is_refused_or_read_never_an_exception(fresh_engine, case):
    _checked(fresh_engine, FIXED[case])


@pytest.mark.parametrize("name", ["a\x00b.csv", "..\\..\\x.csv", "\r\n.csv", "x" * 500 + ".csv", ""])
def test_a_hostile_file_name_is_only_a_label(fresh_engine, name):
    checked = _checked(fresh_engine, GOOD, name)
    assert "\x00" not in checked.filename and "/" not in checked.filename and "\\" not in checked.filename


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, len(GOOD)), st.sampled_from([b"\r", b"\n", b'"', b";", b"\x00",
                                                                             b"\xff", b"=", b""])), max_size=8),
       cut=st.integers(0, len(GOOD)))
def test_mutated_files_never_raise(fresh_engine, edits, cut):
    data = bytearray(GOOD[: max(cut, 1)])
    for at, piece in edits:
        data[at:at + (0 if piece else 1)] = piece
    _checked(fresh_engine, bytes(data))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_random_bytes_never_raise(fresh_engine, data):
    _checked(fresh_engine, data)


def _bomb(rows: int, row: bytes) -> bytes:
    """An .xlsx whose sheet's cells carry no references (valid OOXML) and repeat a row."""
    from office_files import Grid, xlsx

    base = zipfile.ZipFile(io.BytesIO(xlsx(Grid("T11", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"]]))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            data = base.read(info.filename)
            if "worksheets/sheet1" in info.filename:
                head, tail = data.split(b"</sheetData>")
                data = head + row * rows + b"</sheetData>" + tail
            archive.writestr(info.filename, data)
    return buffer.getvalue()


@pytest.mark.parametrize("rows, row, reason", [
    (500_000, b"<row><c/><c/><c/><c/></row>", "Trang tính quá lớn"),                       # 2M cells, 15 MB
    (1_700_000, b'<row><c t="inlineStr"><is><t>KTS-02 CT 11/2026</t></is></c></row>', "bung ra")])  # 116 MB
def test_a_workbook_bomb_without_cell_references_is_refused_before_it_is_read(fresh_engine, rows, row, reason):
    data = _bomb(rows, row)
    assert len(data) < 2_000_000
    checked = pipeline.check(fresh_engine, data, "bom.xlsx")
    assert not checked.ok and reason in checked.problems["reason_vi"].iloc[0]


def test_a_file_of_repeated_keys_stops_being_checked_after_a_thousand_problems(fresh_engine):
    data = (HEADER + "\r\n" + "CQS-01;CT;11/2026;99,5\r\n" * 60_000).encode("utf-8-sig")
    checked = pipeline.check(fresh_engine, data, "lap.csv")
    assert not checked.ok and len(checked.problems) == 1_001
    assert "đã dừng kiểm tra sau 20.000 dòng đầu" in checked.problems["reason_vi"].iloc[-1]


def test_a_key_repeated_across_the_checked_chunks_is_still_found(fresh_engine):
    months = [f"{m}/2026" for m in range(1, 13)]
    lines = [f"CQS-0{1 + i % 9};CT;{months[(i // 9) % 12]};{i % 90},5" for i in range(108)]
    assert len({(line.split(";")[0], line.split(";")[2]) for line in lines}) == 108
    rows = [*lines, lines[0]]
    from cantho_dash.ingest import schemas

    saved = schemas.CHUNK
    schemas.CHUNK = 50                                     # the last line is in a chunk of its own
    try:
        checked = pipeline.check(fresh_engine, (HEADER + "\r\n" + "\r\n".join(rows) + "\r\n").encode("utf-8-sig"),
                                 "trung.csv")
    finally:
        schemas.CHUNK = saved
    assert not checked.ok
    assert set(checked.problems["line"]) == {2, 110}
    assert checked.problems["reason_vi"].str.contains("Trùng khóa").all()


def test_the_private_folders_of_killed_imports_are_removed(tmp_path, monkeypatch):
    import os
    import tempfile

    from cantho_dash.ingest import stage

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old, new = tmp_path / "cantho-upload-old", tmp_path / "cantho-upload-running"
    old.mkdir()
    new.mkdir()
    os.utime(old, (0, 0))
    stage.clean_leftovers.cache_clear()
    assert stage.clean_leftovers() == 1 and not old.exists() and new.exists()
    stage.clean_leftovers.cache_clear()


def _damaged(data: bytes, member_part: str, how: str) -> bytes:
    """An office file with one member damaged: a byte of its compressed data changed, or the size
    its directory entries declare made smaller than what it unpacks to."""
    book = zipfile.ZipFile(io.BytesIO(data))
    info = next(i for i in book.infolist() if member_part in i.filename)
    out = bytearray(data)
    if how == "byte":
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        out[start + info.compress_size // 2] ^= 0x55
    else:   # the local header's and the central directory's uncompressed size: 10 bytes
        for at in (info.header_offset + 22, data.rindex(info.filename.encode(), 0, data.rindex(b"PK\x05\x06")) - 22):
            out[at:at + 4] = (10).to_bytes(4, "little")
    return bytes(out)


@pytest.mark.parametrize("make, member", [("xlsx", "worksheets/sheet1"), ("ods", "content.xml")])
@pytest.mark.parametrize("how", ["byte", "size"])
def test_a_damaged_office_file_is_refused_plainly(fresh_engine, make, member, how):
    import office_files
    from office_files import Grid

    rows = [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"]] + [["CQS-01", "CT", f"{m}/2026", "9"] for m in range(1, 11)]
    data = _damaged(getattr(office_files, make)(Grid("T11", rows)), member, how)
    checked = pipeline.check(fresh_engine, data, f"hong.{make}")
    assert not checked.ok and "tệp hỏng" in checked.problems["reason_vi"].iloc[0]


def test_growing_chunks_still_find_every_failure_late_in_a_file(fresh_engine, monkeypatch):
    """Chunks double while rows pass: failures far into the file are found, each on its line."""
    from cantho_dash.ingest import schemas

    monkeypatch.setattr(schemas, "CHUNK", 10)
    monkeypatch.setattr(schemas, "BIGGEST_CHUNK", 40)
    periods = [f"{m}/{y}" for y in range(2010, 2026) for m in range(1, 13)]
    lines = [f"CQS-0{1 + i % 9};CT;{periods[i // 9]};{i % 90},5" for i in range(300)]
    lines[250] = lines[250].rsplit(";", 1)[0] + ";180"        # a percentage over 100, Excel line 252
    lines[290] = lines[290].rsplit(";", 1)[0] + ";abc"        # not a number, line 292
    checked = pipeline.check(fresh_engine, (HEADER + "\r\n" + "\r\n".join(lines) + "\r\n").encode("utf-8-sig"), "dai.csv")
    assert not checked.ok and list(checked.problems["line"]) == [252, 292]


def test_an_error_cell_takes_its_value_from_its_own_element_only():
    """A valueless error cell (self-closing) is an error, never its neighbour's number."""
    from cantho_dash.ingest import sheetxml

    xml = (b'<worksheet><sheetData><row r="3"><c r="B3" t="e"/><c r="C3"><v>5</v></c>'
           b'<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData></worksheet>')
    book = zipfile.ZipFile(io.BytesIO(_zip("xl/worksheets/sheet1.xml", xml)))
    scan = sheetxml.scan_sheet(book, "xl/worksheets/sheet1.xml", "S", set())
    assert scan.errors == {(2, 1): sheetxml.UNKNOWN_ERROR, (2, 3): "#DIV/0!"}
