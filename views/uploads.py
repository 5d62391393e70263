"""Lịch sử tải lên: every upload, with rollback and its undo."""
import streamlit as st

from cantho_dash.present import tables
from cantho_dash.web import session as ui, auth as ui_auth, upload as ui_ingest


ui.page_header("page_uploads")
st.caption(ui.tr("history_help"))

if message := st.session_state.pop("roll_done", None):
    st.success(message, icon=":material/history:")

history = ui_ingest.history()
st.dataframe(tables.grid_safe(ui_ingest.history_table(history)), hide_index=True, width="stretch")

account = ui_auth.current()
if not ui_auth.allows("analyst"):
    st.caption(ui.tr("rollback_needs"))
    st.stop()
if ui_ingest.demo_active():
    with st.expander(ui.tr("clear_demo"), icon=":material/science:"):
        st.caption(ui.tr("clear_demo_help"))
        if st.button(ui.tr("clear_demo"), key="clear_demo"):
            st.session_state["roll_done"] = ui.tr("demo_cleared").format(n=ui_ingest.clear_demo(account.name))
            st.rerun()
choices = history[history["status"] != "cleared"]["id"].tolist()
if not choices:
    st.stop()
upload_id = st.selectbox(ui.tr("choose_upload"), choices, key="roll_choice",
                         format_func=lambda i: f"#{i} · {history.set_index('id').loc[i, 'filename'] or ''}")
upload = history.set_index("id").loc[upload_id].to_dict() | {"id": upload_id}
act, original = st.columns(2)
undo = upload["status"] == "rolled_back"
if act.button(ui.tr("restore" if undo else "rollback"), type="primary",
              icon=":material/undo:" if not undo else ":material/redo:", key="roll_button"):
    error = ui_ingest.roll(upload_id, undo, account.name, account.unit)
    if error:
        st.error(error)
    else:
        st.session_state["roll_done"] = ui.tr("restored" if undo else "rolled_back").format(id=upload_id)
        st.rerun()
if (archived := ui_ingest.archived_file(upload)) is not None:
    original.download_button(ui.tr("download_original"), archived[0], file_name=archived[1],
                             icon=":material/download:", key="original_file")
