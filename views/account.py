"""Tài khoản: sign in or out, change one's password; admins manage every account."""
import streamlit as st

from cantho_dash.web import session as ui, auth as ui_auth


ui.page_header("page_account")
account = ui_auth.current()
if account is None:
    ui_auth.login_form()
    st.stop()
ui_auth.own_account(account)
if account.role == "admin":
    ui_auth.manage_accounts()
