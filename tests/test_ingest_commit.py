"""Committing uploads: supersede, history, duplicates, archive, rollback and its undo, the
revised catalog, the command line, and the upload page through AppTest."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from cantho_dash import config
from cantho_dash.store import engine as db, queries
from cantho_dash.domain import vntext
from cantho_dash.store.bootstrap import ensure_ready
from cantho_dash.store import versions
from cantho_dash.ingest import pipeline
from conftest import AS_OF, ROOT
from upload_files import encode, table
from cantho_dash.facts import targets as target_facts

GOOD = "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nCQS-01;CT;10/2026;99,7\r\nXHS-05;CT;T10/2026;51,5\r\n".encode("utf-8-sig")

pytestmark = pytest.mark.both_stores


@pytest.fixture()
def uploads_dir(tmp_path, monkeypatch):
    folder = tmp_path / "uploads"
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(folder))
    return folder


def status_of(engine, code):
    return target_facts.target_status(engine, AS_OF).set_index("code").loc[code]


def test_import_supersedes_counts_and_archives_by_hash(fresh_engine, uploads_dir):
    checked = pipeline.import_file(fresh_engine, GOOD, "C:\\Users\\lan\\Số liệu tháng 10.csv", "lan")
    assert checked.counts == {"new": 1, "changed": 1, "unchanged": 0}
    assert status_of(fresh_engine, "CQS-01")["value"] == 99.7
    assert status_of(fresh_engine, "XHS-05")["status"] == "achieved"
    upload = versions.history(fresh_engine).iloc[0]
    assert upload["filename"] == "Số liệu tháng 10.csv" and upload["uploaded_by"] == "lan"
    assert (upload["rows_total"], upload["rows_new"], upload["rows_changed"]) == (2, 1, 1)
    assert [p.name for p in uploads_dir.iterdir()] == [f"{checked.sha256}.csv"]
    assert (uploads_dir / f"{checked.sha256}.csv").read_bytes() == GOOD


def test_preview_and_import_count_alike_whatever_the_spelling(fresh_engine, uploads_dir):
    """The preview compares on texts, the import on the upload's integer keys: same counts."""
    with fresh_engine.connect() as conn:
        current = db.read(conn, "current_observations")
    wards = current[current["area_code"] != "CT"].sample(12, random_state=1)
    assert min(wards[c].nunique() for c in ("indicator_code", "area_code", "period")) > 1
    names = queries.wards(fresh_engine).set_index("code")["name_vi"]
    lines = ["indicator_code,area,period,value"]
    for n, row in enumerate(wards.itertuples()):
        area = row.area_code if n % 3 == 0 else vntext.fold(names[row.area_code]) if n % 3 == 1 else names[row.area_code]
        value = row.value + ((1 if row.value < 50 else -1) if n < 4 else 0)  # 4 changed, 8 unchanged
        lines.append(f"{row.indicator_code},{area},{row.period},{value!r}")
    lines += ["CQS-01,Cần Thơ,2019-01,10", "CQS-01,CT,2019-02,11"]  # 2 new
    data = "\r\n".join(lines).encode()
    previewed = pipeline.check(fresh_engine, data, "a.csv")
    assert previewed.ok, previewed.problems.to_dict("records")
    imported = pipeline.import_file(fresh_engine, data, "a.csv", "lan")
    assert previewed.counts == imported.counts == {"new": 2, "changed": 4, "unchanged": 8}


def test_the_same_file_twice_adds_nothing_and_says_when(fresh_engine, uploads_dir):
    pipeline.import_file(fresh_engine, GOOD, "a.csv", "lan")
    before = queries.checksums(fresh_engine)
    with pytest.raises(pipeline.DuplicateUpload) as again:
        pipeline.import_file(fresh_engine, GOOD, "b.csv", "minh")
    assert "lần tải lên số" in str(again.value) and "already imported" in str(again.value)
    assert queries.checksums(fresh_engine) == before
    checked = pipeline.check(fresh_engine, GOOD, "c.csv")
    assert checked.duplicate_of and not checked.ok


def test_rollback_restores_exactly_and_can_be_undone(fresh_engine, uploads_dir):
    before = queries.checksums(fresh_engine)
    first = pipeline.import_file(fresh_engine, GOOD, "a.csv", "lan").upload_id
    second = pipeline.import_file(fresh_engine, GOOD.replace(b"99,7", b"99,9"), "b.csv", "lan").upload_id
    after_both = queries.checksums(fresh_engine)
    assert status_of(fresh_engine, "CQS-01")["value"] == 99.9
    versions.rollback(fresh_engine, second, "admin")
    assert status_of(fresh_engine, "CQS-01")["value"] == 99.7     # the earlier upload is current again
    versions.rollback(fresh_engine, first, "admin")
    current = {k: v for k, v in queries.checksums(fresh_engine).items() if k.endswith("_current")}
    assert current == {k: v for k, v in before.items() if k.endswith("_current")}
    versions.restore(fresh_engine, first, "admin")
    versions.restore(fresh_engine, second, "admin")
    assert {k: v for k, v in queries.checksums(fresh_engine).items() if k.endswith("_current")} == \
        {k: v for k, v in after_both.items() if k.endswith("_current")}
    actions = versions.history(fresh_engine).set_index("id").loc[second, "last_action"]
    assert actions == "restore"
    with pytest.raises(versions.UploadActionError):
        versions.restore(fresh_engine, second, "admin")


