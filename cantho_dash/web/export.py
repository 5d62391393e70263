"""The Streamlit side of the meeting pack."""
from __future__ import annotations

import streamlit as st

from cantho_dash import config
from cantho_dash.export import briefing, pack, report
from cantho_dash.export import png as export
from cantho_dash.web import session as ui
from cantho_dash.web import widgets
from cantho_dash.words.formats import fmt_date, fmt_number


def unavailable() -> str | None:
    """Why images cannot be made here (no browser for kaleido), or None."""
    return None if widgets.browser_path() else export.CHROME_HELP


def since() -> object:
    """The last meeting's date, for 'since the last meeting' (default: a month before the as-of date)."""
    return st.date_input(ui.tr("pack_since"), value=briefing.month_before(ui.as_of()), max_value=ui.as_of(),
                         help=ui.tr("pack_since_help"), format="DD/MM/YYYY", key="pack_since")


def build(last_meeting) -> None:
    """Make the pack (deck, report, PNGs) for the as-of date, size and language, with a progress
    bar, and keep it in the session."""
    size = st.session_state.get("png_size", "1920x1080")
    bar = st.progress(0.0, text=ui.tr("pack_build") + "…")
    made = pack.build(ui.engine(), ui.as_of(), ui.lang(), size, last_meeting, report.issuer_of(config.settings()),
                      progress=lambda share, what: bar.progress(share, text=ui.tr(f"pack_step_{what}")))
    bar.empty()
    st.session_state["pack"] = {"zip": made.zip, "pptx": made.pptx, "docx": made.docx, "images": len(made.items),
                                "slides": made.slides, "seconds": made.seconds, "as_of": ui.as_of(),
                                "previews": [(i.title, i.png) for i in made.items]}


def downloads() -> None:
    """The downloads and the previews of the last pack made in this session."""
    made = st.session_state.get("pack")
    if not made:
        return
    lang = ui.lang()
    st.success(ui.tr("pack_ready").format(n=made["images"], slides=made["slides"],
                                          seconds=fmt_number(made["seconds"], 1, lang)), icon=":material/task_alt:")
    stamp = fmt_date(made["as_of"], "vi").replace("/", "-")
    left, middle, right = st.columns(3)
    middle.download_button(ui.tr("pack_docx"), made["docx"], file_name=f"bao_cao_{stamp}.docx", key="pack_docx",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           icon=":material/description:", on_click="ignore")
    left.download_button(ui.tr("pack_pptx"), made["pptx"], file_name=f"giao_ban_{stamp}.pptx", key="pack_pptx",
                         mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                         icon=":material/slideshow:", on_click="ignore")
    right.download_button(ui.tr("pack_zip"), made["zip"], file_name=f"hinh_anh_{stamp}.zip", key="pack_zip",
                          mime="application/zip", icon=":material/folder_zip:", on_click="ignore")
    for title, image in made["previews"]:
        st.image(image, caption=title)
