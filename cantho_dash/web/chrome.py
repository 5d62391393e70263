"""What frames every page: the wall-screen style, the sidebar (language, as-of date, PNG size, the
briefing toggle, freshness), the demo banner, and the watch that reruns a page after a commit."""
from __future__ import annotations

import random
import time

import streamlit as st

from cantho_dash import config
from cantho_dash.domain.periods import month
from cantho_dash.export import png as export
from cantho_dash.present import wall
from cantho_dash.web import cache
from cantho_dash.web.session import AS_OF_RANGE, as_of, data_version, lang, tr
from cantho_dash.words.formats import fmt_date

ICON = config.ROOT / "static" / "icon.png"


STYLE = """<style>
[data-testid='stMetricValue'] {font-size: 3.4rem; line-height: 1.3;}
[data-testid='stMetricLabel'] p {font-size: 1.15rem;}
/* the skip link stays for keyboards, out of sight until it has the focus */
[data-testid='stSkipToContent']:not(:focus) {position: absolute; left: -10000px;}
/* a status's name wraps rather than being cut ('Chưa có số …') */
.st-key-status_counts [data-testid='stMetricLabel'], .st-key-status_counts [data-testid='stMetricLabel'] * {
  white-space: normal !important; overflow: visible !important; height: auto !important;}
/* filter chips wrap onto a second line: in a narrow column Streamlit's strip scrolls sideways
   with no scroll bar, and a laptop showed three of the seven task states */
.stMain [data-testid='stButtonGroup'] > div:last-child {flex-wrap: wrap; overflow-x: visible; row-gap: .4rem;}
/* the needs-direction tables on a page: a page's type size, not the wall's */
[class*='st-key-wide_'] .w-table {font-size: .9rem; height: auto;}
[class*='st-key-wide_'] .w-table th.w-n {white-space: normal;}
[class*='st-key-wide_'] .w-table td:not(:has(.w-two)) {white-space: nowrap;}
/* ... whose long cells wrap whole (a clamped cell still holds its hidden lines, over the next row) */
[class*='st-key-wide_'] .w-table .w-two {display: block; overflow: visible;}
/* a phone: the six counts in a 3x2 grid */
@media (max-width: 640px) {
  .st-key-status_counts [data-testid='stHorizontalBlock'] {flex-wrap: wrap !important; gap: .5rem !important;}
  .st-key-status_counts [data-testid='stColumn'] {flex: 1 1 30% !important; min-width: 30% !important; width: 30% !important;}
  .st-key-status_counts [data-testid='stMetricValue'] {font-size: 2rem;}
  .st-key-status_counts [data-testid='stMetricLabel'] p {font-size: .85rem;}
  .st-key-status_counts [data-testid='stMetric'] {padding: .4rem .5rem;}
  h1 {font-size: 1.9rem !important;}
  [class*='st-key-wide_'] {display: none !important;}
}
@media (min-width: 641px) {[class*='st-key-narrow_'] {display: none !important;}}
""" + wall.CSS + "</style>"


def apply_style() -> None:
    """Large figures for a wall screen, the phone's layout, and the tiles' look (our own constant CSS,
    no data in it)."""
    st.html(STYLE)


def sidebar() -> None:
    """Language switch, as-of date and data freshness."""
    with st.sidebar:
        choice = st.segmented_control(tr("language"), ["vi", "en"], default=lang(), key="lang_choice",
                                      format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code])
        if choice and choice != st.session_state["lang"]:
            st.session_state["lang"] = choice
            st.rerun()
        st.date_input(tr("as_of"), value=as_of(), key="as_of_input", format="DD/MM/YYYY", help=tr("as_of_help"),
                      min_value=AS_OF_RANGE[0], max_value=AS_OF_RANGE[1],
                      on_change=lambda: st.session_state.update(as_of=st.session_state["as_of_input"]))
        st.segmented_control(tr("png_size"), list(export.SIZES), default="1920x1080", key="png_size")
        if st.toggle(tr("briefing"), key="briefing_toggle", help=tr("briefing_help")):
            st.session_state["briefing_toggle"] = False
            st.query_params["mode"] = "briefing"
            st.rerun()
        fresh = cache.freshness()
        newest = (month(fresh["period_end"].year, fresh["period_end"].month).label(lang()) if fresh["period_end"]
                  else tr("no_uploads"))
        uploaded = fmt_date(fresh["uploaded_at"], lang()) if fresh["uploaded_at"] else tr("no_uploads")
        st.caption(f"{tr('newest_period')}: **{newest}**  \n{tr('freshness')}: **{uploaded}**")


def demo_banner() -> None:
    """The 'Dữ liệu minh họa' banner, on every page while demo rows are shown."""
    if cache.demo_active():
        st.warning(tr("demo_banner"), icon=":material/science:")


SPREAD = 5.0    # seconds over which the open sessions' reruns after a commit are spread


@st.fragment(run_every=10)
def watch_updates() -> None:
    """Every 10 s, rerun the page if another session, process or replica committed or rolled back
    (after this session's own wait of up to SPREAD seconds)."""
    version = data_version()
    seen = st.session_state.setdefault("seen_version", version)
    if version != seen:
        st.session_state["seen_version"] = version
        # this session's own wait, drawn once: sessions opened together (a wall of screens) do not
        # all rebuild their pages at the same instant after a commit
        time.sleep(st.session_state.setdefault("spread_delay", random.uniform(0, SPREAD)))
        st.rerun(scope="app")
