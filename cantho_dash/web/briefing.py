"""Briefing-room mode: a full-screen, dark, large-type show that rotates through its scenes.

Opened by ?mode=briefing or the sidebar toggle. ?interval=N sets the seconds per scene (20 by
default), ?scene=<name> pins one. The scene follows the clock (so that several screens agree), and
every rotation reads the figures again: new uploads appear without anyone touching the screen.
"""
from __future__ import annotations

import time

import streamlit as st

from cantho_dash import config
from cantho_dash.present import theme
from cantho_dash.web import cache, direction
from cantho_dash.web import maps as ui_maps
from cantho_dash.web import scenes as web_scenes
from cantho_dash.web import session as ui
from cantho_dash.web import tasks as ui_tasks

DEFAULT_INTERVAL = 20
PILLARS = ("CQS", "KTS", "XHS")
SCENES = ("direction", "overview", *(f"pillar_{p}" for p in PILLARS), "league", "map", "tasks")
STYLE = """<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], footer {display: none !important;}
.block-container {padding: 1.2rem 2.5rem 0 2.5rem !important; max-width: 100% !important;}
[data-testid="stAppViewContainer"] {background: #050a14;}
h1 {font-size: 3.1rem !important;} h2 {font-size: 2.4rem !important;}
[data-testid="stMetricValue"] {font-size: 5.5rem !important; line-height: 1 !important;}
[data-testid="stMetricLabel"] p {font-size: 1.6rem !important;}
[data-testid="stCaptionContainer"] p {font-size: 1.3rem !important;}
</style>"""


def requested() -> bool:
    """Whether this session shows the briefing mode."""
    return st.query_params.get("mode") == "briefing"


def interval() -> int:
    """Seconds per scene: ?interval=N within 5..600, else 20."""
    try:
        return min(max(int(st.query_params.get("interval", DEFAULT_INTERVAL)), 5), 600)
    except ValueError:
        return DEFAULT_INTERVAL


def scene_at(now: float, seconds: int, pinned: str | None = None) -> str:
    """The scene to show at a time: the pinned one, else the one the clock points to."""
    if pinned in SCENES:
        return pinned
    return SCENES[int(now // seconds) % len(SCENES)]


def current_scene() -> str:
    """The scene this screen shows now (?scene=... pins one)."""
    return scene_at(time.time(), interval(), st.query_params.get("scene"))


SCENE_HEIGHT = 600   # what fits a 1920x1080 wall screen under the title, the banner and the scene's heading


def style() -> None:
    """Hide the app's chrome and enlarge the type (our own constant CSS)."""
    st.html(STYLE)


def header() -> None:
    """Title, clock and as-of date, refreshed every 10 seconds."""
    @st.fragment(run_every=10)
    def clock() -> None:
        left, right = st.columns([3, 1])
        left.markdown(f"## {ui.tr('briefing_title')}")
        right.markdown(f"## {config.now().strftime('%H:%M')}")
        right.caption(f"{ui.tr('as_of')}: **{ui.day(ui.as_of())}**")
    clock()


def show() -> None:
    """The rotating scenes."""
    @st.fragment(run_every=interval())
    def scene() -> None:
        name = current_scene()
        st.caption(" · ".join(f"**{_label(s)}**" if s == name else _label(s) for s in SCENES))
        render(name)
    scene()


def _label(name: str) -> str:
    if name.startswith("pillar_"):
        pillar = cache.pillars().set_index("code").loc[name.removeprefix("pillar_")]
        return pillar["name_en" if ui.lang() == "en" else "name_vi"]
    return ui.tr(f"scene_{name}")


def render(name: str) -> None:
    """One scene."""
    if name == "direction":
        st.markdown(f"# {ui.tr('scene_direction')}")
        direction.block(height=SCENE_HEIGHT // 2 - 60)
    elif name == "overview":
        scene = web_scenes.overview(strip_height=420)
        st.markdown(f"# {ui.tr('page_overview')}")
        for column, (status, n) in zip(st.columns(len(scene.counts)), scene.counts.items()):
            column.metric(f":{theme.STATUS_NAMED[status]}[**{ui.status_label(status)}**]", n, border=True)
        st.plotly_chart(scene.strip.fig, key="b_strip", config={"displayModeBar": False})
    elif name.startswith("pillar_"):
        scene = web_scenes.pillar(name.removeprefix("pillar_"), columns=5)
        st.markdown(f"# {scene.title}")
        st.plotly_chart(scene.gauges.fig, key=f"b_{name}", config={"displayModeBar": False})
    elif name == "league":
        periods = cache.score_periods("wards")
        st.markdown(f"# {ui.tr('scene_league')}")
        if periods:
            st.caption(ui.period_label(periods[0]))
            st.plotly_chart(web_scenes.league("wards", periods[0], "TONG", height=SCENE_HEIGHT).chart.fig,
                            key="b_league", config={"displayModeBar": False})
    elif name == "map":
        periods = cache.score_periods("wards")
        st.markdown(f"# {ui.tr('scene_map')} · DTI")
        if periods:
            st.caption(f"{ui.period_label(periods[0])} · "
                       f"{ui.tr('legend').format(centre=ui.tr('centre_median').lower())}")
            st.pydeck_chart(ui_maps.built_map(f"{ui_maps.DTI}TONG", periods[0], "median")[2].fitted(SCENE_HEIGHT - 40),
                            height=SCENE_HEIGHT, key="b_map")
    else:
        st.markdown(f"# {ui.tr('scene_tasks')}")
        late = web_scenes.tasks().late
        if late.empty:
            st.success(ui.tr("no_overdue"))
        else:
            st.dataframe(ui_tasks.table(late), hide_index=True, width="stretch")
        ui_tasks.compliance_notice()
