"""Many viewers: what a browser session costs the server, and what 30 sessions opening pages at once
while an upload commits see. The browsers run on one core and the server on the other (taskset).

Prints, each against its limit (issue 14):
- server CPU seconds per new session on the Overview (median of 5, after the first): limit 0.3 s;
  the same through nginx with deploy/nginx-cantho.conf, which keeps the frontend's files in its cache;
- 30 sessions opening pages while an upload commits: failures (limit 0) and p95 seconds to a
  settled page (limit 5 s);
- the server's memory after those sessions have closed, against where it started: limit 100 MB;
- what the browsers' core and the server were busy meanwhile, and the same sessions' p95 on a
  Streamlit app of one title (the browsers' floor: 30 new Chromium pages on one core are slower
  than the limit whatever the server does).
Run: python bench/viewers.py [--sessions 30]
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_FLAGS, SETTLED, chromium_path, free_port  # noqa: E402

PAGES = ("", "targets", "league", "map", "tasks")
TICK = os.sysconf("SC_CLK_TCK")
TITLE = "Chuyển đổi số Cần Thơ"


def cpu_seconds(pid: int) -> float:
    """User and system CPU of a process so far (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (/proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def core_busy(core: int) -> float:
    """Busy seconds of one core so far, whatever ran on it (/proc/stat: all but idle and iowait)."""
    for line in Path("/proc/stat").read_text().splitlines():
        if line.startswith(f"cpu{core} "):
            ticks = [int(x) for x in line.split()[1:]]
            return (sum(ticks) - ticks[3] - ticks[4]) / TICK
    return float("nan")


def pin(core: int):
    """A preexec function putting a child process on one core (where the machine has two)."""
    cores = os.sched_getaffinity(0)
    return (lambda: os.sched_setaffinity(0, {core})) if len(cores) > 1 else None


async def settled_page(browser, url: str, returning=None) -> float:
    """Seconds from opening a new session on url to the page settled with its title on screen: in a
    new browser profile, or in a new tab of the returning one's (its cache holds the frontend's files)."""
    context = returning or await browser.new_context(viewport={"width": 1366, "height": 768})
    page = await context.new_page()
    started = time.perf_counter()
    try:
        await page.goto(url, timeout=120_000)
        await page.get_by_text(TITLE).first.wait_for(timeout=120_000)
        await page.wait_for_function(SETTLED, timeout=120_000)
        if await page.locator("[data-testid='stException']").count():
            raise RuntimeError(await page.locator("[data-testid='stException']").first.inner_text())
        return time.perf_counter() - started
    finally:
        await (page if returning else context).close()


@contextlib.contextmanager
def nginx_front(port: int, folder: Path):
    """nginx with deploy/nginx-cantho.conf in front of the server on port (its one replica), on the
    browsers' core; yields its URL, or None where nginx is not installed. Run as root, its workers run
    as root too: 'nobody' could not write its cache in this private folder."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(nginx, os.X_OK):
        yield None
        return
    front = free_port()
    conf = (ROOT / "deploy" / "nginx-cantho.conf").read_text(encoding="utf-8")
    conf = conf.replace("127.0.0.1:8501", f"127.0.0.1:{port}").replace("        server 127.0.0.1:8502;\n", "")
    prefix = folder / "nginx"
    for sub in ("logs", "tmp"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    (prefix / "nginx.conf").write_text(conf.replace("127.0.0.1:8080", f"127.0.0.1:{front}"), encoding="utf-8")
    proxy = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;" + (" user root;" if os.geteuid() == 0 else "")],
                             stderr=subprocess.DEVNULL, preexec_fn=pin(0))
    try:
        time.sleep(0.5)
        yield f"http://127.0.0.1:{front}"
    finally:
        proxy.terminate()
        proxy.wait(10)


async def session_costs(browser, url: str, pid: int, count: int = 5, returning=None) -> list[float]:
    """Server CPU seconds of each of count new sessions on url, one after another."""
    costs = []
    for _ in range(count):
        before = cpu_seconds(pid)
        await settled_page(browser, url, returning)
        await asyncio.sleep(1.5)              # what the session's first seconds still cost
        costs.append(cpu_seconds(pid) - before)
    return costs


def upload_file(folder: Path) -> Path:
    """A month of city-wide figures in the import format."""
    path = folder / "thang_11.csv"
    path.write_text("Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nCQS-01;CT;11/2026;99,2\r\nKTS-02;CT;11/2026;59,4\r\n",
                    encoding="utf-8-sig")
    return path


async def run(sessions: int, folder: Path) -> None:
    from playwright.async_api import async_playwright

    store = folder / "viewers.duckdb"
    port = free_port()
    env = dict(os.environ, CANTHO_DB_URL=f"duckdb:///{store.as_posix()}", CANTHO_AS_OF="2026-11-25",
               CANTHO_USERS_FILE=str(folder / "users.json"), CANTHO_UPLOAD_DIR=str(folder / "archive"))
    subprocess.run([sys.executable, "-m", "cantho_dash", "users", "add", "bench", "--role", "analyst"],
                   input="mật-khẩu-bench-2026\n", text=True, cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                               "--server.headless", "true", "--server.address", "127.0.0.1"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              preexec_fn=pin(1))
    url = f"http://127.0.0.1:{port}"
    if len(os.sched_getaffinity(0)) > 1:
        os.sched_setaffinity(0, {0})              # this process and the browsers it starts: the other core
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            while True:
                try:
                    await settled_page(browser, url)   # the first session: the store and every cache filled
                    break
                except Exception:  # noqa: BLE001 - the server is still starting
                    await asyncio.sleep(1)
            for path in PAGES:
                await settled_page(browser, f"{url}/{path}")
            await asyncio.sleep(3)
            start_mb = rss_mb(server.pid)

            costs = await session_costs(browser, url, server.pid)
            cost = statistics.median(costs)
            returning = await browser.new_context(viewport={"width": 1366, "height": 768})
            await settled_page(browser, url, returning)              # its cache filled
            again = await session_costs(browser, url, server.pid, returning=returning)
            await returning.close()
            with nginx_front(port, folder) as front:
                if front:
                    await settled_page(browser, front)            # nginx's cache filled
                    proxied = await session_costs(browser, front, server.pid)

            browser_before, server_before, started = core_busy(0), cpu_seconds(server.pid), time.perf_counter()
            upload = subprocess.Popen([sys.executable, "-m", "cantho_dash", "import", str(upload_file(folder)),
                                       "--user", "bench"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True)
            results = await asyncio.gather(*(settled_page(browser, f"{url}/{PAGES[i % len(PAGES)]}")
                                             for i in range(sessions)), return_exceptions=True)
            upload_out = upload.communicate(timeout=300)[0]
            wall = time.perf_counter() - started
            browser_cpu, server_cpu = core_busy(0) - browser_before, cpu_seconds(server.pid) - server_before
            times = sorted(r for r in results if isinstance(r, float))
            failures = [r for r in results if not isinstance(r, float)]
            p95 = times[max(0, round(0.95 * len(times)) - 1)] if times else float("nan")
            await browser.close()
        await asyncio.sleep(20)                       # the sessions' websockets closed; let the server let go
        end_mb = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)

    print(f"server CPU per new Overview session: median {cost:.2f} s of {[round(c, 2) for c in costs]}; "
          f"limit 0.3 s: ratio {cost / 0.3:.2f} {'OK' if cost <= 0.3 else 'OVER'}")
    print(f"  a returning browser (the frontend's files in its cache, kept a year): median "
          f"{statistics.median(again):.2f} s of {[round(c, 2) for c in again]}; ratio {statistics.median(again) / 0.3:.2f}")
    if front:
        print(f"  through nginx (deploy/nginx-cantho.conf, the frontend's files from its cache): median "
              f"{statistics.median(proxied):.2f} s of {[round(c, 2) for c in proxied]}; ratio "
              f"{statistics.median(proxied) / 0.3:.2f}")
    print(f"{sessions} sessions while an upload commits (upload exit {upload.returncode}): {len(failures)} failures"
          f"{' ' + repr(failures[:3]) if failures else ''}; p95 {p95:.1f} s, median "
          f"{statistics.median(times) if times else float('nan'):.1f} s; limit 5 s: ratio {p95 / 5:.2f} "
          f"{'OK' if p95 <= 5 and not failures else 'OVER'}")
    print(f"  while they opened ({wall:.0f} s): the browsers' core busy {browser_cpu:.0f} s "
          f"({browser_cpu / max(len(times), 1):.1f} s a page), the server {server_cpu:.1f} s "
          f"({server_cpu / sessions:.2f} s a session): the browsers' one core, not the server, sets the wait")
    print(f"server memory: {start_mb:.0f} MB before, {end_mb:.0f} MB after the sessions closed: "
          f"+{end_mb - start_mb:.0f} MB; limit 100 MB: ratio {(end_mb - start_mb) / 100:.2f} "
          f"{'OK' if end_mb - start_mb <= 100 else 'OVER'}")
    if upload.returncode:
        print(upload_out[-1000:])


async def floor(sessions: int, folder: Path) -> float:
    """p95 seconds to a settled page for the same number of new sessions opened at once, with the
    same pinning, on a Streamlit app of one title: what the browsers' core alone costs."""
    from playwright.async_api import async_playwright

    (folder / "floor_app.py").write_text(f"import streamlit as st\nst.title({TITLE!r})\n", encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "floor_app.py", "--server.port", str(port),
                               "--server.headless", "true", "--server.address", "127.0.0.1"],
                              cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=pin(1))
    url = f"http://127.0.0.1:{port}"
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            while True:
                try:
                    await settled_page(browser, url)
                    break
                except Exception:  # noqa: BLE001 - the server is still starting
                    await asyncio.sleep(1)
            results = await asyncio.gather(*(settled_page(browser, url) for _ in range(sessions)),
                                           return_exceptions=True)
            await browser.close()
    finally:
        server.terminate()
        server.wait(10)
    times = sorted(r for r in results if isinstance(r, float))
    return times[max(0, round(0.95 * len(times)) - 1)] if times else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--no-floor", action="store_true", help="skip the one-title app's run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(args.sessions, Path(folder)))
        if not args.no_floor:
            p95 = asyncio.run(floor(args.sessions, Path(folder)))
            print(f"  the same {args.sessions} sessions on a one-title Streamlit app, same pinning: p95 {p95:.1f} s "
                  f"(the browsers' core alone; no server can bring the figure above under this)")


if __name__ == "__main__":
    main()
