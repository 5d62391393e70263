"""Báo cáo của đơn vị: what a reporting unit owes for the month, and the form to report it."""
import streamlit as st

from cantho_dash.web import session as ui, auth as ui_auth, unit as ui_unit
from cantho_dash.web import cache

ui.page_header("page_unit")
account = ui_auth.require("analyst")   # a unit's analyst, or a city analyst who picks any unit
if message := st.session_state.pop("upload_done", None):
    st.success(message, icon=":material/task_alt:")
unit = ui_unit.choose_unit(account)
if unit is None:
    ui_unit.city_view()
    st.stop()
owed = cache.unit_report(unit)
if owed.empty:
    st.info(ui.tr("unit_owes_nothing"))
    st.stop()
ui_unit.status_line(owed)
ui_unit.owed_table(owed)
st.subheader(ui.tr("entry_title"))
st.caption(ui.tr("entry_help"))
ui_unit.entry_form(unit, owed, account)
ui_unit.templates(unit, owed)
