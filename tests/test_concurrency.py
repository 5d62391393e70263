"""Twenty leaders' sessions (Chromium contexts) read the Overview while an analyst's upload commits:
no errors anywhere, and every reader sees the totals wholly before or wholly after the upload.

(AppTest cannot run in threads: it needs the main thread, so the sessions are real browser contexts
against `streamlit run app.py`.)
"""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from browser import CHROMIUM_FLAGS, ROOT, SETTLED, chromium_path, streamlit_server
from conftest import AS_OF, make_store

READERS = 20
PASSWORD = "mật-khẩu-của-Lan-2026"
TITLE = "Tổng quan · Chuyển đổi số Cần Thơ"


def _everything_met(engine) -> str:
    """An upload that meets every city-wide target in November 2026: the status totals all move."""
    from cantho_dash.facts import targets as target_facts

    lines = ["Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị"]
    for spec in target_facts.indicator_catalog(engine).itertuples():
        step = {">": 1, "<": -1}.get(spec.comparator, 0) * (0.01 if spec.unit == "milestone" else 1)
        value = spec.target_value + step if spec.unit != "milestone" else 1
        lines.append(f"{spec.code};CT;11/2026;{str(round(value, 2)).replace('.', ',')}")
    return "\r\n".join(lines) + "\r\n"


async def _rendered(page, text: str) -> None:
    await page.get_by_text(text).first.wait_for(timeout=240_000)
    await page.wait_for_function(SETTLED, timeout=240_000)
    await page.locator("[data-testid='stMetricValue']").nth(5).wait_for(timeout=240_000)


async def _read(page) -> tuple:
    tiles = await page.locator("[data-testid='stMetric']").all_inner_texts()
    headings = await page.locator("h3").all_inner_texts()
    return tuple(t.replace("\n", " ") for t in tiles), tuple(h for h in headings if "/" in h)


async def _totals(page) -> tuple:
    """The status tiles and the pillar headings ('7/10 đạt hoặc đúng tiến độ'): one source, one
    snapshot, read once the page has settled (no run going, no stale element left from a rerun that
    a new data version started) and read again until two readings agree. A page that stays mixed
    is what the test is there to find; one caught halfway through being redrawn is not."""
    while True:
        await page.wait_for_function(SETTLED, timeout=240_000)
        first = await _read(page)
        await page.wait_for_function(SETTLED, timeout=240_000)
        if await _read(page) == first:
            return first


async def _session(tmp_path, url: str) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        errors: list[str] = []
        first = await (await browser.new_context()).new_page()
        await first.goto(url)
        await _rendered(first, TITLE)
        before = await _totals(first)

        writer = await (await browser.new_context(viewport={"width": 1400, "height": 900})).new_page()
        await writer.goto(f"{url}/upload")
        await writer.get_by_label("Tên tài khoản").first.fill("lan.nguyen")
        await writer.get_by_label("Mật khẩu").first.fill(PASSWORD)
        await writer.get_by_role("button", name="Đăng nhập").first.click()
        await writer.locator("input[type=file]").wait_for(state="attached", timeout=60_000)
        await writer.locator("input[type=file]").set_input_files(str(tmp_path / "thang_11.csv"))
        confirm = writer.get_by_role("button", name="Xác nhận ghi vào cơ sở dữ liệu")
        await confirm.wait_for(timeout=120_000)

        committed = asyncio.Event()
        first_loads = asyncio.Semaphore(0)

        async def reader(number: int) -> list[tuple]:
            page = await (await browser.new_context(viewport={"width": 1280, "height": 800})).new_page()
            page.on("pageerror", lambda exc: errors.append(f"reader {number}: {exc}"))
            page.set_default_timeout(240_000)          # twenty sessions on two cores load slowly
            seen: list[tuple] = []
            loading = False
            while True:
                after_commit = committed.is_set()
                try:
                    await page.goto(url)
                    if not loading:
                        loading = True
                        first_loads.release()
                    await _rendered(page, TITLE)
                    if await page.locator("[data-testid='stException']").count():
                        errors.append(f"reader {number}: " + await page.locator("[data-testid='stException']").first.inner_text())
                    seen.append(await _totals(page))
                except Exception as exc:  # noqa: BLE001 - every failure is what this test counts
                    errors.append(f"reader {number}: {exc!r}")
                    if not loading:
                        first_loads.release()          # the writer must not wait for a reader that failed
                    return seen
                if after_commit and len(seen) >= 2:
                    await page.context.close()         # a finished session stops asking the server
                    return seen

        readers = [asyncio.create_task(reader(i)) for i in range(READERS)]
        for _ in range(READERS):                       # every session is loading when the upload commits
            await asyncio.wait_for(first_loads.acquire(), timeout=300)
        await asyncio.sleep(1.0)
        await confirm.click()
        await writer.get_by_text("Đã ghi: lần tải lên số").first.wait_for(timeout=240_000)
        committed.set()
        seen = await asyncio.gather(*readers)

        check = await (await browser.new_context()).new_page()
        check.set_default_timeout(240_000)             # the server may still be closing twenty sessions
        await check.goto(url)
        await _rendered(check, TITLE)
        after = await _totals(check)
        await browser.close()
    return {"seen": seen, "before": before, "after": after, "errors": errors}


def test_twenty_sessions_read_while_an_upload_commits(tmp_path):
    store = tmp_path / "shared.duckdb"
    engine = make_store(store)
    (tmp_path / "thang_11.csv").write_text(_everything_met(engine), encoding="utf-8-sig")
    engine.dispose()
    users = tmp_path / "users.json"
    subprocess.run([sys.executable, "-m", "cantho_dash", "users", "add", "lan.nguyen", "--role", "analyst"],
                   input=PASSWORD + "\n", text=True, cwd=ROOT, check=True, encoding="utf-8",
                   env=dict(os.environ, CANTHO_USERS_FILE=str(users)))
    env = {"CANTHO_AS_OF": AS_OF.isoformat(), "CANTHO_USERS_FILE": str(users),
           "CANTHO_UPLOAD_DIR": str(tmp_path / "archive")}
    with streamlit_server(store, env) as url:
        result = asyncio.run(_session(tmp_path, url))
    log = store.with_suffix(".log").read_text(encoding="utf-8", errors="replace")

    assert result["errors"] == []
    assert "Traceback" not in log
    seen = [snapshot for session in result["seen"] for snapshot in session]
    assert len(result["seen"]) == READERS and all(len(s) >= 2 for s in result["seen"])
    before, after = result["before"], result["after"]
    assert before != after, "the upload must move the totals"
    distinct = set(seen)
    print(f"{len(seen)} reads by {READERS} sessions: {sum(s == before for s in seen)} before, "
          f"{sum(s == after for s in seen)} after; before={before[0]}; after={after[0]}")
    assert distinct <= {before, after}, f"a reader saw a mix: {distinct - {before, after}}"
    assert all(session[-1] == after for session in result["seen"])        # after the commit, all see it
