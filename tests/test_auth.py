"""Accounts, roles, the failed-login limit, the `users` command and who may do what on the pages."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from cantho_dash.store import accounts as auth
from conftest import ADMIN, ANALYST, ROOT, add_accounts, make_store, sign_in


@pytest.fixture()
def accounts(tmp_path):
    return auth.Accounts(tmp_path / "users.json")


def test_passwords_are_argon2_hashes_and_verified(accounts):
    accounts.add("lan.nguyen", "analyst", "một mật khẩu dài")
    stored = json.loads(accounts.path.read_text(encoding="utf-8"))["accounts"][0]
    assert stored["password_hash"].startswith("$argon2id$") and "một mật khẩu" not in accounts.path.read_text("utf-8")
    assert accounts.verify("lan.nguyen", "một mật khẩu dài").role == "analyst"
    assert accounts.verify("LAN.NGUYEN", "một mật khẩu dài") is not None     # names are case-insensitive
    assert accounts.verify("lan.nguyen", "một mật khẩu dàI") is None
    assert accounts.verify("nobody", "một mật khẩu dài") is None
    assert accounts.verify("../etc", "x" * 20) is None
    if os.name == "posix":
        assert accounts.path.stat().st_mode & 0o077 == 0                    # owner only


def test_account_rules(accounts):
    with pytest.raises(auth.AccountError, match="10 ký tự"):
        accounts.add("lan", "analyst", "ngắn")
    with pytest.raises(auth.AccountError, match="2–64"):
        accounts.add("<img src=x>", "analyst", "đủ dài rồi nhé")
    with pytest.raises(auth.AccountError, match="role"):
        accounts.add("lan", "superuser", "đủ dài rồi nhé")
    accounts.add("lan", "analyst", "đủ dài rồi nhé")
    with pytest.raises(auth.AccountError, match="Đã có"):
        accounts.add("LAN", "viewer", "đủ dài rồi nhé")
    accounts.add("boss", "admin", "đủ dài rồi nhé")
    with pytest.raises(auth.AccountError, match="quản trị"):
        accounts.remove("boss")                                             # the last admin stays
    with pytest.raises(auth.AccountError, match="quản trị"):
        accounts.set_role("boss", "analyst")
    accounts.set_disabled("lan", True)
    assert accounts.verify("lan", "đủ dài rồi nhé") is None                 # a disabled account cannot sign in
    accounts.set_disabled("lan", False)
    accounts.set_password("lan", "mật khẩu mới dài")
    assert accounts.verify("lan", "đủ dài rồi nhé") is None and accounts.verify("lan", "mật khẩu mới dài")
    oidc = accounts.add("an@cantho.gov.vn", "analyst", None)
    assert oidc.password_hash is None and accounts.verify("an@cantho.gov.vn", "") is None
    accounts.remove("lan")
    assert [a.name for a in accounts.all()] == ["an@cantho.gov.vn", "boss"]


def test_roles_are_ordered():
    assert auth.allows("admin", "analyst") and auth.allows("analyst", "analyst")
    assert not auth.allows("viewer", "analyst") and not auth.allows(None, "viewer")
    assert not auth.allows("analyst", "admin")


def test_failed_sign_ins_hold_an_account_with_a_backoff_and_an_address_only_at_fifty(tmp_path):
    from cantho_dash.store.signins import SignIns

    now = [1000.0]
    limits = SignIns(tmp_path / "users.json", clock=lambda: now[0])
    for _ in range(4):
        limits.failed("lan", "10.0.0.1")
    assert limits.wait("lan", "10.0.0.1") == 0
    limits.failed("lan", "10.0.0.1")
    assert limits.wait("lan") == pytest.approx(60)                          # the 5th: a minute
    limits.failed("lan", "10.0.0.1")
    assert limits.wait("lan") == pytest.approx(120)                         # then twice as long
    assert limits.wait("other", "10.0.0.1") == 0                            # the same office: not locked out
    assert SignIns(tmp_path / "users.json", clock=lambda: now[0]).wait("lan") == pytest.approx(120)  # a restart
    for i in range(44):
        limits.failed(f"guess{i}", "10.0.0.1")
    assert limits.wait("other", "10.0.0.1") > 0 and limits.wait("other", "10.0.0.2") == 0   # 50 from one address
    now[0] += 121
    assert limits.wait("lan") == 0
    limits.succeeded("lan")
    for _ in range(5):
        limits.failed("lan")
    assert limits.wait("lan") == pytest.approx(60)                          # the count started afresh
    for _ in range(20):
        limits.failed("lan")
    assert limits.wait("lan") == pytest.approx(3600)                        # at most an hour


def _cli(users_file, *args, stdin=""):
    env = dict(os.environ, CANTHO_USERS_FILE=str(users_file))
    return subprocess.run([sys.executable, "-m", "cantho_dash", "users", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, encoding="utf-8", timeout=60)


def test_users_command(tmp_path):
    users = tmp_path / "users.json"
    made = _cli(users, "add", "lan.nguyen", "--role", "analyst", stdin="một mật khẩu dài\n")
    assert made.returncode == 0 and "lan.nguyen (analyst)" in made.stdout
    assert auth.Accounts(users).verify("lan.nguyen", "một mật khẩu dài").role == "analyst"
    short = _cli(users, "add", "b", "--role", "admin", stdin="x\n")
    assert short.returncode == 1 and "Traceback" not in short.stderr
    assert _cli(users, "add", "an@cantho.gov.vn", "--role", "admin", "--oidc").returncode == 0
    listed = _cli(users, "list").stdout
    assert "lan.nguyen" in listed and "oidc" in listed and "argon2" not in listed
    assert _cli(users, "role", "lan.nguyen", "admin").returncode == 0
    assert auth.Accounts(users).get("lan.nguyen").role == "admin"
    assert _cli(users, "disable", "lan.nguyen").returncode == 0 and auth.Accounts(users).get("lan.nguyen").disabled
    assert _cli(users, "remove", "lan.nguyen").returncode == 0 and auth.Accounts(users).get("lan.nguyen") is None


def test_users_command_works_while_the_dashboard_holds_the_store(tmp_path):
    """Accounts are outside the DuckDB file, so `users add` works beside the running dashboard."""
    store = tmp_path / "held.duckdb"
    make_store(store, demo=False).dispose()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb,sys; c=duckdb.connect(sys.argv[1]); print('ready', flush=True); "
                               "sys.stdin.read()", str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        made = _cli(tmp_path / "users.json", "add", "lan.nguyen", "--role", "analyst", stdin="một mật khẩu dài\n")
        assert made.returncode == 0
    finally:
        holder.kill()


def _app(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page(page)
    return at.run()


@pytest.fixture()
def with_accounts(app_env):
    add_accounts(os.environ["CANTHO_USERS_FILE"])


def test_failed_sign_ins_are_rate_limited(with_accounts):
    at = _app("views/account.py")
    from cantho_dash.web import auth as ui_auth

    ui_auth.limiter().clear()
    for _ in range(5):
        sign_in(at, (ANALYST[0], "sai mật khẩu rồi"), key="login")
        assert "Sai tên" in at.error[0].value
    sign_in(at, ANALYST, key="login")                                       # even the right password waits
    assert "Quá nhiều lần" in at.error[0].value and "auth_name" not in at.session_state
    ui_auth.limiter().clear()


def test_wrong_old_passwords_are_limited_like_sign_ins(with_accounts):
    at = sign_in(_app("views/account.py"), ANALYST, key="login")
    outcomes = []
    for _ in range(7):
        at.text_input(key="own_old").set_value("không phải mật khẩu cũ")
        at.text_input(key="own_new").set_value("mật-khẩu-mới-rất-dài-2026")
        next(b for b in at.button if b.label == "Đặt mật khẩu").click()
        at.run()
        outcomes.append(at.error[0].value if at.error else "")
    assert all("Sai tên" in o for o in outcomes[:5]) and all("Quá nhiều lần" in o for o in outcomes[5:])


def test_viewer_sees_no_rollback_or_boundaries_upload(with_accounts):
    uploads = _app("views/uploads.py")
    assert not uploads.exception and len(uploads.dataframe) == 1
    assert not [b for b in uploads.button if b.key == "roll_button"] and any("phân tích viên" in c.value for c in uploads.main.caption)
    ward_map = _app("views/map.py")
    assert not ward_map.exception and len(ward_map.file_uploader) == 0


def test_admin_manages_accounts_and_boundaries(with_accounts):
    at = _app("views/account.py")
    sign_in(at, ADMIN, key="login")
    assert not at.exception and "quan.tri" in at.markdown[0].value
    table = at.dataframe[0].value
    assert sorted(table["Tên tài khoản"]) == ["lan.nguyen", "quan.tri"]
    at.text_input(key="new_account_name").set_value("minh.tran")
    at.text_input(key="new_account_password").set_value("mật khẩu của Minh")
    next(b for b in at.button if b.label == "Tạo").click()
    at.run()
    assert not at.exception and "Đã cập nhật tài khoản minh.tran" in at.success[0].value
    assert auth.Accounts(os.environ["CANTHO_USERS_FILE"]).verify("minh.tran", "mật khẩu của Minh").role == "analyst"
    at.switch_page("views/map.py")
    at.run()
    assert not at.exception and len(at.file_uploader) == 1                  # ward boundaries: admins only


def test_analyst_sees_no_account_manager_and_clears_the_demo(app_env, monkeypatch, tmp_path):
    add_accounts(os.environ["CANTHO_USERS_FILE"])
    store = tmp_path / "own.duckdb"
    make_store(store).dispose()
    monkeypatch.setenv("CANTHO_DB_URL", f"duckdb:///{store.as_posix()}")
    at = _app("views/account.py")
    sign_in(at, ANALYST, key="login")
    assert not at.exception and not at.dataframe                            # no accounts table
    at.switch_page("views/uploads.py")
    at.run()
    assert at.warning and "minh họa" in at.warning[0].value                 # the demo banner
    at.button(key="clear_demo").click().run()
    assert not at.exception and "Đã xoá dữ liệu minh hoạ" in at.success[0].value
    assert not [w for w in at.warning if "minh họa" in w.value]
    history = at.dataframe[0].value
    demo_rows = history[~history["Loại"].str.startswith("Danh mục")]         # the plan's catalog is no demo
    assert len(demo_rows) and set(demo_rows["Trạng thái"]) == {"Đã xóa (minh họa)"}


def test_a_disabled_account_loses_its_session(with_accounts):
    at = _app("views/upload.py")
    sign_in(at, ANALYST)
    assert len(at.file_uploader) == 1
    auth.Accounts(os.environ["CANTHO_USERS_FILE"]).set_disabled(ANALYST[0], True)
    at.run()
    assert len(at.file_uploader) == 0 and "auth_name" not in at.session_state


def test_login_required_mode_shows_only_the_sign_in(with_accounts, monkeypatch):
    monkeypatch.setenv("CANTHO_LOGIN_REQUIRED", "1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception and not at.metric and "cần đăng nhập" in at.info[0].value
    sign_in(at, ANALYST, key="login")
    assert not at.exception and at.metric                                   # the overview, after signing in


def test_oidc_is_offered_when_auth_is_in_the_secrets(with_accounts):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32,
                          "client_id": "id", "client_secret": "secret",
                          "server_metadata_url": "https://id.cantho.gov.vn/.well-known/openid-configuration"}
    at.switch_page("views/upload.py")
    at.run()
    assert not at.exception
    assert any(b.label == "Đăng nhập bằng tài khoản của thành phố" for b in at.button)
    assert len(at.file_uploader) == 0
