"""The Streamlit side of the meeting pack."""
from __future__ import annotations

import streamlit as st

from cantho_dash.export import png as export, pack
from cantho_dash.web import session as ui
from cantho_dash.words.formats import fmt_date, fmt_number
from cantho_dash.web import widgets


def unavailable() -> str | None:
    """Why images cannot be made here (no browser for kaleido), or None."""
    return None if widgets.browser_path() else export.CHROME_HELP


def build() -> None:
    """Make the pack for the as-of date, size and language, and keep it in the session."""
    size = st.session_state.get("png_size", "1920x1080")
    with st.spinner(ui.tr("pack_build") + "…"):
        items, archive, deck, seconds = pack.build(ui.engine(), ui.as_of(), ui.lang(), size)
    st.session_state["pack"] = {"zip": archive, "pptx": deck, "images": len(items), "slides": len(items) + 1,
                                "seconds": seconds, "as_of": ui.as_of(), "previews": [(i.title, i.png) for i in items]}


def downloads() -> None:
    """The downloads and the previews of the last pack made in this session."""
    made = st.session_state.get("pack")
    if not made:
        return
    lang = ui.lang()
    st.success(ui.tr("pack_ready").format(n=made["images"], slides=made["slides"],
                                          seconds=fmt_number(made["seconds"], 1, lang)), icon=":material/task_alt:")
    stamp = fmt_date(made["as_of"], "vi").replace("/", "-")
    left, right = st.columns(2)
    left.download_button(ui.tr("pack_pptx"), made["pptx"], file_name=f"giao_ban_{stamp}.pptx", key="pack_pptx",
                         mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                         icon=":material/slideshow:", on_click="ignore")
    right.download_button(ui.tr("pack_zip"), made["zip"], file_name=f"hinh_anh_{stamp}.zip", key="pack_zip",
                          mime="application/zip", icon=":material/folder_zip:", on_click="ignore")
    for title, image in made["previews"]:
        st.image(image, caption=title)
