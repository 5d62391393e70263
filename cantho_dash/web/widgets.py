"""Pieces pages repeat: a chart with its 'Tải PNG' button (stamped with title, as-of date and source),
and one page of a long table."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from cantho_dash.export import png as export
from cantho_dash.web import cache
from cantho_dash.web.session import as_of, lang, tr
from cantho_dash.words.formats import fmt_number

TABLE_PAGE_ROWS = 120  # Cần Thơ's 103 wards fit on one page


@st.cache_resource(show_spinner=False)
def browser_path() -> str | None:
    """The Chrome or Chromium kaleido draws with (None: PNG export is unavailable)."""
    return export.find_chrome()


def source_line() -> str:
    """Where the figures come from: Plan 224, the newest upload, or 'Dữ liệu minh họa'."""
    return export.source_line(cache.demo_active(), cache.latest_upload(), lang())


def table_page(frame: pd.DataFrame, key: str, rows: int = TABLE_PAGE_ROWS) -> tuple[pd.DataFrame, int, int]:
    """One page of a long table (a national league has thousands of rows), with a page picker;
    a table that fits on one page is returned whole. Returns (rows shown, first, last), 1-based."""
    pages = max(1, -(-len(frame) // rows))
    if pages == 1:
        return frame, 1, len(frame)
    number = st.number_input(tr("table_page"), min_value=1, max_value=pages, value=1, step=1, key=key)
    first, last = (number - 1) * rows + 1, min(number * rows, len(frame))
    st.caption(tr("table_rows").format(first=fmt_number(first, 0, lang()), last=fmt_number(last, 0, lang()),
                                       total=fmt_number(len(frame), 0, lang())))
    return frame.iloc[first - 1:last], first, last


def png_button(fig, key: str, title: str) -> None:
    """'Tải PNG': the chart (a figure, or a function making it) made on the server by kaleido when
    clicked, stamped with its title, the as-of date and its source; disabled, saying how to get a
    browser, where there is none."""
    size = st.session_state.get("png_size", "1920x1080")
    if not browser_path():
        st.download_button(tr("png"), b"", disabled=True, help=export.CHROME_HELP, key=f"png_{key}",
                           icon=":material/image:", type="tertiary")
        return
    mark = export.Stamp(as_of(), source_line(), lang())
    st.download_button(tr("png"), data=lambda: export.png(fig() if callable(fig) else fig, title, mark, size),
                       file_name=f"{key}_{size}.png", mime="image/png", key=f"png_{key}", icon=":material/image:",
                       type="tertiary", on_click="ignore")


def chart(fig, key: str, title: str) -> None:
    """A plotly chart with its 'Tải PNG' button."""
    st.plotly_chart(fig, key=key, config={"displayModeBar": False})
    png_button(fig, key, title)
