"""Files as city offices make them: report-style sheets, wide layouts, every sheet of a workbook,
.xls/.ods/HTML, names and periods as typed, and what must be refused cheaply. Each file is
generated here; the values stored are compared exactly, and a refused file leaves the office_store as it was."""
from __future__ import annotations

import io
import resource
import time
import zipfile
from datetime import datetime

import pytest

from cantho_dash.store import versions
from cantho_dash.ingest import summary as read_summary
from office_files import LETTERHEAD, SIGNATURES, WRITERS, Grid, html_table, xlsx

from office_checks import imported, refused, stored


# --- wrong data that used to be stored silently -------------------------------------------------

@pytest.mark.parametrize("town, became", [
    ("Thị trấn Châu Thành", "Xã Phú Tâm"), ("Thị trấn Cù Lao Dung", "Xã An Thạnh"),
    ("Thị trấn Thới Lai", "Xã Thới Lai"), ("TT Phong Điền", "Xã Phong Điền"), ("Thị trấn Kế Sách", "Xã Kế Sách"),
    ("TT. Kế Sách", "Xã Kế Sách")])
def test_a_former_town_is_refused_with_the_commune_it_became(office_store, town, became):
    data = f"Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nXHS-03;{town};10/2026;80,5\r\n".encode("utf-8-sig")
    report = refused(office_store, data, "a.csv")
    assert report.iloc[0]["value"] == town and became in report.iloc[0]["reason_vi"]
    assert "former" in report.iloc[0]["reason_en"]


def test_a_hidden_sheet_is_never_read(office_store):
    old = Grid("Tháng 9 (cũ)", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "CT", "2026-09", 11.0]],
               hidden=True)
    new = Grid("Tháng 10", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "CT", "2026-10", 99.5]])
    checked = imported(office_store, xlsx(old, new))
    assert stored(office_store, checked.upload_id) == [("CQS-01", "CT", "2026-10", 99.5)]
    assert ("Tháng 9 (cũ)", "hidden") in checked.staged.book.left
    assert any("Tháng 9 (cũ) (hidden)" in en for _, en in read_summary.lines(checked.staged.book))


def test_every_sheet_goes_in_as_one_upload_and_the_left_out_ones_are_named(office_store):
    figures = Grid("Số liệu", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["XHS-03", "Phường Cái Khế", "T10/2026", 81.5]])
    tasks = Grid("Nhiệm vụ", [["Nhiệm vụ số", "Kỳ báo cáo", "Tình trạng", "Tiến độ (%)"], ["NV-26", "10/2026", "Đang thực hiện", 60]])
    notes = Grid("Hướng dẫn", [["Điền số liệu tháng vào trang Số liệu."]])
    checked = imported(office_store, xlsx(figures, tasks, notes))
    assert checked.kind == "observations,task_status"
    assert stored(office_store, checked.upload_id) == [("XHS-03", "31120", "2026-10", 81.5)]
    assert stored(office_store, checked.upload_id, "task_status") == [(26, "2026-10", "in_progress", 60.0)]
    assert ("Hướng dẫn", "no_table") in checked.staged.book.left
    assert versions.history(office_store).iloc[0]["kind"] == "observations,task_status"


def test_a_year_workbook_reads_every_month_sheet(office_store):
    sheets = [Grid(f"T{m}", [["BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ NĂM 2026"], [],
                              ["STT", "Mã chỉ tiêu", "Giá trị"], [1, "CQS-01", 80.0 + m]]) for m in (9, 10, 11)]
    checked = imported(office_store, xlsx(*sheets))
    assert stored(office_store, checked.upload_id) == [("CQS-01", "CT", f"2026-{m:02d}", 80.0 + m) for m in (9, 10, 11)]


def test_a_workbook_with_a_broken_sheet_is_refused_whole_naming_the_sheet(office_store):
    good = Grid("T10", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "CT", "2026-10", 95.0]])
    bad = Grid("T11", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "Phường Không Có", "2026-11", 96.0]])
    report = refused(office_store, xlsx(good, bad))
    assert report[["sheet", "line", "column"]].values.tolist() == [["T11", 2, "Địa bàn"]]


