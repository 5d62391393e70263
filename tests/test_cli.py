"""The command line: status --json, and demo --clear."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT


import pytest

pytestmark = pytest.mark.both_stores


def cli(store, *args):
    """Run `python -m cantho_dash` on a store (a URL, or a DuckDB file's path)."""
    url = store if isinstance(store, str) else f"duckdb:///{store.as_posix()}"
    env = dict(os.environ, CANTHO_DB_URL=url)
    return subprocess.run([sys.executable, "-m", "cantho_dash", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_status_json_on_a_new_store(new_store_url):
    done = cli(new_store_url("x"), "status", "--json", "--as-of", "2026-11-25")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert len(records) == 30
    assert all({"code", "value", "period", "target_value", "status", "expected", "projected"} <= r.keys()
               for r in records)
    by_code = {r["code"]: r for r in records}
    assert by_code["CQS-07"]["status"] == "achieved" and by_code["CQS-07"]["target_value"] == 90
    assert by_code["XHS-05"]["status"] == "no_data" and by_code["XHS-05"]["value"] is None
    assert by_code["CQS-15"]["parts"] == ["CQS-15a", "CQS-15b"]


def test_status_table_and_demo_clear(new_store_url):
    path = new_store_url("y")
    text = cli(path, "status", "--as-of", "2026-11-25")
    assert text.returncode == 0 and "CQS-01" in text.stdout and "98,90" in text.stdout
    cleared = cli(path, "demo", "--clear")
    assert cleared.returncode == 0 and "Demo data cleared" in cleared.stdout
    after = json.loads(cli(path, "status", "--json").stdout)
    assert {r["status"] for r in after} == {"no_data"}
    again = cli(path, "demo")
    assert again.returncode == 0
    assert json.loads(cli(path, "status", "--json", "--as-of", "2026-11-25").stdout)[0]["value"] == 98.9
