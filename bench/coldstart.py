"""Cold start: seconds from `streamlit run app.py` to the Overview rendered in Chromium.

- first run: no store yet, so the bootstrap (schema, Plan 224 catalog, 103 wards, demo data) is included;
- later run: the same store, opened again by a new server process.
"Rendered" means the Overview's status tiles and its charts are on screen and the app has stopped running.
Run: python bench/coldstart.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_FLAGS, chromium_path, free_port  # noqa: E402


def start_to_overview(store: Path, browser) -> float:
    """Start a server on store and return the seconds until a browser shows the rendered Overview."""
    port = free_port()
    env = dict(os.environ, CANTHO_DB_URL=f"duckdb:///{store.as_posix()}", CANTHO_AS_OF="2026-11-25",
               CANTHO_USERS_FILE=str(store.with_name("users.json")))
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                               "--server.headless", "true", "--server.address", "127.0.0.1"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/", timeout=2000)
                break
            except Exception:  # noqa: BLE001 - not listening yet
                if server.poll() is not None:
                    raise SystemExit("streamlit stopped")
                time.sleep(0.05)
        page.get_by_text("Tổng quan · Chuyển đổi số Cần Thơ").first.wait_for(timeout=180_000)
        page.locator("[data-testid='stMetricValue']").nth(5).wait_for(timeout=180_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=180_000)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=180_000)
        elapsed = time.perf_counter() - started
        page.close()
        return elapsed
    finally:
        server.terminate()
        server.wait(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="repeat each measurement this many times")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    firsts, laters = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for _ in range(args.runs):
            store = Path(tempfile.mkdtemp(prefix="cantho-cold-")) / "cantho.duckdb"
            firsts.append(start_to_overview(store, browser))
            laters.append(start_to_overview(store, browser))
        browser.close()
    print(f"first run (bootstrap included): median {statistics.median(firsts):.2f} s  "
          f"({', '.join(f'{t:.2f}' for t in firsts)})")
    print(f"later run (store exists):       median {statistics.median(laters):.2f} s  "
          f"({', '.join(f'{t:.2f}' for t in laters)})")


if __name__ == "__main__":
    main()
