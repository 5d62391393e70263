"""The meeting pack: the charts of a briefing as PNGs (each stamped with its title, the as-of date
and its source, to be handed out alone), a ZIP of them, the deck (export.deck) and the monthly
report (export.report), all from one reading of the store (export.briefing)."""
from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from sqlalchemy.engine import Engine

from cantho_dash.export import briefing, deck, report
from cantho_dash.export import png as export
from cantho_dash.export.briefing import Briefing
from cantho_dash.present import timeline
from cantho_dash.store import demo, queries
from cantho_dash.words import t


@dataclass
class Slide:
    """One chart of the pack, and what its slide says."""

    name: str                       # ASCII file name
    title: str
    fig: go.Figure
    table: pd.DataFrame | None = None
    png: bytes = field(default=b"", repr=False)


def slides(brief: Briefing) -> list[Slide]:
    """Every chart handed out as a PNG, with its title: the same scenes as the pages and the wall."""
    view = brief.overview
    out = [Slide("overview", view.strip.title, view.strip.fig)]
    out += [Slide(scene.gauges.key, scene.title, scene.gauges.fig, scene.table) for scene in brief.pillars]
    out += [Slide(c.key, c.title, c.fig) for c in (view.behind, view.agencies)]
    if brief.league is not None:
        out.append(Slide("league_wards", brief.league.title, brief.league.chart.fig))
    if brief.map is not None:
        out.append(Slide(brief.map.key, brief.map.title, brief.map.fig))
    work = brief.tasks
    out.append(Slide(work.timeline.key, work.timeline.title, work.timeline.fig))
    out.append(Slide("tasks_overdue", t("overdue_tasks", brief.lang), timeline.table_figure(work.overdue),
                     work.overdue))
    return out


def stamp(engine: Engine, as_of: date, lang: str = "vi") -> export.Stamp:
    """The provenance of images made now."""
    return export.Stamp(as_of, export.source_line(demo.active(engine), queries.latest_upload(engine), lang), lang)


def render(items: list[Slide], mark: export.Stamp, size: str = "1920x1080") -> list[Slide]:
    """Make each slide's PNG (warm kaleido server)."""
    for item in items:
        item.png = export.png(item.fig, item.title, mark, size)
    return items


@dataclass
class Pack:
    """A meeting's outputs: the charts with their PNGs, the ZIP of them, the deck and the report."""

    items: list[Slide]
    zip: bytes
    pptx: bytes
    docx: bytes
    seconds: float
    slides: int


def build(engine: Engine, as_of: date, lang: str = "vi", size: str = "1920x1080", since: date | None = None,
          issuer: report.Issuer = report.Issuer(), progress=None) -> Pack:
    """The whole pack for the as-of date (since: the last meeting's date; None: a month before);
    progress(share, what) is told how far it has come."""
    start = time.perf_counter()
    step = progress or (lambda share, what: None)
    step(0.05, "facts")
    brief = briefing.gather(engine, as_of, lang, since or briefing.month_before(as_of))
    step(0.25, "png")
    items = render(slides(brief), brief.mark, size)
    step(0.55, "pptx")
    slides_pptx = deck.pptx(brief)
    step(0.85, "docx")
    document = report.docx(brief, issuer)
    from pptx import Presentation

    count = len(Presentation(io.BytesIO(slides_pptx)).slides)
    step(1.0, "done")
    return Pack(items, export.zip_pngs({i.name: i.png for i in items}), slides_pptx, document,
                time.perf_counter() - start, count)


def write(engine: Engine, out: Path, as_of: date, lang: str = "vi", size: str = "1920x1080",
          with_pptx: bool = True, with_docx: bool = False, since: date | None = None,
          issuer: report.Issuer = report.Issuer()) -> list[Path]:
    """The pack into a folder: a PNG per chart, the ZIP, and the PPTX and the DOCX when asked."""
    out.mkdir(parents=True, exist_ok=True)
    made = build(engine, as_of, lang, size, since, issuer)
    paths = []
    for item in made.items:
        path = out / f"{item.name}.png"
        path.write_bytes(item.png)
        paths.append(path)
    files = {"hinh_anh.zip": made.zip, "giao_ban.pptx": made.pptx if with_pptx else None,
             "bao_cao.docx": made.docx if with_docx else None}
    for name, data in files.items():
        if data is not None:
            (out / name).write_bytes(data)
            paths.append(out / name)
    return paths
