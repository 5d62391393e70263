"""Nhiệm vụ: the 51 tasks of Appendix II, overdue ones first, by agency, on a timeline."""
import streamlit as st

from cantho_dash.present import tables, timeline
from cantho_dash.web import session as ui, tasks as ui_tasks
from cantho_dash.web import widgets
from cantho_dash.web import cache

lang = ui.lang()
ui.page_header("page_tasks")
ui_tasks.compliance_notice()

register = ui_tasks.register()
agencies = cache.agencies().set_index("code")["name_en" if lang == "en" else "name_vi"]
leads = sorted({code for codes in register["lead_codes"] for code in codes}, key=lambda c: agencies.get(c, c))

agency_col, state_col, rec_col = st.columns([2, 3, 2])
agency = agency_col.selectbox(ui.tr("filter_agency"), [None, *leads], key="t_agency",
                              format_func=lambda c: ui.tr("all") if c is None else agencies.get(c, c))
states = state_col.pills(ui.tr("filter_state"), ["overdue", "at_risk", "due_soon", "in_progress", "blocked",
                                                "not_started", "done"], selection_mode="multi", key="t_state", format_func=lambda s: ui.tr(f"task_{s}"))
recurrences = rec_col.pills(ui.tr("filter_recurrence"), ["once", "quarterly", "continuous"], selection_mode="multi",
                            key="t_recurrence", format_func=lambda r: ui.tr(f"rec_{r}"))

shown = register
if agency:
    shown = shown[shown["lead_codes"].map(lambda codes: agency in codes)]
if states:
    shown = shown[shown["state"].isin(states)]
if recurrences:
    shown = shown[shown["recurrence"].isin(recurrences)]
shown = shown.sort_values(["overdue", "at_risk", "due_soon", "task_no"], ascending=[False, False, False, True])
st.caption(f"{ui.tr('shown')}: {len(shown)}/{len(register)}")
st.dataframe(tables.grid_safe(ui_tasks.table(shown)), hide_index=True, width="stretch", height=min(40 + 35 * len(shown), 900))

st.subheader(ui.tr("tasks_summary"))
st.dataframe(tables.grid_safe(ui_tasks.summary(register)), hide_index=True, width="stretch")

st.subheader(ui.tr("tasks_timeline"))
widgets.chart(timeline.task_timeline(shown, ui.as_of(), lang), "tasks_timeline", ui.tr("tasks_timeline"))