def test_the_plan_catalog_cannot_be_rolled_back_alone(fresh_engine):
    with pytest.raises(versions.UploadActionError) as err:
        versions.rollback(fresh_engine, 1, "admin")
    assert "only active targets catalog" in str(err.value)


def test_a_revised_catalog_replaces_the_targets_and_rolls_back(fresh_engine, uploads_dir):
    catalog_text = (ROOT / "data" / "catalog" / "targets.csv").read_text(encoding="utf-8")
    revised = catalog_text.replace("CQS-07,7,CQS,", "CQS-07,7,CQS,").replace(",%,>,90,", ",%,>,95,", 1)
    checked = pipeline.check(fresh_engine, revised.encode("utf-8"), "targets-2026b.csv")
    assert checked.ok and checked.kind == "targets"
    assert checked.counts["changed"] == 1 and checked.counts["unchanged"] == 29
    assert "CQS-07" in set(checked.status_changes["code"])     # achieved at > 90, not at > 95
    upload_id = pipeline.commit(fresh_engine, checked, "admin")
    assert queries.targets(fresh_engine).set_index("code").loc["CQS-07", "target_value"] == 95
    versions.rollback(fresh_engine, upload_id, "admin")
    assert queries.targets(fresh_engine).set_index("code").loc["CQS-07", "target_value"] == 90


def test_the_check_then_commit_path_of_the_page(fresh_engine, uploads_dir):
    checked = pipeline.check(fresh_engine, encode(table("unit_scores")), "scores.csv", as_of=AS_OF)
    assert checked.ok and checked.counts == {"new": 0, "changed": 3, "unchanged": 0}  # the demo scored them
    upload_id = pipeline.commit(fresh_engine, checked, "lan")
    assert upload_id == versions.history(fresh_engine).iloc[0]["id"]
    with pytest.raises(pipeline.DuplicateUpload):
        pipeline.commit(fresh_engine, checked, "lan")


def test_a_hostile_file_name_never_reaches_a_path(fresh_engine, uploads_dir):
    for name in ("../../etc/passwd", "a\x00b.csv", "x" * 300 + ".csv", "<img src=x onerror=alert(1)>.csv"):
        data = GOOD + f"\r\nKTS-02;CT;10/2026;{len(name) % 50},5".encode()
        checked = pipeline.import_file(fresh_engine, data, name, "lan")
        assert [p.parent for p in uploads_dir.iterdir()] == [uploads_dir] * len(list(uploads_dir.iterdir()))
        stored = versions.history(fresh_engine).iloc[0]["filename"]
        assert "/" not in stored and "\x00" not in stored and len(stored) <= 200
        assert (uploads_dir / f"{checked.sha256}.csv").exists()


