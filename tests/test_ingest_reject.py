"""Malformed uploads: each is refused with its line, column and reason, and leaves every
table exactly as it was (checksums of every table and current view)."""
from __future__ import annotations

import copy
import itertools

import pytest

import stores
from cantho_dash.store import engine as db, queries
from cantho_dash.ingest import pipeline
from conftest import make_store
from upload_files import encode, header, table, xlsx

# (column index, bad value, words the Vietnamese or English reason contains, '|' between alternatives).
# In these files numbers have decimal commas, so '1.234' is 1234: too big for a percentage.
CELL_MUTATIONS = {
    "observations": [
        (0, "CQS-99", "Unknown indicator"), (0, "ABC", "Unknown indicator"), (0, "CQS-15", "has parts"),
        (0, "", "missing"), (0, "XHS-3x", "Unknown indicator"),
        (1, "Quận Ô Môn", "former administrative unit"), (1, "Phường An Hòa", "Phường Cái Khế"),
        (1, "Phường An Hòa, Quận Ninh Kiều", "Phường Cái Khế"), (1, "P. An Hoa - Q. Ninh Kieu", "Phường Cái Khế"),
        (1, "Hà Nội", "No such ward"), (1, "99999", "No such ward"), (1, "", "missing"),
        (2, "2026-13", "period cannot be read"), (2, "13/2026", "period cannot be read"),
        (2, "2062-11", "has not begun"), (2, "Quý I/2062", "has not begun"),
        (2, "Quý V/2026", "period cannot be read"), (2, "tháng mười", "period cannot be read"), (2, "", "missing"),
        (3, "abc", "cannot be read"), (3, "1.234", "between 0 and|from 0 to 1"), (3, "101", "between 0 and|from 0 to 1"),
        (3, "-5", "between 0 and|from 0 to 1"),
        (3, "", "missing"), (3, "12,3,4", "cannot be read"), (3, "1e5", "cannot be read"), (3, "--5", "cannot be read"),
    ],
    "unit_scores": [
        (0, "Sở Không Có", "Unknown unit"), (0, "Sở, ban, ngành", "cannot be scored"), (0, "Quận Cái Răng", "former"),
        (1, "2026-H3", "period cannot be read"), (2, "Tổng hợp", "pillar must be"), (3, "-1", "negative"),
        (3, "x", "cannot be read"), (3, "", "missing"),
    ],
    "task_status": [
        (0, "52", "No such task"), (0, "nhiệm vụ", "No such task"), (1, "", "missing"), (2, "Xong một nửa", "status must be"),
        (3, "120", "between 0 and 100"), (3, "-3", "between 0 and 100"), (3, "abc", "cannot be read"),
    ],
}
FORMATS = [("utf-8-sig", ";"), ("utf-16", "\t"), ("windows-1258", ",")]


def _cases():
    for kind, mutations in CELL_MUTATIONS.items():
        rows = len(table(kind)) - 1
        formats = FORMATS if kind == "observations" else FORMATS[:1] + [("xlsx", None)]
        for (column, bad, reason), row, (encoding, delimiter) in itertools.product(mutations, range(rows), formats):
            yield kind, column, bad, reason, row, encoding, delimiter


CASES = list(_cases())


@pytest.fixture(scope="module")
def store(tmp_path_factory, store_kind):
    """A demo store of the module's own, and its tables' fingerprint before any test."""
    url = stores.pg_store() if store_kind == "postgresql" else None
    engine = db.make_engine(url) if url else make_store(tmp_path_factory.mktemp("reject") / "store.duckdb")
    yield engine, queries.checksums(engine)
    engine.dispose()
    if url:
        stores.drop_pg_database(url)


def test_there_are_at_least_200_variants():
    assert len(CASES) >= 200


@pytest.mark.parametrize("kind, column, bad, reason, row, encoding, delimiter", CASES,
                         ids=[f"{k}-c{c}-{b!r}-r{r}-{e}" for k, c, b, _, r, e, _ in CASES])
def test_a_bad_cell_is_refused_with_line_and_column(store, monkeypatch, tmp_path, kind, column, bad, reason, row,
                                                     encoding, delimiter):
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "uploads"))
    engine, before = store
    rows = copy.deepcopy(table(kind, "vn"))
    rows[row + 1][column] = bad
    data = xlsx(rows) if encoding == "xlsx" else encode(rows, encoding, delimiter)
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, data, f"bad.{'xlsx' if encoding == 'xlsx' else 'csv'}", "tester")
    report = rejected.value.report
    hit = report[(report["line"] == row + 2) & (report["column"] == header(kind, "vi")[column])]
    assert len(hit) >= 1, report.to_dict("records")
    text = " ".join(hit["reason_vi"]) + " " + " ".join(hit["reason_en"])
    assert any(r.lower() in text.lower() for r in reason.split("|")), text
    assert (hit["value"].str.strip() == bad.strip()).any() or bad == ""
    assert queries.checksums(engine) == before
    assert not (tmp_path / "uploads").exists() or not any((tmp_path / "uploads").iterdir())


