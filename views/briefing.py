"""Chế độ phòng họp: the full-screen rotating show for the briefing room."""
import streamlit as st

from cantho_dash.web import session as ui, briefing as ui_briefing
from cantho_dash.web import chrome

ui_briefing.style()
ui_briefing.header()
chrome.demo_banner()
ui_briefing.show()
if st.button(ui.tr("briefing_exit"), type="tertiary", key="briefing_exit"):
    st.query_params.clear()
    st.rerun()
