"""The monthly report on Plan 224 (python-docx), in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I:
A4, margins 22/22/32/17 mm (top/bottom/left/right, inside the decree's ranges), Times New Roman throughout (body 14 pt), the issuing body and the
national motto in the header block, number and place-and-date, 'BÁO CÁO' with its summary line,
sections in Roman numerals, the 30 targets as a table, page numbers from page 2, 'Nơi nhận'.
The issuing body and the signer are settings (config.Settings.report_*). Editable in Word and
LibreOffice: every part is ordinary paragraphs and tables."""
from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

from cantho_dash.export.briefing import Briefing
from cantho_dash.present.wall import cut
from cantho_dash.scenes import tasks as scenes_tasks
from cantho_dash.words import status_label
from cantho_dash.words.formats import fmt_target, fmt_value

FONT = "Times New Roman"
BODY = 14
ROMAN = ("I", "II", "III", "IV", "V", "VI")


@dataclass(frozen=True)
class Issuer:
    parent: str = "Ủy ban nhân dân thành phố Cần Thơ"
    body: str = "Sở Khoa học và Công nghệ"
    signer: str = "Giám đốc"
    signer_name: str = ""
    code: str = "SKHCN"             # the body's abbreviation in the number: Số: …/BC-SKHCN


def issuer_of(settings) -> Issuer:
    """The issuer from the installation's settings (config.Settings)."""
    return Issuer(settings.report_parent, settings.report_issuer, settings.report_signer,
                  settings.report_signer_name, settings.report_code)


def _fonts(document) -> None:
    """Times New Roman for every script, in the defaults and every style (no theme font left)."""
    from docx.oxml.ns import qn

    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        for name in list(rfonts.attrib):
            if name.lower().endswith("theme"):        # asciiTheme, cstheme …: a theme font instead of ours
                del rfonts.attrib[name]
        for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(script), FONT)
    for style in document.styles:
        if hasattr(style, "font") and style.font is not None:
            style.font.name = FONT
    document.styles["Normal"].font.size = _pt(BODY)


def _pt(size: float):
    from docx.shared import Pt

    return Pt(size)


def para(document_or_cell, text: str = "", size: float = BODY, bold: bool = False, italic: bool = False,
         align: str = "justify", before: float = 0, after: float = 6, indent: bool = False):
    """A paragraph of one run, in Times New Roman."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = document_or_cell.add_paragraph()
    paragraph.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                           "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = _pt(before), _pt(after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = FONT, _pt(size), bold, italic
    return paragraph


def _page_numbers(section) -> None:
    """The page number centred at the top of every page but the first."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.name, run.font.size = FONT, _pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)  # noqa: SLF001 - python-docx has no API for a field


def widths(table, widths_mm: list[float]) -> None:
    """Fixed column widths: the grid's (what LibreOffice reads) and each cell's (what Word reads)."""
    from docx.shared import Mm

    table.autofit = False
    for j, width in enumerate(widths_mm):
        table.columns[j].width = Mm(width)
        for cell in table.columns[j].cells:
            cell.width = Mm(width)


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)  # noqa: SLF001 - python-docx has no API for table borders


def _two_cells(document, widths_mm: list[float]):
    """A borderless table of one row and two cells (the header block, the signature block)."""
    block = document.add_table(rows=1, cols=2)
    _no_borders(block)
    widths(block, widths_mm)
    return block.rows[0].cells


def _header(document, brief: Briefing, issuer: Issuer) -> None:
    """The header block: the issuing body and its number on the left, the motto and the date on the right."""
    left, right = _two_cells(document, [60, 101])
    para(left, issuer.parent.upper(), 13, align="center", after=0)
    para(left, issuer.body.upper(), 13, bold=True, align="center", after=0)
    para(left, "______", 13, align="center", after=6)
    para(left, f"Số:        /BC-{issuer.code}", 13, align="center", after=0)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, align="center", after=0)
    para(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, align="center", after=0)
    para(right, "______________________", 13, align="center", after=6)
    day = brief.as_of
    para(right, f"Cần Thơ, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}", 14, italic=True,
         align="center", after=0)


def grid(document, frame: pd.DataFrame, widths_mm: list[float], size: float = 12) -> None:
    """A bordered table with a bold header row, every cell in Times New Roman."""
    table = document.add_table(rows=len(frame) + 1, cols=frame.shape[1])
    table.style = document.styles["Table Grid"]
    for j, column in enumerate(frame.columns):
        table.cell(0, j).paragraphs[0].text = ""
        run = table.cell(0, j).paragraphs[0].add_run(str(column))
        run.font.name, run.font.size, run.bold = FONT, _pt(size), True
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        for j, value in enumerate(row):
            run = table.cell(i, j).paragraphs[0].add_run("" if value is None or value != value else str(value))
            run.font.name, run.font.size = FONT, _pt(size)
    widths(table, widths_mm)
    para(document, "", after=0)


