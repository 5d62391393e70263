"""The briefing wall's scenes as HTML sized from the screen: the wall page sets the root font size
from the viewport (1rem = 1/45 of the height, 24 px on a 1080p screen, 48 px at 4K) and every size
here is in rem, so a scene fills its 16:9 screen at any resolution and no text is under 1rem.

Every text is escaped here (names come from the catalog and the store; nothing is trusted as HTML).
One element per scene: the heading, the countdown and the body change together.
"""
from __future__ import annotations

import base64
import html
import math

import pandas as pd

from cantho_dash.present.maps import css
from cantho_dash.domain.vntext import shorten
from cantho_dash.present.theme import STATUS_COLORS

BODY_REM = 32.6       # the scene's body: what is left of 45rem under the title, the demo line and the heading
INK, MUTED, PANEL = "#e8eef7", "#a9b6c8", "#0f1a2b"

CSS = """
.w-scene {color: %(ink)s; font-size: 1rem; line-height: 1.35;}
.w-nav {font-size: 1rem; color: %(muted)s; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.w-nav b {color: %(ink)s;}
.w-count {height: .3rem; background: #1c2940; margin: .3rem 0 .4rem 0; border-radius: .15rem; overflow: hidden;}
.w-count div {height: 100%%; background: #4aa3ff; width: 100%%; transform-origin: left;
  animation-name: w-countdown; animation-timing-function: linear; animation-fill-mode: forwards;}
@keyframes w-countdown {from {transform: scaleX(1);} to {transform: scaleX(0);}}
.w-h {font-size: 2.2rem; font-weight: 700; margin: 0 0 .4rem 0; line-height: 1.3;}
.w-h span {font-size: 1.3rem; font-weight: 400; color: %(muted)s; margin-left: .6rem;}
.w-body {height: %(body)srem; display: flex; flex-direction: column; gap: .7rem; overflow: hidden;}
.w-grid {display: grid; gap: .7rem; flex: 1; min-height: 0;}
.w-grid.w-flow .w-card {gap: .15rem; padding: .5rem .7rem .6rem .7rem;} .w-grid.w-flow .w-bar {margin-top: .3rem;}
.w-grid.w-few {font-size: 1.7rem;} .w-grid.w-some {font-size: 1.35rem;}
.w-card {background: %(panel)s; border: 1px solid #22314a; border-radius: .5rem; padding: .5rem .8rem;
  overflow: hidden; min-width: 0; display: flex; flex-direction: column;}
.w-num {font-size: 4.2rem; font-weight: 700; line-height: 1.4;}
.w-big {font-size: 2.6em; font-weight: 700; line-height: 1.4; white-space: nowrap;}
.w-mid {font-size: 1.5em; font-weight: 700; line-height: 1.73; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.w-label {font-size: 1.2rem; font-weight: 600;}
.w-muted {color: %(muted)s;}
.w-one {white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.w-two {display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;}
.w-pill {display: inline-block; white-space: nowrap; padding: 0 .45rem; border-radius: .3rem; color: #08111f; font-weight: 700;}
.w-row {display: flex; align-items: baseline; gap: .6rem; min-width: 0;}
.w-row > .w-grow {flex: 1; min-width: 0;}
.w-bar {height: .5rem; background: #22314a; border-radius: .25rem; margin-top: auto; overflow: hidden;}
.w-bar div {height: 100%%;}
.w-strip {display: flex; height: 2.6rem; border-radius: .4rem; overflow: hidden; flex: 1;}
.w-strip div {display: flex; align-items: center; justify-content: center; color: #08111f; font-weight: 700;
  font-size: 1.3rem; min-width: 1.8rem;}
.w-item {padding: .25rem 0; border-top: 1px solid #22314a;}
.w-table {width: 100%%; height: 100%%; border-collapse: collapse; font-size: 1.2rem;}
.w-table thead tr {height: 2rem;}
.w-table th {text-align: left; color: %(muted)s; font-weight: 600; padding: .2rem .5rem; border-bottom: 1px solid #2c3d5c;}
.w-table td {padding: .3rem .5rem; border-bottom: 1px solid #22314a; vertical-align: middle;}
.w-table td.w-n, .w-table th.w-n {text-align: right; white-space: nowrap;}
.w-hbar {display: flex; height: .8rem; margin: .2rem 0 .1rem 0;} .w-hbar span {display: block; height: 100%%;}
.w-key {display: inline-block; width: 1.2rem; height: 1rem; border-radius: .2rem; margin-right: .5rem;
  vertical-align: -.1rem;}
""" % {"ink": INK, "muted": MUTED, "panel": PANEL, "body": BODY_REM}


