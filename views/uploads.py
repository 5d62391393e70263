"""Lịch sử tải lên: every upload, with rollback and its undo."""
import streamlit as st

from cantho_dash import ui, ui_ingest


ui.page_header("page_uploads")
st.caption(ui.tr("history_help"))

if message := st.session_state.pop("roll_done", None):
    st.success(message, icon=":material/history:")

history = ui_ingest.history()
st.dataframe(ui_ingest.history_table(history), hide_index=True, width="stretch")

choices = history[history["status"] != "cleared"]["id"].tolist()
if not choices:
    st.stop()
upload_id = st.selectbox(ui.tr("choose_upload"), choices, key="roll_choice",
                         format_func=lambda i: f"#{i} · {history.set_index('id').loc[i, 'filename'] or ''}")
upload = history.set_index("id").loc[upload_id].to_dict() | {"id": upload_id}
user = st.text_input(ui.tr("uploader"), key="roller", max_chars=80)
act, original = st.columns(2)
undo = upload["status"] == "rolled_back"
if act.button(ui.tr("restore" if undo else "rollback"), type="primary", disabled=not user.strip(),
              icon=":material/undo:" if not undo else ":material/redo:", key="roll_button"):
    error = ui_ingest.roll(upload_id, undo, user.strip())
    if error:
        st.error(error)
    else:
        st.session_state["roll_done"] = ui.tr("restored" if undo else "rolled_back").format(id=upload_id)
        st.rerun()
if (archived := ui_ingest.archived_file(upload)) is not None:
    original.download_button(ui.tr("download_original"), archived[0], file_name=archived[1],
                             icon=":material/download:", key="original_file")
