"""The meeting deck (python-pptx, 16:9): a title slide, the summary, 'Những việc cần chỉ đạo', per
pillar its gauges and its targets as native tables, the ward league, the map and the tasks.

Every slide has one title, one date-and-source line and speaker notes naming the figures' source;
tables are native (editable, type 12 pt or more, split over as many slides as they need); the
pictures inside carry no title of their own. Every shape lies inside its slide.
"""
from __future__ import annotations

import io

import pandas as pd

from cantho_dash.domain.status import STATUSES
from cantho_dash.export import png as export
from cantho_dash.export.briefing import Briefing
from cantho_dash.present.theme import STATUS_COLORS
from cantho_dash.present.wall import cut
from cantho_dash.scenes import tasks as scenes_tasks
from cantho_dash.words import status_label, t
from cantho_dash.words.formats import fmt_date

EMU = 914_400                       # per inch
W, H = int(13.333 * EMU), int(7.5 * EMU)
LEFT, TOP, BOTTOM = int(0.5 * EMU), int(1.25 * EMU), int(6.85 * EMU)
WIDTH = W - 2 * LEFT
ROWS = 8                            # table rows on a slide (and a header)
INK, MUTED = "1B2430", "55606E"


def _rgb(hex_colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def style(paragraph, size: int, bold: bool = False, colour: str | None = None) -> None:
    """Type size, weight and colour on a paragraph's every run (what PowerPoint and LibreOffice read)."""
    from pptx.util import Pt

    for font in [paragraph.font, *(run.font for run in paragraph.runs)]:
        font.size, font.bold = Pt(size), bold
        if colour:
            font.color.rgb = _rgb(colour)


def text(slide, left: int, top: int, width: int, height: int, lines, size: int, bold: bool = False,
         colour: str = INK) -> None:
    """A text box of one or more paragraphs (lines: a string or a list of strings), wrapping."""
    from pptx.util import Pt

    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, line in enumerate([lines] if isinstance(lines, str) else lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        style(paragraph, size, bold, colour)
        paragraph.space_after = Pt(size // 2)


def table(slide, frame: pd.DataFrame, left: int, top: int, width: int, shares: list[float], size: int = 12,
          fills: list[str | None] | None = None, fill_column: int | None = None, lines: int = 2) -> None:
    """A native table: a header row and frame's rows; shares: each column's share of the width;
    fills: a colour per row for the cell of fill_column (a status); lines: what a cell may wrap to
    (each row is that high, so the table's height is what it shows)."""

    row_height = int((size * 1.25 * lines / 72 + 0.1) * EMU)
    shape = slide.shapes.add_table(len(frame) + 1, frame.shape[1], left, top, width, row_height * (len(frame) + 1))
    grid = shape.table
    for j, share in enumerate(shares):
        grid.columns[j].width = int(width * share / sum(shares))
    for j, column in enumerate(frame.columns):
        grid.cell(0, j).text = str(column)
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        for j, value in enumerate(row):
            grid.cell(i, j).text = "" if value is None or value != value else str(value)
        if fills and fill_column is not None and fills[i - 1]:
            grid.cell(i, fill_column).fill.solid()
            grid.cell(i, fill_column).fill.fore_color.rgb = _rgb(fills[i - 1])
    for i, row in enumerate(grid.rows):
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                style(paragraph, size, bold=i == 0)


def picture(slide, image: bytes, top: int = TOP, bottom: int = BOTTOM, left: int = LEFT, width: int = WIDTH) -> None:
    """A 16:9 image as large as fits the box, centred in it."""
    height = min(bottom - top, int(width * 9 / 16))
    wide = int(height * 16 / 9)
    slide.shapes.add_picture(io.BytesIO(image), left + (width - wide) // 2, top, wide, height)


class Deck:
    """A deck being made: every slide with its title, the date-and-source line and the notes."""

    def __init__(self, brief: Briefing):
        from pptx import Presentation

        self.brief, self.lang = brief, brief.lang
        self.deck = Presentation()
        self.deck.slide_width, self.deck.slide_height = W, H
        self.line = f"{t('as_of', self.lang)}: {fmt_date(brief.as_of, self.lang)} · {brief.mark.source}"
        self.notes = t("deck_notes", self.lang).format(source=brief.mark.source,
                                                         as_of=fmt_date(brief.as_of, self.lang))

    def slide(self, title: str, notes: str = ""):
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[6])
        size = 28 if len(title) <= 52 else 24 if len(title) <= 62 else 20       # one line, whatever its length
        text(slide, LEFT, int(0.3 * EMU), WIDTH, int(0.85 * EMU), title, size, bold=True)
        text(slide, LEFT, int(6.95 * EMU), WIDTH, int(0.4 * EMU), self.line, 11, colour=MUTED)
        slide.notes_slide.notes_text_frame.text = f"{notes}\n{self.notes}" if notes else self.notes
        return slide

    def tables(self, title: str, frame: pd.DataFrame, shares: list[float], fills: list | None = None,
               fill_column: int | None = None, notes: str = "") -> None:
        """A table over as many slides as it needs, ROWS rows a slide; an empty one says so."""
        parts = max(1, -(-len(frame) // ROWS))
        for i in range(parts):
            named = title if parts == 1 else f"{title} {t('deck_part', self.lang).format(i=i + 1, n=parts)}"
            slide = self.slide(named, notes)
            rows = frame.iloc[i * ROWS:(i + 1) * ROWS]
            if rows.empty:
                text(slide, LEFT, TOP, WIDTH, int(0.6 * EMU), t("dir_none", self.lang), 18, colour=MUTED)
                continue
            table(slide, rows, LEFT, TOP, WIDTH, shares, 14, fills[i * ROWS:(i + 1) * ROWS] if fills else None,
                  fill_column)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.deck.save(buffer)
        return buffer.getvalue()


def _title(deck: Deck) -> None:
    brief = deck.brief
    slide = deck.deck.slides.add_slide(deck.deck.slide_layouts[6])
    text(slide, LEFT, int(2.3 * EMU), WIDTH, int(1.2 * EMU), t("deck_title", deck.lang), 40, bold=True)
    text(slide, LEFT, int(3.6 * EMU), WIDTH, int(0.8 * EMU),
         f"{t('as_of', deck.lang)}: {fmt_date(brief.as_of, deck.lang)}", 24, colour=MUTED)
    text(slide, LEFT, int(6.95 * EMU), WIDTH, int(0.4 * EMU), brief.mark.source, 11, colour=MUTED)
    slide.notes_slide.notes_text_frame.text = deck.notes


def _summary(deck: Deck) -> None:
    brief, lang = deck.brief, deck.lang
    slide = deck.slide(t("deck_summary", lang))
    counts = brief.overview.counts
    gap, width = int(0.15 * EMU), (WIDTH - 5 * int(0.15 * EMU)) // 6
    for i, status in enumerate(STATUSES):
        left = LEFT + i * (width + gap)
        box = slide.shapes.add_shape(1, left, TOP, width, int(1.15 * EMU))
        box.fill.solid()
        box.fill.fore_color.rgb = _rgb(STATUS_COLORS[status])
        box.line.fill.background()
        frame = box.text_frame
        frame.word_wrap = True
        frame.paragraphs[0].text = str(counts.get(status, 0))
        frame.add_paragraph().text = status_label(status, lang)
        style(frame.paragraphs[0], 30, bold=True)
        style(frame.paragraphs[1], 14)
    text(slide, LEFT, int(2.6 * EMU), WIDTH, int(4.2 * EMU),
         [brief.summary.overall, *brief.summary.pillars], 17)
    if brief.summary.since:
        slide = deck.slide(t("sum_since_heading", lang))
        text(slide, LEFT, TOP, WIDTH, BOTTOM - TOP, list(brief.summary.since), 15)


DIRECTION_COLUMNS = {"behind": ([0, 1, 2, 5], [0.9, 2.2, 2.2, 0.9]), "overdue": ([0, 1, 2, 4], [0.5, 2.8, 2.0, 0.8]),
                     "at_risk": ([0, 1, 2, 5], [0.5, 2.8, 2.0, 0.8]), "late": ([0, 1, 2], [3.6, 1.0, 1.0])}
HEADINGS = {"behind": "dir_behind", "overdue": "dir_overdue", "at_risk": "dir_at_risk", "late": "dir_late"}


def _direction(deck: Deck) -> None:
    scene, lang = deck.brief.direction, deck.lang
    slide = deck.slide(t("deck_direction", lang))
    width, height = (WIDTH - int(0.3 * EMU)) // 2, (BOTTOM - TOP - int(0.15 * EMU)) // 2
    for k, name in enumerate(HEADINGS):
        left, top = LEFT + (k % 2) * (width + int(0.3 * EMU)), TOP + (k // 2) * (height + int(0.15 * EMU))
        frame, count = getattr(scene, name), scene.counts[name]
        text(slide, left, top, width, int(0.4 * EMU), f"{t(HEADINGS[name], lang)} · {count}", 15, bold=True)
        if frame.empty:
            text(slide, left, top + int(0.45 * EMU), width, int(0.4 * EMU), t("dir_none", lang), 13, colour=MUTED)
            continue
        columns, shares = DIRECTION_COLUMNS[name]
        shown = frame.iloc[:3, columns].astype(str)
        for j in range(shown.shape[1]):
            shown.iloc[:, j] = [cut(v, 38) for v in shown.iloc[:, j]]
        table(slide, shown, left, top + int(0.45 * EMU), width, shares, 12)


def tiles(slide, rows: pd.DataFrame, target_word: str, columns: int = 5) -> None:
    """Each target as a native tile, readable on a projector: code and status in words, the short
    name, the value with its trend, the target, and a bar of the way from baseline to target."""

    columns = max(1, min(columns, len(rows)))
    lines = -(-len(rows) // columns)
    gap = int(0.15 * EMU)
    width = (WIDTH - (columns - 1) * gap) // columns
    height = min(int(2.2 * EMU), (BOTTOM - TOP - (lines - 1) * gap) // lines)
    for k, r in enumerate(rows.itertuples()):
        left, top = LEFT + (k % columns) * (width + gap), TOP + (k // columns) * (height + gap)
        colour = STATUS_COLORS[r.status]
        for shape_left, shape_width, fill in ((left, width, "F1F4F8"), (left, int(0.09 * EMU), colour)):
            box = slide.shapes.add_shape(1, shape_left, top, shape_width, height)
            box.fill.solid()
            box.fill.fore_color.rgb = _rgb(fill)
            box.line.fill.background()
        inner = left + int(0.18 * EMU)
        frame = slide.shapes.add_textbox(inner, top + int(0.05 * EMU), width - int(0.25 * EMU),
                                         height - int(0.3 * EMU)).text_frame
        frame.word_wrap = True
        parts = ((str(r.code), 13, True, INK), (r.status_text, 12, True, INK), (cut(str(r.name), 22), 12, False, MUTED),
                 (f"{r.value} {r.trend}", 24, True, INK), (cut(f"{target_word}: {r.target}", 24), 12, False, INK))
        for i, (words, size, bold, ink) in enumerate(parts):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.text = words
            style(paragraph, size, bold, ink)
        for bar_width, fill in ((width - int(0.3 * EMU), "D5DBE3"),
                                (int((width - int(0.3 * EMU)) * max(0.0, min(1.0, r.progress))), colour)):
            if bar_width > 0:
                bar = slide.shapes.add_shape(1, inner, top + height - int(0.17 * EMU), bar_width, int(0.08 * EMU))
                bar.fill.solid()
                bar.fill.fore_color.rgb = _rgb(fill)
                bar.line.fill.background()


def _pillars(deck: Deck) -> None:
    lang = deck.lang
    for scene in deck.brief.pillars:
        tiles(deck.slide(scene.heading), scene.tiles, t("col_target", lang))
        frame = scene.table.assign(**{t("col_lead", lang): [cut(x, 48) for x in scene.tiles["lead"]]})
        deck.tables(t("deck_pillar_table", lang).format(pillar=scene.name), frame, [0.9, 3.0, 1.3, 1.6, 1.5, 3.2],
                    [STATUS_COLORS[s] for s in scene.tiles["status"]], fill_column=4)


def _league(deck: Deck, plain: dict[str, bytes]) -> None:
    league, lang = deck.brief.league, deck.lang
    if league is None:
        return
    slide = deck.slide(league.title)
    picture(slide, plain[league.chart.key], width=int(7.6 * EMU))
    ranked = league.table[league.table["rank"].notna()]
    name = "name_en" if lang == "en" else "name_vi"
    left, width = LEFT + int(7.8 * EMU), WIDTH - int(7.8 * EMU)
    for k, (heading, rows) in enumerate(((t("deck_top", lang), ranked.head(5)), (t("deck_bottom", lang), ranked.tail(5)))):
        top = TOP + k * int(2.6 * EMU)
        text(slide, left, top, width, int(0.4 * EMU), heading, 15, bold=True)
        shown = pd.DataFrame({t("col_rank", lang): rows["rank"].astype(int), t("col_unit", lang): rows[name],
                              t("col_score", lang): [f"{v:.2f}".replace(".", "," if lang == "vi" else ".")
                                                     for v in rows["TONG"]],
                              t("col_change", lang): rows["change_label"]})
        table(slide, shown, left, top + int(0.45 * EMU), width, [0.7, 2.4, 0.9, 0.9], 12, lines=1)


def _tasks(deck: Deck, plain: dict[str, bytes]) -> None:
    brief, lang = deck.brief, deck.lang
    if brief.map is not None:
        picture(deck.slide(brief.map.title), plain[brief.map.key])
    picture(deck.slide(brief.tasks.timeline.title), plain[brief.tasks.timeline.key])
    register = brief.register
    shares = [0.6, 5.4, 3.0, 1.6, 1.0]
    deck.tables(t("overdue_tasks", lang), brief.tasks.overdue, shares)
    deck.tables(t("dir_at_risk", lang), scenes_tasks.task_table(register[register["at_risk"].astype(bool)], lang),
                shares)
    deck.tables(t("deck_due_soon", lang), scenes_tasks.task_table(register[register["state"] == "due_soon"], lang),
                shares)


def pictures(brief: Briefing) -> dict:
    """The figures the deck shows as pictures, by key."""
    figs = {}
    for chart in (brief.league.chart if brief.league else None, brief.map, brief.tasks.timeline):
        if chart is not None:
            figs[chart.key] = chart
    return figs


def pptx(brief: Briefing, size: str = "1280x720") -> bytes:
    """The deck for a briefing; its pictures are made now, without titles (the slides say them), at
    1280x720: a chart's labels are then half as large again on the slide."""
    plain = {key: export.png(chart.fig, chart.title, brief.mark, size, plain=True)
             for key, chart in pictures(brief).items()}
    deck = Deck(brief)
    _title(deck)
    _summary(deck)
    _direction(deck)
    _pillars(deck)
    _league(deck, plain)
    _tasks(deck, plain)
    return deck.save()