def cli(store, *args, env=None):
    """Run `python -m cantho_dash` on a store (a URL, or a DuckDB file's path)."""
    url = store if isinstance(store, str) else f"duckdb:///{store.as_posix()}"
    env = dict(os.environ, CANTHO_DB_URL=url, CANTHO_AS_OF=AS_OF.isoformat(), **(env or {}))
    return subprocess.run([sys.executable, "-m", "cantho_dash", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_command_line_import_uploads_rollback(tmp_path, new_store_url):
    store, env = new_store_url("c"), {"CANTHO_UPLOAD_DIR": str(tmp_path / "up")}
    good, bad = tmp_path / "tháng 10.csv", tmp_path / "bad.csv"
    good.write_bytes(GOOD)
    bad.write_bytes("indicator_code,area,period,value\nCQS-01,Quận Ô Môn,2026-10,101\n".encode())
    rejected = cli(store, "import", str(bad), "--report", str(tmp_path / "r.csv"), env=env)
    assert rejected.returncode == 2 and "dòng/line 2" in rejected.stderr and "Quận Ô Môn" in rejected.stderr
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    dry = cli(store, "import", str(good), "--dry-run", env=env)
    assert dry.returncode == 0 and "XHS-05: no_data → achieved" in dry.stdout
    assert json.loads(cli(store, "status", "--json", env=env).stdout)[0]["value"] == 98.9
    done = cli(store, "import", str(good), "--user", "lan", env=env)
    assert done.returncode == 0 and "upload 5" in done.stdout
    assert json.loads(cli(store, "status", "--json", env=env).stdout)[0]["value"] == 99.7
    again = cli(store, "import", str(good), env=env)
    assert again.returncode == 0 and "already imported" in again.stdout
    listing = cli(store, "uploads", env=env)
    assert listing.returncode == 0 and "Traceback" not in listing.stderr, listing.stderr
    assert "tháng 10.csv" in listing.stdout and "lan" in listing.stdout and len(listing.stdout.splitlines()) == 6
    assert cli(store, "rollback", "5", env=env).returncode == 0
    assert "was rolled back; restore it" in cli(store, "import", str(good), env=env).stdout
    twice = cli(store, "rollback", "5", env=env)
    assert twice.returncode == 2 and "not active" in twice.stderr
    missing = cli(store, "import", str(tmp_path / "none.csv"), env=env)
    assert missing.returncode == 2 and "There is no file" in missing.stderr and "Traceback" not in missing.stderr
    assert json.loads(cli(store, "status", "--json", env=env).stdout)[0]["value"] == 98.9
    assert cli(store, "rollback", "5", "--undo", env=env).returncode == 0
    assert json.loads(cli(store, "status", "--json", env=env).stdout)[0]["value"] == 99.7


def test_command_line_waits_while_another_process_holds_the_file(tmp_path):
    store = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(3); "
        "c.close(); time.sleep(30)"), str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        (tmp_path / "f.csv").write_bytes(GOOD)
        done = cli(store, "import", str(tmp_path / "f.csv"), env={"CANTHO_UPLOAD_DIR": str(tmp_path / "up")})
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        assert json.loads(cli(store, "status", "--json").stdout)[0]["value"] == 99.7
    finally:
        holder.kill()


def test_upload_page_flow_through_file_uploader(app_env, monkeypatch, tmp_path, fresh_engine):
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "up"))
    monkeypatch.setenv("CANTHO_DB_URL", fresh_engine.url.render_as_string(hide_password=False))
    from conftest import ANALYST, add_accounts, sign_in

    add_accounts(os.environ["CANTHO_USERS_FILE"])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("views/upload.py")
    at.run()
    assert not at.exception and len(at.file_uploader) == 0      # no file input without an analyst
    assert "phân tích viên" in at.info[0].value
    sign_in(at, ("lan.nguyen", "sai mật khẩu lắm"))
    assert len(at.file_uploader) == 0 and "Sai tên" in at.error[0].value
    sign_in(at, ANALYST)
    assert not at.exception and len(at.file_uploader) == 1
    at.file_uploader[0].set_value(("bad.csv", b"indicator_code,area,period,value\nCQS-01,CT,2026-10,abc\n",
                                   "text/csv")).run()
    assert not at.exception and "1 vấn đề" in at.error[0].value
    assert at.dataframe[0].value.iloc[0].tolist()[:3] == [2, "value", "abc"]
    at.file_uploader[0].set_value(("good.csv", GOOD, "text/csv")).run()
    assert [m.value for m in at.metric] == ["1", "1", "0"]
    at.button(key="confirm_upload").click().run()
    assert not at.exception and "lần tải lên số 5" in at.success[0].value
    at.switch_page("views/targets.py")
    at.session_state["targets_view"] = "Bảng"            # the table's tab (only the chosen tab is built)
    at.run()
    table_ = at.dataframe[0].value
    assert table_[table_["Mã"] == "CQS-01"].iloc[0]["Giá trị"] == "99,7%"
    at.switch_page("views/uploads.py")
    at.run()
    assert not at.exception and at.dataframe[0].value.iloc[0]["Số"] == 5
    assert at.dataframe[0].value.iloc[0]["Người tải"] == "lan.nguyen"   # the signed-in name, not typed
    at.button(key="roll_button").click().run()
    assert not at.exception and "Đã hủy lần tải lên 5" in at.success[0].value


@pytest.mark.parametrize("tables", [1, 2])
def test_an_upload_whose_file_cannot_be_archived_is_not_committed(fresh_engine, uploads_dir, monkeypatch, tables):
    """The original is kept before the rows: if keeping it fails, the transaction never commits (one
    table staged in the store, and a workbook of two kinds written from staged rows alike)."""
    from cantho_dash.store import archive
    from office_files import Grid, xlsx

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive, "keep", full_disk)
    data = GOOD if tables == 1 else xlsx(
        Grid("Chỉ tiêu", [["Mã chỉ tiêu", "Địa bàn", "Kỳ báo cáo", "Giá trị"], ["CQS-01", "CT", "2026-10", 99.7]]),
        Grid("Nhiệm vụ", [["Nhiệm vụ số", "Kỳ báo cáo", "Tình trạng", "Tiến độ (%)"], [5, "2026-10", "Đang thực hiện", 40]]))
    before = queries.checksums(fresh_engine)
    with pytest.raises(OSError):
        pipeline.import_file(fresh_engine, data, "a.xlsx" if tables == 2 else "a.csv", "lan")
    assert queries.checksums(fresh_engine) == before
    assert not uploads_dir.exists() or list(uploads_dir.iterdir()) == []