def esc(text: object) -> str:
    """Text as HTML text (never markup)."""
    return html.escape("" if text is None else str(text))


def scene(nav: list[tuple[str, bool]], heading: str, body: str, seconds: int | None = None,
          note: str = "") -> str:
    """A whole scene: the list of scenes (the current one bold), a countdown of seconds (None when
    pinned), the heading with a note beside it, and the body."""
    names = " · ".join(f"<b>{esc(n)}</b>" if now else esc(n) for n, now in nav)
    count = (f'<div class="w-count"><div style="animation-duration:{int(seconds)}s"></div></div>'
             if seconds else '<div class="w-count"></div>')
    aside = f"<span>{esc(note)}</span>" if note else ""
    return (f'<div class="w-scene"><div class="w-nav">{names}</div>{count}'
            f'<div class="w-h">{esc(heading)}{aside}</div><div class="w-body">{body}</div></div>')


def columns(n: int) -> int:
    """Columns for n tiles on a 16:9 body (15: 5x3, 11: 4x3, 6: 3x2, 4: 2x2)."""
    rows = max(1, round(math.sqrt(max(n, 1) / 1.6)))
    return max(1, math.ceil(n / rows))


def grid(cells: list[str], cols: int, scaled: bool = False) -> str:
    """Cells in rows and columns filling the body; scaled: larger type where there are few."""
    rows = max(1, math.ceil(len(cells) / cols))
    size = "" if not scaled or len(cells) > 6 else " w-few" if len(cells) <= 4 else " w-some"
    return (f'<div class="w-grid{size}" style="grid-template-columns:repeat({cols},minmax(0,1fr));'
            f'grid-template-rows:repeat({rows},minmax(0,1fr))">{"".join(cells)}</div>')


def pill(status: str, text: str) -> str:
    return f'<span class="w-pill" style="background:{STATUS_COLORS.get(status, "#8a8f98")}">{esc(text)}</span>'


def count_tiles(counts: dict[str, int], labels: dict[str, str], colours: dict[str, str] = STATUS_COLORS,
                number: str = "w-num") -> str:
    """A row of counts (the six statuses, or the tasks' states), each with its word in its colour;
    number: the class of the figures' size."""
    cells = [f'<div class="w-card"><div class="w-label" style="color:{colours[s]}">{esc(labels[s])}</div>'
             f'<div class="{number}">{n}</div></div>' for s, n in counts.items()]
    return f'<div class="w-grid" style="grid-template-columns:repeat({len(cells)},minmax(0,1fr));flex:0 0 auto">' \
           f'{"".join(cells)}</div>'


def strips(pillars: list[tuple[str, str, dict[str, int]]]) -> str:
    """Per pillar: its name and how many are good, and a bar of its statuses with their counts."""
    rows = []
    for name, heading, counts in pillars:
        total = sum(counts.values()) or 1
        parts = "".join(f'<div style="flex:{n / total:.4f};background:{STATUS_COLORS[s]}">{n}</div>'
                        for s, n in counts.items() if n)
        rows.append(f'<div class="w-card" style="flex:1;justify-content:center;gap:.4rem">'
                    f'<div class="w-label">{esc(heading)}</div><div class="w-strip" style="flex:0 0 2.6rem">{parts}</div>'
                    f'</div>')
    return f'<div style="display:flex;flex-direction:column;gap:.7rem;flex:1;min-height:0">{"".join(rows)}</div>'


