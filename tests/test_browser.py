"""The dashboard in Debian's Chromium: every page renders with no Streamlit exception."""
from __future__ import annotations

import pytest

from browser import screenshot, settled, streamlit_server, wait_rendered

PAGES = [("", "overview", "Tổng quan"), ("targets", "targets", "Chỉ tiêu"), ("tasks", "tasks", "Nhiệm vụ"),
         ("league", "league", "Bảng xếp hạng"), ("map", "map", "Bản đồ"), ("export", "export", "Xuất báo cáo"),
         ("upload", "upload", "Tải dữ liệu"), ("uploads", "uploads", "Lịch sử tải lên"),
         ("account", "account", "Tài khoản")]


@pytest.fixture(scope="module")
def server(dashboard):
    return dashboard["url"]


@pytest.mark.parametrize("path, name, title", PAGES)
def test_page_renders_in_chromium(server, browser, path, name, title):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{server}/{path}")
    wait_rendered(page, f"{title} · Chuyển đổi số Cần Thơ")
    settled(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Dữ liệu minh họa").first.is_visible()
    screenshot(page, name)
    page.close()


def test_a_deep_link_on_a_fresh_server_still_gets_the_whole_app(tmp_path, browser):
    # With a pages/ folder, Streamlit served the first deep link after a start without app.py.
    with streamlit_server(tmp_path / "fresh.duckdb", {"CANTHO_AS_OF": "2026-11-25"}) as url:
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(f"{url}/uploads")
        wait_rendered(page, "Lịch sử tải lên · Chuyển đổi số Cần Thơ")
        assert page.get_by_text("Ngôn ngữ").first.is_visible()          # app.py's sidebar
        assert page.get_by_text("Dữ liệu minh họa").first.is_visible()   # and its banner
        assert page.get_by_role("link", name="Tổng quan").count() >= 1   # and its navigation
        page.close()


def test_the_map_draws_a_deck_and_asks_nothing_of_the_internet(server, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "http://localhost", "ws://", "data:", "blob:")) else None)
    page.goto(f"{server}/map")
    wait_rendered(page, "Bản đồ · Chuyển đổi số Cần Thơ")
    chart = page.locator("[data-testid='stDeckGlJsonChart']")
    chart.wait_for(timeout=30_000)
    chart.locator("canvas").first.wait_for(state="attached", timeout=30_000)
    settled(page)
    assert chart.locator("canvas").count() >= 1
    assert outside == []
    page.close()


def test_briefing_mode_moves_to_the_next_scene_by_itself(server, browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{server}/?mode=briefing&interval=5")
    wait_rendered(page, "Trung tâm điều hành")
    page.locator(".w-h").first.wait_for()
    first = page.locator(".w-h").first.inner_text()
    # the next scene comes by itself within one interval (5 s) and its rerun; no click, no reload
    page.wait_for_function("(first) => { const h = document.querySelector('.w-h'); return h && h.innerText !== first; }",
                           arg=first, timeout=30_000)
    second = page.locator(".w-h").first.inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    assert first != second
    screenshot(page, "briefing")
    page.close()
