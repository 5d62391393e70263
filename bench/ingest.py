"""Ingest benchmark: a full import of a 1M-row observations CSV against the store's own bulk load.

Both sides put the same file's rows into a table of the store, in the same run:
- limit, DuckDB (default): `create table ... as select * from read_csv(file)` in a fresh file-backed
  database; PostgreSQL (--store postgresql): the server's own `COPY ... FROM STDIN` of the file into a
  table of text columns, in a fresh database;
- import: read, decode, resolve, parse, validate (pandera), diff against current values, archive
  and commit, through cantho_dash.ingest.pipeline.import_file (the one write path: the Upload page's
  confirm, the entry form and the command line's import all run it), into a store holding the demo data.
The file is what a Vietnamese Excel exports: UTF-8 with BOM, ';' between fields, decimal commas.
Target: import / limit <= 3. Run: python bench/ingest.py [--rows N] [--repeat K] [--store postgresql]
(PostgreSQL: the server at CANTHO_BENCH_PG_URL, e.g. postgresql+psycopg://cantho@127.0.0.1:55432/postgres;
scripts/pg.sh starts one.)
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_RATIO = 3.0

from cantho_dash.store.engine import load_sql  # noqa: E402 - after the path is set


def make_csv(path: Path, rows: int, seed: int = 1) -> None:
    """rows distinct (indicator, area, period) keys with values 0-100, written the Vietnamese way."""
    from cantho_dash.domain import catalog

    indicators = catalog.indicators(catalog.read_targets(), catalog.read_target_parts())
    codes = indicators.loc[indicators["unit"] == "%", "code"].to_numpy()
    areas = np.array(["CT", *catalog.read_wards()["code"]])
    periods = np.array([f"{y}-{m:02d}" for y in range(1989, 2027) for m in range(1, 13)][:-2])  # to 2026-10
    space = len(codes) * len(areas) * len(periods)
    if rows > space:
        raise SystemExit(f"at most {space} distinct keys")
    rng = np.random.default_rng(seed)
    pick = rng.choice(space, rows, replace=False)
    per_code = len(areas) * len(periods)
    frame = pd.DataFrame({
        "Mã chỉ tiêu": codes[pick // per_code],
        "Địa bàn": areas[(pick % per_code) // len(periods)],
        "Kỳ báo cáo": periods[pick % len(periods)],
        "Giá trị": np.char.replace(np.round(rng.uniform(0, 100, rows), 2).astype(str), ".", ","),
    })
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")


def pg_database(run: str) -> str:
    """A new database on the benchmark's PostgreSQL server; returns its URL."""
    import sqlalchemy as sa

    server = sa.engine.make_url(os.environ["CANTHO_BENCH_PG_URL"])
    name = f"cantho_bench_{os.getpid()}_{run}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'drop database if exists "{name}"')
        conn.exec_driver_sql(f'create database "{name}"')
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def limit_seconds(csv_path: Path, workdir: Path, run: int, store: str = "duckdb") -> float:
    """The store's own bulk load of the file: DuckDB's read_csv into a fresh file-backed database, or
    PostgreSQL's COPY from the client into a table of a fresh database."""
    if store == "postgresql":
        import sqlalchemy as sa

        engine = sa.create_engine(pg_database(f"limit{run}"))
        with engine.begin() as conn:
            conn.exec_driver_sql(load_sql("bench/copy_table", "postgresql"))
            start = time.perf_counter()
            with conn.connection.driver_connection.cursor().copy(load_sql("bench/copy", "postgresql")) as copy:
                copy.write(csv_path.read_bytes())
        seconds = time.perf_counter() - start
        engine.dispose()
        return seconds
    target = workdir / f"limit-{run}.duckdb"
    conn = duckdb.connect(str(target))
    start = time.perf_counter()
    conn.execute(load_sql("bench/read_csv"), {"path": str(csv_path)})
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def import_seconds(csv_path: Path, workdir: Path, run: int, store: str = "duckdb") -> tuple[float, int]:
    """The full import into a fresh store with the demo data; returns (seconds, rows committed)."""
    os.environ["CANTHO_UPLOAD_DIR"] = str(workdir / "uploads")
    from cantho_dash import config
    from cantho_dash.store import engine as db
    from cantho_dash.store.bootstrap import ensure_ready
    from cantho_dash.ingest import pipeline

    engine = db.make_engine(pg_database(f"store{run}") if store == "postgresql"
                            else f"duckdb:///{(workdir / f'store-{run}.duckdb').as_posix()}")
    ensure_ready(engine, config.Settings(load_demo=True))
    start = time.perf_counter()
    data = csv_path.read_bytes()
    upload_id = pipeline.import_file(engine, data, csv_path.name, user="bench", path=csv_path).upload_id
    seconds = time.perf_counter() - start
    with engine.connect() as conn:
        rows = db.scalar(conn, "upload_rows_total", upload_id=upload_id)
    engine.dispose()
    return seconds, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store", choices=["duckdb", "postgresql"], default="duckdb")
    args = parser.parse_args()
    if args.store == "postgresql" and not os.environ.get("CANTHO_BENCH_PG_URL"):
        raise SystemExit("set CANTHO_BENCH_PG_URL to a PostgreSQL server (scripts/pg.sh start DIR PORT prints one)")
    with tempfile.TemporaryDirectory(prefix="cantho-bench-") as work:
        workdir = Path(work)
        csv_path = workdir / "observations.csv"
        make_csv(csv_path, args.rows)
        size_mb = csv_path.stat().st_size / 1e6
        import_seconds(csv_path, workdir, -1, args.store)  # warm-up: imports, catalog caches
        limits, imports = [], []
        for run in range(args.repeat):
            limits.append(limit_seconds(csv_path, workdir, run, args.store))
            seconds, rows = import_seconds(csv_path, workdir, run, args.store)
            assert rows == args.rows, rows
            imports.append(seconds)
    limit, full = statistics.median(limits), statistics.median(imports)
    ratio = full / limit
    print(f"file: {args.rows:,} rows, {size_mb:.1f} MB (UTF-8 BOM, ';', decimal commas)")
    own = "PostgreSQL COPY into a table:" if args.store == "postgresql" else "DuckDB read_csv into a table:"
    print(f"store: {args.store}")
    print(f"limit  {own:29} {limit:.3f} s (median of {args.repeat})")
    print(f"import read+validate+commit:         {full:.3f} s (median of {args.repeat})")
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO:.0f}) -> {'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
