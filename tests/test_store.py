"""The store: bootstrap, versioned values, and every named query in sql/ against the fixture store."""
from __future__ import annotations

import datetime as dt
import re
import time
from contextlib import contextmanager

import pandas as pd
import pytest
import sqlalchemy as sa

from cantho_dash.domain import catalog
from cantho_dash import config
from cantho_dash.store import engine as db, filelock, queries
from cantho_dash.store.bootstrap import ensure_ready
from cantho_dash.config import SQL_DIR
from cantho_dash.ingest import stage
from cantho_dash.store.versions import commit_frame
from conftest import AS_OF, ROOT, make_store
from cantho_dash.facts import targets as target_facts

SAMPLE = {"as_of": AS_OF, "area_code": "CT", "key": "x", "value": "y", "id": 10_000, "upload_id": 10_000,
          "action": "commit", "actor": "test", "happened_at": dt.datetime(2026, 1, 1), "kind": "observations",
          "filename": "f.csv", "sha256": "0" * 64, "uploaded_by": "test", "uploaded_at": dt.datetime(2026, 1, 1),
          "rows_total": 0, "rows_new": 0, "rows_changed": 0, "rows_unchanged": 0, "is_demo": False,
          "status": "active", "code": "XHS-03", "unit_kind": "ward", "month_start": dt.date(2026, 10, 1),
          "month_end": dt.date(2026, 10, 31), "period": "2026-H1", "previous": "2025", "unit_code": None,
          "area": None, "table": "uploads"}
QUERIES = sorted(p.stem for p in SQL_DIR.glob("*.sql") if p.stem != "schema")
KINDS = ("observations", "unit_scores", "task_status", "targets")
SAMPLE_FILES = {
    "observations": "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị;Ghi chú\nCQS-01;CT;2026-11;99,5;x\nXHS-03;Cái Khế;2026-11;1.234;\n",
    "unit_scores": "Đơn vị;Kỳ;Trụ cột;Điểm\nSYT;2026-H1;TONG;71,5\n",
    "task_status": "Nhiệm vụ số;Kỳ báo cáo;Tình trạng;Tiến độ (%)\n12;2026-11;Hoàn thành;100\n",
    "targets": (ROOT / "data" / "catalog" / "targets.csv").read_text(encoding="utf-8"),
}
# Queries that run in a staging connection (ingest.stage), and the ones that read its staged rows.
STAGING = ("stage_", "staged_", "validation_", "distinct_", "number_", "failing_rows", "raw_row_count", "scope_rows_")
COMPARING = ("diff_", "insert_staged_")


def _kind_of(name: str) -> str:
    return next((k for k in KINDS if name.endswith(k)), "observations")


@contextmanager
def _staging(kind: str, duck=None):
    """A staging session of the sample file: private, or in the store's own connection (duck)."""
    context = stage.Context(catalog.indicators(catalog.read_targets(), catalog.read_target_parts()), set(range(1, 52)))
    with stage.session(SAMPLE_FILES[kind].encode("utf-8"), context, kind, duck=duck) as session:
        yield session


@pytest.mark.parametrize("name", QUERIES)
def test_every_named_query_runs(engine, name):
    text = db.load_sql(name)
    assert not re.search(r"\b(SELECT|FROM|WHERE|INSERT|DELETE)\b", text), "lowercase keywords"
    kind = _kind_of(name)
    if name.startswith(STAGING):
        with _staging(kind) as session:
            if name == "stage_raw_load":  # it needs a file's settings: staging ran it already
                assert session.duck.execute(db.load_sql("raw_row_count")).fetchone()[0] > 0
                return
            session.duck.register("failing_row_ids", pd.DataFrame({"row_id": [0]}))
            session.duck.register("unread_numbers", pd.DataFrame({"number_text": ["1.234", "abc"]}))
            session.duck.execute(text, {p: {"conv": None, "typed": False}.get(p, SAMPLE.get(p))
                                        for p in re.findall(r"\$(\w+)", text)} or None)
        return
    params = {p: SAMPLE[p] for p in re.findall(r"(?<!:):(\w+)", text)}
    with engine.connect() as conn:
        trans = conn.begin()
        try:
            raw = db.native(conn)
            if name.startswith("diff_staged_"):  # the import path: staged in the store's own connection
                with _staging(kind, duck=raw):
                    counts = tuple(conn.execute(sa.text(text), params).one())
                    assert counts == tuple(conn.execute(sa.text(db.load_sql("diff_observations"))).one())
                    assert sum(counts) == 2
                return
            if name.startswith(COMPARING):
                with _staging(kind) as session:
                    rows = session.duck.sql(db.load_sql("staged_rows")).to_arrow_table()
                raw.register("staged_rows", rows)
            elif "staged_rows" in text:  # insert_<table>: stage an empty frame of that table's columns
                raw.register("staged_rows", raw.execute(f"select * from {name.removeprefix('insert_')} limit 0").df())
            conn.execute(sa.text(text), params)
        finally:
            trans.rollback()
            raw.unregister("staged_rows")


def test_bootstrap_is_idempotent(fresh_engine):
    version = queries.data_version(fresh_engine)
    assert ensure_ready(fresh_engine, config.Settings(load_demo=True)) is False
    assert queries.data_version(fresh_engine) == version
    assert len(queries.targets(fresh_engine)) == 30
    assert len(queries.wards(fresh_engine)) == 103
    assert len(queries.tasks(fresh_engine)) == 51


