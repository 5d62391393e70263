"""The Streamlit boundary: cached engine and reads, language, as-of date, sidebar and banner.

Pages call these; nothing below the pages knows about Streamlit.
"""
from __future__ import annotations

import time
from datetime import date

import pandas as pd
import streamlit as st

from . import config, db, demo, export, queries, service
from .bootstrap import ensure_ready
from .i18n import fmt_date, t
from .periods import month

ICON = config.ROOT / "static" / "icon.png"


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


def as_of() -> date:
    """The as-of date: chosen in the sidebar, or ?as_of=YYYY-MM-DD, or CANTHO_AS_OF, else today."""
    if "as_of" not in st.session_state:
        try:
            st.session_state["as_of"] = date.fromisoformat(st.query_params.get("as_of", ""))
        except ValueError:
            st.session_state["as_of"] = config.default_as_of()
    return st.session_state["as_of"]


_VERSION_SECONDS = 1.0
_versions: dict[str, tuple[float, int]] = {}


def data_version() -> int:
    """Changes with every commit or rollback; part of every cache key below. Read from the store at
    most once a second (a page asks for it dozens of times per run); forget_version() after a write."""
    url = config.settings().db_url
    seen = _versions.get(url)
    if seen is not None and time.monotonic() - seen[0] < _VERSION_SECONDS:
        return seen[1]
    version = queries.data_version(engine())
    _versions[url] = (time.monotonic(), version)
    return version


def forget_version() -> None:
    """After this process wrote to the store: the next data_version() reads it afresh."""
    _versions.clear()


@st.cache_data(ttl=60, max_entries=64, show_spinner=False)
def _target_status(url: str, version: int, day: date) -> pd.DataFrame:
    return service.target_status(engine_for(url), day)


@st.cache_data(ttl=60, max_entries=64, show_spinner=False)
def _series(url: str, version: int, day: date) -> pd.DataFrame:
    return service.series(engine_for(url), day)


@st.cache_data(ttl=60, max_entries=16, show_spinner=False)
def _reference(url: str, version: int, name: str) -> pd.DataFrame:
    return getattr(queries, name)(engine_for(url))


@st.cache_data(ttl=60, max_entries=64, show_spinner=False)
def _freshness(url: str, version: int, day: date) -> dict:
    return queries.freshness(engine_for(url), day)


@st.cache_data(ttl=60, max_entries=4, show_spinner=False)
def _demo_active(url: str, version: int) -> bool:
    return demo.active(engine_for(url))


def cache_key() -> tuple[str, int]:
    """(store URL, data version): the first arguments of every cached read."""
    return config.settings().db_url, data_version()


_key = cache_key


def target_status() -> pd.DataFrame:
    """Every target with its status on the as-of date."""
    return _target_status(*_key(), as_of())


def series() -> pd.DataFrame:
    """City-wide value history of every indicator up to the as-of date."""
    return _series(*_key(), as_of())


def reference(name: str) -> pd.DataFrame:
    """A reference table: 'pillars', 'agencies', 'wards', 'tasks' or 'target_parts'."""
    return _reference(*_key(), name)


def apply_style() -> None:
    """Large figures for a wall screen (our own constant CSS, no data in it)."""
    st.html("<style>[data-testid='stMetricValue']{font-size:3.4rem;line-height:1.1}"
            "[data-testid='stMetricLabel'] p{font-size:1.15rem}</style>")


def sidebar() -> None:
    """Language switch, as-of date and data freshness."""
    with st.sidebar:
        choice = st.segmented_control(t("language", lang()), ["vi", "en"], default=lang(), key="lang_choice",
                                      format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code])
        if choice and choice != st.session_state["lang"]:
            st.session_state["lang"] = choice
            st.rerun()
        st.date_input(tr("as_of"), value=as_of(), key="as_of_input", format="DD/MM/YYYY", help=tr("as_of_help"),
                      on_change=lambda: st.session_state.update(as_of=st.session_state["as_of_input"]))
        st.segmented_control(tr("png_size"), list(export.SIZES), default="1920x1080", key="png_size")
        if st.toggle(tr("briefing"), key="briefing_toggle", help=tr("briefing_help")):
            st.session_state["briefing_toggle"] = False
            st.query_params["mode"] = "briefing"
            st.rerun()
        fresh = _freshness(*_key(), as_of())
        newest = month(fresh["period_end"].year, fresh["period_end"].month).label(lang()) if fresh["period_end"] else tr("no_uploads")
        st.caption(f"{tr('newest_period')}: **{newest}**  \n"
                   f"{tr('freshness')}: **{fmt_date(fresh['uploaded_at'], lang()) if fresh['uploaded_at'] else tr('no_uploads')}**")


