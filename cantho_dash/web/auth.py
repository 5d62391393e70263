"""The Streamlit side of accounts: who is signed in, the sign-in form (rate-limited), the city's
identity provider through st.login when [auth] is in the secrets, and the admins' account manager."""
from __future__ import annotations

import hashlib
import logging

import pandas as pd
import streamlit as st

from cantho_dash.store import accounts as auth
from cantho_dash.store.signins import SignIns
from cantho_dash import config
from cantho_dash.present.tables import grid_safe
from cantho_dash.web import session as ui
from cantho_dash.domain.scope import unit_names

log = logging.getLogger("cantho_dash.auth")


def limiter() -> SignIns:
    """The failed sign-ins, kept beside the accounts file (every session, replica and restart sees them)."""
    return SignIns(config.settings().users_file)


def _address() -> str:
    return str(st.context.ip_address or "local") if isinstance(st.context.ip_address, str | None) else "local"


def _blocked(wait: float) -> str:
    return ui.tr("login_blocked").format(minutes=max(1, round(wait / 60)))


def accounts() -> auth.Accounts:
    return auth.Accounts(config.settings().users_file)


def oidc_configured() -> bool:
    """Whether .streamlit/secrets.toml has an [auth] section (then st.login is offered)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def browser_key() -> str:
    """A digest of the secret this browser holds: the token inside its `_streamlit_xsrf` cookie (the
    same for every page of one browser, while the cookie's mask changes with each response); ''
    without one. A sign-in is bound to it, so a session reached from another browser (with a
    session id read from a log) signs nobody in."""
    cookie = st.context.cookies.get("_streamlit_xsrf")
    raw = cookie.strip("\"'") if isinstance(cookie, str) else ""       # (AppTest has no cookies)
    parts = raw.split("|")
    try:
        if len(parts) == 4 and parts[0] == "2":          # version 2: 2|mask|masked token|time
            mask, masked = bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
            raw = bytes(b ^ mask[i % len(mask)] for i, b in enumerate(masked)).hex()
    except (ValueError, ZeroDivisionError):
        pass
    return hashlib.sha256(raw.encode()).hexdigest() if raw else ""


def current() -> auth.Account | None:
    """The signed-in account, read afresh (a role change or a disabled account counts at once)."""
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        email = str(st.user.get("email") or "")
        found = accounts().get(email) if email else None
        if found is not None and not found.disabled:
            return found
        return auth.Account(email or "oidc", "viewer", None, "")
    name = st.session_state.get("auth_name")
    if not name:
        return None
    if st.session_state.get("auth_browser", "") != browser_key():
        log.warning("signed out %r: the session was reached from another browser", name)
        st.session_state.pop("auth_name", None)
        st.session_state.pop("auth_browser", None)
        return None
    found = accounts().get(name)
    if found is None or found.disabled:
        st.session_state.pop("auth_name", None)
        return None
    return found


def role() -> str | None:
    account = current()
    return account.role if account else None


def allows(needed: str) -> bool:
    """Whether the signed-in account (if any) may do what needs the role `needed`."""
    return auth.allows(role(), needed)


def actor() -> str:
    """The name recorded in the audit for what this session does."""
    account = current()
    return account.name if account else ""


def _role_label(code: str) -> str:
    return ui.tr(f"role_{code}")


def _attempt(name: str, password: str) -> None:
    key, address = auth.name_key(name), _address()
    wait = limiter().wait(key, address)
    if wait > 0:
        log.warning("sign-in refused (rate limit): %r", name)
        st.session_state["login_error"] = _blocked(wait)
        return
    account = accounts().verify(name, password)
    if account is None:
        limiter().failed(key, address)
        log.warning("failed sign-in: %r", name)
        st.session_state["login_error"] = ui.tr("wrong_login")
        return
    limiter().succeeded(key)
    log.info("signed in: %s (%s)", account.name, account.role)
    st.session_state["auth_name"] = account.name
    st.session_state["auth_browser"] = browser_key()


def login_form(key: str = "login") -> None:
    """Sign-in: the city's identity provider when configured, and the dashboard's own accounts."""
    if oidc_configured():
        if st.button(ui.tr("sign_in_oidc"), key=f"{key}_oidc", type="primary", icon=":material/badge:"):
            st.login()
    with st.form(key, border=True):
        st.markdown(f"**{ui.tr('local_sign_in')}**")
        name = st.text_input(ui.tr("account_name"), key=f"{key}_name", max_chars=64)
        password = st.text_input(ui.tr("password"), type="password", key=f"{key}_password", max_chars=256)
        if st.form_submit_button(ui.tr("sign_in"), icon=":material/login:"):
            _attempt(name, password)
            if st.session_state.get("auth_name"):
                st.rerun()
    if error := st.session_state.pop("login_error", None):
        st.error(error, icon=":material/lock:")


def require(needed: str) -> auth.Account:
    """The signed-in account when its role allows `needed`; otherwise say so, offer the sign-in, stop."""
    account = current()
    if account is not None and auth.allows(account.role, needed):
        return account
    st.info(ui.tr("need_role").format(role=_role_label(needed)), icon=":material/lock:")
    login_form(f"login_{needed}")
    st.stop()


def login_gate() -> None:
    """With CANTHO_LOGIN_REQUIRED and nobody signed in: nothing but the sign-in (the run stops here)."""
    if not config.settings().login_required or current() is not None:
        return
    st.title(ui.tr("app_title"))
    st.info(ui.tr("need_login"), icon=":material/lock:")
    login_form()
    st.stop()


def sign_out() -> None:
    st.session_state.pop("auth_name", None)
    st.session_state.pop("auth_browser", None)
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
    st.rerun()


def sidebar_status() -> None:
    """Who is signed in, with a sign-out button; or a link to sign in."""
    account = current()
    with st.sidebar:
        if account is None:
            st.caption(ui.tr("not_signed_in"))
            st.page_link("views/account.py", label=ui.tr("sign_in"), icon=":material/login:")
        else:
            st.caption(ui.tr("signed_in_as").format(name=account.name, role=_role_label(account.role)))
            if account.unit:
                st.caption(ui.tr("unit_of_account").format(
                    unit=ui.literal(unit_names().get(account.unit, account.unit))))
            if st.button(ui.tr("sign_out"), key="sidebar_sign_out", icon=":material/logout:", type="tertiary"):
                sign_out()


def own_account(account: auth.Account) -> None:
    """The signed-in person's name, role, sign-out and password change."""
    st.write(ui.tr("signed_in_as").format(name=account.name, role=_role_label(account.role)))
    if st.button(ui.tr("sign_out"), key="page_sign_out", icon=":material/logout:"):
        sign_out()
    if account.password_hash is None:
        return
    with st.form("own_password"):
        st.markdown(f"**{ui.tr('own_password')}**")
        old = st.text_input(ui.tr("password"), type="password", key="own_old")
        new = st.text_input(ui.tr("new_password"), type="password", key="own_new")
        if st.form_submit_button(ui.tr("set_password")):
            _change(lambda: _set_own_password(account.name, old, new), account.name)
    _show_outcome()


def _set_own_password(name: str, old: str, new: str) -> None:
    """The old password is checked under the same limits as a sign-in."""
    key, address = auth.name_key(name), _address()
    if (wait := limiter().wait(key, address)) > 0:
        log.warning("password change refused (rate limit): %r", name)
        raise auth.AccountError(_blocked(wait))
    if accounts().verify(name, old) is None:
        limiter().failed(key, address)
        log.warning("wrong old password: %r", name)
        raise auth.AccountError(ui.tr("wrong_login"))
    limiter().succeeded(key)
    accounts().set_password(name, new)


def _change(action, name: str) -> None:
    try:
        action()
    except auth.AccountError as exc:
        st.session_state["account_outcome"] = ("error", str(exc))
        return
    log.info("account %s changed by %s", name, actor())
    st.session_state["account_outcome"] = ("success", ui.tr("account_done").format(name=name))


def _show_outcome() -> None:
    if outcome := st.session_state.pop("account_outcome", None):
        (st.error if outcome[0] == "error" else st.success)(outcome[1])


def accounts_table(rows: list[auth.Account]) -> pd.DataFrame:
    return pd.DataFrame({
        ui.tr("account_name"): [a.name for a in rows],
        ui.tr("col_role"): [_role_label(a.role) for a in rows],
        ui.tr("col_login"): [ui.tr("login_oidc" if a.password_hash is None else "login_password") for a in rows],
        ui.tr("col_state"): [ui.tr("disabled" if a.disabled else "enabled") for a in rows],
        ui.tr("col_unit_of"): [f"{a.unit} · {unit_names().get(a.unit, '?')}" if a.unit else ui.tr("unit_city")
                               for a in rows],
        ui.tr("col_created"): [a.created_at for a in rows],
    })


def _units() -> list[str | None]:
    return [None, *unit_names()]


def _unit_label(code: str | None) -> str:
    return ui.tr("unit_city") if code is None else f"{unit_names()[code]} ({code})"


def manage_accounts() -> None:
    """Admins: every account, adding one, and changing role, password or state, or removing it."""
    st.header(ui.tr("accounts"))
    store = accounts()
    rows = store.all()
    st.dataframe(grid_safe(accounts_table(rows)), hide_index=True, width="stretch")
    with st.form("add_account", clear_on_submit=True):
        st.markdown(f"**{ui.tr('add_account')}**")
        name_col, role_col = st.columns(2)
        name = name_col.text_input(ui.tr("account_name"), key="new_account_name", max_chars=64)
        new_role = role_col.selectbox(ui.tr("col_role"), auth.ROLES, index=1, format_func=_role_label, key="new_account_role")
        password = st.text_input(ui.tr("password"), type="password", key="new_account_password")
        unit = st.selectbox(ui.tr("col_unit_of"), _units(), format_func=_unit_label, key="new_account_unit")
        oidc = st.checkbox(ui.tr("oidc_only"), key="new_account_oidc")
        if st.form_submit_button(ui.tr("create"), icon=":material/person_add:"):
            _change(lambda: store.add(name, new_role, None if oidc else password, unit), name)
            st.rerun()
    if rows:
        st.subheader(ui.tr("change_account"))
        chosen = st.selectbox(ui.tr("choose_account"), [a.name for a in rows], key="edit_account")
        account = store.get(chosen)
        role_col, pass_col = st.columns(2)
        with role_col:
            picked = st.selectbox(ui.tr("col_role"), auth.ROLES, index=auth.ROLES.index(account.role),
                                  format_func=_role_label, key=f"edit_role_{chosen}")
            if st.button(ui.tr("apply_role"), key="apply_role"):
                _change(lambda: store.set_role(chosen, picked), chosen)
                st.rerun()
        with pass_col:
            new = st.text_input(ui.tr("new_password"), type="password", key=f"edit_password_{chosen}")
            if st.button(ui.tr("set_password"), key="apply_password"):
                _change(lambda: store.set_password(chosen, new), chosen)
                st.rerun()
        picked_unit = st.selectbox(ui.tr("col_unit_of"), _units(), index=_units().index(account.unit)
                                   if account.unit in _units() else 0, format_func=_unit_label, key=f"edit_unit_{chosen}")
        if st.button(ui.tr("apply_unit"), key="apply_unit"):
            _change(lambda: store.set_unit(chosen, picked_unit), chosen)
            st.rerun()
        lock_col, remove_col = st.columns(2)
        if lock_col.button(ui.tr("enable" if account.disabled else "disable"), key="toggle_account"):
            _change(lambda: store.set_disabled(chosen, not account.disabled), chosen)
            st.rerun()
        if remove_col.button(ui.tr("remove"), key="remove_account", icon=":material/person_remove:"):
            _change(lambda: store.remove(chosen), chosen)
            st.rerun()
    _show_outcome()
