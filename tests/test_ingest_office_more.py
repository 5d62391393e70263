"""Files as city offices make them (continued): what a second independent corpus of office files
showed: plan columns under group headers, periods in titles, letterheads of former units, lines
under the table, two tables on a sheet, sheets named by ward, merged and renamed headers."""
from __future__ import annotations

import io

import pytest

from office_checks import imported, refused, stored
from office_files import WRITERS, Grid, xlsx


HEAD = ["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"]


def test_a_plan_column_under_a_group_header_is_no_figure(office_store):
    grid = Grid("BC", [["STT", "Mã chỉ tiêu", "Kế hoạch", "Thực hiện", None], [None, None, "Năm 2026", "Tháng 9/2026",
                       "Tháng 10/2026"], [1, "CQS-02", 70.0, 60.5, 62.75]],
                merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 3, 0, 4)])
    checked = imported(office_store, xlsx(grid))
    assert stored(office_store, checked.upload_id) == [("CQS-02", "CT", "2026-09", 60.5), ("CQS-02", "CT", "2026-10", 62.75)]


@pytest.mark.parametrize("title", [["BÁO CÁO THÁNG 10 VÀ THÁNG 11 NĂM 2026"],
                                   ["BÁO CÁO THÁNG 11 NĂM 2026", "Kỳ báo cáo: Tháng 10/2026"]])
def test_two_periods_in_a_title_are_a_question_not_an_answer(office_store, title):
    report = refused(office_store, xlsx(Grid("BC", [*[[t] for t in title], ["Mã chỉ tiêu", "Giá trị"], ["CQS-01", 90.0]])))
    assert "different periods" in report.iloc[0]["reason_en"]


def test_only_a_year_in_the_title_is_refused_for_monthly_figures(office_store):
    report = refused(office_store, xlsx(Grid("BC", [["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026"], ["Mã chỉ tiêu", "Giá trị"], ["CQS-01", 90.0]])))
    assert "only the year 2026" in report.iloc[0]["reason_en"]


@pytest.mark.parametrize("letterhead", [["ỦY BAN NHÂN DÂN", "HUYỆN PHONG ĐIỀN"], ["UBND QUẬN NINH KIỀU"],
                                        ["ỦY BAN NHÂN DÂN", "PHƯỜNG AN HÒA"]])
def test_a_former_unit_in_the_letterhead_is_no_area(office_store, letterhead):
    rows = [[line] for line in letterhead] + [["BÁO CÁO THÁNG 10/2026"], ["Mã chỉ tiêu", "Giá trị"], ["XHS-03", 80.0]]
    assert "former unit" in refused(office_store, xlsx(Grid("BC", rows))).iloc[0]["reason_en"]


def test_lines_under_the_table_totals_and_repeated_headers_are_skipped(office_store):
    rows = [["Kỳ báo cáo: Tháng 10/2026"], ["STT", "Xã, phường", "XHS-03", "KTS-04"], ["(1)", "(2)", "(3)", "(4)"],
            [1, "Phường Cái Khế", 81.5, 70.0], ["STT", "Xã, phường", "XHS-03", "KTS-04"], ["(1)", "(2)", "(3)", "(4)"],
            [2, "Công an phường Ninh Kiều", 82.0, None], [None, "Cộng toàn thành phố", 163.5, 70.0],
            [None, "Điểm tối đa", 100, 100], ["(1) Số liệu khảo sát của Công an thành phố, cập nhật hằng tháng."],
            ["Số liệu tính đến ngày 20/11/2026."], ["Cán bộ đầu mối: Nguyễn Văn A, điện thoại 0292 3821 111"]]
    checked = imported(office_store, xlsx(Grid("BC", rows)))
    assert stored(office_store, checked.upload_id) == [("KTS-04", "31120", "2026-10", 70.0), ("XHS-03", "31120", "2026-10", 81.5),
                                                 ("XHS-03", "31135", "2026-10", 82.0)]
    skipped = checked.staged.book.skipped
    assert skipped["totals"] == 2 and skipped["note"] == 3 and skipped["column_numbers"] == 2


def test_numbered_section_subtotals_are_skipped_as_totals(office_store):
    rows = [["Kỳ báo cáo: Tháng 10/2026"], ["STT", "Mã chỉ tiêu", "Giá trị"], ["I", "CHÍNH QUYỀN SỐ", None],
            [1, "CQS-02", 40.0], [2, "CQS-05", 30.0], [None, "Cộng I", 70.0], ["II", "XÃ HỘI SỐ", None],
            [3, "XHS-01", 60.0], [None, "Cộng mục II:", 60.0], [None, "Tổng cộng", 130.0]]
    checked = imported(office_store, xlsx(Grid("BC", rows)))
    assert stored(office_store, checked.upload_id) == [("CQS-02", "CT", "2026-10", 40.0), ("CQS-05", "CT", "2026-10", 30.0),
                                                 ("XHS-01", "CT", "2026-10", 60.0)]
    assert checked.staged.book.skipped["totals"] == 3 and checked.staged.book.skipped["heading"] == 2