def demo_banner() -> None:
    """The 'Dữ liệu minh họa' banner, on every page while demo rows are shown."""
    if _demo_active(*_key()):
        st.warning(tr("demo_banner"), icon=":material/science:")


def period_label(code: str) -> str:
    """A period code as people say it, in the chosen language."""
    from .periods import parse_period

    return parse_period(code).label(lang())


def page_header(title_key: str) -> None:
    """Page title with the as-of date."""
    st.title(f"{tr(title_key)} · {tr('app_title')}")
    st.caption(f"{tr('plan_ref')} · {tr('as_of')}: **{fmt_date(as_of(), lang())}**")


TABLE_PAGE_ROWS = 120  # Cần Thơ's 103 wards fit on one page


def table_page(frame: pd.DataFrame, key: str, rows: int = TABLE_PAGE_ROWS) -> tuple[pd.DataFrame, int, int]:
    """One page of a long table (a national league has thousands of rows), with a page picker;
    a table that fits on one page is returned whole. Returns (rows shown, first, last), 1-based."""
    pages = max(1, -(-len(frame) // rows))
    if pages == 1:
        return frame, 1, len(frame)
    from .i18n import fmt_number

    number = st.number_input(tr("table_page"), min_value=1, max_value=pages, value=1, step=1, key=key)
    first, last = (number - 1) * rows + 1, min(number * rows, len(frame))
    st.caption(tr("table_rows").format(first=fmt_number(first, 0, lang()), last=fmt_number(last, 0, lang()),
                                       total=fmt_number(len(frame), 0, lang())))
    return frame.iloc[first - 1:last], first, last


@st.fragment(run_every=30)
def watch_updates() -> None:
    """Every 30 s, rerun the page if another session committed or rolled back (issue #3: within 60 s)."""
    version = data_version()
    seen = st.session_state.setdefault("seen_version", version)
    if version != seen:
        st.session_state["seen_version"] = version
        st.rerun(scope="app")


@st.cache_data(ttl=60, max_entries=128, show_spinner=False)
def _call(url: str, version: int, module: str, name: str, *args):
    import importlib

    return getattr(importlib.import_module(f"cantho_dash.{module}"), name)(engine_for(url), *args)


def call(module: str, name: str, *args):
    """cantho_dash.<module>.<name>(engine, *args), cached until the next commit or rollback."""
    return _call(*cache_key(), module, name, *args)


@st.cache_resource(show_spinner=False)
def _chrome() -> str | None:
    return export.find_chrome()


@st.cache_data(ttl=60, max_entries=16, show_spinner=False)
def _source(url: str, version: int, language: str) -> str:
    engine = engine_for(url)
    return export.source_line(demo.active(engine), queries.latest_upload(engine), language)


def png_button(fig, key: str, title: str) -> None:
    """'Tải PNG': the chart (a figure, or a function making it) made on the server by kaleido when clicked, stamped with its title, the
    as-of date and its source; disabled, saying how to get a browser, where there is none."""
    size = st.session_state.get("png_size", "1920x1080")
    if not _chrome():
        st.download_button(tr("png"), b"", disabled=True, help=export.CHROME_HELP, key=f"png_{key}",
                           icon=":material/image:", type="tertiary")
        return
    mark = export.Stamp(as_of(), _source(*cache_key(), lang()), lang())
    st.download_button(tr("png"), data=lambda: export.png(fig() if callable(fig) else fig, title, mark, size), file_name=f"{key}_{size}.png",
                       mime="image/png", key=f"png_{key}", icon=":material/image:", type="tertiary",
                       on_click="ignore")


def chart(fig, key: str, title: str) -> None:
    """A plotly chart with its 'Tải PNG' button."""
    st.plotly_chart(fig, key=key, config={"displayModeBar": False})
    png_button(fig, key, title)
