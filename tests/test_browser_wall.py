"""The briefing wall and the phone in Chromium, measured as a reader across the room sees them
(tests/probe.py): text sizes, the content's lowest edge, overlapping text, sideways scrolling; and
the rotation as it runs."""
from __future__ import annotations

import time

import pytest

from browser import ARTIFACTS, settled
from cantho_dash.web.wall import SCENES
from probe import measure, squeezed

SIZES = {"1080p": (1920, 1080, 24), "4k": (3840, 2160, 48), "720p": (1280, 720, 16)}


@pytest.fixture(scope="module")
def server(dashboard):
    return dashboard["url"]


def _shot(page, name: str) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


@pytest.mark.parametrize("size", list(SIZES))
def test_every_scene_fills_its_screen_in_large_type(server, browser, size):
    width, height, smallest = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    failures = []
    for scene in SCENES:
        page.goto(f"{server}/?mode=briefing&scene={scene}")
        page.locator(".w-scene").first.wait_for(timeout=60_000)
        settled(page)
        assert page.locator("[data-testid='stException']").count() == 0, scene
        seen = measure(page)
        _shot(page, f"wall_{scene}_{size}")
        small = 1 - sum(t["chars"] for t in seen["texts"] if t["size"] >= smallest - 0.5) / \
            max(1, sum(t["chars"] for t in seen["texts"]))
        print(f"{scene} {size}: under {smallest} px {small:.0%}, bottom {seen['bottom']:.0%}, "
              f"overlaps {len(seen['overlaps'])}, overflow {seen['overflow']}")
        if small > 0.10:
            failures.append(f"{scene}: {small:.0%} of the text under {smallest} px: {seen['small'][:5]}")
        if seen["bottom"] < 0.80:
            failures.append(f"{scene}: content ends at {seen['bottom']:.0%} of the height")
        if seen["overlaps"] or seen["overflow"]:
            failures.append(f"{scene}: overlapping {seen['overlaps'][:3]}, sideways overflow {seen['overflow']}")
        if pressed := squeezed(page):
            failures.append(f"{scene}: squeezed in their tiles {pressed[:3]}")
    page.close()
    assert failures == []


def test_the_rotation_shows_each_scene_for_its_interval_in_order(server, browser):
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{server}/?mode=briefing&interval=5")
    page.locator(".w-scene").first.wait_for(timeout=60_000)
    assert page.locator(".w-count div").first.get_attribute("style") == "animation-duration:5s"
    seen: list[list] = []                    # [heading, first seen, last seen]
    deadline = time.time() + 42
    while time.time() < deadline:
        state = page.evaluate("() => [...document.querySelectorAll('.w-scene')].map(s => "
                              "[s.querySelector('.w-h').childNodes[0].textContent, s.querySelector('.w-nav b').textContent])")
        assert len(state) == 1, f"one scene at a time, not {state}"
        heading, bold = state[0]
        now = time.time()
        if not seen or seen[-1][0] != heading:
            seen.append([heading, now, now, bold])
        seen[-1][2] = now
        time.sleep(0.2)
    page.close()
    names = [bold for _, _, _, bold in seen]
    labels = page_labels(server, browser)
    order = [labels.index(n) for n in names]
    assert all((b - a) % len(labels) == 1 for a, b in zip(order, order[1:])), f"a scene was skipped: {names}"
    whole = seen[1:-1]                       # the first and last were not watched from start to end
    assert len(whole) >= 5 and all(last - first >= 4.0 for _, first, last, _ in whole), \
        [(n, round(b - a, 1)) for n, a, b, _ in whole]


def page_labels(server, browser) -> list[str]:
    """The scenes' names in the wall's list, in order."""
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    page.goto(f"{server}/?mode=briefing&scene=overview")
    page.locator(".w-nav").first.wait_for(timeout=60_000)
    labels = page.locator(".w-nav").first.inner_text().split(" · ")
    page.close()
    assert len(labels) == len(SCENES)
    return labels


def _whole_page(page, url: str, width: int, height: int) -> dict:
    """Open a page, let it settle, stretch the window to its whole height and measure it."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    page.locator("h1").first.wait_for(timeout=60_000)
    settled(page)
    full = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(full), 8000)})
    settled(page)
    return measure(page)


@pytest.mark.parametrize("width, height", [(390, 844), (1366, 768)])
def test_the_overview_on_a_phone_and_a_laptop(server, browser, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    seen = _whole_page(page, server, width, height)
    _shot(page, f"overview_{width}")
    assert page.locator("[data-testid='stException']").count() == 0
    assert not seen["overflow"] and seen["overlaps"] == [], seen["overlaps"][:5]
    boxes = [page.locator("[data-testid='stMetric']").nth(i).bounding_box() for i in range(6)]
    lefts, tops = {round(b["x"]) for b in boxes}, {round(b["y"]) for b in boxes}
    assert (len(lefts), len(tops)) == ((3, 2) if width < 640 else (6, 1))            # 3x2 on a phone
    labels = page.locator("[data-testid='stMetricLabel']").all_inner_texts()
    assert "Chưa có số liệu" in [label.strip() for label in labels]                  # whole, not 'Chưa có số …'
    assert page.locator(".w-flow .w-card").count() == 30                             # a tile a target, no gauge grid
    assert page.locator(".w-flow .w-card").first.bounding_box()["width"] <= width
    page.close()


@pytest.mark.parametrize("path", ["targets", "league", "map"])
def test_targets_league_and_map_fit_a_phone(server, browser, path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    seen = _whole_page(page, f"{server}/{path}", 390, 844)
    _shot(page, f"{path}_390")
    assert page.locator("[data-testid='stException']").count() == 0
    assert not seen["overflow"] and seen["overlaps"] == [], seen["overlaps"][:5]
    if path == "map":            # the whole city in the phone's width, drawn as an image; the deck is for wider screens
        image = page.locator(".st-key-narrow_map img").first.bounding_box()
        assert image and 300 <= image["width"] <= 390
        assert not page.locator(".st-key-wide_map").first.is_visible()
    page.close()


@pytest.mark.parametrize("path", ["targets", "tasks", "league"])
def test_every_filter_chip_shows_on_a_laptop(server, browser, path):
    """Streamlit's chips scroll sideways in a narrow column with no scroll bar (a laptop saw three of
    the seven task states); they wrap instead."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{server}/{path}")
    page.locator("h1").first.wait_for(timeout=60_000)
    settled(page)
    groups = page.locator(".stMain [data-testid='stButtonGroup']")
    assert groups.count() >= 1
    for i in range(groups.count()):
        group = groups.nth(i).bounding_box()
        for chip in groups.nth(i).locator("button").all():
            box = chip.bounding_box()
            assert group["x"] - 1 <= box["x"] and box["x"] + box["width"] <= group["x"] + group["width"] + 1, \
                (path, chip.inner_text())
    page.close()
