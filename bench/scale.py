"""Scale benchmark: every page's rerun on a national-scale store against the demo store.

The national store has Viet Nam's 3,321 communes and wards (from vietnamadminunits) reporting the
city's 30 indicators every month for 36 months (about 3.6M observations, 36 monthly uploads), DTI
scores for every unit, pillar and month (about 480,000), and the demo's task statuses.

Each page is run with Streamlit's AppTest, on the demo store and then on the national one:
- first: the first render after a commit (the caches are empty: what a leader waits for when an
  upload has just landed);
- rerun: the median of --reruns further runs (what every click and the 30-second refresh cost).
Target: rerun on the national store <= 1.5 x the demo's, and <= 0.5 s.

Run: python bench/scale.py [--units N] [--months M] [--reruns K] [--keep DIR] [--store postgresql]
(PostgreSQL: both stores are new databases on the server at CANTHO_BENCH_PG_URL.)
"""
from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

AS_OF = date(2026, 11, 25)
PAGES = ["views/overview.py", "views/targets.py", "views/tasks.py", "views/league.py", "views/map.py",
         "views/export.py", "views/upload.py", "views/uploads.py", "views/account.py"]
TARGET_RATIO, TARGET_SECONDS = 1.5, 0.5


def national_units(limit: int | None = None) -> pd.DataFrame:
    """Every commune and ward of Viet Nam since 2025 (3,321), shaped like the wards table."""
    from vietnamadminunits.database import get_data

    from cantho_dash.domain.vntext import nfc

    fields = {"wardCode": "code", "ward": "name_vi", "wardShort": "short_name", "wardType": "ward_type",
              "wardLat": "latitude", "wardLon": "longitude", "wardAreaKm2": "area_km2"}
    units = pd.DataFrame(get_data(fields=list(fields), table="admin_units")).rename(columns=fields)
    units["ward_type"] = units["ward_type"].map({"Phường": "phuong"}).fillna("xa")
    for col in ("name_vi", "short_name"):
        units[col] = units[col].map(nfc)
    units = units.drop_duplicates("code").sort_values("code", ignore_index=True)
    return units if limit is None else units.head(limit)


def build_national(url: str, units: int | None, months: int) -> dict:
    """The national-scale store at url; returns what it holds."""
    from cantho_dash.domain import catalog
    from cantho_dash import config
    from cantho_dash.store import engine as db, demo
    from cantho_dash.store.bootstrap import ensure_ready
    from cantho_dash.store.versions import commit_frame

    engine = db.make_engine(url)
    ensure_ready(engine, config.Settings(db_url=url, load_demo=False))
    wards = national_units(units)
    with db.WRITE_LOCK, engine.begin() as conn:
        db.execute(conn, "clear_wards")
        db.bulk_insert(conn, "wards", wards)

    specs = catalog.indicators(catalog.read_targets(), catalog.read_target_parts())
    specs = specs[specs["code"].isin(catalog.read_targets()["code"]) | specs["code"].str.contains("-15")].head(30)
    areas = np.array(["CT", *wards["code"]])
    rng = np.random.default_rng(7)
    end = pd.Period("2026-10", "M")
    periods = [end - k for k in range(months - 1, -1, -1)]
    observations = 0
    for step, period in enumerate(periods):              # one upload per month, as agencies report
        share = (step + 1) / months
        values = []
        for spec in specs.itertuples():
            top = 1.0 if spec.unit == "milestone" else (100.0 if spec.unit == "%" else max(spec.target_value, 1) * 1.1)
            base = rng.uniform(0.3, 0.8, len(areas)) * top
            values.append(np.clip(base + share * 0.3 * top + rng.normal(0, 0.02 * top, len(areas)), 0, top))
        frame = pd.DataFrame({
            "indicator_code": np.repeat(specs["code"].to_numpy(), len(areas)),
            "area_code": np.tile(areas, len(specs)),
            "period": str(period),
            "period_start": period.start_time.date(),
            "period_end": period.end_time.date(),
            "value": np.round(np.concatenate(values), 2),
            "note": None,
            "source": "bench/scale.py",
        })
        commit_frame(engine, "observations", frame, user="bench", filename=f"national-{period}.csv")
        observations += len(frame)

    agencies = catalog.read_agencies()
    units_all = pd.concat([pd.DataFrame({"unit_code": wards["code"], "unit_kind": "ward"}),
                           pd.DataFrame({"unit_code": agencies.loc[agencies["agency_type"] == "department", "code"],
                                         "unit_kind": "agency"})], ignore_index=True)
    pillars = ["CQS", "KTS", "XHS", "TONG"]
    scores = []
    for period in periods:
        n = len(units_all) * len(pillars)
        scores.append(pd.DataFrame({
            "unit_code": np.repeat(units_all["unit_code"].to_numpy(), len(pillars)),
            "unit_kind": np.repeat(units_all["unit_kind"].to_numpy(), len(pillars)),
            "period": str(period), "period_start": period.start_time.date(), "period_end": period.end_time.date(),
            "pillar": np.tile(pillars, len(units_all)),
            "score": np.round(rng.uniform(200, 900, n), 1),
        }))
    score_frame = pd.concat(scores, ignore_index=True)
    commit_frame(engine, "unit_scores", score_frame, user="bench", filename="national-dti.csv")
    tasks = demo.build()["task_status"]
    commit_frame(engine, "task_status", tasks, user="bench", filename="tasks.csv")
    engine.dispose()
    return {"units": len(wards), "indicators": len(specs), "months": months, "observations": observations,
            "scores": len(score_frame)}


