"""What people do, in Debian's Chromium against `streamlit run app.py`: a viewer finds no file input;
an account made with `users add` signs in, uploads a CSV through the real file input, confirms it and
sees the new value on the Targets page, while another open session refreshes by itself; a hostile
note shows as literal text; a chart downloads as a PNG."""
from __future__ import annotations

import os
import struct
import subprocess
import sys

import pytest

from browser import ROOT, screenshot, settled, sign_in, upload_text, wait_rendered

HOSTILE = "<img src=x onerror=alert(1)>"
PASSWORD = "mật-khẩu-của-Lan-2026"


@pytest.fixture(scope="module")
def env(dashboard):
    return {**dashboard["env"], "db": dashboard["db"], "folder": dashboard["folder"]}


@pytest.fixture(scope="module")
def server(dashboard):
    return dashboard["url"]


def _page(browser, dialogs: list):
    page = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True).new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page


def _users_add(env, name: str, role: str) -> subprocess.CompletedProcess:
    """`python -m cantho_dash users add`, run while the dashboard holds the store."""
    return subprocess.run([sys.executable, "-m", "cantho_dash", "users", "add", name, "--role", role],
                          input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT, encoding="utf-8",
                          env=dict(os.environ, CANTHO_USERS_FILE=env["CANTHO_USERS_FILE"]), timeout=60)


def _sign_in(page, name: str) -> None:
    sign_in(page, name, PASSWORD)


_upload = upload_text


def test_analyst_signs_in_uploads_and_every_session_sees_it(server, browser, env, tmp_path):
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(f"{server}/upload")
    wait_rendered(page, "Tải dữ liệu · Chuyển đổi số Cần Thơ")
    settled(page)
    assert page.locator("input[type=file]").count() == 0                   # a viewer gets no file input
    assert page.get_by_text("phân tích viên").first.is_visible()
    screenshot(page, "upload_signed_out")

    made = _users_add(env, "lan.nguyen", "analyst")
    assert made.returncode == 0, made.stderr

    watcher = _page(browser, dialogs)                                        # a leader's open Overview
    watcher.goto(f"{server}/")
    wait_rendered(watcher, "Tổng quan · Chuyển đổi số Cần Thơ")
    assert watcher.get_by_text("Tháng 10/2026").first.is_visible()          # newest period before

    _sign_in(page, "lan.nguyen")
    page.locator("input[type=file]").wait_for(state="attached", timeout=30_000)
    assert page.get_by_text("lan.nguyen").first.is_visible()
    _upload(page, tmp_path, "so_lieu_thang_11.csv",
            "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị;Ghi chú\r\n"
            f"CQS-01;CT;11/2026;99,7;{HOSTILE}\r\n")
    confirm = page.get_by_role("button", name="Xác nhận ghi vào cơ sở dữ liệu")
    confirm.wait_for(timeout=60_000)
    screenshot(page, "upload_preview")
    confirm.click()
    wait_rendered(page, "Đã ghi: lần tải lên số")

    page.goto(f"{server}/targets")
    wait_rendered(page, "Chỉ tiêu · Chuyển đổi số Cần Thơ")
    page.get_by_text("99,7").first.wait_for(timeout=30_000)                 # the new value, Vietnamese style
    note = page.get_by_text(HOSTILE, exact=True)
    note.first.wait_for(timeout=30_000)                                     # the note, as literal text
    assert note.first.is_visible()
    assert page.locator("img[src='x']").count() == 0
    screenshot(page, "targets_after_upload")

    # the other session notices the commit by itself (within 60 s)
    watcher.get_by_text("Tháng 11/2026").first.wait_for(timeout=60_000)
    assert watcher.locator("[data-testid='stException']").count() == 0
    assert dialogs == []                                                     # no alert() ever ran


def test_a_hostile_ward_name_is_rejected_and_shown_as_text(server, browser, env, tmp_path):
    if not _users_add(env, "minh.tran", "analyst").returncode == 0:
        pytest.fail("users add failed")
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    page.goto(f"{server}/upload")
    wait_rendered(page, "Tải dữ liệu · Chuyển đổi số Cần Thơ")
    _sign_in(page, "minh.tran")
    page.locator("input[type=file]").wait_for(state="attached", timeout=30_000)
    _upload(page, tmp_path, "xa_phuong.csv", f"Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nXHS-03;{HOSTILE};10/2026;80\r\n")
    wait_rendered(page, "Tệp bị từ chối: 1 vấn đề")
    settled(page)
    assert page.locator("img[src='x']").count() == 0 and dialogs == []
    assert page.get_by_role("button", name="Xác nhận ghi vào cơ sở dữ liệu").count() == 0
    screenshot(page, "upload_rejected")


def test_a_chart_downloads_as_a_png(server, browser):
    page = _page(browser, [])
    page.goto(f"{server}/")
    wait_rendered(page, "Tổng quan · Chuyển đổi số Cần Thơ")
    button = page.get_by_role("button", name="Tải PNG").first
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    data = open(info.value.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1920, 1080)
    assert info.value.suggested_filename.endswith("_1920x1080.png")