def gauge_tiles(tiles: pd.DataFrame, target_word: str, flowing: bool = False, lead_word: str = "") -> str:
    """A tile per target: code and status in words, its short name, the value with the trend arrow,
    the target, and a bar of the way from the baseline to the target. flowing: as many tiles to a row
    as the width holds (a page, from a phone to a wall), else rows and columns filling the body;
    lead_word: a line naming the lead agency under that word."""
    cells = []
    for r in tiles.itertuples():
        colour = STATUS_COLORS.get(r.status, "#8a8f98")
        cells.append(
            f'<div class="w-card" style="border-left:.35rem solid {colour}">'
            f'<div class="w-row"><b style="white-space:nowrap">{esc(r.code)}</b><span class="w-grow"></span>'
            f'{pill(r.status, r.status_text)}</div>'
            f'<div class="w-muted{"" if flowing else " w-one"}">{esc(cut(r.name, 48))}</div>'
            f'<div class="{"w-big" if len(r.value) <= 8 else "w-mid"}">{esc(r.value)} {esc(r.trend)}</div>'
            f'<div class="w-one">{esc(target_word)}: {esc(r.target)}</div>'
            + (f'<div class="w-muted">{esc(lead_word)}: {esc(r.lead)}</div>' if lead_word else "") +
            f'<div class="w-bar"><div style="width:{100 * r.progress:.1f}%;background:{colour}"></div></div></div>')
    if flowing:
        return (f'<div class="w-grid w-flow" style="grid-template-columns:repeat(auto-fill,minmax(13rem,1fr))">'
                f'{"".join(cells)}</div>')
    return grid(cells, columns(len(cells)), scaled=True)


def ranked(rows: pd.DataFrame, score: str, low: float, high: float, colour: str) -> str:
    """Ranked units: rank, name, a bar of the score on [low, high] and the score."""
    items = []
    for r in rows.itertuples():
        value = getattr(r, score)
        width = 0 if value != value else max(0.0, min(1.0, (value - low) / ((high - low) or 1))) * 100
        items.append(f'<div class="w-row w-item" style="flex:1;align-items:center;font-size:1.25rem">'
                     f'<span style="flex:0 0 2.6rem;text-align:right">{int(r.rank)}.</span>'
                     f'<span class="w-one" style="flex:0 0 15rem">{esc(r.name)}</span>'
                     f'<span class="w-grow"><span style="display:block;height:1rem;width:{width:.1f}%;'
                     f'background:{colour};border-radius:.2rem"></span></span>'
                     f'<span style="flex:0 0 4.2rem;text-align:right">{esc(r.score_text)}</span></div>')
    return "".join(items)


def bars(rows, none: str = "") -> str:
    """Labelled horizontal bars, drawn by the browser at once (no chart library): each row is
    (label, figure, [(share of the longest bar, colour), ...]), its segments stacked."""
    if not rows:
        return f'<div class="w-muted">{esc(none)}</div>'
    out = []
    for label, figure, segments in rows:
        inner = "".join(f'<span style="width:{max(0.0, min(1.0, share)) * 100:.1f}%;background:{colour}"></span>'
                        for share, colour in segments)
        out.append(f'<div class="w-item"><div class="w-row"><span class="w-grow w-one">{esc(label)}</span>'
                   f'<b style="white-space:nowrap">{esc(figure)}</b></div><div class="w-hbar">{inner}</div></div>')
    return "".join(out)


def paragraphs(lines: list[str] | tuple[str, ...]) -> str:
    """Sentences as paragraphs of plain text (escaped: agency names come from the store)."""
    return "".join(f'<p style="margin:0 0 .45rem 0">{esc(line)}</p>' for line in lines)


def panel(heading: str, inner: str, style: str = "") -> str:
    return f'<div class="w-card" style="{style}"><div class="w-label">{esc(heading)}</div>{inner}</div>'


