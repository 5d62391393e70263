"""A sign-in belongs to the browser that made it: a stolen Streamlit session id (it is in every upload
request's path, so in proxy logs) opened from another browser gives a viewer, not the analyst."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from browser import ROOT, settled, sign_in, upload_text, wait_rendered

PASSWORD = "mật-khẩu-của-Rel-2026"

# In the second browser: Streamlit's frontend opens its websocket with ["streamlit", xsrf token, session
# id to resume]; put the stolen id in third place, as the attack did.
STEAL = """
(() => {
  const Original = window.WebSocket;
  function Stolen(url, protocols) {
    const list = Array.isArray(protocols) ? [...protocols] : (protocols ? [protocols] : []);
    while (list.length < 3) list.push("");
    list[2] = "%s";
    return new Original(url, list);
  }
  Stolen.prototype = Original.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Stolen[name] = Original[name];
  window.WebSocket = Stolen;
})();
"""


@pytest.fixture(scope="module")
def server(dashboard):
    made = subprocess.run([sys.executable, "-m", "cantho_dash", "users", "add", "rel", "--role", "analyst"],
                          input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT, encoding="utf-8",
                          env=dict(os.environ, CANTHO_USERS_FILE=dashboard["env"]["CANTHO_USERS_FILE"]), timeout=60)
    assert made.returncode == 0, made.stderr
    return dashboard["url"]


def test_a_stolen_session_id_opened_from_another_browser_is_a_viewer(server, browser, tmp_path):
    owner = browser.new_context(viewport={"width": 1400, "height": 900})
    page = owner.new_page()
    paths: list[str] = []
    page.on("request", lambda request: paths.append(request.url) if "/_stcore/upload_file/" in request.url else None)
    page.goto(f"{server}/upload")
    wait_rendered(page, "Tải dữ liệu · Chuyển đổi số Cần Thơ")
    sign_in(page, "rel", PASSWORD)
    page.locator("input[type=file]").wait_for(state="attached", timeout=30_000)
    upload_text(page, tmp_path, "thu.csv", "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nCQS-01;CT;11/2026;99,1\r\n")
    page.get_by_role("button", name="Xác nhận ghi vào cơ sở dữ liệu").wait_for(timeout=60_000)
    assert paths, "no upload request seen"
    stolen = paths[0].split("/_stcore/upload_file/", 1)[1].split("/", 1)[0]
    owner.close()                                    # the analyst's tab goes away; the session waits to resume

    stranger = browser.new_context(viewport={"width": 1400, "height": 900})    # no cookies of the analyst's
    stranger.add_init_script(STEAL % stolen)
    thief = stranger.new_page()
    thief.goto(f"{server}/upload")
    wait_rendered(thief, "Tải dữ liệu · Chuyển đổi số Cần Thơ")
    settled(thief)
    try:
        assert thief.locator("input[type=file]").count() == 0
        assert thief.get_by_text("Đã đăng nhập").count() == 0
        assert thief.get_by_text("Chưa đăng nhập").first.is_visible()
    finally:
        stranger.close()


HOSTILE_HEADER = "![x](http://127.0.0.1:9/hdr.png) <img src=http://127.0.0.1:9/i.png> [Bấm](http://127.0.0.1:9/)"


def test_hostile_headers_and_notes_of_a_file_show_as_text_on_the_upload_page(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server}/upload")
        wait_rendered(page, "Tải dữ liệu · Chuyển đổi số Cần Thơ")
        sign_in(page, "rel", PASSWORD)
        page.locator("input[type=file]").wait_for(state="attached", timeout=30_000)
        upload_text(page, tmp_path, "doc_hai.csv", f"Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị;{HOSTILE_HEADER}\r\n"
                                                    "CQS-01;CT;11/2026;99,3;x\r\n")
        page.get_by_role("button", name="Xác nhận ghi vào cơ sở dữ liệu").wait_for(timeout=60_000)
        settled(page)
        assert page.get_by_text("![x](http://127.0.0.1:9/hdr.png)", exact=False).first.is_visible()
        html = page.content()
        assert "127.0.0.1:9" not in "".join(page.eval_on_selector_all(
            "img, a, iframe, source", "els => els.map(e => (e.src || '') + (e.href || ''))"))
        assert '<img src="http://127.0.0.1:9' not in html and 'href="http://127.0.0.1:9' not in html
    finally:
        context.close()
