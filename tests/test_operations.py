"""The IT team's upkeep: a store made by an older release upgraded with every row kept (migrate),
backup and restore, and the archive cleaned of files no upload owns."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import duckdb
import pytest

import stores
from conftest import ROOT
from cantho_dash.store import archive, migrate, queries
from cantho_dash.store import engine as db
from cantho_dash.store.bootstrap import clean_archive

OLD = ROOT / "tests" / "fixtures" / "store-bb66393"   # made by commit bb66393: demo data + upload 5 by lan.nguyen

pytestmark = pytest.mark.both_stores


def cli(url, *args, folder):
    env = dict(os.environ, CANTHO_DB_URL=url, CANTHO_AS_OF="2026-11-25", CANTHO_UPLOAD_DIR=str(folder / "uploads"),
               CANTHO_USERS_FILE=str(folder / "users.json"))
    done = subprocess.run([sys.executable, "-m", "cantho_dash", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=180)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def old_store(tmp_path):
    """A copy of the bb66393 store as that release left it: the DuckDB file, its archive, its accounts."""
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute(f"import database '{OLD.as_posix()}'")
    shutil.copytree(OLD / "uploads", tmp_path / "uploads")
    shutil.copyfile(OLD / "users.json", tmp_path / "users.json")
    return path


def test_a_store_of_the_release_before_is_upgraded_with_every_row_kept(tmp_path, store_kind):
    if store_kind != "duckdb":
        pytest.skip("that release's stores are DuckDB files (it could not make a PostgreSQL store)")
    path = old_store(tmp_path)
    with duckdb.connect(str(path)) as conn:
        before = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("uploads", "observations",
                  "unit_scores", "task_status", "targets", "upload_events", "wards", "tasks")}
    url = f"duckdb:///{path.as_posix()}"
    done = cli(url, "migrate", folder=tmp_path)
    assert done.returncode == 0 and "0 → 1" in done.stdout and "001_uploads_unit_code" in done.stdout
    assert list(tmp_path.glob("old.duckdb.v0-*.bak")), "a copy of the file before the upgrade"
    assert "nothing to do" in cli(url, "migrate", folder=tmp_path).stdout
    status = json.loads(cli(url, "status", "--json", folder=tmp_path).stdout)
    assert status == json.loads((OLD / "expected-status.json").read_text(encoding="utf-8"))
    assert next(r for r in status if r["code"] == "CQS-01")["value"] == 99.7        # upload 5's figure
    listing = cli(url, "uploads", folder=tmp_path).stdout
    assert "Số liệu tháng 10.csv" in listing and "lan.nguyen" in listing
    with duckdb.connect(str(path)) as conn:
        after = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in before}
    assert after == before
    users = cli(url, "users", "list", folder=tmp_path)
    assert "lan.nguyen" in users.stdout and "analyst" in users.stdout
    from cantho_dash.store import accounts
    assert accounts.Accounts(tmp_path / "users.json").verify("lan.nguyen", "mật-khẩu-phân-tích")


def test_the_dashboard_opens_a_store_of_the_release_before(tmp_path, monkeypatch, store_kind):
    if store_kind != "duckdb":
        pytest.skip("that release's stores are DuckDB files")
    from streamlit.testing.v1 import AppTest
    path = old_store(tmp_path)
    monkeypatch.setenv("CANTHO_DB_URL", f"duckdb:///{path.as_posix()}")
    monkeypatch.setenv("CANTHO_AS_OF", "2026-11-25")
    monkeypatch.setenv("CANTHO_USERS_FILE", str(tmp_path / "users.json"))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    assert not at.exception
    at.switch_page("views/uploads.py")
    at.run()
    assert not at.exception
    assert migrate.state(db.make_engine(f"duckdb:///{path.as_posix()}"))[0] == migrate.SCHEMA_VERSION


def test_an_unversioned_store_is_brought_up_to_date_in_place(fresh_engine):
    """A store whose schema is version 0 (no unit_code, no version): upgraded, with its rows."""
    with fresh_engine.begin() as conn:
        conn.exec_driver_sql("alter table uploads drop column unit_code")
        db.execute(conn, "delete_meta", key="schema_version")
    rows = queries.checksums(fresh_engine)
    done = migrate.upgrade(fresh_engine)
    assert done.before == 0 and done.applied == ["001_uploads_unit_code"]
    assert queries.checksums(fresh_engine) == rows
    assert migrate.state(fresh_engine) == (migrate.SCHEMA_VERSION, migrate.digest())
    assert not migrate.upgrade(fresh_engine).schema_applied


def test_backup_then_restore_gives_the_same_store(tmp_path, fresh_engine, new_store_url, monkeypatch):
    url = fresh_engine.url.render_as_string(hide_password=False)
    good = tmp_path / "tháng 10.csv"
    good.write_bytes("Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nCQS-01;CT;10/2026;99,7\r\n".encode("utf-8-sig"))
    assert cli(url, "import", str(good), "--user", "lan", folder=tmp_path).returncode == 0
    (tmp_path / "users.json").write_text('{"accounts": []}', encoding="utf-8")
    made = cli(url, "backup", "--out", str(tmp_path / "bk"), folder=tmp_path)
    assert made.returncode == 0, made.stderr
    assert cli(url, "backup", "--out", str(tmp_path / "bk"), folder=tmp_path).returncode == 2   # not empty
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["rows"]["uploads"] == 5 and manifest["files"] == 1
    target, elsewhere = new_store_url("restored"), tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = cli(target, "restore", str(tmp_path / "bk"), folder=elsewhere)
    assert done.returncode == 0, done.stderr
    for command in (["status", "--json"], ["uploads"]):
        assert cli(target, *command, folder=elsewhere).stdout == cli(url, *command, folder=tmp_path).stdout
    restored = db.make_engine(target)
    assert queries.checksums(restored) == queries.checksums(fresh_engine)
    restored.dispose()
    assert sorted(p.name for p in (elsewhere / "uploads").iterdir()) == sorted(
        p.name for p in (tmp_path / "uploads").iterdir())
    assert (elsewhere / "users.json").read_text(encoding="utf-8") == '{"accounts": []}'
    again = cli(target, "restore", str(tmp_path / "bk"), folder=elsewhere)
    assert again.returncode == 2 and "--force" in again.stderr
    assert cli(target, "restore", str(tmp_path / "bk"), "--force", folder=elsewhere).returncode == 0


def test_archived_files_without_an_upload_are_cleaned_at_start(fresh_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "up"))
    from cantho_dash.ingest import pipeline
    data = "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nCQS-01;CT;10/2026;99,7\r\n".encode("utf-8-sig")
    owned = pipeline.import_file(fresh_engine, data, "a.csv", "lan").sha256
    folder = tmp_path / "up"
    orphan, partial, fresh = folder / f"{'a' * 64}.xlsx", folder / f"{'b' * 64}.partial", folder / f"{'c' * 64}.csv"
    other = folder / "README.txt"                       # not the archive's: never touched
    for path in (orphan, partial, fresh, other):
        path.write_bytes(b"x")
    old = time.time() - archive.ORPHAN_AGE - 60
    for path in (orphan, partial, other, folder / f"{owned}.csv"):
        os.utime(path, (old, old))
    assert sorted(clean_archive(fresh_engine)) == sorted([orphan.name, partial.name])
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{owned}.csv", fresh.name, other.name])


def test_a_newer_store_is_refused(fresh_engine):
    with fresh_engine.begin() as conn:
        db.execute(conn, "delete_meta", key="schema_version")
        db.execute(conn, "set_meta", key="schema_version", value=str(migrate.SCHEMA_VERSION + 1))
    with pytest.raises(RuntimeError, match="newer"):
        migrate.upgrade(fresh_engine)
