"""A real dashboard in a real browser: `streamlit run app.py` on a free port, driven by Playwright."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path() -> str:
    """Debian's Chromium (or CHROMIUM_PATH); the README's test command installs it."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium not found: install it with `apt-get install -y chromium` "
                           "(the README's test command does this), or set CHROMIUM_PATH.")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(db_path: Path, extra_env: dict | None = None, timeout: float = 90, url: str | None = None,
                     port: int | None = None):
    """Run the dashboard on a free port (or port) with its own store (the DuckDB file db_path, or the
    store at url, with its log at db_path's name); yield its base URL."""
    port = port or free_port()
    env = dict(os.environ, CANTHO_DB_URL=url or f"duckdb:///{db_path.as_posix()}", **(extra_env or {}))
    log = open(db_path.with_suffix(".log"), "w")
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.headless", "true", "--server.address", "127.0.0.1"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"streamlit did not start: {db_path.with_suffix('.log').read_text()[-2000:]}")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def wait_rendered(page, text: str, timeout: float = 60_000) -> None:
    """Wait until the app shows text and has stopped running."""
    page.get_by_text(text, exact=False).first.wait_for(timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


# No run going, no element stale from a rerun or still a loading skeleton.
SETTLED = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
           " && !document.querySelector('[data-stale=\"true\"]')"
           " && !document.querySelector('[data-testid=\"stSkeleton\"]')")
# ... and every plotly chart drawn.
DRAWN = SETTLED + (" && [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
                                     ".every(chart => chart.querySelector('svg.main-svg'))")


def settled(page, timeout: float = 60_000) -> None:
    """Wait until the app has stopped running, no element is stale or still a loading skeleton
    (Streamlit loads each kind of element's code when it first shows one), every plotly chart has
    drawn, and the browser has drawn two frames since."""
    page.wait_for_function(DRAWN, timeout=timeout)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function(DRAWN, timeout=timeout)


def screenshot(page, name: str) -> Path:
    """Save a full-height screenshot of the app's main area into test-artifacts/screenshots."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    height = page.evaluate("() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight")
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(max(int(height), 800), 12000)})
    settled(page)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def sign_in(page, name: str, password: str) -> None:
    """Fill in and submit the sign-in form of a page."""
    page.get_by_label("Tên tài khoản").first.fill(name)
    page.get_by_label("Mật khẩu").first.fill(password)
    page.get_by_role("button", name="Đăng nhập").first.click()


def upload_text(page, tmp_path, name: str, text: str) -> None:
    """Put a CSV file (text, UTF-8 with BOM) into the page's file input."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8-sig"))
    page.locator("input[type=file]").set_input_files(str(path))
