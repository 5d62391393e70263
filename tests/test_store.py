"""The store: bootstrap, versioned values, and every named query in sql/ against the fixture store."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
import sqlalchemy as sa

from cantho_dash import config, db, queries, service
from cantho_dash.bootstrap import ensure_ready
from cantho_dash.config import SQL_DIR
from cantho_dash.ingest.commit import commit_frame
from conftest import AS_OF, make_store

SAMPLE = {"as_of": AS_OF, "area_code": "CT", "key": "x", "value": "y", "id": 10_000, "upload_id": 10_000,
          "action": "commit", "actor": "test", "happened_at": dt.datetime(2026, 1, 1), "kind": "observations",
          "filename": "f.csv", "sha256": "0" * 64, "uploaded_by": "test", "uploaded_at": dt.datetime(2026, 1, 1),
          "rows_total": 0, "rows_new": 0, "rows_changed": 0, "rows_unchanged": 0, "is_demo": False,
          "status": "active"}
QUERIES = sorted(p.stem for p in SQL_DIR.glob("*.sql") if p.stem != "schema")


@pytest.mark.parametrize("name", QUERIES)
def test_every_named_query_runs(engine, name):
    text = db.load_sql(name)
    assert not re.search(r"\b(SELECT|FROM|WHERE|INSERT|DELETE)\b", text), "lowercase keywords"
    params = {p: SAMPLE[p] for p in re.findall(r"(?<!:):(\w+)", text)}
    with engine.connect() as conn:
        trans = conn.begin()
        try:
            if "staged_rows" in text:  # insert_<table>: stage an empty frame of that table's columns
                raw = db.native(conn)
                raw.register("staged_rows", raw.execute(f"select * from {name.removeprefix('insert_')} limit 0").df())
            conn.execute(sa.text(text), params)
        finally:
            trans.rollback()


def test_bootstrap_is_idempotent(fresh_engine):
    version = queries.data_version(fresh_engine)
    assert ensure_ready(fresh_engine, config.Settings(load_demo=True)) is False
    assert queries.data_version(fresh_engine) == version
    assert len(queries.targets(fresh_engine)) == 30
    assert len(queries.wards(fresh_engine)) == 103
    assert len(queries.tasks(fresh_engine)) == 51


def _obs(value, period="2026-10"):
    return pd.DataFrame({"indicator_code": ["CQS-01"], "area_code": ["CT"], "period": [period],
                         "period_end": [dt.date(2026, 10, 31)], "value": [value]})


def test_a_later_upload_supersedes_and_history_stays(fresh_engine):
    commit_frame(fresh_engine, "observations", _obs(99.5), user="analyst")
    current = queries.area_series(fresh_engine, AS_OF)
    assert current[(current["code"] == "CQS-01") & (current["period"] == "2026-10")]["value"].tolist() == [99.5]
    with fresh_engine.connect() as conn:
        history = conn.execute(sa.text(
            "select value from observations where indicator_code = 'CQS-01' and area_code = 'CT' "
            "and period = '2026-10' order by upload_id")).scalars().all()
    assert history == [98.9, 99.5]
    status = service.target_status(fresh_engine, AS_OF).set_index("code")
    assert status.loc["CQS-01", "value"] == 99.5


def test_a_locked_file_gives_a_plain_message(store_path, tmp_path):
    import subprocess
    import sys
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(30)"),
        str(tmp_path / "held.duckdb")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(db.StoreLockedError) as err:
            db.make_engine(f"duckdb:///{(tmp_path / 'held.duckdb').as_posix()}")
        assert "đang được một tiến trình khác" in str(err.value) and "another process" in str(err.value)
    finally:
        holder.kill()


def test_any_sqlalchemy_url_works_sqlite_too(tmp_path):
    lite_engine = db.make_engine(f"sqlite:///{(tmp_path / 'portable.sqlite').as_posix()}")
    ensure_ready(lite_engine, config.Settings(load_demo=True))
    lite = service.target_status(lite_engine, AS_OF)
    duck = service.target_status(make_store(tmp_path / "same.duckdb"), AS_OF)
    pd.testing.assert_series_equal(lite["status"], duck["status"])
    pd.testing.assert_series_equal(lite["value"], duck["value"])
