"""Imports one file after another into a store until killed (test_crash.py kills it)."""
from __future__ import annotations

import sys

from cantho_dash import config
from cantho_dash.ingest import pipeline
from cantho_dash.store import engine as db
from cantho_dash.store.bootstrap import ensure_ready


def main(url: str, start: int) -> None:
    engine = db.make_engine(url)
    ensure_ready(engine, config.settings())
    print("ready", flush=True)
    for n in range(start, start + 10_000):
        body = "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\n" + "".join(
            f"{code};CT;{1 + n % 10}/2026;{(n + i) % 100},{n // 100:04d}\r\n"
            for i, code in enumerate(("CQS-01", "CQS-02", "KTS-02", "XHS-05")))
        pipeline.import_file(engine, body.encode("utf-8-sig"), f"lần {n}.csv", "crash-test")
        print("imported", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