def test_the_same_key_on_two_sheets_is_refused_with_both_places(office_store):
    header = ["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"]
    report = refused(office_store, xlsx(Grid("A", [header, ["CQS-01", "CT", "2026-10", 95.0]]),
                                 Grid("B", [header, ["CQS-01", "CT", "2026-10", 96.0]])))
    assert set(report["sheet"]) == {"A", "B"} and "(B)" in report.iloc[0]["reason_en"]


# --- layouts offices use ------------------------------------------------------------------------

def _ward_report() -> Grid:
    rows = [*LETTERHEAD,
            ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Kết quả thực hiện", "Ghi chú"],
            ["(1)", "(2)", "(3)", "(4)", "(5)"],
            ["I", "CHÍNH QUYỀN SỐ"],
            [1, "CQS-01", "Thủ tục hành chính trực tuyến toàn trình", 97.5, None],
            ["II", "XÃ HỘI SỐ"],
            [2, "XHS–03", "Người dân có tài khoản VNeID", 81.25, "tạm tính"],
            [3, "XHS-09", "Hồ sơ sức khỏe điện tử", 93.0, None],
            [None, "Tổng cộng", None, 271.75, None],
            *SIGNATURES]
    return Grid("Báo cáo", rows)


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_ward_report_with_letterhead_sections_totals_and_signatures(office_store, fmt):
    checked = imported(office_store, WRITERS[fmt](_ward_report()), f"bao_cao.{fmt}")
    assert stored(office_store, checked.upload_id) == [("CQS-01", "31120", "2026-11", 97.5), ("XHS-03", "31120", "2026-11", 81.25),
                                                 ("XHS-09", "31120", "2026-11", 93.0)]
    book = checked.staged.book
    assert book.skipped["totals"] == 1 and book.skipped["heading"] == 2 and book.skipped["column_numbers"] == 1
    assert book.skipped["signature"] >= 5
    text = " ".join(vi for vi, _ in read_summary.lines(book))
    assert "1 dòng tổng cộng" in text and "Phường Cái Khế" in text and "Tháng 11/2026" in text


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods", "html"])
def test_ward_and_period_cells_merged_down_the_rows(office_store, fmt):
    grid = Grid("Số liệu", [["Địa bàn", "Kỳ báo cáo", "Mã chỉ tiêu", "Giá trị"],
                            ["Phường Cái Khế", "Tháng 10/2026", "XHS-03", 81.5], [None, None, "KTS-04", 70.25],
                            [None, None, "XHS-09", 90.0], ["Xã Phong Điền", None, "XHS-03", 64.0]],
                merges=[(1, 0, 3, 0), (1, 1, 4, 1)])
    data = html_table(grid) if fmt == "html" else WRITERS[fmt](grid)
    checked = imported(office_store, data, f"a.{'xls' if fmt == 'html' else fmt}")
    assert stored(office_store, checked.upload_id) == [("KTS-04", "31120", "2026-10", 70.25), ("XHS-03", "31120", "2026-10", 81.5),
                                                 ("XHS-03", "31299", "2026-10", 64.0), ("XHS-09", "31120", "2026-10", 90.0)]


def test_a_two_row_grouped_header(office_store):
    grid = Grid("Số liệu", [["STT", "Chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Kết quả thực hiện", None],
                            [None, None, None, None, "Giá trị", "Ghi chú"],
                            [1, "XHS-03", "CT", "10/2026", 79.5, "ước"]],
                merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 0, 5)])
    checked = imported(office_store, xlsx(grid))
    assert stored(office_store, checked.upload_id) == [("XHS-03", "CT", "2026-10", 79.5)]


@pytest.mark.parametrize("months", [
    ["T1", "T2", "T3"], ["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026"], ["01/2026", "02/2026", "03/2026"],
    [datetime(2026, 1, 1), datetime(2026, 2, 1), datetime(2026, 3, 1)]])
@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_months_as_columns(office_store, months, fmt):
    grid = Grid("2026", [["BÁO CÁO CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026"], [],
                         ["STT", "Chỉ tiêu", "Đơn vị tính", *months],
                         [1, "XHS-03", "%", 68.0, 69.5, None], [2, "KTS-04", "%", None, 58.25, 59.0]])
    checked = imported(office_store, WRITERS[fmt](grid), f"a.{fmt}")
    assert stored(office_store, checked.upload_id) == [("KTS-04", "CT", "2026-02", 58.25), ("KTS-04", "CT", "2026-03", 59.0),
                                                 ("XHS-03", "CT", "2026-01", 68.0), ("XHS-03", "CT", "2026-02", 69.5)]


