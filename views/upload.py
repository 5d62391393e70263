"""Tải dữ liệu: templates, then check an analyst's file, show the problems or a preview, and commit."""
import streamlit as st

from cantho_dash.web import session as ui, auth as ui_auth, upload as ui_ingest


ui.page_header("page_upload")
account = ui_auth.require("analyst")   # without an analyst sign-in the page stops here: no file input
ui_ingest.templates_section()

if message := st.session_state.pop("upload_done", None):
    st.success(message, icon=":material/task_alt:")

kind = st.selectbox(ui.tr("kind"), [None, *ui_ingest.KINDS], key="upload_kind",
                          format_func=lambda k: ui.tr("kind_auto") if k is None else ui.tr(f"kind_{k}"))
uploaded = st.file_uploader(ui.tr("choose_file"), type=ui_ingest.UPLOAD_TYPES, key="upload_file",
                            max_upload_size=ui_ingest.max_upload_mb())
if uploaded is None:
    ui_ingest.forget_checked("checked")     # a file taken off the page is let go of, its check too
    st.stop()

checked = ui_ingest.check(uploaded, kind, account.unit)
if checked.duplicate_of:
    st.info(ui_ingest.duplicate_message(checked), icon=":material/content_copy:")
elif not checked.ok:
    ui_ingest.show_problems(checked)
else:
    st.header(ui.tr("preview"))
    ui_ingest.show_preview(checked)
    if st.button(ui.tr("confirm"), type="primary", icon=":material/save:", key="confirm_upload"):
        upload_id = ui_ingest.commit(checked, account.name)
        st.session_state["upload_done"] = ui.tr("committed").format(id=upload_id, n=checked.staged.rows)
        st.rerun()
