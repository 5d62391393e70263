"""The briefing wall's scenes as HTML (present.wall), composed from the scenes every page shares
(web.scenes) and kept once per data version, as-of date and language for every screen."""
from __future__ import annotations

from datetime import date

import streamlit as st

from cantho_dash.domain.status import STATUSES
from cantho_dash.present import wall
from cantho_dash.present.theme import TASK_STATE_COLORS
from cantho_dash.web import cache, scenes
from cantho_dash.web.session import KEEP_SECONDS, as_of, cache_key, lang, status_label, tr
from cantho_dash.words.formats import fmt_number

PILLARS = ("CQS", "KTS", "XHS")
SCENES = ("direction", "overview", *(f"pillar_{p}" for p in PILLARS), "league", "map", "tasks")
BLOCKS = (("behind", "dir_behind"), ("overdue", "dir_overdue"), ("at_risk", "dir_at_risk"), ("late", "dir_late"))
LEAGUE_ROWS = 10
TASK_ROWS = 7
DIRECTION_ROWS = 4    # per block on the wall (its heading gives how many in all)


def label(name: str) -> str:
    """A scene's name in the list of scenes."""
    if name.startswith("pillar_"):
        pillar = cache.pillars().set_index("code").loc[name.removeprefix("pillar_")]
        return pillar["name_en" if lang() == "en" else "name_vi"]
    return tr(f"scene_{name}")


def html(name: str, seconds: int | None) -> str:
    """A whole scene: the list of scenes, the countdown (None: pinned), the heading and the body."""
    nav = [(label(s), s == name) for s in SCENES]
    heading, body, note = _parts(*cache_key(), as_of(), lang(), name)
    return wall.scene(nav, heading, body, seconds=seconds, note=note)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _parts(url: str, version: int, day: date, language: str, name: str) -> tuple[str, str, str]:
    """(heading, body, note) of a scene, built once per data version for every screen."""
    if name == "direction":
        return _direction()
    if name == "overview":
        scene = scenes.overview()
        labels = {s: status_label(s) for s in STATUSES}
        pillars = [(p.name, p.heading, p.counts) for p in scene.pillars]
        return tr("page_overview"), wall.count_tiles(scene.counts, labels) + wall.strips(pillars), ""
    if name.startswith("pillar_"):
        scene = scenes.pillar(name.removeprefix("pillar_"))
        return scene.heading, wall.gauge_tiles(scene.tiles, tr("col_target")), tr("wall_trend_note")
    if name == "league":
        return _league()
    if name == "map":
        return _map()
    return _tasks()


def _direction() -> tuple[str, str, str]:
    scene = scenes.direction()
    cells = []
    for block, heading in BLOCKS:
        cells.append(wall.panel(f"{tr(heading)} · {scene.counts[block]}",
                                wall.items(scene.items[block][:DIRECTION_ROWS], none=tr("dir_none"))))
    return tr("scene_direction"), wall.grid(cells, 2), ""


def _league() -> tuple[str, str, str]:
    periods = cache.score_periods("wards")
    if not periods:
        return tr("scene_league"), wall.items([], none=tr("dir_none")), ""
    scene = scenes.league("wards", periods[0], "TONG")
    ranked = scene.table[scene.table["rank"].notna()].sort_values("rank")
    rows = ranked.assign(name=ranked["name_en" if lang() == "en" else "name_vi"],
                         score_text=[fmt_number(v, 1, lang()) for v in ranked["TONG"]])
    low, high = float(rows["TONG"].min()), float(rows["TONG"].max())
    low -= (high - low) * 0.1
    top = wall.panel(tr("wall_top"), wall.ranked(rows.head(LEAGUE_ROWS), "TONG", low, high, "#c9d3e0"), "flex:1")
    bottom = wall.panel(tr("wall_bottom"), wall.ranked(rows.tail(LEAGUE_ROWS), "TONG", low, high, "#6b7686"),
                        "flex:1")
    return scene.title, f'<div class="w-row" style="flex:1;align-items:stretch;gap:.7rem">{top}{bottom}</div>', ""


def _map() -> tuple[str, str, str]:
    periods = cache.score_periods("wards")
    if not periods:
        return tr("scene_map"), wall.items([], none=tr("dir_none")), ""
    scene = scenes.dti_map(periods[0])
    n = lambda v: fmt_number(v, 1, lang())  # noqa: E731 - a formatter for the lists
    scored = scene.frame.dropna(subset=["value"]).sort_values("value", ascending=False)
    highest = [(r.name_vi, "", n(r.value)) for r in scored.head(3).itertuples()]
    lowest = [(r.name_vi, "", n(r.value)) for r in scored.tail(3).itertuples()]
    side = (wall.panel(scene.meaning, wall.legend(scene.legend)) +
            wall.panel(tr("wall_highest"), wall.items(highest)) + wall.panel(tr("wall_lowest"), wall.items(lowest)))
    body = (f'<div class="w-row" style="flex:1;align-items:stretch;min-height:0">'
            f'<div class="w-grow" style="min-height:0">{wall.dot_map(scene.frame)}</div>'
            f'<div style="flex:0 0 30rem;display:flex;flex-direction:column;gap:.5rem">{side}</div></div>')
    return scene.title, body, ""


def _tasks() -> tuple[str, str, str]:
    scene = scenes.tasks()
    table = scene.overdue.head(TASK_ROWS)
    more = len(scene.overdue) - len(table)
    columns = list(table.columns)
    body = wall.count_tiles(scene.states, {s: tr(f"task_{s}") for s in scene.states}, TASK_STATE_COLORS, "w-big")
    body += (f'<div style="flex:1;min-height:0">'
             f'{wall.table(table, numeric=(columns[0], columns[-1]), wrap=(columns[1], columns[2]))}</div>'
             if len(table) else wall.items([], none=tr("no_overdue")))
    if more > 0:
        body += f'<div class="w-muted">{wall.esc(tr("wall_more").format(n=more))}</div>'
    return tr("scene_tasks"), body, ""
