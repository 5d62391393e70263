"""The catalog is Plan 224, exactly: checked against the plan's own text in data/catalog/source."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from cantho_dash.domain import catalog
from plan_source import agency_list, appendix_rows

PLAN_TARGETS, PLAN_TASKS = appendix_rows()
TARGET_COLUMNS = "code,plan_no,pillar,name_vi,name_en,unit,comparator,target_value,deadline,lead_agency,coordinating_agencies"
TASK_COLUMNS = "task_no,name_vi,name_en,lead_agency,coordinating_agencies,deadline_text,due_date,recurrence"


@pytest.fixture(scope="module")
def targets():
    return catalog.read_targets()


@pytest.fixture(scope="module")
def tasks():
    return catalog.read_tasks()


def test_counts(targets, tasks):
    assert len(PLAN_TARGETS) == 30 and len(PLAN_TASKS) == 51  # the parser reads the whole plan
    assert len(targets) == 30
    assert len(tasks) == 51
    wards = catalog.read_wards()
    assert len(wards) == 103
    assert wards["ward_type"].value_counts().to_dict() == {"xa": 72, "phuong": 31}
    prefix = wards["name_vi"].str.split().str[0]
    assert (prefix.map({"Phường": "phuong", "Xã": "xa"}) == wards["ward_type"]).all()  # Phường Tân Lộc, Xã Phong Điền


def test_columns_are_the_agreed_ones(targets, tasks):
    assert ",".join(targets.columns) == TARGET_COLUMNS
    assert ",".join(tasks.columns) == TASK_COLUMNS


def test_codes_and_pillars_follow_plan_order(targets):
    expected = [f"CQS-{i:02d}" for i in range(1, 16)] + [f"KTS-{i:02d}" for i in range(1, 5)] + \
               [f"XHS-{i:02d}" for i in range(1, 12)]
    assert targets["code"].tolist() == expected
    assert targets["plan_no"].tolist() == list(range(1, 31))
    assert (targets["pillar"] == ["CQS"] * 15 + ["KTS"] * 4 + ["XHS"] * 11).all()


def _plan_comparator(text: str) -> tuple[str, float]:
    if re.search(r"\b(Trên|Hơn)\s+\d+%", text):
        return ">", float(re.search(r"(Trên|Hơn)\s+(\d+)%", text).group(2))
    m = re.search(r"(?:tối thiểu|≥)\s*(\d+)%", text, re.IGNORECASE)
    if m:
        return ">=", float(m.group(1))
    return ">=", float(re.search(r"(\d+)%", text).group(1))


@pytest.mark.parametrize("row", PLAN_TARGETS, ids=[r[0] for r in PLAN_TARGETS])
def test_every_target_agrees_with_the_plan(targets, row):
    no, text, lead, coordinators = row
    mine = targets[targets["plan_no"] == int(no)].iloc[0]
    assert mine["name_vi"] == text.rstrip(".")
    assert mine["lead_agency"] == agency_list(lead)
    assert mine["coordinating_agencies"] == agency_list(coordinators)
    assert mine["deadline"] == date(2026, 12, 31)
    if int(no) == 12:
        assert (mine["unit"], mine["comparator"], mine["target_value"]) == ("milestone", ">=", 1.0)
    else:
        assert mine["unit"] == "%"
        assert (mine["comparator"], mine["target_value"]) == _plan_comparator(text)


def test_spot_checks(targets):
    by_no = targets.set_index("plan_no")
    assert (by_no.loc[7, "comparator"], by_no.loc[7, "target_value"]) == (">", 90.0)        # Trên 90%
    assert (by_no.loc[16, "comparator"], by_no.loc[16, "target_value"]) == (">=", 10.0)     # tối thiểu 10%
    assert (by_no.loc[18, "comparator"], by_no.loc[18, "target_value"]) == (">", 80.0)      # Hơn 80%
    assert (by_no.loc[20, "comparator"], by_no.loc[20, "target_value"]) == (">=", 50.0)     # ≥ 50%
    assert (by_no.loc[27, "comparator"], by_no.loc[27, "target_value"]) == (">=", 30.0)     # Tối thiểu 30%
    assert by_no.loc[19, "lead_agency"] == "Ngân hàng Nhà nước chi nhánh Khu vực 14"
    assert by_no.loc[28, "lead_agency"] == "Sở Y tế"
    assert by_no.loc[22, "code"] == "XHS-03" and "VNeID" in by_no.loc[22, "name_vi"]


def test_target_15_has_two_trackable_parts(targets):
    parts = catalog.read_target_parts()
    assert parts["code"].tolist() == ["CQS-15a", "CQS-15b"]
    assert set(parts["target_code"]) == {"CQS-15"}
    assert (parts["target_value"] == 100).all()
    series = catalog.indicators(targets, parts)
    assert len(series) == 31 and "CQS-15" not in set(series["code"])


DUE = {"Tháng 01/2026": (date(2026, 1, 31), "once"), "Quý I/2026": (date(2026, 3, 31), "once"),
       "Tháng 3/2026": (date(2026, 3, 31), "once"), "Tháng 6/2026": (date(2026, 6, 30), "once"),
       "Tháng 10/2026": (date(2026, 10, 31), "once"), "Tháng 12/2026": (date(2026, 12, 31), "once"),
       "Năm 2026": (date(2026, 12, 31), "once"), "Hằng quý": (None, "quarterly"),
       "Thường xuyên": (None, "continuous")}


@pytest.mark.parametrize("row", PLAN_TASKS, ids=[r[0] for r in PLAN_TASKS])
def test_every_task_agrees_with_the_plan(tasks, row):
    no, text, lead, coordinators, deadline = row
    mine = tasks[tasks["task_no"] == int(no)].iloc[0]
    assert mine["name_vi"] == text.rstrip(".")
    assert mine["lead_agency"] == agency_list(lead)
    assert mine["coordinating_agencies"] == agency_list(coordinators)
    assert mine["deadline_text"] == deadline
    due, recurrence = DUE[deadline]
    assert (None if pd.isna(mine["due_date"]) else mine["due_date"]) == due
    assert mine["recurrence"] == recurrence


def test_task_spot_checks(tasks):
    by_no = tasks.set_index("task_no")
    assert by_no.loc[2, "deadline_text"] == "Hằng quý" and by_no.loc[2, "recurrence"] == "quarterly"
    assert by_no.loc[9, "due_date"] == date(2026, 3, 31)
    assert by_no.loc[49, "lead_agency"] == "Ngân hàng Nhà nước Việt Nam - Chi nhánh khu vực 14"


def test_every_named_agency_resolves_to_one_coded_agency(targets, tasks):
    index = catalog.agency_index()
    for frame in (targets, tasks):
        for cell in pd.concat([frame["lead_agency"], frame["coordinating_agencies"]]):
            assert index.codes(cell)  # raises KeyError naming an unknown agency
    # the central bank's branch is spelled two ways in the plan; both are one agency
    assert index.code("Ngân hàng Nhà nước Việt Nam - Chi nhánh khu vực 14") == index.code(
        "Ngân hàng Nhà nước chi nhánh Khu vực 14") == "NHNNKV14"
    assert index.code("so khoa hoc va cong nghe") == "SKHCN"


def test_agencies_have_codes_and_types():
    agencies = catalog.read_agencies()
    assert agencies["code"].is_unique
    assert set(agencies["agency_type"]) == {"department", "commune_ward", "other"}
    assert agencies.set_index("code").loc["UBNDXP", "agency_type"] == "commune_ward"


def test_wards_come_with_coordinates_in_can_tho():
    wards = catalog.read_wards()
    assert wards["code"].str.fullmatch(r"\d{5}").all() and wards["code"].is_unique
    assert wards["latitude"].between(9.2, 10.4).all() and wards["longitude"].between(105.2, 106.4).all()
    assert (wards["area_km2"] > 0).all()
    assert "Phường Ninh Kiều" in set(wards["name_vi"]) and "Xã Cù Lao Dung" in set(wards["name_vi"])


def test_target_labels_cover_every_series(targets):
    labels = catalog.read_target_labels()
    series = catalog.indicators(targets, catalog.read_target_parts())
    assert set(targets["code"]) | set(series["code"]) <= set(labels["code"])
