"""Routing only: page config, the store, navigation, the shared sidebar and the demo banner.

The page scripts live in views/, not pages/: next to an app that calls st.navigation, a pages/
folder still makes Streamlit serve some runs in its legacy multipage mode, which skips this file.
"""
import streamlit as st

from cantho_dash import ui

# A local icon: a Material icon as favicon would be fetched from fonts.gstatic.com.
st.set_page_config(page_title="IOC Chuyển đổi số Cần Thơ", page_icon=str(ui.ICON), layout="wide")
ui.engine()
ui.apply_style()
page = st.navigation([
    st.Page("views/overview.py", title=ui.tr("page_overview"), icon=":material/dashboard:", default=True),
    st.Page("views/targets.py", title=ui.tr("page_targets"), icon=":material/target:"),
    st.Page("views/league.py", title=ui.tr("page_league"), icon=":material/leaderboard:"),
    st.Page("views/map.py", title=ui.tr("page_map"), icon=":material/map:"),
    st.Page("views/upload.py", title=ui.tr("page_upload"), icon=":material/upload_file:"),
    st.Page("views/uploads.py", title=ui.tr("page_uploads"), icon=":material/history:"),
])
ui.sidebar()
ui.demo_banner()
ui.watch_updates()
page.run()
