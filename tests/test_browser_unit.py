"""A ward's analyst reports the month through the form alone, in Debian's Chromium against `streamlit
run app.py`: signs in, sees only the ward's own rows owed, types them into the grid, checks, confirms;
the unit page and the Overview change."""
from __future__ import annotations

import os
import subprocess
import sys

from browser import CHROMIUM_FLAGS, ROOT, chromium_path, screenshot, streamlit_server, wait_rendered

PASSWORD = "mật-khẩu-đơn-vị-1"


def _type_row(page, row: int, column: int, text: str) -> None:
    """Select a cell of the entry grid (a canvas) by its row, move to the column, open its editor, type, commit."""
    editor = page.locator('[data-testid="stDataFrame"]').nth(1)
    editor.scroll_into_view_if_needed()
    box = editor.bounding_box()
    page.mouse.click(box["x"] + 30, box["y"] + 35 * (row + 1) + 17)
    page.wait_for_timeout(400)
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)
    page.keyboard.press("Enter")                  # open the cell's editor, then type into it: keys typed
    cell = page.locator("textarea.gdg-input")     # before it is open can be lost on a busy machine
    cell.wait_for(state="visible", timeout=30_000)
    cell.fill(text)
    page.keyboard.press("Enter")
    page.wait_for_timeout(700)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000)


def test_a_ward_completes_its_month_through_the_form(tmp_path):
    from playwright.sync_api import sync_playwright

    env = {"CANTHO_AS_OF": "2026-12-05", "CANTHO_USERS_FILE": str(tmp_path / "users.json"),
           "CANTHO_UPLOAD_DIR": str(tmp_path / "archive")}
    made = subprocess.run([sys.executable, "-m", "cantho_dash", "users", "add", "cake", "--role", "analyst",
                           "--unit", "31120"], input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, **env), timeout=60)
    assert made.returncode == 0, made.stderr
    with streamlit_server(tmp_path / "cantho.duckdb", env) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
        page.goto(f"{url}/")
        wait_rendered(page, "Xã, phường:")
        assert "0 đã đủ" in page.get_by_text("Xã, phường:").first.inner_text()
        page.goto(f"{url}/unit")
        wait_rendered(page, "Báo cáo của đơn vị")
        page.get_by_label("Tên tài khoản").first.fill("cake")
        page.get_by_label("Mật khẩu").first.fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").first.click()
        wait_rendered(page, "Đã báo cáo 0/5 · hạn 15/12/2026 · còn 10 ngày")
        owed = page.locator('[data-testid="stDataFrame"]').first.inner_text()
        assert "Phường Ninh Kiều" not in owed and page.locator('[data-testid="stDataFrame"]').count() == 2
        screenshot(page, "unit_report_ward_before")
        for row, value in enumerate(["99,5", "87,25", "78", "81,5", "91"]):
            _type_row(page, row, 3, value)
        wait_rendered(page, "Giá trị mới")
        screenshot(page, "unit_report_ward_preview")
        page.get_by_role("button", name="Xác nhận").first.click()
        wait_rendered(page, "Đã báo cáo 5/5")
        screenshot(page, "unit_report_ward_done")
        page.goto(f"{url}/")
        wait_rendered(page, "Xã, phường:")
        assert "1 đã đủ" in page.get_by_text("Xã, phường:").first.inner_text()
        browser.close()
    values = subprocess.run([sys.executable, "-c", (
        "from cantho_dash.store import engine as db, queries; from datetime import date; import os; "
        "e = db.make_engine(os.environ['CANTHO_DB_URL']); "
        "print(sorted(queries.latest_values(e, date(2026, 12, 5), '31120').set_index('code')['value'].items()))")],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
        env=dict(os.environ, CANTHO_DB_URL=f"duckdb:///{(tmp_path / 'cantho.duckdb').as_posix()}"))
    assert values.stdout.strip() == str([("CQS-01", 99.5), ("KTS-04", 87.25), ("XHS-02", 78.0), ("XHS-03", 81.5),
                                          ("XHS-09", 91.0)]), values.stdout + values.stderr
