"""One store, several writers: the command line while the dashboard runs on the DuckDB file, a
second dashboard on the same file, and (PostgreSQL) two replicas behind nginx."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from browser import settled, streamlit_server, wait_rendered
from conftest import AS_OF, ROOT, make_store

NOVEMBER = "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nCQS-01;CT;11/2026;99,6\r\n".encode("utf-8-sig")


def cli(url, *args, env):
    done = subprocess.run([sys.executable, "-m", "cantho_dash", *args], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, CANTHO_DB_URL=url, **env), timeout=240)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_the_command_line_works_while_the_dashboard_runs_on_the_file(browser, tmp_path):
    path = tmp_path / "shared.duckdb"
    make_store(path).dispose()
    url = f"duckdb:///{path.as_posix()}"
    env = {"CANTHO_AS_OF": AS_OF.isoformat(), "CANTHO_UPLOAD_DIR": str(tmp_path / "archive"),
           "CANTHO_USERS_FILE": str(tmp_path / "users.json")}
    (tmp_path / "t11.csv").write_bytes(NOVEMBER)
    with streamlit_server(path, env) as server:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.goto(f"{server}/")
        wait_rendered(page, "Tổng quan · Chuyển đổi số Cần Thơ")
        settled(page)
        assert page.get_by_text("Tháng 10/2026").first.is_visible()
        for command in (["status", "--json"], ["uploads"], ["reporting", "--json"]):
            assert cli(url, *command, env=env).returncode == 0, command
        imported = cli(url, "import", str(tmp_path / "t11.csv"), "--user", "it.nightly", env=env)
        assert imported.returncode == 0, imported.stderr
        committed = time.monotonic()
        status = json.loads(cli(url, "status", "--json", env=env).stdout)
        assert next(r for r in status if r["code"] == "CQS-01")["value"] == 99.6
        page.get_by_text("Tháng 11/2026").first.wait_for(timeout=30_000)      # the open page, by itself
        assert time.monotonic() - committed < 30
        upload = imported.stdout.split("upload ")[1].split(".")[0]
        assert cli(url, "rollback", upload, env=env).returncode == 0
        assert cli(url, "rollback", upload, "--undo", env=env).returncode == 0
        exported = cli(url, "export", "--out", str(tmp_path / "pack"), env=env)
        assert exported.returncode == 0, exported.stderr
        assert list((tmp_path / "pack").glob("*.png"))
        with streamlit_server(tmp_path / "second.duckdb", env, url=url) as second:     # a second dashboard
            other = browser.new_page(viewport={"width": 1920, "height": 1080})
            other.goto(f"{second}/")
            wait_rendered(other, "Tổng quan · Chuyển đổi số Cần Thơ")
            other.get_by_text("Tháng 11/2026").first.wait_for(timeout=30_000)
            assert other.locator("[data-testid='stException']").count() == 0
            other.close()
        assert page.locator("[data-testid='stException']").count() == 0
        page.close()


# Run as root, nginx's workers are 'nobody', who cannot write its cache under pytest's private folder.
NGINX_GLOBALS = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")


def _frontend_files_come_from_the_cache(front: str) -> None:
    """nginx keeps Streamlit's own files (/static/), so a new browser costs a replica only its session."""
    import re
    import urllib.request

    with urllib.request.urlopen(front, timeout=30) as page:
        script = re.search(r'src="\./(static/js/[^"]+\.js)"', page.read().decode("utf-8")).group(1)
    for _ in range(2):
        with urllib.request.urlopen(f"{front}/{script}", timeout=30) as got:
            status = got.headers.get("X-Cache-Status")
    assert status == "HIT", status


