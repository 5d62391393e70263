"""Chế độ phòng họp: the full-screen rotating show for the briefing room."""
import streamlit as st

from cantho_dash.web import session as ui, briefing as ui_briefing

ui_briefing.style()
ui_briefing.header()
ui_briefing.show()
if st.button(ui.tr("briefing_exit"), type="tertiary", key="briefing_exit"):
    st.query_params.clear()
    st.rerun()