def targets_table(brief: Briefing) -> pd.DataFrame:
    """The 30 targets: number, code, target, value, target value, expected by now, status, lead."""
    rows = brief.targets.sort_values(["plan_no", "code"])
    return pd.DataFrame({
        "STT": range(1, len(rows) + 1),
        "Mã": rows["code"].tolist(),
        "Chỉ tiêu": [cut(str(n), 60) for n in rows["short_vi"].fillna(rows["name_vi"])],
        "Giá trị": [fmt_value(v, u) for v, u in zip(rows["value"], rows["unit"])],
        "Mục tiêu": [fmt_target(c, v, u) for c, v, u in zip(rows["comparator"], rows["target_value"], rows["unit"])],
        "Kỳ vọng đến nay": [fmt_value(v, u) if u != "milestone" else "–" for v, u in zip(rows["expected"], rows["unit"])],
        "Tình trạng": [status_label(s) for s in rows["status"]],
        "Cơ quan chủ trì": [cut(str(a), 50) if isinstance(a, str) else "" for a in rows["lead_agency"]],
    })


def _heading(document, number: int, text: str) -> None:
    para(document, f"{ROMAN[number]}. {text.upper()}", BODY, bold=True, align="left", before=6)


def docx(brief: Briefing, issuer: Issuer = Issuer()) -> bytes:
    """The report for a briefing, in Vietnamese (the administrative language of the document)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    document = Document()
    _fonts(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Mm(22), Mm(22), Mm(32), Mm(17)
    _page_numbers(section)
    _header(document, brief, issuer)
    month = f"tháng {brief.as_of.month} năm {brief.as_of.year}"
    para(document, "BÁO CÁO", 14, bold=True, align="center", before=12, after=0)
    para(document, f"Tình hình thực hiện Kế hoạch số 224/KH-UBND về chuyển đổi số thành phố Cần Thơ năm 2026, "
                   f"{month}", 14, bold=True, align="center", after=12)
    if brief.demo:
        para(document, f"({brief.mark.source}: các số liệu dưới đây là dữ liệu mẫu, không phải số liệu thật.)",
             13, italic=True, align="center")
    summary = brief.summary
    _heading(document, 0, "Kết quả thực hiện theo trụ cột")
    for sentence in (summary.overall, *summary.pillars):
        para(document, sentence, indent=True)
    if summary.since:
        para(document, summary.since[0], bold=True, indent=True)
        for sentence in summary.since[1:]:
            para(document, f"- {sentence[0].upper()}{sentence[1:]}", indent=True)
    _heading(document, 1, "Tình hình thực hiện các chỉ tiêu")
    para(document, f"Tình trạng {len(brief.targets)} chỉ tiêu của Kế hoạch đến ngày "
                   f"{brief.as_of.strftime('%d/%m/%Y')} ({brief.mark.source}):", indent=True)
    grid(document, targets_table(brief), [9, 17, 38, 17, 18, 17, 18, 27], 11)
    _heading(document, 2, "Tình hình thực hiện các nhiệm vụ")
    register = brief.register
    parts = (("1. Nhiệm vụ đã hoàn thành", register[register["status"] == "done"]),
             ("2. Nhiệm vụ quá hạn", register[register["overdue"].astype(bool)]),
             ("3. Nhiệm vụ có nguy cơ chậm", register[register["at_risk"].astype(bool)]))
    for heading, rows in parts:
        para(document, f"{heading}: {len(rows)} nhiệm vụ.", bold=True, indent=True)
        if len(rows):
            grid(document, scenes_tasks.task_table(rows, "vi"), [10, 76, 39, 22, 14], 11)
    _heading(document, 3, "Các đơn vị chậm báo cáo")
    late = brief.full.late
    if late.empty:
        para(document, "Không có đơn vị chậm báo cáo.", indent=True)
    else:
        para(document, f"{len(late)} sở, ngành chưa báo cáo đủ số liệu tháng trước:", indent=True)
        grid(document, late, [101, 30, 30], 12)
    _heading(document, 4, "Đề xuất, kiến nghị")
    para(document, "[Người soạn báo cáo bổ sung các đề xuất, kiến nghị.]", italic=True, indent=True)
    _closing(document, issuer)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _closing(document, issuer: Issuer) -> None:
    """'Nơi nhận' on the left, the signer on the right."""
    left, right = _two_cells(document, [83, 78])
    para(left, "Nơi nhận:", 12, bold=True, italic=True, align="left", after=0)
    for line in ("- UBND thành phố (để báo cáo);", "- Ban Chỉ đạo chuyển đổi số thành phố;",
                 "- Các sở, ban, ngành; UBND xã, phường;", f"- Lưu: VT, {issuer.body}."):
        para(left, line, 11, align="left", after=0)
    para(right, issuer.signer.upper(), 14, bold=True, align="center", after=60)
    para(right, issuer.signer_name or "[Họ và tên]", 14, bold=True, align="center", after=0)