def quiet_apptest() -> None:
    """AppTest outside a server warns on every cached call, and resets the loggers' levels on each run."""
    for name in ("streamlit.runtime.caching.cache_data_api", "streamlit.runtime.scriptrunner_utils.script_run_context",
                 "streamlit.runtime.state.session_state_proxy"):
        logging.getLogger(name).addFilter(lambda record: record.levelno >= logging.ERROR)


def time_page(url: str, page: str, reruns: int) -> tuple[float, float]:
    """(first render, median rerun) of one page, in seconds, on the store at url."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["CANTHO_DB_URL"] = url
    st.cache_data.clear()                             # as after a commit: every cached read is gone
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.switch_page(page)
    started = time.perf_counter()
    at.run()
    first = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].message}")
    times = []
    for _ in range(reruns):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return first, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=None, help="fewer communes, for a quick try (default: all 3,321)")
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--reruns", type=int, default=11)
    parser.add_argument("--keep", help="build the stores in this folder and keep them")
    parser.add_argument("--store", choices=["duckdb", "postgresql"], default="duckdb")
    args = parser.parse_args()
    if args.store == "postgresql" and not os.environ.get("CANTHO_BENCH_PG_URL"):
        raise SystemExit("set CANTHO_BENCH_PG_URL to a PostgreSQL server (scripts/pg.sh start DIR PORT prints one)")
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ.update(CANTHO_AS_OF=AS_OF.isoformat(), CANTHO_LOAD_DEMO="1")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="cantho-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("CANTHO_USERS_FILE", str(folder / "users.json"))
    os.chdir(ROOT)

    from cantho_dash import config
    from cantho_dash.store import engine as db
    from cantho_dash.store.bootstrap import ensure_ready

    if args.store == "postgresql":
        from ingest import pg_database

        demo_url, national_url = pg_database("scale_demo"), pg_database("scale_national")
    else:
        demo_path, national_path = folder / "demo.duckdb", folder / "national.duckdb"
        for path in (demo_path, national_path):
            for leftover in (path, path.with_suffix(".duckdb.wal")):
                leftover.unlink(missing_ok=True)
        demo_url, national_url = f"duckdb:///{demo_path.as_posix()}", f"duckdb:///{national_path.as_posix()}"
    engine = db.make_engine(demo_url)
    ensure_ready(engine, config.Settings(db_url=demo_url, load_demo=True))
    engine.dispose()
    started = time.perf_counter()
    held = build_national(national_url, args.units, args.months)
    print(f"store: {args.store}")
    print(f"national store: {held['units']:,} communes x {held['indicators']} indicators x {held['months']} months = "
          f"{held['observations']:,} observations, {held['scores']:,} DTI scores; built in "
          f"{time.perf_counter() - started:.1f} s")

    quiet_apptest()
    demo, national = {}, {}
    for page in PAGES:  # each page on both stores in turn, so that a slower minute weighs on both alike
        demo[page] = time_page(demo_url, page, args.reruns)
        national[page] = time_page(national_url, page, args.reruns)
    print(f"\n{'page':22} {'demo first':>11} {'nat. first':>11} {'demo rerun':>11} {'nat. rerun':>11} {'ratio':>6}  "
          f"target (<= {TARGET_RATIO}x and <= {TARGET_SECONDS} s)")
    failures = 0
    for page in PAGES:
        (d_first, d_rerun), (n_first, n_rerun) = demo[page], national[page]
        ratio = n_rerun / d_rerun
        ok = ratio <= TARGET_RATIO and n_rerun <= TARGET_SECONDS
        failures += not ok
        print(f"{Path(page).stem:22} {d_first:10.3f}s {n_first:10.3f}s {d_rerun:10.3f}s {n_rerun:10.3f}s "
              f"{ratio:5.2f}x  {'OK' if ok else 'MISSED'}")
    print(f"\n{len(PAGES) - failures}/{len(PAGES)} pages meet the target.")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
