"""The quirk matrix: files as analysts' tools write them all land as the same exact values.

kinds x encodings x delimiters x number styles x NFC/NFD (headers in Vietnamese, English or
upper-case without diacritics, in turn), plus Excel workbooks; each case asserts every parsed value.
"""
from __future__ import annotations

import itertools

import pytest

from cantho_dash.domain import catalog
from cantho_dash.ingest import stage
from upload_files import (DELIMITERS, ENCODINGS, EXPECTED, HEADER_STYLES, NUMBER_STYLES, ROWS, encode,
                          staged_values, table, xlsx)

CASES = [(kind, enc, delim, style, form, HEADER_STYLES[i % 3])
         for i, (kind, enc, delim, style, form) in enumerate(itertools.product(
             EXPECTED, ENCODINGS, DELIMITERS, NUMBER_STYLES, ("NFC", "NFD")))]


@pytest.fixture(scope="module")
def context():
    return stage.Context(catalog.indicators(catalog.read_targets(), catalog.read_target_parts()), set(range(1, 52)))


def test_the_matrix_is_hundreds_of_files():
    assert len(CASES) >= 250


@pytest.mark.parametrize("kind, encoding, delimiter, style, form, header_style", CASES,
                         ids=["-".join(map(repr, c)) for c in CASES])
def test_every_variant_lands_exactly(context, kind, encoding, delimiter, style, form, header_style):
    data = encode(table(kind, style, header_style), encoding, delimiter, form)
    staged = stage.stage(data, context)
    assert staged.problems.empty, staged.problems.to_dict("records")
    assert staged.kind == kind
    assert staged_values(staged, kind) == sorted(EXPECTED[kind])


@pytest.mark.parametrize("kind", list(EXPECTED))
@pytest.mark.parametrize("numbers", ["typed", "text", "percent"])
def test_excel_workbooks(context, kind, numbers):
    rows = table(kind, "vn")
    if numbers != "text":
        rows = [rows[0]] + [[v for v in source] for source in ROWS[kind]]
        if numbers == "percent" and kind == "observations":  # Excel keeps 81,5% as 0.815 with a % format
            rows = [rows[0]] + [[*r[:3], r[3] / 100 if r[0] != "CQS-12" else r[3], *r[4:]] for r in rows[1:]]
    data = xlsx([["BÁO CÁO SỐ LIỆU THÁNG 10/2026"], [], *rows, [None] * 5, [None] * 5],
                percent_cells=numbers == "percent")
    staged = stage.stage(data, context)
    assert staged.problems.empty, staged.problems.to_dict("records")
    assert staged_values(staged, kind) == sorted(EXPECTED[kind])
    assert staged.table.header_line == 3  # a title row and a blank row above the header


def test_title_rows_blank_lines_and_trailing_empties_keep_excel_line_numbers(context):
    rows = [["Báo cáo tháng 10"], [], *table("observations", "vn")]
    rows[4][3] = "abc"                                  # the 2nd data row, on line 5
    data = encode(rows + [[""] * 5, [""] * 5], "utf-8-sig", ";").replace(b"\r\nKTS", b"\r\n\r\nKTS")
    staged = stage.stage(data, context)
    report = staged.problems
    assert list(report["line"]) == [5] and list(report["column"]) == ["Giá trị"]


def test_an_unsupported_encoding_is_refused_without_latin1_guess(context):
    data = "indicator_code;area;period;value\nCQS-01;Zürich ÿ;2026-10;5\n".encode("latin-1")
    report = stage.stage(data, context).problems
    assert len(report) == 1 and "Windows-1258" in report.iloc[0]["reason_vi"] and "UTF-16" in report.iloc[0]["reason_en"]


def test_ambiguous_numbers_follow_the_files_convention(context):
    head = "indicator_code;area;period;value\n"
    vn = stage.stage((head + "XHS-03;CT;2026-09;1.234\nXHS-02;CT;2026-09;12,5\nXHS-01;CT;2026-09;1.234,5\n").encode(),
                     context)
    assert not vn.problems.empty and set(vn.problems["column"]) == {"value"}  # 1.234 and 1.234,5 are > 100 %
    en = stage.stage((head + "XHS-03;CT;2026-09;1.234\nXHS-02;CT;2026-09;12.50\n").encode(), context)
    assert en.problems.empty and sorted(en.rows_to_commit.to_pandas()["value"]) == [1.234, 12.5]
    alone = stage.stage((head + "XHS-03;CT;2026-09;1.234\n").encode(), context)
    assert alone.problems.iloc[0]["reason_en"].startswith("Ambiguous number")
    comma = stage.stage((head + "XHS-03;CT;2026-09;1,234\n").encode(), context)
    assert comma.problems.empty and comma.rows_to_commit.to_pandas()["value"].tolist() == [1.234]
