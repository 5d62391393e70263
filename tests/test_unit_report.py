"""Each reporting unit reports its own figures: the scope rules (pure), the command line refusing a
file outside the writer's rights whole, the monthly duties and compliance, and the unit's report
page with its entry form (AppTest)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cantho_dash.store import accounts as auth, queries
from cantho_dash.domain import reporting, scope
from cantho_dash.store import versions
from cantho_dash.ingest import pipeline
from conftest import ROOT, sign_in

DUTIES = scope.catalog_duties()
PASSWORD = "mật-khẩu-đơn-vị-1"


def rows(*pairs):
    return pd.DataFrame([{"row_id": i, "indicator_code": c, "area_code": a} for i, (c, a) in enumerate(pairs)])


# --- the rules, pure ------------------------------------------------------------------------------

def test_a_department_writes_what_it_leads_city_wide_and_by_ward():
    found = scope.out_of_scope("SYT", "observations", rows(("XHS-09", "CT"), ("XHS-09", "31120"), ("XHS-03", "CT")),
                               DUTIES)
    assert found["row_id"].tolist() == [2]
    assert found.iloc[0]["reason_vi"] == "chỉ tiêu XHS-03 do Công an thành phố chủ trì; tài khoản của Sở Y tế không nhập được"


def test_a_ward_writes_only_its_own_rows_of_ward_level_indicators():
    found = scope.out_of_scope("31120", "observations", rows(("XHS-03", "31120"), ("XHS-03", "31135"), ("XHS-03", "CT"),
                                                             ("CQS-05", "31120")), DUTIES)
    assert found["row_id"].tolist() == [1, 2, 3]
    assert "Phường Ninh Kiều tự báo cáo" in found.iloc[0]["reason_vi"] and found.iloc[0]["column"] == "area"
    assert "toàn thành phố" in found.iloc[1]["reason_vi"] and "không báo cáo theo xã" in found.iloc[2]["reason_vi"]


def test_a_collective_lead_gives_no_right():
    # CQS-05 is led by "Sở, ban, ngành" only: no single department may write it
    for unit in ("SKHCN", "SYT", "VPUBND"):
        found = scope.out_of_scope(unit, "observations", rows(("CQS-05", "CT")), DUTIES)
        assert len(found) == 1 and "chỉ tài khoản của thành phố" in found.iloc[0]["reason_vi"]
    assert "UBNDXP" not in {a for leads in DUTIES.series_leads.values() for a in leads}


def test_parts_follow_their_target_and_tasks_their_lead():
    assert DUTIES.series_leads["CQS-15a"] == DUTIES.series_leads["CQS-15b"] == frozenset()   # collective lead
    assert DUTIES.series_leads["CQS-08"] == {"SKHCN", "VPUBND"}                                # two leads, each may
    assert DUTIES.tasks_of("SYT") == [] and 15 in DUTIES.tasks_of("CATP") and 4 in DUTIES.tasks_of("SKHCN")
    tasks = pd.DataFrame({"row_id": [0, 1], "task_no": [4, 15]})
    found = scope.out_of_scope("SKHCN", "task_status", tasks, DUTIES)
    assert found["row_id"].tolist() == [1] and "nhiệm vụ 15 do Công an thành phố chủ trì" in found.iloc[0]["reason_vi"]
    assert len(scope.out_of_scope("31120", "task_status", tasks, DUTIES)) == 2


def test_scores_and_the_catalog_are_the_citys():
    assert scope.kind_refusal("SYT", "unit_scores", DUTIES) and scope.kind_refusal("31120", "targets", DUTIES)
    assert scope.kind_refusal(None, "unit_scores", DUTIES) is None
    vi, en = scope.kind_refusal("SYT", "unit_scores", DUTIES)
    assert vi.startswith("Điểm DTI chỉ do chuyên viên của thành phố") and en.startswith("DTI scores can be entered by the city")
    assert scope.kind_refusal("31120", "targets", DUTIES)[1].startswith("The targets catalog can be entered by the city")
    assert scope.out_of_scope(None, "observations", rows(("XHS-03", "CT")), DUTIES).empty
    assert scope.may_roll_back(None, "SYT") and scope.may_roll_back("SYT", "SYT")
    assert not scope.may_roll_back("SYT", None) and not scope.may_roll_back("31120", "SYT")


def test_what_units_owe_and_their_state():
    wards = ["31120", "31135"]
    owed = reporting.owed("SYT", DUTIES, wards)
    assert [(i.code, i.area) for i in owed if i.kind == "observations"] == [("XHS-09", "CT"), ("XHS-09", "31120"),
                                                                             ("XHS-09", "31135")]
    assert [i.code for i in reporting.owed("31120", DUTIES, wards)] == sorted(DUTIES.ward_series, key=list(
        DUTIES.series_leads).index)
    frame = reporting.compliance(DUTIES, wards, {("XHS-09", "CT")}, set(), set(), date(2026, 12, 20))
    syt = frame.set_index("unit_code").loc["SYT"]
    assert (syt["state"], syt["reported"]) == ("partial", 1)
    assert frame.set_index("unit_code").loc["31120", "state"] == "late"
    assert reporting.state_of(3, 0, date(2026, 12, 10)) == "pending" and reporting.state_of(3, 3, date(2026, 12, 20)) == "reported"


# --- the command line -----------------------------------------------------------------------------

def _cli(env, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", "cantho_dash", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture()
def cli_env(tmp_path):
    return dict(os.environ, CANTHO_DB_URL=f"duckdb:///{(tmp_path / 's.duckdb').as_posix()}", CANTHO_LOAD_DEMO="0",
                CANTHO_UPLOAD_DIR=str(tmp_path / "up"), CANTHO_USERS_FILE=str(tmp_path / "users.json"),
                CANTHO_AS_OF="2026-12-05")


def test_the_command_line_keeps_each_unit_to_its_own_figures(cli_env, tmp_path):
    for name, unit in (("yte", "SYT"), ("cake", "31120"), ("city", None)):
        args = ["users", "add", name, "--role", "analyst", *(["--unit", unit] if unit else [])]
        assert _cli(cli_env, *args, stdin=PASSWORD + "\n").returncode == 0
    listed = _cli(cli_env, "users", "list").stdout
    assert "SYT (Sở Y tế)" in listed and "31120 (Phường Cái Khế)" in listed and "city" in listed
    files = {"health": "XHS-09,CT,2026-11,91", "police": "XHS-03,CT,2026-11,81", "own": "XHS-03,31120,2026-11,82",
             "mixed": "XHS-03,31120,2026-11,83\nXHS-03,31135,2026-11,84"}
    for key, body in files.items():
        (tmp_path / f"{key}.csv").write_text(f"indicator_code,area,period,value\n{body}\n", encoding="utf-8")
    assert _cli(cli_env, "import", str(tmp_path / "health.csv"), "--user", "yte").returncode == 0
    refused = _cli(cli_env, "import", str(tmp_path / "police.csv"), "--user", "yte")
    assert refused.returncode == 2 and "XHS-03 do Công an thành phố chủ trì" in refused.stderr
    assert _cli(cli_env, "import", str(tmp_path / "own.csv"), "--user", "cake").returncode == 0
    before = _cli(cli_env, "uploads").stdout
    mixed = _cli(cli_env, "import", str(tmp_path / "mixed.csv"), "--user", "cake")
    assert mixed.returncode == 2 and "dòng/line 3" in mixed.stderr and "Phường Ninh Kiều" in mixed.stderr
    assert _cli(cli_env, "uploads").stdout == before                      # nothing written
    assert _cli(cli_env, "import", str(tmp_path / "police.csv"), "--user", "city").returncode == 0
    assert _cli(cli_env, "import", str(tmp_path / "mixed.csv"), "--user", "city").returncode == 0
    assert _cli(cli_env, "rollback", "2", "--user", "cake").returncode == 2   # Sở Y tế's upload
    assert _cli(cli_env, "rollback", "3", "--user", "cake").returncode == 0   # its own
    report = json.loads(_cli(cli_env, "reporting", "--json").stdout)
    assert report["month"] == "2026-11" and report["deadline"] == "2026-12-15"
    units = {u["unit_code"]: u for u in report["units"]}
    assert units["SYT"]["reported"] == 1 and units["31135"]["reported"] == 1 and units["31120"]["state"] == "partial"


def test_the_audit_keeps_the_unit(fresh_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "up"))
    data = b"indicator_code,area,period,value\nXHS-09,CT,2026-10,91\n"
    checked = pipeline.import_file(fresh_engine, data, "a.csv", "yte", unit="SYT")
    assert versions.history(fresh_engine).set_index("id").loc[checked.upload_id, "unit_code"] == "SYT"
    with pytest.raises(versions.UploadActionError):
        versions.rollback(fresh_engine, checked.upload_id, "cake", "31120")


def test_a_unit_may_not_send_dti_scores(fresh_engine):
    data = "Đơn vị;Kỳ báo cáo;Trụ cột;Điểm\nSYT;2026-H1;TONG;70\n".encode()
    with pytest.raises(pipeline.Rejected) as rejected:
        pipeline.import_file(fresh_engine, data, "s.csv", "yte", unit="SYT")
    assert "city's analysts" in rejected.value.report.iloc[0]["reason_en"]


def test_accounts_check_the_unit(tmp_path):
    accounts = auth.Accounts(tmp_path / "u.json")
    assert accounts.add("lan", "analyst", PASSWORD, "syt").unit == "SYT"
    with pytest.raises(auth.AccountError):
        accounts.add("minh", "analyst", PASSWORD, "SBN")          # a collective is no unit
    with pytest.raises(auth.AccountError):
        accounts.add("an", "analyst", PASSWORD, "31117")          # a former ward
    assert accounts.set_unit("lan", None).unit is None


# --- the page -------------------------------------------------------------------------------------

@pytest.fixture()
def page_store(app_env, monkeypatch, tmp_path, fresh_engine):
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "up"))
    store = fresh_engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("CANTHO_DB_URL", store)
    monkeypatch.setenv("CANTHO_AS_OF", "2026-12-05")
    auth.Accounts(os.environ["CANTHO_USERS_FILE"]).add("cake", "analyst", PASSWORD, "31120")
    return store


@pytest.mark.both_stores
def test_a_ward_reports_its_month_through_the_form(page_store):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("views/unit.py")
    at.run()
    at = sign_in(at, ("cake", PASSWORD))
    assert not at.exception
    assert any("Đã báo cáo 0/5 · hạn 15/12/2026 · còn 10 ngày" in i.value for i in at.info)
    owed = at.dataframe[0].value
    assert len(owed) == 5 and set(owed["Địa bàn"]) == {"Phường Cái Khế"}
    key = "entry_obs_31120_2026-11"
    at.session_state[key] = {"edited_rows": {0: {"value": "101,5"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert "1 vấn đề" in at.error[0].value
    problem = at.dataframe[2].value.iloc[0]           # after the owed table and the editor
    assert problem["Dòng nhập"] == "CQS-01 · 31120" and "0–100" in problem["Lý do"]
    at.session_state[key] = {"edited_rows": {i: {"value": f"{80 + i},5"} for i in range(5)}, "added_rows": [],
                             "deleted_rows": []}
    at.run()
    assert not at.exception and [m.value for m in at.metric][:3] == ["5", "0", "0"]
    at.button(key="entry_observations_confirm").click().run()
    assert not at.exception and "lần tải lên" in at.success[0].value
    assert any("Đã báo cáo 5/5" in s.value for s in at.success)
    engine_url = os.environ["CANTHO_DB_URL"]
    from cantho_dash.store import engine as db

    engine = db.make_engine(engine_url)
    latest = queries.latest_values(engine, date(2026, 12, 5), "31120").set_index("code")
    assert latest.loc["CQS-01", "value"] == 80.5 and latest.loc["XHS-09", "period"] == "2026-11"
    assert versions.history(engine).iloc[0]["unit_code"] == "31120"
    engine.dispose()


@pytest.mark.both_stores
def test_a_city_analyst_sees_every_unit(app_env):
    from conftest import ANALYST, add_accounts

    add_accounts(os.environ["CANTHO_USERS_FILE"])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.switch_page("views/unit.py")
    at.run()
    at = sign_in(at, ANALYST)
    assert not at.exception
    departments, wards = at.dataframe[0].value, at.dataframe[1].value
    assert "Thành đoàn" in set(departments["Đơn vị"]) and len(wards) == 103
    at.selectbox(key="unit_choice").set_value("SYT").run()
    assert not at.exception and len(at.dataframe[0].value) == 104       # XHS-09: the city and each ward
