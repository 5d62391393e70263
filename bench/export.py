"""Export benchmark: a warm PNG per chart against a cold fig.to_image, and the whole pack.

In the same run, on a store with the demo data:
- cold: plotly's fig.to_image with no kaleido server running (a browser is started per image);
- warm: cantho_dash.export.png through the one warm kaleido server of the process;
- pack: cantho_dash.export.pack.build (every chart as PNG, the ZIP, the PPTX and the DOCX).
Targets: warm <= 0.2 s a chart, pack <= 10 s. Run: python bench/export.py [--cold N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WARM_TARGET, PACK_TARGET = 0.2, 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cold", type=int, default=3, help="how many charts to time cold (each starts a browser)")
    args = parser.parse_args()
    from cantho_dash import config
    from cantho_dash.store import engine as db
    from cantho_dash.export import briefing, pack
    from cantho_dash.export import png as export
    from cantho_dash.store.bootstrap import ensure_ready

    with tempfile.TemporaryDirectory(prefix="cantho-bench-") as work:
        engine = db.make_engine(f"duckdb:///{(Path(work) / 'store.duckdb').as_posix()}")
        ensure_ready(engine, config.Settings(load_demo=True))
        as_of = date(2026, 11, 25)
        charts = pack.slides(briefing.gather(engine, as_of))
        mark = pack.stamp(engine, as_of)
        cold = []
        for item in charts[: args.cold]:
            start = time.perf_counter()
            item.fig.to_image(format="png", width=1920, height=1080)
            cold.append(time.perf_counter() - start)
        export.png(charts[0].fig, charts[0].title, mark)   # start the warm server once
        warm = []
        for item in charts:
            start = time.perf_counter()
            export.png(item.fig, item.title, mark)
            warm.append(time.perf_counter() - start)
        pack_seconds = pack.build(engine, as_of).seconds
    cold_median, warm_median = statistics.median(cold), statistics.median(warm)
    print(f"charts: {len(charts)} (1920x1080)")
    print(f"cold fig.to_image: {cold_median:.3f} s a chart (median of {len(cold)})")
    print(f"warm kaleido server: {warm_median:.3f} s a chart (median of {len(warm)}, max {max(warm):.3f}) "
          f"-> {cold_median / warm_median:.1f}x faster; target <= {WARM_TARGET} s: "
          f"{'OK' if warm_median <= WARM_TARGET else 'OVER TARGET'}")
    print(f"whole pack (PNGs + ZIP + PPTX + DOCX): {pack_seconds:.2f} s; target <= {PACK_TARGET:.0f} s: "
          f"{'OK' if pack_seconds <= PACK_TARGET else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
