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

from cantho_dash.present import bars, gauges, mapfigs, maps, timeline
from cantho_dash.store import demo, queries
from cantho_dash.export import png as export
from cantho_dash.domain import targets as target_rules
from cantho_dash.facts import leagues as league_facts
from cantho_dash.facts import targets as target_facts
from cantho_dash.facts import tasks as task_facts
from cantho_dash.facts import wards as ward_facts
from cantho_dash.domain import tasks
from cantho_dash.words import status_label, t
from cantho_dash.words.formats import fmt_date, fmt_target, fmt_value
from cantho_dash.domain.periods import parse_period


@dataclass
class Slide:
    """One chart of the pack, and what its slide says."""

    name: str                       # ASCII file name
    title: str
    fig: go.Figure
    table: pd.DataFrame | None = None
    png: bytes = field(default=b"", repr=False)


def _status_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_code", lang): rows["code"],
        t("col_name", lang): rows["short_en" if lang == "en" else "short_vi"],
        t("col_value", lang): [fmt_value(v, u, lang) for v, u in zip(rows["value"], rows["unit"])],
        t("col_target", lang): [fmt_target(c, v, u, lang) for c, v, u in
                                zip(rows["comparator"], rows["target_value"], rows["unit"])],
        t("col_status", lang): [status_label(s, lang) for s in rows["status"]],
    })


def overdue_table(register: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The overdue tasks as a table: number, task, lead agency, deadline, status, progress."""
    late = register[register["overdue"]]
    return pd.DataFrame({
        t("col_task_no", lang): late["task_no"],
        t("col_task", lang): [n[:90] for n in late["name_en" if lang == "en" else "name_vi"]],
        t("col_lead", lang): [tasks.agency_label(a, lang) for a in late["lead_agency"]],
        t("col_deadline", lang): [tasks.deadline_label(d, lang) for d in late["deadline_text"]],
        t("col_progress", lang): [f"{int(p)}%" if p == p and p is not None else "–" for p in late["progress_pct"]],
    })


def slides(engine: Engine, as_of: date, lang: str = "vi") -> list[Slide]:
    """Every chart of the pack, with its title."""
    targets = target_facts.target_status(engine, as_of)
    pillars = queries.pillars(engine)
    out = [Slide("overview", t("status_by_pillar", lang), gauges.status_strip(targets, pillars, lang, height=500))]
    for pillar in pillars.itertuples():
        rows = targets[targets["pillar"] == pillar.code]
        name = pillar.name_en if lang == "en" else pillar.name_vi
        out.append(Slide(f"pillar_{pillar.code.lower()}", f"{name} · {len(rows)} {t('targets_count', lang)}",
                         gauges.gauge_grid(rows, lang, columns=min(5, len(rows))), _status_table(rows, lang)))
    out.append(Slide("behind_pace", t("behind_title", lang), bars.behind_pace_bar(target_rules.behind_pace(targets), lang)))
    out.append(Slide("lead_agencies", t("agencies_title", lang),
                     bars.agencies_bar(target_rules.lead_agency_counts(targets), queries.agencies(engine), lang)))
    periods = league_facts.score_periods(engine, "wards")
    if periods:
        table = league_facts.league_table(engine, "wards", periods[0])
        title = f"{t('scene_league', lang)} · {t('pillar_TONG', lang)} · {parse_period(periods[0]).label(lang)}"
        out.append(Slide("league_wards", title, bars.league_bar(table, "TONG", lang)))
        wards = ward_facts.dti_map_values(engine, periods[0], "TONG")
        frame = maps.map_frame(wards, float(wards["value"].median()), float(wards["value"].std() or 10), True, "", lang)
        out.append(Slide("map_wards", f"{t('scene_map', lang)} · DTI · {parse_period(periods[0]).label(lang)}",
                         mapfigs.ward_map(frame, lang)))
    register = task_facts.task_register(engine, as_of)
    out.append(Slide("tasks_timeline", t("tasks_timeline", lang), timeline.task_timeline(register, as_of, lang)))
    late = overdue_table(register, lang)
    out.append(Slide("tasks_overdue", t("overdue_tasks", lang), timeline.table_figure(late), late))
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
