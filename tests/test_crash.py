"""A process killed (SIGKILL) in the middle of imports: the store opens every time, every upload is
all there or absent, and every audited upload has its archived original (archive first)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from cantho_dash.store import archive
from cantho_dash.store import engine as db

KILLS = int(os.environ.get("CANTHO_CRASH_KILLS", "10"))   # the check: CANTHO_CRASH_KILLS=30

pytestmark = pytest.mark.both_stores


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_kills_during_imports_leave_a_whole_store(fresh_engine, tmp_path, monkeypatch):
    url = fresh_engine.url.render_as_string(hide_password=False)
    fresh_engine.dispose()
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "archive"))
    env = dict(os.environ, CANTHO_DB_URL=url, CANTHO_UPLOAD_DIR=str(tmp_path / "archive"), CANTHO_LOAD_DEMO="0",
               PYTHONPATH=str(ROOT))
    rng = random.Random(224)
    seen = 0
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "crash_child.py"), url, str(kill * 1000)],
                                 cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        if kill % 2:                                # every other kill comes after an import is in,
            assert child.stdout.readline().strip() == "imported"    # however slow the machine
        time.sleep(rng.uniform(0.05, 1.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        engine = db.make_engine(url)            # the store opens after every kill
        with engine.connect() as conn:
            uploads = db.read(conn, "uploads")
            mine = uploads[uploads["uploaded_by"] == "crash-test"]
            for upload in mine.itertuples():
                assert upload.rows_total == 4
                assert db.scalar(conn, "upload_fact_rows", upload_id=int(upload.id)) == 4, upload
                assert archive.find(upload.sha256) is not None, f"upload {upload.id} lacks its original file"
        engine.dispose()
        seen = len(mine)
    assert seen >= KILLS // 2, "the imports did get in between the kills"
