"""The Streamlit session: the store's engine, the language, the as-of date and the data version every
cached read is keyed by. Nothing below the web layer knows about Streamlit."""
from __future__ import annotations

import time
from datetime import date

import streamlit as st

from cantho_dash import config
from cantho_dash.domain.periods import parse_period
from cantho_dash.store import engine as db
from cantho_dash.store import filelock
from cantho_dash.store import queries
from cantho_dash.store.bootstrap import ensure_ready
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_date, fmt_decimal, fmt_number, fmt_percent, md_literal


@st.cache_resource(show_spinner=False)
def engine_for(url: str):
    """One engine per store and process; the schema, catalog and demo data are made on first use."""
    engine = db.make_engine(url)
    ensure_ready(engine, config.settings())
    return engine


def engine():
    """The engine of the configured store, or a friendly stop when the file is locked."""
    try:
        return engine_for(config.settings().db_url)
    except db.StoreLockedError as exc:
        st.error(str(exc))
        st.stop()


def lang() -> str:
    """The chosen UI language: 'vi' (default) or 'en'."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = "en" if st.query_params.get("lang") == "en" else "vi"
    return st.session_state["lang"]


def tr(key: str) -> str:
    """The UI string key in the chosen language."""
    return t(key, lang())


AS_OF_RANGE = (date(2020, 1, 1), date(2099, 12, 31))    # the dates a page can be judged on


def as_of() -> date:
    """The as-of date: chosen in the sidebar, or ?as_of=YYYY-MM-DD, or CANTHO_AS_OF, else today. A
    date the page cannot be judged on (not a date, or outside AS_OF_RANGE) is refused in words."""
    if "as_of" not in st.session_state:
        given = st.query_params.get("as_of", "")
        try:
            day = date.fromisoformat(given) if given else None
        except ValueError:
            day = None
        if day is None or not AS_OF_RANGE[0] <= day <= AS_OF_RANGE[1]:
            if given:
                st.warning(tr("as_of_refused").format(given=given[:40], low=fmt_date(AS_OF_RANGE[0], lang()),
                                                      high=fmt_date(AS_OF_RANGE[1], lang())), icon=":material/event_busy:")
            day = config.default_as_of()
        st.session_state["as_of"] = day
    return st.session_state["as_of"]


VERSION_SECONDS = 1.0     # a server store's version is read again after this
STAMP_SECONDS = 60.0      # a DuckDB file's, while the file on disk is unchanged, after this
# Seconds a cached read, scene or figure is kept. Every key holds the data version and the as-of
# date, so a commit never shows stale figures: this only lets old versions go. An hour, not a minute:
# a shorter life made every viewer after it rebuild the scenes (a new session's CPU tripled).
KEEP_SECONDS = 3600
_versions: dict[str, tuple[float, int, tuple | None]] = {}


def data_version() -> int:
    """Changes with every commit or rollback; part of every cache key. Read from the store at most once
    a second (a page asks for it dozens of times per run); forget_version() after a write. A DuckDB
    file is not opened again while it lies unchanged on disk (filelock.file_stamp): opening it was a
    third of a new session's page run, and every open page's update check opened it again."""
    url = config.settings().db_url
    current = engine()
    stamp = filelock.file_stamp(current)          # taken before the read: a commit in between changes it
    seen = _versions.get(url)
    if seen is not None:
        age = time.monotonic() - seen[0]
        if age < VERSION_SECONDS or (stamp is not None and stamp == seen[2] and age < STAMP_SECONDS):
            return seen[1]
    version = queries.data_version(current)
    _versions[url] = (time.monotonic(), version, stamp)
    return version


def forget_version() -> None:
    """After this process wrote to the store: the next data_version() reads it afresh."""
    _versions.clear()


def cache_key() -> tuple[str, int]:
    """(store URL, data version): the first arguments of every cached read."""
    return config.settings().db_url, data_version()


def literal(text: object) -> str:
    """Text from a file or the store (names, notes) for a place that reads markdown: shown as it is."""
    return md_literal(text)


def period_label(code: str) -> str:
    """A period code as people say it, in the chosen language."""
    return parse_period(code).label(lang())


def number(value, decimals: int = 1) -> str:
    """A number the chosen language's way (76,5 in Vietnamese)."""
    return fmt_number(value, decimals, lang())


def decimal(value, decimals: int = 2) -> str:
    """A number without trailing zeros, the chosen language's way."""
    return fmt_decimal(value, decimals, lang())


def percent(value, decimals: int = 1) -> str:
    """A percentage the chosen language's way (76,5%)."""
    return fmt_percent(value, decimals, lang())


def day(value) -> str:
    """A date the chosen language's way (25/11/2026)."""
    return fmt_date(value, lang())


def status_label(code: str) -> str:
    """A status code's label in the chosen language."""
    return tr(f"status_{code}")


def page_header(title_key: str) -> None:
    """Page title with the as-of date."""
    st.title(f"{tr(title_key)} · {tr('app_title')}")
    st.caption(f"{tr('plan_ref')} · {tr('as_of')}: **{fmt_date(as_of(), lang())}**")
