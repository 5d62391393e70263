"""Xuất báo cáo: the meeting pack in one click: the deck, the monthly report and the PNG images."""
import streamlit as st

from cantho_dash.web import session as ui, export as ui_export

ui.page_header("page_export")
st.caption(ui.tr("pack_help"))
if ui_export.unavailable():
    st.error(ui_export.unavailable(), icon=":material/error:")
    st.stop()
last_meeting = ui_export.since()
if st.button(ui.tr("pack_build"), type="primary", icon=":material/slideshow:", key="pack_build"):
    ui_export.build(last_meeting)
ui_export.downloads()
