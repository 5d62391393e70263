"""The needs-direction block: four short tables, each under its heading with how many in all, on the
Overview page and as the first scene of the briefing wall (scenes.direction composes it)."""
from __future__ import annotations

import streamlit as st

from cantho_dash.present import wall
from cantho_dash.web import scenes
from cantho_dash.web import session as ui

BLOCKS = (("behind", "dir_behind", ":material/trending_down:"), ("overdue", "dir_overdue", ":material/alarm:"),
          ("at_risk", "dir_at_risk", ":material/warning:"), ("late", "dir_late", ":material/schedule_send:"))


def block(height: int | None = None) -> None:
    """The four blocks in a 2x2 grid; height: each table's height in pixels (None: its rows). A phone
    gets each block as a list that wraps instead of a table (chrome's style picks one)."""
    scene = scenes.direction()
    cells = st.columns(2) + st.columns(2)
    for cell, (name, heading, icon) in zip(cells, BLOCKS):
        table, count = getattr(scene, name), scene.counts[name]
        with cell.container(border=True):
            st.markdown(f"{icon} **{ui.tr(heading)}** · {count}")
            if table.empty:
                st.caption(ui.tr("dir_none"))
                continue
            with st.container(key=f"wide_{name}"):
                st.dataframe(table, hide_index=True, width="stretch", height=height or "auto")
            with st.container(key=f"narrow_{name}"):
                st.html(wall.items(scene.items[name], limit=None))
            if count > len(table):
                st.caption(ui.tr("dir_more").format(n=count - len(table)))