def cut(text: str, limit: int) -> str:
    """Text shortened to limit characters with an ellipsis (here, not by CSS: a box clipped by the
    browser still holds the whole text, over its neighbours)."""
    return shorten(text, limit)


def items(rows: list[tuple[str, str, str]], none: str = "", limit: int | None = 62) -> str:
    """A short list: each item's title, what it is about and who answers, and its figure on the
    right; limit: the characters a line holds (None: lines wrap, for a narrow screen)."""
    if limit:
        rows = [(cut(title, limit - len(figure) - 2), cut(meta, limit), figure) for title, meta, figure in rows]
    if not rows:
        return f'<div class="w-muted">{esc(none)}</div>'
    one = " w-one" if limit else ""
    return "".join(f'<div class="w-item"><div class="w-row"><span class="w-grow{one}">{esc(title)}</span>'
                   f'<b style="white-space:nowrap">{esc(figure)}</b></div>'
                   f'<div class="w-muted{one}">{esc(meta)}</div></div>' for title, meta, figure in rows)


def table(frame: pd.DataFrame, numeric: tuple[str, ...] = (), wrap: tuple[str, ...] = ()) -> str:
    """A plain table: the columns named in wrap break over two lines at most, numeric ones align right."""
    def cell(tag: str, column: str, text: object) -> str:
        kind = ' class="w-n"' if column in numeric else ""
        inner = f'<div class="w-two">{esc(text)}</div>' if column in wrap and tag == "td" else esc(text)
        return f"<{tag}{kind}>{inner}</{tag}>"
    head = "".join(cell("th", c, c) for c in frame.columns)
    body = "".join("<tr>" + "".join(cell("td", c, v) for c, v in zip(frame.columns, row)) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f'<table class="w-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def dot_map(wards: pd.DataFrame) -> str:
    """The wards as dots at their coordinates, an SVG image scaled to its box and drawn at once (no
    tiles, no WebGL; an image, since the page's HTML sanitiser keeps no inline SVG): wards has
    longitude, latitude and fill (deck.gl's [r, g, b, a], as the map frame has it)."""
    lon, lat = wards["longitude"].astype(float), wards["latitude"].astype(float)
    scale = math.cos(math.radians(float(lat.mean() if len(lat) else 10.0)))
    x0, x1, y0, y1 = lon.min() * scale, lon.max() * scale, lat.min(), lat.max()
    span = max(x1 - x0, y1 - y0, 1e-6)
    pad, radius = span * 0.04, span / 55
    view = f"{x0 - pad:.5f} {-y1 - pad:.5f} {x1 - x0 + 2 * pad:.5f} {y1 - y0 + 2 * pad:.5f}"
    dots = "".join(f'<circle cx="{x * scale:.5f}" cy="{-y:.5f}" r="{radius:.5f}" fill="{esc(fill)}" '
                   f'stroke="#ffffff" stroke-opacity=".5" stroke-width="{radius / 8:.5f}"/>'
                   for x, y, fill in zip(lon, lat, map(css, wards["fill"])))
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}">{dots}</svg>'
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img alt="" src="data:image/svg+xml;base64,{data}" style="width:100%;height:100%;object-fit:contain">'


def legend(rows: list[tuple[str, str, str]], flowing: bool = False) -> str:
    """A legend with numbers: (css colour, range or meaning, how many); flowing: side by side, wrapping."""
    if flowing:
        return ('<div style="display:flex;flex-wrap:wrap;gap:.3rem 1.6rem">' + "".join(
            f'<span style="white-space:nowrap"><span class="w-key" style="background:{esc(c)}"></span>'
            f'{esc(label)}: <b>{esc(n)}</b></span>' for c, label, n in rows) + "</div>")
    return "".join(f'<div class="w-row w-item"><span class="w-key" style="background:{esc(colour)}"></span>'
                   f'<span class="w-grow">{esc(label)}</span><b>{esc(count)}</b></div>' for colour, label, count in rows)