@pytest.mark.both_stores
def test_two_replicas_behind_nginx_share_one_postgresql_store(store_kind, browser, tmp_path):
    if store_kind != "postgresql":
        pytest.skip("replicas need a server store; DuckDB is one process's file")
    import shutil

    import stores
    from browser import free_port, sign_in, upload_text
    from cantho_dash.store import accounts

    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    url = stores.pg_store()
    env = {"CANTHO_AS_OF": AS_OF.isoformat(), "CANTHO_UPLOAD_DIR": str(tmp_path / "archive"),
           "CANTHO_USERS_FILE": str(tmp_path / "users.json")}
    accounts.Accounts(tmp_path / "users.json").add("lan.nguyen", "analyst", "mật-khẩu-của-Lan-2026")
    ports = [free_port(), free_port(), free_port()]
    conf = (ROOT / "deploy" / "nginx-cantho.conf").read_text(encoding="utf-8")
    conf = conf.replace("127.0.0.1:8501", f"127.0.0.1:{ports[0]}").replace(
        "127.0.0.1:8502", f"127.0.0.1:{ports[1]}").replace("127.0.0.1:8080", f"127.0.0.1:{ports[2]}")
    prefix = tmp_path / "nginx"
    for sub in ("logs", "tmp"):
        (prefix / sub).mkdir(parents=True)
    (prefix / "nginx.conf").write_text(conf, encoding="utf-8")
    try:
        with streamlit_server(tmp_path / "a.duckdb", env, url=url, port=ports[0]) as one, \
                streamlit_server(tmp_path / "b.duckdb", env, url=url, port=ports[1]) as two:
            proxy = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                                      "-g", NGINX_GLOBALS], stderr=subprocess.PIPE)
            try:
                front = browser.new_page(viewport={"width": 1920, "height": 1080})
                for _ in range(100):                      # nginx listening
                    try:
                        front.goto(f"http://127.0.0.1:{ports[2]}/")
                        break
                    except Exception:
                        time.sleep(0.1)
                wait_rendered(front, "Tổng quan · Chuyển đổi số Cần Thơ")   # through nginx, WebSocket and all
                _frontend_files_come_from_the_cache(f"http://127.0.0.1:{ports[2]}")
                watcher = browser.new_page(viewport={"width": 1920, "height": 1080})
                watcher.goto(f"{two}/")
                wait_rendered(watcher, "Tổng quan · Chuyển đổi số Cần Thơ")
                assert watcher.get_by_text("Tháng 10/2026").first.is_visible()
                writer = browser.new_page(viewport={"width": 1600, "height": 1000})
                writer.goto(f"{one}/upload")
                wait_rendered(writer, "Tải dữ liệu · Chuyển đổi số Cần Thơ")
                sign_in(writer, "lan.nguyen", "mật-khẩu-của-Lan-2026")
                writer.locator("input[type=file]").wait_for(state="attached", timeout=30_000)
                upload_text(writer, tmp_path, "thang_11.csv", NOVEMBER.decode("utf-8-sig"))
                confirm = writer.get_by_role("button", name="Xác nhận ghi vào cơ sở dữ liệu")
                confirm.wait_for(timeout=60_000)
                confirm.click()
                wait_rendered(writer, "Đã ghi: lần tải lên số")
                watcher.get_by_text("Tháng 11/2026").first.wait_for(timeout=30_000)   # the other replica
                assert watcher.locator("[data-testid='stException']").count() == 0
                assert front.locator("[data-testid='stException']").count() == 0
            finally:
                proxy.terminate()
                proxy.wait(10)
    finally:
        stores.drop_pg_database(url)


@pytest.mark.both_stores
def test_postgresql_end_to_end_import_status_export_and_every_page(store_kind, browser, tmp_path):
    """The issue's check on a server store: import exits 0, status --json has the 30 targets with the
    new value, the meeting pack exports, and every page renders in Chromium without an exception."""
    if store_kind != "postgresql":
        pytest.skip("DuckDB runs these in test_browser.py, test_cli.py and test_ingest_commit.py")
    import stores
    from test_browser import PAGES

    url = stores.pg_store()
    env = {"CANTHO_AS_OF": AS_OF.isoformat(), "CANTHO_UPLOAD_DIR": str(tmp_path / "archive"),
           "CANTHO_USERS_FILE": str(tmp_path / "users.json")}
    (tmp_path / "t11.csv").write_bytes(NOVEMBER)
    try:
        assert cli(url, "import", str(tmp_path / "t11.csv"), env=env).returncode == 0
        status = json.loads(cli(url, "status", "--json", env=env).stdout)
        assert len(status) == 30 and next(r for r in status if r["code"] == "CQS-01")["value"] == 99.6
        assert cli(url, "export", "--out", str(tmp_path / "pack"), "--pptx", env=env).returncode == 0
        assert list((tmp_path / "pack").glob("*.pptx")) and list((tmp_path / "pack").glob("*.png"))
        with streamlit_server(tmp_path / "pg.duckdb", env, url=url) as server:
            for path, _, title in PAGES:
                page = browser.new_page(viewport={"width": 1920, "height": 1080})
                page.goto(f"{server}/{path}")
                wait_rendered(page, f"{title} · Chuyển đổi số Cần Thơ")
                settled(page)
                assert page.locator("[data-testid='stException']").count() == 0, path
                page.close()
    finally:
        stores.drop_pg_database(url)
