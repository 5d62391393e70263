"""Typed cached reads: one function per fact, keyed by the store's URL and data version (and the
as-of date where it matters), shared by every session of the process until the next commit."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cantho_dash.domain import reporting as reporting_rules
from cantho_dash.facts import leagues as league_facts
from cantho_dash.facts import targets as target_facts
from cantho_dash.facts import tasks as task_facts
from cantho_dash.facts import wards as ward_facts
from cantho_dash.store import demo, queries
from cantho_dash.web.session import KEEP_SECONDS, as_of, cache_key, engine_for


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _target_status(url: str, version: int, day: date) -> pd.DataFrame:
    return target_facts.target_status(engine_for(url), day)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _series(url: str, version: int, day: date) -> pd.DataFrame:
    return target_facts.series(engine_for(url), day)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _table(url: str, version: int, name: str) -> pd.DataFrame:
    engine = engine_for(url)
    return {"pillars": queries.pillars, "agencies": queries.agencies, "wards": queries.wards, "tasks": queries.tasks,
            "target_labels": queries.target_labels, "target_parts": queries.target_parts}[name](engine)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _freshness(url: str, version: int, day: date) -> dict:
    return queries.freshness(engine_for(url), day)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=4, show_spinner=False)
def _demo_active(url: str, version: int) -> bool:
    return demo.active(engine_for(url))


@st.cache_data(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _latest_upload(url: str, version: int) -> dict | None:
    return queries.latest_upload(engine_for(url))


@st.cache_data(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _score_periods(url: str, version: int, group: str) -> list[str]:
    return league_facts.score_periods(engine_for(url), group)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _league_table(url: str, version: int, group: str, period: str, pillar: str) -> pd.DataFrame:
    return league_facts.league_table(engine_for(url), group, period, pillar)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _ward_indicator_periods(url: str, version: int) -> pd.DataFrame:
    return ward_facts.ward_indicator_periods(engine_for(url))


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _ward_status(url: str, version: int, code: str, period: str, day: date) -> pd.DataFrame:
    return ward_facts.ward_status(engine_for(url), code, period, day)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _ward_profile(url: str, version: int, area_code: str, day: date) -> dict:
    return ward_facts.ward_profile(engine_for(url), area_code, day)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _dti_map_values(url: str, version: int, period: str, pillar: str) -> pd.DataFrame:
    return ward_facts.dti_map_values(engine_for(url), period, pillar)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _task_register(url: str, version: int, day: date) -> pd.DataFrame:
    return task_facts.task_register(engine_for(url), day)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _reporting(url: str, version: int, day: date) -> pd.DataFrame:
    return task_facts.reporting(engine_for(url), day)


@st.cache_data(ttl=KEEP_SECONDS, max_entries=64, show_spinner=False)
def _compliance(url: str, version: int, day: date) -> dict:
    return reporting_rules.summary(_reporting(url, version, day))


@st.cache_data(ttl=KEEP_SECONDS, max_entries=256, show_spinner=False)
def _unit_report(url: str, version: int, unit: str, day: date) -> pd.DataFrame:
    return task_facts.unit_report(engine_for(url), unit, day)


def target_status() -> pd.DataFrame:
    """Every target with its status on the as-of date."""
    return _target_status(*cache_key(), as_of())


def series() -> pd.DataFrame:
    """City-wide value history of every indicator up to the as-of date."""
    return _series(*cache_key(), as_of())


def pillars() -> pd.DataFrame:
    """The three pillars."""
    return _table(*cache_key(), "pillars")


def agencies() -> pd.DataFrame:
    """Every agency."""
    return _table(*cache_key(), "agencies")


def wards() -> pd.DataFrame:
    """The 103 wards and communes."""
    return _table(*cache_key(), "wards")


def target_labels() -> pd.DataFrame:
    """Short labels of targets and parts."""
    return _table(*cache_key(), "target_labels")


def freshness() -> dict:
    """The newest upload's time and the newest period's end, up to the as-of date."""
    return _freshness(*cache_key(), as_of())


def demo_active() -> bool:
    """Whether demo rows are part of what the pages show."""
    return _demo_active(*cache_key())


def latest_upload() -> dict | None:
    """The newest active upload of figures."""
    return _latest_upload(*cache_key())


def score_periods(group: str) -> list[str]:
    """The periods with DTI scores of a group (departments | wards), newest first."""
    return _score_periods(*cache_key(), group)


def league_table(group: str, period: str, pillar: str = "TONG") -> pd.DataFrame:
    """A group's DTI league for a period and pillar."""
    return _league_table(*cache_key(), group, period, pillar)


def ward_indicator_periods() -> pd.DataFrame:
    """What ward-level data exists: code, period, period_start, period_end."""
    return _ward_indicator_periods(*cache_key())


def ward_status(code: str, period: str) -> pd.DataFrame:
    """Every ward's value, status and rank on an indicator for a period."""
    return _ward_status(*cache_key(), code, period, as_of())


def ward_profile(area_code: str) -> dict:
    """One ward's indicators, DTI scores and rank history."""
    return _ward_profile(*cache_key(), area_code, as_of())


def dti_map_values(period: str, pillar: str) -> pd.DataFrame:
    """Every ward's DTI score on a pillar for a period."""
    return _dti_map_values(*cache_key(), period, pillar)


def task_register() -> pd.DataFrame:
    """The 51 tasks on the as-of date."""
    return _task_register(*cache_key(), as_of())


def reporting() -> pd.DataFrame:
    """Every unit's reporting on the month before the as-of month."""
    return _reporting(*cache_key(), as_of())


def compliance() -> dict:
    """Who is late, not yet in or partly in on that month (domain.reporting.summary)."""
    return _compliance(*cache_key(), as_of())


def unit_report(unit: str) -> pd.DataFrame:
    """What a unit owes for the month, and what is in."""
    return _unit_report(*cache_key(), unit, as_of())
