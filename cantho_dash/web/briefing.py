"""Briefing-room mode: a full-screen, dark, large-type show that rotates through its scenes.

Opened by ?mode=briefing or the sidebar toggle. ?interval=N sets the seconds per scene (20 by
default), ?scene=<name> pins one. Type and layout follow the screen: the root font size is 1/45 of
the viewport's height (24 px at 1080p, 48 px at 4K) and every scene is sized in rem (present.wall).
Each scene is one element, built before it is shown and kept for every screen (web.wall): the
heading, the body and the countdown change at once. A scene stays up for its whole interval; the
first scene follows the clock, so that screens opened together agree.
"""
from __future__ import annotations

import time

import streamlit as st

from cantho_dash import config
from cantho_dash.present import wall as wall_html
from cantho_dash.web import cache
from cantho_dash.web import session as ui
from cantho_dash.web import wall
from cantho_dash.web.wall import SCENES

DEFAULT_INTERVAL = 20
SLACK = 1.0           # a rerun this early still counts as the scene's time being up
STYLE = """<style>
html {font-size: min(calc(100vh / 45), calc(100vw / 80)) !important;}
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], footer, [data-testid="stSkipToContent"] {display: none !important;}
.block-container {padding: .8rem 1.6rem 0 1.6rem !important; max-width: 100% !important;}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {gap: .5rem !important;}
[data-testid="stAppViewContainer"] {background: #050a14;}
.w-title {font-size: 1.9rem; font-weight: 700; color: #e8eef7; display: flex; align-items: baseline; gap: 1.2rem;}
.w-title span {font-size: 1.2rem; font-weight: 400; color: #a9b6c8;}
.w-title b {margin-left: auto;}
[data-testid="stAlert"] p, [data-testid="stCaptionContainer"] p, button p {font-size: 1rem !important;}
[data-testid="stAlert"] {padding: .2rem .6rem !important;}
.st-key-briefing_exit {position: fixed; right: 1rem; bottom: .3rem; z-index: 10; opacity: 0; width: auto !important;}
.st-key-briefing_exit:hover, .st-key-briefing_exit:focus-within {opacity: 1;}
.w-demo {font-size: 1rem; color: #f0c36a; line-height: 1.35;}
</style>"""   # the scenes' own classes (present.wall.CSS) come with every page's style (chrome)


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


def next_scene(shown: tuple[str, float] | None, now: float, seconds: int, pinned: str | None = None) -> str:
    """What to show now, given the scene on screen and since when: the pinned scene; the same scene
    until its interval is up (a page rerun between does not cut it short); then the next one in
    order (never skipping one, however late the rerun); the first one from the clock."""
    if pinned in SCENES:
        return pinned
    if shown is None or shown[0] not in SCENES:
        return scene_at(now, seconds)
    name, since = shown
    if now - since < seconds - SLACK:
        return name
    return SCENES[(SCENES.index(name) + 1) % len(SCENES)]


def style() -> None:
    """Hide the app's chrome and size the type from the screen (our own constant CSS)."""
    st.html(STYLE)


def header() -> None:
    """Title, as-of date and clock, refreshed every 10 seconds; under it, one line while demo rows are
    shown (the pages' banner, in the height of a line)."""
    @st.fragment(run_every=10)
    def clock() -> None:
        demo = f'<div class="w-demo">{wall_html.esc(ui.tr("demo_banner"))}</div>' if cache.demo_active() else ""
        st.html(f'<div class="w-title">{wall_html.esc(ui.tr("briefing_title"))}'
                f'<span>{wall_html.esc(ui.tr("as_of"))}: {wall_html.esc(ui.day(ui.as_of()))}</span>'
                f'<b>{config.now().strftime("%H:%M")}</b></div>{demo}')
    clock()


def show() -> None:
    """The rotating scenes."""
    seconds = interval()

    @st.fragment(run_every=seconds)
    def scene() -> None:
        pinned = st.query_params.get("scene")
        now = time.time()
        shown = st.session_state.get("briefing_shown")
        name = next_scene(shown, now, seconds, pinned)
        if shown is None or shown[0] != name:
            st.session_state["briefing_shown"] = (name, now)
        st.html(wall.html(name, None if pinned in SCENES else seconds))
    scene()
