"""Routing only: page config, the store, navigation, the shared sidebar and the demo banner.

The page scripts live in views/, not pages/: next to an app that calls st.navigation, a pages/
folder still makes Streamlit serve some runs in its legacy multipage mode, which skips this file.
"""
import streamlit as st

from cantho_dash.web import session as ui, auth as ui_auth, briefing as ui_briefing
from cantho_dash.web import chrome

briefing = ui_briefing.requested()
# A local icon: a Material icon as favicon would be fetched from fonts.gstatic.com.
st.set_page_config(page_title="IOC Chuyển đổi số Cần Thơ", page_icon=str(chrome.ICON), layout="wide",
                   initial_sidebar_state="collapsed" if briefing else "auto")
ui.engine()
chrome.apply_style()
ui_auth.login_gate()   # CANTHO_LOGIN_REQUIRED: nothing but the sign-in until someone signs in
if briefing:
    st.navigation([st.Page("views/briefing.py", title=ui.tr("briefing"), default=True)], position="hidden").run()
    st.stop()
page = st.navigation([
    st.Page("views/overview.py", title=ui.tr("page_overview"), icon=":material/dashboard:", default=True),
    st.Page("views/targets.py", title=ui.tr("page_targets"), icon=":material/target:"),
    st.Page("views/tasks.py", title=ui.tr("page_tasks"), icon=":material/checklist:"),
    st.Page("views/league.py", title=ui.tr("page_league"), icon=":material/leaderboard:"),
    st.Page("views/map.py", title=ui.tr("page_map"), icon=":material/map:"),
    st.Page("views/export.py", title=ui.tr("page_export"), icon=":material/slideshow:"),
    st.Page("views/unit.py", title=ui.tr("page_unit"), icon=":material/assignment:"),
    st.Page("views/upload.py", title=ui.tr("page_upload"), icon=":material/upload_file:"),
    st.Page("views/uploads.py", title=ui.tr("page_uploads"), icon=":material/history:"),
    st.Page("views/account.py", title=ui.tr("page_account"), icon=":material/account_circle:"),
])
chrome.sidebar()
ui_auth.sidebar_status()
chrome.demo_banner()
chrome.watch_updates()
page.run()
