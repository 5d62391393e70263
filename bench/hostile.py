"""Hostile sizes on the Upload page (issue 16): what a signed-in analyst's browser uploading a
workbook bomb and a file of repeated keys costs the running server.

Prints, each against its limit:
- seconds from choosing the file to the refusal (the bomb, the repeated keys) or to the preview (the
  biggest valid file, 39 MB of 1.4 million rows) on the page: limit 30 s;
- the server's memory (RSS) at its peak while checking, and 5 s after the refusal: limit 1,024 MB;
- what the server keeps after the answer and once the file is taken off the page, against where it
  started (it should give the memory back).
Run: python bench/hostile.py
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_FLAGS, chromium_path, sign_in, streamlit_server, wait_rendered  # noqa: E402
from viewers import rss_mb  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from ingest import make_csv  # noqa: E402

PASSWORD = "mật-khẩu-thử-2026"
HEADER = "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\n"
SHOWN = {"bomb.xlsx": "Tệp bị từ chối", "lap_lai.csv": "Tệp bị từ chối", "lon.csv": "Xác nhận ghi vào cơ sở dữ liệu"}


def bomb(unpacked_mb: int = 306) -> bytes:
    """An .xlsx of about 1 MB whose sheet unpacks to unpacked_mb of rows."""
    sheet_head = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                  b'spreadsheetml/2006/main"><sheetData>')
    row = b'<row><c t="inlineStr"><is><t>KTS-02</t></is></c><c t="inlineStr"><is><t>CT</t></is></c></row>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main"><sheets><sheet name="T11" sheetId="1" r:id="rId1" xmlns:r="http://'
                   'schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            w.write(sheet_head)
            chunk = row * 10_000
            for _ in range(unpacked_mb * 1_000_000 // len(chunk)):
                w.write(chunk)
            w.write(b"</sheetData></worksheet>")
    return out.getvalue()


def repeated_keys(mb: int = 49) -> bytes:
    """A CSV of mb megabytes, every row the same key (each a duplicate problem)."""
    line = "KTS-02;CT;11/2026;50\r\n"
    return (HEADER + line * (mb * 1_000_000 // len(line))).encode("utf-8-sig")


class Peak(threading.Thread):
    """The highest RSS of a process while running."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.05)


def server_pid(port: str) -> int:
    """The streamlit process listening on port."""
    found = subprocess.run(["pgrep", "-f", f"streamlit run app.py --server.port {port}"], capture_output=True, text=True)
    return int(found.stdout.split()[0])


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="cantho-bench-hostile-"))
    env = {"CANTHO_USERS_FILE": str(work / "users.toml"), "CANTHO_UPLOAD_DIR": str(work / "uploads")}
    subprocess.run([sys.executable, "-m", "cantho_dash", "users", "add", "rel", "--role", "analyst"],
                   input=f"{PASSWORD}\n{PASSWORD}\n", text=True, capture_output=True, check=True, cwd=ROOT,
                   env=dict(os.environ, CANTHO_DB_URL=f"duckdb:///{work / 'store.duckdb'}", **env))
    files = {"bomb.xlsx": bomb(), "lap_lai.csv": repeated_keys()}
    for name, data in files.items():
        (work / name).write_bytes(data)
    make_csv(work / "lon.csv", 1_416_000)      # the biggest valid file of distinct keys it can make
    files["lon.csv"] = (work / "lon.csv").read_bytes()
    with streamlit_server(work / "store.duckdb", env) as url, sync_playwright() as pw:
        pid = server_pid(url.rsplit(":", 1)[1])
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}/upload")
        wait_rendered(page, "Tải dữ liệu")
        sign_in(page, "rel", PASSWORD)
        page.locator("input[type=file]").wait_for(state="attached", timeout=60_000)
        time.sleep(2)
        start = rss_mb(pid)
        print(f"server at the start, signed in on the Upload page: {start:.0f} MB")
        for name, data in files.items():
            peak = Peak(pid)
            peak.start()
            began = time.perf_counter()
            page.locator("input[type=file]").set_input_files(str(work / name))
            answer = page.get_by_text(SHOWN[name]).first
            answer.wait_for(timeout=300_000)
            seconds = time.perf_counter() - began
            time.sleep(5)
            peak.running = False
            after = rss_mb(pid)
            print(f"{name} ({len(data) / 1e6:.1f} MB): {SHOWN[name]!r} in {seconds:.1f} s (ratio {seconds / 30:.2f} of 30 s); "
                  f"server peak {peak.peak:.0f} MB (ratio {peak.peak / 1024:.2f} of 1,024 MB), "
                  f"5 s after {after:.0f} MB (ratio {after / 1024:.2f}), kept {after - start:+.0f} MB over the start")
            page.get_by_role("button", name=f"Remove {name}").click()   # the analyst takes the file off
            answer.wait_for(state="detached", timeout=60_000)
            time.sleep(5)
            print(f"  once the file is removed from the page: {rss_mb(pid):.0f} MB")
        browser.close()


if __name__ == "__main__":
    main()
