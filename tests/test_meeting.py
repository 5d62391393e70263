"""The meeting's outputs as a city office hands them out: the deck's geometry, native tables, notes
and single titles; the monthly report's page setup, fonts, header block and the 30 targets."""
from __future__ import annotations

import io
from collections import Counter

import pytest
from docx import Document
from docx.oxml.ns import qn
from pptx import Presentation
from pptx.util import Pt

from cantho_dash.export import briefing, deck, report
from conftest import AS_OF


@pytest.fixture(scope="module")
def brief(engine):
    return briefing.gather(engine, AS_OF, "vi", briefing.month_before(AS_OF))


@pytest.fixture(scope="module")
def slides(brief):
    return Presentation(io.BytesIO(deck.pptx(brief)))


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text]


def test_every_shape_of_the_deck_lies_inside_its_slide(slides):
    width, height = slides.slide_width, slides.slide_height
    for number, slide in enumerate(slides.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= width and shape.top + shape.height <= height, (number, shape.name)


def test_the_deck_has_native_tables_of_readable_type_and_the_decisions_slide(slides):
    tables = [shape.table for slide in slides.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) >= 2
    sizes = {run.font.size for table in tables for row in table.rows for cell in row.cells
             for paragraph in cell.text_frame.paragraphs for run in paragraphs_runs(paragraph)}
    assert sizes and min(sizes) >= Pt(12)
    titles = [_texts(slide)[0] for slide in slides.slides]
    assert any("cần chỉ đạo" in title.lower() for title in titles)
    for slide, title in zip(slides.slides, titles):
        if "tình trạng từng chỉ tiêu" in title:
            assert any(shape.has_table for shape in slide.shapes), title
    cqs = [title for title in titles if title.startswith("Chính quyền số: tình trạng")]
    assert len(cqs) == 2            # 15 targets: two slides, none cut off


def paragraphs_runs(paragraph):
    return paragraph.runs or []


def test_every_slide_has_notes_one_title_and_one_date_line(slides, brief):
    for number, slide in enumerate(slides.slides, start=1):
        notes = slide.notes_slide.notes_text_frame.text
        assert brief.mark.source in notes and "25/11/2026" in notes, number
        texts = _texts(slide)
        assert not [t for t, n in Counter(texts).items() if n > 1], (number, texts)
        assert sum("Ngày đánh giá" in t for t in texts) == 1, (number, texts)
        assert sum("Kế hoạch 224/KH-UBND" in t for t in texts) <= 1, (number, texts)


def test_the_summary_slide_says_the_written_summary(slides, brief):
    text = " ".join(" ".join(_texts(slide)) for slide in list(slides.slides)[1:3])
    assert brief.summary.overall in text and all(sentence in text for sentence in brief.summary.pillars)
    assert brief.summary.since and brief.summary.since[0] in text


@pytest.fixture(scope="module")
def document(brief):
    return Document(io.BytesIO(report.docx(brief, report.Issuer())))


def test_the_report_is_a4_with_the_decree_margins_and_page_numbers_from_page_two(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= section.top_margin.mm <= 25 and 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35 and 15 <= section.right_margin.mm <= 20
    assert section.different_first_page_header_footer
    assert "PAGE" in "".join(e.text or "" for e in section.header._element.iter(qn("w:instrText")))  # noqa: SLF001


def test_the_report_is_times_new_roman_throughout_with_a_14_pt_body(document):
    fonts = set()
    for part in (document.element, document.styles.element):
        for rfonts in part.iter(qn("w:rFonts")):
            fonts |= {value for name, value in rfonts.attrib.items() if not name.lower().endswith("theme")}
            assert not [name for name in rfonts.attrib if name.lower().endswith("theme")]
    assert fonts == {"Times New Roman"}
    assert document.styles["Normal"].font.size == Pt(14)
    body = [p for p in document.paragraphs if len(p.text) > 80]
    assert body and all(run.font.size in (Pt(13), Pt(14)) for p in body for run in p.runs)


def test_the_report_has_the_header_block_title_sections_and_the_30_targets(document):
    header = document.tables[0]
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in left and "Số:" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    assert "Cần Thơ, ngày 25 tháng 11 năm 2026" in right
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert any(t.startswith("Tình hình thực hiện Kế hoạch số 224/KH-UBND") and "tháng 11 năm 2026" in t for t in texts)
    assert [t.split(".")[0] for t in texts if t[:4] in ("I. K", "II. ", "III.", "IV. ", "V. Đ")] == \
        ["I", "II", "III", "IV", "V"]
    targets = [table for table in document.tables if table.rows[0].cells[1].text == "Mã"]
    assert targets and len(targets[0].rows) == 31
    codes = [row.cells[1].text for row in targets[0].rows[1:]]
    assert len(set(codes)) == 30 and "CQS-15" in codes and "XHS-11" in codes
    assert "Nơi nhận:" in document.tables[-1].rows[0].cells[0].text