def test_a_sheet_with_figures_then_tasks_and_sheets_named_by_ward(office_store):
    rows = [["Kỳ báo cáo: Tháng 10/2026"], HEAD[:1] + HEAD[3:], ["CQS-01", 95.0], [],
            ["Nhiệm vụ số", "Tình trạng", "Tiến độ (%)"], ["NV-26", "Đang thực hiện", 40]]
    checked = imported(office_store, xlsx(Grid("BC T10", rows)))
    assert stored(office_store, checked.upload_id) == [("CQS-01", "CT", "2026-10", 95.0)]
    assert stored(office_store, checked.upload_id, "task_status") == [(26, "2026-10", "in_progress", 40.0)]
    wards = [Grid(name, [["Kỳ báo cáo: Tháng 10/2026"], ["Mã chỉ tiêu", "Giá trị"], ["XHS-03", value]])
             for name, value in (("Cái Khế", 81.0), ("Ninh Kiều", 82.0))]
    checked = imported(office_store, xlsx(*wards))
    assert stored(office_store, checked.upload_id) == [("XHS-03", "31120", "2026-10", 81.0), ("XHS-03", "31135", "2026-10", 82.0)]


def test_headers_people_merge_or_name_otherwise(office_store):
    tasks = Grid("NV", [["Kỳ báo cáo: Tháng 10/2026"], ["STT", "Nhiệm vụ", "Tình trạng", None, "Tình hình thực hiện",
                                                        "Tiến độ (%)"],
                        [1, "Xây dựng, ban hành chương trình, kế hoạch công tác chuyển đổi số", "Hoàn thành", None,
                         "Đã ban hành", 100]], merges=[(1, 2, 1, 3)])
    checked = imported(office_store, xlsx(tasks))
    assert stored(office_store, checked.upload_id, "task_status") == [(1, "2026-10", "done", 100.0)]
    named = Grid("a", [["STT", "Chỉ tiêu", "Mã chỉ tiêu", "Đơn vị", "Kỳ báo cáo", "Giá trị"],
                       [1, "Kỹ năng số", "XHS-04", "%", "T.10/2026", 42.5], [2, "Chứng chỉ", "XHS-05", "%", "Tháng 10", 4.5]])
    rows = [["UBND THÀNH PHỐ CẦN THƠ"], ["SỞ NỘI VỤ"], ["BÁO CÁO NĂM 2026"], *named.rows]
    checked = imported(office_store, xlsx(Grid("a", rows)))
    assert stored(office_store, checked.upload_id) == [("XHS-04", "CT", "2026-10", 42.5), ("XHS-05", "CT", "2026-10", 4.5)]


def test_dti_pillars_as_groups_over_score_and_rank(office_store):
    grid = Grid("DTI", [["BẢNG ĐIỂM DTI NĂM 2025"], ["STT", "Đơn vị", "Chính quyền số", None, "Tổng điểm", None],
                        [None, None, "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"], [1, "Phường Cái Khế", 67.5, 10, 64.25, 9]],
                merges=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 1, 3), (1, 4, 1, 5)])
    checked = imported(office_store, xlsx(grid))
    assert stored(office_store, checked.upload_id, "unit_scores") == [("31120", "2025", "CQS", 67.5), ("31120", "2025", "TONG", 64.25)]


def test_an_ods_comment_is_not_the_cell(office_store):
    from odf.office import Annotation
    from odf.opendocument import load
    from odf.table import TableCell
    from odf.text import P

    data = WRITERS["ods"](Grid("a", [HEAD, ["XHS-03", "CT", "2026-10", 81.5]]))
    doc = load(io.BytesIO(data))
    cell = doc.spreadsheet.getElementsByType(TableCell)[0]
    note = Annotation()
    note.addElement(P(text="Tỷ lệ VNeID mức 2 / dân số"))
    cell.insertBefore(note, cell.childNodes[0])
    buffer = io.BytesIO()
    doc.save(buffer)
    checked = imported(office_store, buffer.getvalue(), "a.ods")
    assert stored(office_store, checked.upload_id) == [("XHS-03", "CT", "2026-10", 81.5)]


def test_a_bad_ward_of_a_wide_row_is_one_problem_not_one_per_figure(office_store):
    rows = [["Kỳ báo cáo: Tháng 10/2026"], ["Xã, phường", "XHS-03", "KTS-04", "CQS-01"],
            ["Phường Cái Khế", 81.5, 70.0, 90.0], ["Quận Ninh Kiều", 82.0, 71.0, 91.0]]
    problems = refused(office_store, xlsx(Grid("BC", rows)))
    assert len(problems) == 1 and problems.iloc[0]["line"] == 4 and problems.iloc[0]["value"] == "Quận Ninh Kiều"


def _xls_with_error(rows: list[list], at: tuple[int, int], error: str) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("BC")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    sheet.row(at[0]).set_cell_error(at[1], error)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
def test_an_excel_error_cell_is_refused_not_taken_for_not_reported(office_store, fmt):
    """python-calamine and xlrd read '#DIV/0!' as empty, and an empty cell of a wide table means
    'not reported': the error is refused with its cell, never dropped."""
    rows = [["Kỳ báo cáo: Tháng 10/2026"], ["Xã, phường", "XHS-03", "KTS-04"],
            ["Phường Cái Khế", 81.5, 70.0], ["Phường Ninh Kiều", None, 71.0]]
    if fmt == "xlsx":
        rows[3][1] = "#DIV/0!"                  # openpyxl writes an Excel error code as an error cell (t="e")
        data = xlsx(Grid("BC", rows))
    else:
        data = _xls_with_error(rows, (3, 1), "#DIV/0!")
    problems = refused(office_store, data)
    assert len(problems) == 1 and problems.iloc[0]["value"] == "#DIV/0!" and problems.iloc[0]["line"] == 4
    assert problems.iloc[0]["column"] == "XHS-03 (B)"
