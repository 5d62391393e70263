"""Vietnamese text keys, periods, and Vietnamese number formatting."""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from cantho_dash.words.formats import fmt_date, fmt_decimal, fmt_number, fmt_percent, fmt_target, fmt_value
from cantho_dash.domain.periods import Period, PeriodError, parse_period
from cantho_dash.domain.vntext import fold, key, nfc


def test_nfc_and_keys():
    nfd = unicodedata.normalize("NFD", "Phường Cái Khế")
    assert nfd != "Phường Cái Khế" and nfc(nfd) == "Phường Cái Khế"
    assert fold("Đồng Tháp") == "dong thap"
    assert key("P. Cái Khế") == key("p cai khe") == "pcaikhe"
    assert nfc(None) == "" and nfc(float("nan")) == "" and nfc("  a \t b ") == "a b"


@pytest.mark.parametrize("text, code", [
    ("2026-03", "2026-03"), ("03/2026", "2026-03"), ("3/2026", "2026-03"), ("T3/2026", "2026-03"),
    ("Tháng 3/2026", "2026-03"), ("tháng 03/2026", "2026-03"), ("2026-Q1", "2026-Q1"), ("Q1/2026", "2026-Q1"),
    ("Quý I/2026", "2026-Q1"), ("Quý IV/2026", "2026-Q4"), ("2026-H1", "2026-H1"), ("H2/2026", "2026-H2"),
    ("2026", "2026"), ("Năm 2026", "2026"), (2026, "2026"), ("6 tháng đầu năm 2026", "2026-H1"),
    ("01/03/2026", "2026-03"), ("1/11/2026", "2026-11"), ("2026-03-01", "2026-03"), ("2026-11-01 00:00:00", "2026-11"),
])
def test_period_forms(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize("text", ["2026-13", "T13/2026", "Q5/2026", "Quý V/2026", "abc", "", "2026-Q0", "H3/2026",
                                  "11/1/2026", "15/11/2026", "2026-11-15"])  # a day that is not the 1st
def test_bad_periods(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_period_bounds_and_labels():
    q = Period(2026, "Q", 1)
    assert (q.start, q.end) == (date(2026, 1, 1), date(2026, 3, 31))
    assert Period(2028, "M", 2).end == date(2028, 2, 29)
    assert Period(2026, "H", 1).end == date(2026, 6, 30)
    assert q.label() == "Quý I/2026" and q.label("en") == "Q1 2026"
    assert Period(2026, "M", 12).label() == "Tháng 12/2026"


def test_vietnamese_number_format():
    assert fmt_number(76.46) == "76,5"
    assert fmt_percent(76.46) == "76,5%"
    assert fmt_number(1234567.891, 2) == "1.234.567,89"
    assert fmt_percent(76.46, lang="en") == "76.5%"
    assert fmt_number(None) == "–" and fmt_number(float("nan")) == "–"
    assert fmt_value(0.85, "milestone") == "Đang triển khai (85%)"
    assert fmt_value(1.0, "milestone", "en") == "Done"
    assert fmt_date(date(2026, 11, 25)) == "25/11/2026"
    assert fmt_target(">=", 80, "%") == "≥ 80,0%" and fmt_target(">", 50, "%", "en") == "> 50.0%"
    assert fmt_target(">=", 1, "milestone") == "Đã hoàn thành"
    assert fmt_decimal(98.9) == "98,9" and fmt_decimal(100.0) == "100" and fmt_decimal(1234.5, 6, "en") == "1,234.5"
    assert fmt_decimal(1000.0) == "1.000" and fmt_decimal(None) == "–" and fmt_decimal(100, 0) == "100"


def test_a_name_from_a_file_or_the_store_stays_text_where_streamlit_reads_markdown():
    import re

    from cantho_dash.words.formats import md_literal

    hostile = "![x](http://127.0.0.1:9/p.png)\n<img src=x onerror=alert(1)> [Bấm](http://a/) **đậm** # Tiêu đề :red[đỏ]"
    shown = md_literal(hostile)
    assert re.search(r"(?<!\\)[][()<>*#:!_`|~$=&]", shown) is None      # every markdown character escaped
    assert "\n" not in shown and re.sub(r"\\(.)", r"\1", shown) == " ".join(hostile.split())
    assert md_literal("Sở Khoa học và Công nghệ") == "Sở Khoa học và Công nghệ"


@pytest.mark.parametrize("text, status", [
    ("Chưa triển khai", "not_started"), ("đang thực hiện", "in_progress"), ("Đang triển khai", "in_progress"),
    ("HOÀN THÀNH", "done"), ("Đã hoàn thành", "done"), ("Vướng mắc", "blocked"), ("Gặp khó khăn", "blocked"),
    ("Tạm dừng", None), ("Chậm tiến độ", None), ("Đang xem xét", None), ("", None),
])
def test_a_task_status_is_one_of_the_four_or_refused(text, status):
    """A status word outside the four (and their plain synonyms) is refused, never guessed:
    'Tạm dừng' (paused) is a decision, not an obstacle."""
    from cantho_dash.ingest.resolve import resolve_task_status

    found = resolve_task_status(text)
    assert found.code == status and (found.problem == "unknown_status") == (status is None)


def test_shortened_names_never_read_the_same():
    from cantho_dash.domain.vntext import distinct_cuts

    common = "Tham mưu xây dựng Nghị quyết của HĐND thành phố quy định tiêu chí, điều kiện, trình tự, thủ tục, nội dung và mức hỗ trợ "
    names = [common + "phát triển nhân lực công nghiệp công nghệ số", common + "từ ngân sách địa phương cho dự án chip",
             "Phát động phong trào thi đua", "Ngắn"]
    cuts = distinct_cuts(names, 60)
    assert len(set(cuts)) == 4 and all(len(c) <= 60 for c in cuts)
    assert cuts[0].startswith("Tham mưu xây dựng") and "… " in cuts[0] and "phát triển nhân lực" in cuts[0]
    assert "từ ngân sách" in cuts[1]
    assert cuts[2:] == names[2:]                                   # the others as they are
    assert distinct_cuts(["Một nhiệm vụ rất dài " * 10], 30) == [("Một nhiệm vụ rất dài " * 10)[:29].rstrip() + "…"]
