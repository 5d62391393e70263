"""The scenes as this process shows them: composed once per data version, as-of date, language and
size, and shared by every session (read them, never change them): a page view costs no figure
building while the data stay the same."""
from __future__ import annotations

from datetime import date

import streamlit as st

from cantho_dash.scenes import direction as direction_scene
from cantho_dash.scenes import league as league_scene
from cantho_dash.scenes import overview as overview_scene
from cantho_dash.scenes import pillar as pillar_scene
from cantho_dash.scenes import summary as summary_scene
from cantho_dash.scenes import tasks as tasks_scene
from cantho_dash.scenes import wardmap as wardmap_scene
from cantho_dash.export import briefing
from cantho_dash.present import wall
from cantho_dash.web import cache
from cantho_dash.web.session import KEEP_SECONDS, as_of, cache_key, engine_for, lang


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _overview(url: str, version: int, day: date, language: str, strip_height: int,
              gauge_columns: int) -> overview_scene.Overview:
    return overview_scene.overview(cache.target_status(), cache.pillars(), cache.agencies(), language,
                                   strip_height=strip_height, gauge_columns=gauge_columns)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=32, show_spinner=False)
def _pillar(url: str, version: int, day: date, language: str, code: str, columns: int,
            row_height: int | None) -> pillar_scene.Pillar:
    return pillar_scene.pillar(cache.target_status(), cache.pillars(), code, language, columns, row_height)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=32, show_spinner=False)
def _league(url: str, version: int, language: str, group: str, period: str, pillar: str,
            height: int | None) -> league_scene.League:
    return league_scene.league(cache.league_table(group, period, pillar), period, pillar, language, height)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=32, show_spinner=False)
def _dti_map(url: str, version: int, language: str, period: str, pillar: str) -> wardmap_scene.WardMap:
    return wardmap_scene.dti_map(cache.dti_map_values(period, pillar), period, pillar, language)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _indicator_map(url: str, version: int, day: date, language: str, code: str,
                   period: str) -> wardmap_scene.WardMap:
    return wardmap_scene.indicator_map(cache.ward_status(code, period), code, period, language)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _direction(url: str, version: int, day: date, language: str) -> direction_scene.Direction:
    return direction_scene.direction(cache.target_status(), cache.task_register(), cache.reporting(), day, language)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _tasks(url: str, version: int, day: date, language: str) -> tasks_scene.Tasks:
    return tasks_scene.task_scene(cache.task_register(), day, language)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _overview_html(url: str, version: int, day: date, language: str, target_word: str,
                   none_word: str) -> dict[str, str]:
    scene = _overview(url, version, day, language, 230, 8)
    parts = {"strips": wall.strips([(p.name, p.heading, p.counts) for p in scene.pillars]),
             "behind": wall.bars(scene.behind_rows, none=none_word),
             "agencies": wall.bars(scene.agency_rows, none=none_word)}
    return parts | {p.code: wall.gauge_tiles(p.tiles, target_word, flowing=True) for p in scene.pillars}


def overview_html(target_word: str, none_word: str) -> dict[str, str]:
    """The Overview's HTML parts (the pillars' strips, each pillar's tiles by its code, the two bar
    lists), made once per data version, as-of date and language for every session."""
    return _overview_html(*cache_key(), as_of(), lang(), target_word, none_word)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _summary(url: str, version: int, day: date, language: str) -> summary_scene.Summary:
    targets, register = cache.target_status(), cache.task_register()
    later = briefing.since_sentences(engine_for(url), targets, register, day, briefing.month_before(day), language)
    return summary_scene.summary(targets, cache.pillars(), register, language, later)


def summary() -> summary_scene.Summary:
    """The written summary (the plan, each pillar, and since a month before), as the deck and the
    monthly report say it."""
    return _summary(*cache_key(), as_of(), lang())


def overview(strip_height: int = 230, gauge_columns: int = 8) -> overview_scene.Overview:
    """The overview scene (status counts, strip, each pillar's gauges, behind pace, lead agencies)."""
    return _overview(*cache_key(), as_of(), lang(), strip_height, gauge_columns)


def pillar(code: str, columns: int = 5, row_height: int | None = None) -> pillar_scene.Pillar:
    """One pillar's scene (gauges, counts, status table)."""
    return _pillar(*cache_key(), as_of(), lang(), code, columns, row_height)


def league(group: str, period: str, pillar: str = "TONG", height: int | None = None) -> league_scene.League:
    """A group's league scene for a period and pillar."""
    return _league(*cache_key(), lang(), group, period, pillar, height)


def dti_map(period: str, pillar: str = "TONG") -> wardmap_scene.WardMap:
    """The wards coloured by a DTI score."""
    return _dti_map(*cache_key(), lang(), period, pillar)


def indicator_map(code: str, period: str) -> wardmap_scene.WardMap:
    """The wards coloured by their status on an indicator (against its target and path)."""
    return _indicator_map(*cache_key(), as_of(), lang(), code, period)


def direction() -> direction_scene.Direction:
    """What needs a leader's direction: targets behind, overdue and at-risk tasks, late departments."""
    return _direction(*cache_key(), as_of(), lang())


def tasks() -> tasks_scene.Tasks:
    """The tasks scene (overdue table, timeline)."""
    return _tasks(*cache_key(), as_of(), lang())