@pytest.mark.both_stores
def test_a_bad_cell_is_refused_on_postgresql_too(store, store_kind, monkeypatch, tmp_path):
    """A sample of the variants (one in 20) on PostgreSQL; DuckDB runs them all above."""
    if store_kind == "duckdb":
        pytest.skip("every variant runs on DuckDB in the test above")
    for case in CASES[::20]:
        test_a_bad_cell_is_refused_with_line_and_column(store, monkeypatch, tmp_path, *case)


@pytest.mark.both_stores
def test_a_key_twice_names_both_lines(store):
    engine, before = store
    rows = table("observations")
    data = encode(rows + [rows[2]])
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, data, "dup.csv", "tester")
    report = rejected.value.report
    assert set(report["line"]) == {3, 6}
    assert "6" in report[report["line"] == 3].iloc[0]["reason_en"] and "3" in report[report["line"] == 6].iloc[0]["reason_en"]
    assert queries.checksums(engine) == before


@pytest.mark.both_stores
@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
    ("indicator_code;area;period;value\nCQS-01;Zürich ÿ;2026-10;5\n".encode("latin-1"), "encoding"),
    (b"\x00\x01\x02\x03" * 100, "encoding"),
    ("Tên;Tuổi\nLan;30\n".encode(), "No header row"),
    ("Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\n;;;\n".encode(), "no data rows"),
    (b"PK\x03\x04not really a workbook", "Excel file cannot be opened"),
])
def test_a_file_that_cannot_be_read_is_refused_whole(store, data, reason):
    engine, before = store
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, data, "file.csv", "tester")
    report = rejected.value.report
    assert len(report) == 1 and reason.lower() in report.iloc[0]["reason_en"].lower()
    assert queries.checksums(engine) == before


@pytest.mark.both_stores
@pytest.mark.parametrize("text, line, column, reason", [
    # an unquoted decimal comma in a comma-separated file: 12 would be kept and the 3 lost
    ("indicator_code,area,period,value\r\nCQS-13,CT,2026-10,50\r\nCQS-14,CT,2026-10,12,3\r\n", 3, "E", "more cells"),
    ("Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\nCQS-13;CT;2026-10;50;;ghi chú lạc\n", 2, "E", "more cells"),
    ("indicator_code,area,period,value,Value\nCQS-13,CT,2026-10,50,60\n", None, "", "appears twice"),
    ('indicator_code,area,period,value,note\nCQS-13,CT,2026-10,50,"never closed\nCQS-14,CT,2026-10,50,x\n', 2, "",
     "never closed"),
])
def test_a_malformed_table_is_refused_where_it_breaks(store, text, line, column, reason):
    engine, before = store
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, text.encode(), "broken.csv", "tester")
    problem = rejected.value.report.iloc[0]
    assert len(rejected.value.report) == 1 and reason in problem["reason_en"]
    assert (problem["line"] if line else None) == line and problem["column"] == column
    assert queries.checksums(engine) == before


@pytest.mark.both_stores
def test_a_task_done_at_forty_percent_is_refused(store):
    engine, before = store
    text = "Nhiệm vụ số;Kỳ báo cáo;Tình trạng;Tiến độ (%)\n12;10/2026;Hoàn thành;40\n14;10/2026;Hoàn thành;100\n"
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, text.encode(), "tasks.csv", "tester")
    report = rejected.value.report
    assert report[["line", "column", "value"]].values.tolist() == [[2, "Tiến độ (%)", "40"]]
    assert "100%" in report.iloc[0]["reason_en"] and queries.checksums(engine) == before


@pytest.mark.both_stores
def test_a_line_break_in_a_cell_and_an_unknown_column_are_fine(store):
    engine, _ = store
    text = 'indicator_code,area,period,value,note,Người nhập\r\nCQS-13,CT,2026-10,50,"dòng một\r\ndòng hai",Lan\r\n'
    checked = pipeline.check(engine, text.encode(), "note.csv")
    assert checked.ok, checked.problems.to_dict("records")
    assert checked.staged.rows_to_commit.to_pylist()[0]["note"] == "dòng một\ndòng hai"
    assert checked.staged.table.ignored == ["Người nhập"]


@pytest.mark.both_stores
def test_a_forced_kind_that_does_not_match_says_what_it_expects(store):
    engine, before = store
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, encode(table("observations")), "obs.csv", "tester", kind="unit_scores")
    assert "Đơn vị" in rejected.value.report.iloc[0]["reason_vi"]
    assert queries.checksums(engine) == before


@pytest.mark.both_stores
def test_a_file_over_the_limit_is_refused(store, monkeypatch):
    engine, before = store
    monkeypatch.setenv("CANTHO_MAX_UPLOAD_MB", "1")
    data = encode(table("observations")) + b"\r\n" * (1024 * 1024)
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(engine, data, "big.csv", "tester")
    assert "1 MB" in rejected.value.report.iloc[0]["reason_en"]
    assert queries.checksums(engine) == before
