"""The meeting pack: the charts of a briefing as PNGs, a ZIP of them, and a PowerPoint deck.

Slides: a title, the overview, one per pillar (gauges and a status table), the ward league, the
map, and the overdue tasks; each with a Vietnamese caption and the as-of date.
"""
from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from sqlalchemy.engine import Engine

from cantho_dash.export import png as export
from cantho_dash.facts import leagues as league_facts
from cantho_dash.facts import targets as target_facts
from cantho_dash.facts import tasks as task_facts
from cantho_dash.facts import wards as ward_facts
from cantho_dash.present import timeline
from cantho_dash.scenes import league as scenes_league
from cantho_dash.scenes import overview as scenes_overview
from cantho_dash.scenes import pillar as scenes_pillar
from cantho_dash.scenes import tasks as scenes_tasks
from cantho_dash.scenes import wardmap as scenes_wardmap
from cantho_dash.store import demo, queries
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_date


@dataclass
class Slide:
    """One chart of the pack, and what its slide says."""

    name: str                       # ASCII file name
    title: str
    fig: go.Figure
    table: pd.DataFrame | None = None
    png: bytes = field(default=b"", repr=False)


def slides(engine: Engine, as_of: date, lang: str = "vi") -> list[Slide]:
    """Every chart of the pack, with its title: the same scenes as the pages and the wall."""
    targets = target_facts.target_status(engine, as_of)
    pillars = queries.pillars(engine)
    view = scenes_overview.overview(targets, pillars, queries.agencies(engine), lang, strip_height=500)
    out = [Slide("overview", view.strip.title, view.strip.fig)]
    for code in pillars["code"]:
        columns = min(5, int((targets["pillar"] == code).sum()))     # a slide's gauges fill its width
        scene = scenes_pillar.pillar(targets, pillars, code, lang, columns=columns, row_height=200)
        out.append(Slide(scene.gauges.key, scene.title, scene.gauges.fig, scene.table))
    out += [Slide(c.key, c.title, c.fig) for c in (view.behind, view.agencies)]
    periods = league_facts.score_periods(engine, "wards")
    if periods:
        ranked = scenes_league.league(league_facts.league_table(engine, "wards", periods[0]), periods[0], "TONG", lang)
        out.append(Slide("league_wards", ranked.title, ranked.chart.fig))
        chart = scenes_wardmap.dti_map(ward_facts.dti_map_values(engine, periods[0], "TONG"), periods[0], "TONG",
                                       lang).chart(lang)
        out.append(Slide(chart.key, chart.title, chart.fig))
    work = scenes_tasks.task_scene(task_facts.task_register(engine, as_of), as_of, lang)
    out.append(Slide(work.timeline.key, work.timeline.title, work.timeline.fig))
    out.append(Slide("tasks_overdue", t("overdue_tasks", lang), timeline.table_figure(work.overdue), work.overdue))
    return out


def stamp(engine: Engine, as_of: date, lang: str = "vi") -> export.Stamp:
    """The provenance of images made now."""
    return export.Stamp(as_of, export.source_line(demo.active(engine), queries.latest_upload(engine), lang), lang)


def render(items: list[Slide], mark: export.Stamp, size: str = "1920x1080") -> list[Slide]:
    """Make each slide's PNG (warm kaleido server)."""
    for item in items:
        item.png = export.png(item.fig, item.title, mark, size)
    return items


def pptx(items: list[Slide], mark: export.Stamp) -> bytes:
    """The deck: a title slide, then a slide per chart with its caption, table and the as-of date."""
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    lang = mark.lang
    caption = f"{t('as_of', lang)}: {fmt_date(mark.as_of, lang)} · {mark.source}"
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = ("Giao ban chuyển đổi số thành phố Cần Thơ" if lang == "vi"
                               else "Can Tho digital transformation briefing")
    first.placeholders[1].text = f"{t('plan_ref', lang)}\n{caption}"
    for item in items:
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = item.title
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
        top, height = Inches(1.3), Inches(5.6)
        width = Inches(8.2) if item.table is not None and len(item.table) <= 16 and not item.name.startswith("tasks") else deck.slide_width - Inches(1)
        slide.shapes.add_picture(io.BytesIO(item.png), Inches(0.5), top, width=width,
                                 height=Emu(int(width * 1080 / 1920)) if width < deck.slide_width - Inches(1) else height)
        if item.table is not None and len(item.table) and width < deck.slide_width - Inches(1):
            _table(slide, item.table.iloc[:, [0, 1, 4]] if item.table.shape[1] >= 5 else item.table,
                   Inches(8.9), top, Inches(4.0))
        box = slide.shapes.add_textbox(Inches(0.5), Inches(7.0), deck.slide_width - Inches(1), Inches(0.4))
        box.text_frame.text = caption
        box.text_frame.paragraphs[0].font.size = Pt(11)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _table(slide, frame: pd.DataFrame, left, top, width) -> None:
    from pptx.util import Emu, Pt

    shape = slide.shapes.add_table(len(frame) + 1, frame.shape[1], left, top, width,
                                   Emu(int(min(len(frame) + 1, 17) * 300_000)))
    for j, column in enumerate(frame.columns):
        shape.table.cell(0, j).text = str(column)
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        for j, value in enumerate(row):
            shape.table.cell(i, j).text = "" if value is None else str(value)
    for row in shape.table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = Pt(10)


def build(engine: Engine, as_of: date, lang: str = "vi", size: str = "1920x1080") -> tuple[list[Slide], bytes, bytes, float]:
    """(slides with PNGs, the ZIP, the PPTX, seconds taken)."""
    start = time.perf_counter()
    mark = stamp(engine, as_of, lang)
    items = render(slides(engine, as_of, lang), mark, size)
    archive = export.zip_pngs({i.name: i.png for i in items})
    deck = pptx(items, mark)
    return items, archive, deck, time.perf_counter() - start


def write(engine: Engine, out: Path, as_of: date, lang: str = "vi", size: str = "1920x1080",
          with_pptx: bool = True) -> list[Path]:
    """The pack into a folder: a PNG per chart, the ZIP, and (with_pptx) the PPTX."""
    out.mkdir(parents=True, exist_ok=True)
    items, archive, deck, _ = build(engine, as_of, lang, size)
    paths = []
    for item in items:
        path = out / f"{item.name}.png"
        path.write_bytes(item.png)
        paths.append(path)
    (out / "hinh_anh.zip").write_bytes(archive)
    paths.append(out / "hinh_anh.zip")
    if with_pptx:
        (out / "giao_ban.pptx").write_bytes(deck)
        paths.append(out / "giao_ban.pptx")
    return paths
