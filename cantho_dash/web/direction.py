"""The needs-direction block: four short tables, each under its heading with how many in all, on the
Overview page and as the first scene of the briefing wall (scenes.direction composes it)."""
from __future__ import annotations

import streamlit as st

from cantho_dash.present import wall
from cantho_dash.web import scenes
from cantho_dash.web import session as ui
from cantho_dash.web.session import KEEP_SECONDS, as_of, cache_key, lang

BLOCKS = (("behind", "dir_behind", ":material/trending_down:"), ("overdue", "dir_overdue", ":material/alarm:"),
          ("at_risk", "dir_at_risk", ":material/warning:"), ("late", "dir_late", ":material/schedule_send:"))


def numeric_columns(table) -> tuple[str, ...]:
    """The columns whose every cell is a figure (aligned right)."""
    return tuple(c for c in table.columns if table[c].astype(str).str.fullmatch(r"[\d.,%+−-]+").all())


def long_columns(table, numeric: tuple[str, ...]) -> tuple[str, ...]:
    """The text columns that may wrap over two lines (codes and short cells stay on one)."""
    return tuple(c for c in table.columns if c not in numeric and table[c].astype(str).str.len().max() > 12)


@st.cache_resource(ttl=KEEP_SECONDS, max_entries=16, show_spinner=False)
def _html(url: str, version: int, day, language: str) -> dict[str, tuple[str, str]]:
    """Each block's (table, list) HTML, made once per data version, as-of date and language."""
    scene = scenes.direction()
    out = {}
    for name, _, _ in BLOCKS:
        table = getattr(scene, name)
        numeric = numeric_columns(table)
        out[name] = (wall.table(table, numeric, wrap=long_columns(table, numeric)),
                     wall.items(scene.items[name], limit=None))
    return out


def block() -> None:
    """The four blocks in a 2x2 grid, each a table of its few rows. A phone gets each block as a
    list that wraps instead of a table (chrome's style picks one)."""
    scene = scenes.direction()
    html = _html(*cache_key(), as_of(), lang())
    cells = st.columns(2) + st.columns(2)
    for cell, (name, heading, icon) in zip(cells, BLOCKS):
        table, count = getattr(scene, name), scene.counts[name]
        with cell.container(border=True):
            st.markdown(f"{icon} **{ui.tr(heading)}** · {count}")
            if table.empty:
                st.caption(ui.tr("dir_none"))
                continue
            with st.container(key=f"wide_{name}"):   # HTML, not a data grid: the page loads no grid code
                st.html(html[name][0])
            with st.container(key=f"narrow_{name}"):
                st.html(html[name][1])
            if count > len(table):
                st.caption(ui.tr("dir_more").format(n=count - len(table)))