def _obs(value, period="2026-10"):
    return pd.DataFrame({"indicator_code": ["CQS-01"], "area_code": ["CT"], "period": [period],
                         "period_start": [dt.date(2026, 10, 1)], "period_end": [dt.date(2026, 10, 31)],
                         "value": [value]})


def test_a_later_upload_supersedes_and_history_stays(fresh_engine):
    commit_frame(fresh_engine, "observations", _obs(99.5), user="analyst")
    current = queries.area_series(fresh_engine, AS_OF)
    assert current[(current["code"] == "CQS-01") & (current["period"] == "2026-10")]["value"].tolist() == [99.5]
    with fresh_engine.connect() as conn:
        history = conn.execute(sa.text(
            "select value from observations where indicator_code = 'CQS-01' and area_code = 'CT' "
            "and period = '2026-10' order by upload_id")).scalars().all()
    assert history == [98.9, 99.5]
    status = target_facts.target_status(fresh_engine, AS_OF).set_index("code")
    assert status.loc["CQS-01", "value"] == 99.5


def _hold(path, seconds: float):
    """Another process holding a DuckDB file read-write for some seconds."""
    import subprocess
    import sys
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
        "time.sleep(float(sys.argv[2])); c.close(); time.sleep(30)"), str(path), str(seconds)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_a_file_held_too_long_gives_a_plain_message(tmp_path):
    holder = _hold(tmp_path / "held.duckdb", 30)
    try:
        with pytest.raises(db.StoreLockedError) as err:
            db.make_engine(f"duckdb:///{(tmp_path / 'held.duckdb').as_posix()}", wait=1)
        assert "một chương trình khác" in str(err.value) and "another program" in str(err.value)
    finally:
        holder.kill()


def test_a_file_held_briefly_is_waited_for_and_let_go_when_idle(tmp_path):
    import time
    path = tmp_path / "shared.duckdb"
    holder = _hold(path, 1.5)
    try:
        engine = db.make_engine(f"duckdb:///{path.as_posix()}")     # waits for the other process
        with engine.connect() as conn:
            assert db.scalar(conn, "write_lock") == 1
        time.sleep(filelock.LINGER + 0.5)                            # idle: the file is free again
        import duckdb
        duckdb.connect(str(path)).close()
        with engine.connect() as conn:                               # and taken again when needed
            assert db.scalar(conn, "write_lock") == 1
    finally:
        holder.kill()


def test_a_store_other_than_duckdb_or_postgresql_is_refused_plainly(tmp_path):
    with pytest.raises(ValueError) as err:
        db.make_engine(f"sqlite:///{(tmp_path / 'other.sqlite').as_posix()}")
    assert "DuckDB" in str(err.value) and "PostgreSQL" in str(err.value) and "sqlite" in str(err.value)



def test_connecting_while_this_process_closes_the_file_waits_instead_of_failing(tmp_path, monkeypatch):
    """Closing the last connection after a write takes a moment (DuckDB writes its log into the
    file); a connect meanwhile met 'Unique file handle conflict' and failed a page (seen with 20
    sessions during a commit). It waits now."""
    import random
    import threading
    monkeypatch.setattr(filelock, "LINGER", 0.0)
    engine = db.make_engine(f"duckdb:///{(tmp_path / 'busy.duckdb').as_posix()}")
    with engine.begin() as conn:
        conn.exec_driver_sql("create table t as select range as x from range(10)")
    errors = []

    def writer():
        for _ in range(15):
            with engine.begin() as conn:
                conn.exec_driver_sql("insert into t select range from range(200000)")
            engine.pool.dispose()                 # the last connection closes: the log goes into the file

    def reader(seed):
        rng = random.Random(seed)
        for _ in range(150):
            try:
                with engine.connect() as conn:
                    conn.exec_driver_sql("select count(*) from t").all()
            except Exception as exc:              # noqa: BLE001 - any failure is what the test looks for
                errors.append(repr(exc)[:200])
            time.sleep(rng.uniform(0, 0.01))

    threads = [threading.Thread(target=writer)] + [threading.Thread(target=reader, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()
    assert errors == []


def test_a_duckdb_file_stamp_changes_with_a_commit_and_not_with_reads(tmp_path):
    """data_version() trusts an unchanged stamp instead of opening the file (web/session.py)."""
    engine = db.make_engine(f"duckdb:///{(tmp_path / 'stamp.duckdb').as_posix()}")
    with engine.begin() as conn:
        conn.exec_driver_sql("create table t (x integer)")
    time.sleep(filelock.LINGER + 0.5)                 # the file let go, its log written
    before = filelock.file_stamp(engine)
    for _ in range(3):
        with engine.connect() as conn:
            conn.exec_driver_sql("select count(*) from t").scalar()
        time.sleep(filelock.LINGER + 0.3)
    assert filelock.file_stamp(engine) == before       # reads leave the file as it was
    with engine.begin() as conn:
        conn.exec_driver_sql("insert into t values (1)")
    assert filelock.file_stamp(engine) != before       # a commit changes it at once
    engine.dispose()
    assert filelock.file_stamp(db.make_engine("duckdb:///:memory:")) is None