def test_a_wide_cell_that_is_not_a_number_is_refused_with_its_line_and_column_letter(office_store):
    grid = Grid("2026", [["Mã chỉ tiêu", "Địa bàn", "Tháng 9/2026", "Tháng 10/2026"], ["XHS-03", "CT", 78.0, "đang tổng hợp"]])
    report = refused(office_store, xlsx(grid))
    assert report[["line", "column", "value"]].values.tolist() == [[2, "Tháng 10/2026 (D)", "đang tổng hợp"]]


def test_months_without_a_year_are_refused_saying_what_was_found(office_store):
    report = refused(office_store, xlsx(Grid("Số liệu", [["Chỉ tiêu", "T1", "T2"], ["XHS-03", 1.0, 2.0]])))
    assert "months as columns" in report.iloc[0]["reason_en"] and "year" in report.iloc[0]["reason_en"]


def test_indicators_as_columns_with_the_period_in_the_title(office_store):
    grid = Grid("Xã phường", [["BẢNG TỔNG HỢP SỐ LIỆU CÁC XÃ, PHƯỜNG"], ["Kỳ báo cáo: Tháng 10/2026"], [],
                              ["STT", "Mã xã", "Tên xã, phường", "XHS-03", "KTS-04 (%)",
                               "Hồ sơ sức khỏe điện tử"], [1, "31120", "Phường Cái Khế", 81.5, 70.0, None],
                              [2, "３１１３５", "Phường Ninh Kiều (mới)", None, 66.5, 92.0],
                              [None, None, "Tổng cộng", 81.5, 136.5, 92.0]])
    checked = imported(office_store, xlsx(grid))
    assert stored(office_store, checked.upload_id) == [("KTS-04", "31120", "2026-10", 70.0), ("KTS-04", "31135", "2026-10", 66.5),
                                                 ("XHS-03", "31120", "2026-10", 81.5), ("XHS-09", "31135", "2026-10", 92.0)]


def test_dti_scores_with_pillars_as_columns(office_store):
    grid = Grid("DTI", [["BẢNG ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM 2025"],
                        ["STT", "Đơn vị", "CQS", "KTS", "XHS", "Tổng điểm", "Xếp hạng"],
                        [1, "Sở Khoa học & Công nghệ", 70.0, 60.0, 65.0, 66.0, 1],
                        [2, "Công an TP Cần Thơ", 60.5, 55.0, 50.0, 56.0, 2],
                        [3, "UBND phường Ninh Kiều", 58.0, 52.0, 49.0, 54.1, 3]])
    checked = imported(office_store, xlsx(grid))
    rows = stored(office_store, checked.upload_id, "unit_scores")
    assert ("SKHCN", "2025", "TONG", 66.0) in rows and ("CATP", "2025", "CQS", 60.5) in rows
    assert ("31135", "2025", "XHS", 49.0) in rows and len(rows) == 12


def test_an_html_table_saved_as_xls(office_store):
    grid = Grid("x", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "CT", "Tháng 11 năm 2026", 99.25],
                      ["XHS-03", "Xã Phong Điền, thành phố Cần Thơ", "tháng 11/2026", "1.234"]])
    report = refused(office_store, html_table(grid), "export.xls")   # '1.234' alone is ambiguous: never guessed
    assert report.iloc[0]["value"] == "1.234"
    grid.rows[2][3] = "64,5"
    checked = imported(office_store, html_table(grid), "export.xls")
    assert stored(office_store, checked.upload_id) == [("CQS-01", "CT", "2026-11", 99.25), ("XHS-03", "31299", "2026-11", 64.5)]


def test_names_codes_and_periods_as_people_type_them(office_store):
    rows = [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"],
            ["XHS–03", "Phường Ninh Kiều, TP. Cần Thơ", "Tháng 11 năm 2026", 80.0],
            ["KTS‑04", "３１１２０", "11-2026", 70.0],
            ["XHS-09", "UBND phường Cái Khế", "Quý III năm 2026", 90.0],
            ["CQS-01", "CT", "6 tháng đầu năm 2026", 95.0],
            ["CQS-02", "toàn thành phố", "Năm 2025", 50.0]]
    checked = imported(office_store, xlsx(Grid("a", rows)))
    assert stored(office_store, checked.upload_id) == [("CQS-01", "CT", "2026-H1", 95.0), ("CQS-02", "CT", "2025", 50.0),
                                                 ("KTS-04", "31120", "2026-11", 70.0), ("XHS-03", "31135", "2026-11", 80.0),
                                                 ("XHS-09", "31120", "2026-Q3", 90.0)]
    tasks = [["STT", "Nhiệm vụ", "Kỳ báo cáo", "Tình trạng", "Tiến độ"], [1, "NV-26", "10/2026", "Hoàn thành", "100%"],
             [2, "27.", "10/2026", "Đang thực hiện", 40], [3, "Nhiệm vụ 28", "10/2026", "Vướng mắc", 10]]
    checked = imported(office_store, xlsx(Grid("b", tasks)))
    assert [r[:3] for r in stored(office_store, checked.upload_id, "task_status")] == [
        (26, "2026-10", "done"), (27, "2026-10", "in_progress"), (28, "2026-10", "blocked")]


def test_percent_formats_are_read_as_shown(office_store):
    grid = Grid("a", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["XHS-03", "CT", "2026-10", 0.9725],
                      ["KTS-04", "CT", "2026-10", 97.25], ["CQS-12", "CT", "2026-10", 0.5]],
                percent={(1, 3), (3, 3)}, formats={(2, 3): '0.00"%"'})
    for fmt in ("xlsx", "xls", "ods"):
        if fmt != "xlsx":
            grid.formats = {}
        checked = imported(office_store, WRITERS[fmt](grid), f"p.{fmt}")
        assert stored(office_store, checked.upload_id)[:3] == [("CQS-12", "CT", "2026-10", 0.5), ("KTS-04", "CT", "2026-10", 97.25),
                                                         ("XHS-03", "CT", "2026-10", 97.25)]
        grid.rows.append(["XHS-09", "CT", f"2026-0{len(grid.rows)}", 90.0])   # another file each time


# --- refused cheaply ----------------------------------------------------------------------------

def test_a_decompression_bomb_is_refused_before_it_is_read(office_store):
    buffer = io.BytesIO()
    base = zipfile.ZipFile(io.BytesIO(xlsx(Grid("a", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"],
                                                      ["CQS-01", "CT", "2026-10", "x"]]))))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in base.infolist():
            if info.filename != "xl/sharedStrings.xml":
                bomb.writestr(info, base.read(info))
        with bomb.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            for _ in range(40):
                out.write(b"A" * (1 << 24))
            out.write(b"</t></si></sst>")
    start, peak = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = refused(office_store, buffer.getvalue())
    assert time.perf_counter() - start < 30 and "unpacks" in report.iloc[0]["reason_en"]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 300 * 1024


def test_a_sheet_with_a_far_away_cell_is_refused_instead_of_exhausting_memory(office_store):
    grid = Grid("a", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "CT", "2026-10", 99.0]])
    data = xlsx(grid)
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    book.active.cell(row=1_048_576, column=16_384, value="x")
    buffer = io.BytesIO()
    book.save(buffer)
    report = refused(office_store, buffer.getvalue())
    assert "too large" in report.iloc[0]["reason_en"]


def test_a_password_protected_workbook_says_so(office_store):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(xlsx(Grid("a", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "CT", "2026-10", 9.0]])))
    locked = io.BytesIO()
    OOXMLFile(plain).encrypt("mật khẩu", locked)
    report = refused(office_store, locked.getvalue())
    assert "password" in report.iloc[0]["reason_en"] and "mật khẩu" in report.iloc[0]["reason_vi"]


def test_a_header_without_an_indicator_column_says_what_it_found(office_store):
    report = refused(office_store, xlsx(Grid("a", [["Xã phường", "Tháng 9/2026", "Tháng 10/2026"], ["Phường Cái Khế", 1.0, 2.0]])))
    assert report.iloc[0]["reason_en"].startswith("The table has months as columns but no indicator column")


# --- found by a second, independent corpus --------------------------------------------------------
