"""Overdue, due soon, by agency, and reporting compliance (pure rules, then on the demo store)."""
from __future__ import annotations

from datetime import date

import pandas as pd

from cantho_dash.domain import catalog, tasks
from cantho_dash.domain import reporting as reporting_rules
from conftest import AS_OF
from cantho_dash.facts import tasks as task_facts


def catalog_rows():
    return pd.DataFrame([
        {"task_no": 1, "lead_agency": "Sở Y tế", "due_date": date(2026, 6, 30), "recurrence": "once"},
        {"task_no": 2, "lead_agency": "Sở Y tế", "due_date": date(2026, 12, 10), "recurrence": "once"},
        {"task_no": 3, "lead_agency": "Sở Tư pháp", "due_date": None, "recurrence": "quarterly"},
        {"task_no": 4, "lead_agency": "Sở Tư pháp; Sở Y tế", "due_date": None, "recurrence": "continuous"},
        {"task_no": 5, "lead_agency": "Sở Tư pháp", "due_date": date(2026, 3, 31), "recurrence": "once"},
    ])


def status(task, period, state, progress=50.0):
    from cantho_dash.domain.periods import parse_period

    p = parse_period(period)
    return {"task_no": task, "period": p.code, "period_start": p.start, "period_end": p.end, "status": state,
            "progress_pct": progress, "note": None}


def test_overdue_and_due_soon():
    statuses = pd.DataFrame([status(1, "2026-10", "in_progress"), status(2, "2026-10", "in_progress", 90.0),
                             status(3, "2026-08", "done"), status(4, "2026-10", "in_progress"),
                             status(5, "2026-03", "done"), status(1, "2026-12", "done")])
    table = tasks.register(catalog_rows(), statuses, date(2026, 11, 25)).set_index("task_no")
    assert table.loc[1, "overdue"] and table.loc[1, "status"] == "in_progress"   # December's 'done' is not yet
    assert table.loc[2, "due_soon"] and not table.loc[2, "overdue"]
    assert not table.loc[3, "overdue"]   # quarterly: August (in Q3, the last quarter ended) was done
    assert not table.loc[4, "overdue"] and not table.loc[5, "overdue"]
    assert table.loc[5, "state"] == "done" and table.loc[1, "state"] == "overdue" and table.loc[2, "state"] == "due_soon"


def test_quarterly_task_is_on_time_when_done_in_the_last_quarter():
    statuses = pd.DataFrame([status(3, "2026-08", "done")])
    on_time = tasks.register(catalog_rows(), statuses, date(2026, 10, 20)).set_index("task_no")
    assert not on_time.loc[3, "overdue"]                       # Q3 had a 'done'
    late = tasks.register(catalog_rows(), statuses, date(2027, 1, 10)).set_index("task_no")
    assert late.loc[3, "overdue"]                              # Q4 had none


def test_before_any_status_a_task_has_not_started():
    table = tasks.register(catalog_rows(), pd.DataFrame(columns=["task_no", "period", "period_start", "period_end",
                                                                 "status", "progress_pct", "note"]), date(2026, 2, 1))
    assert set(table["status"]) == {"not_started"}


def test_summary_by_agency_counts_each_lead():
    statuses = pd.DataFrame([status(1, "2026-10", "in_progress"), status(5, "2026-03", "done")])
    table = tasks.register(catalog_rows(), statuses, date(2026, 11, 25))
    summary = tasks.by_agency(table, catalog.agency_index()).set_index("agency_code")
    assert summary.loc["SYT", "tasks"] == 3 and summary.loc["SYT", "overdue"] == 1
    assert summary.loc["STP", "done"] == 1


def test_reporting_month_and_deadline():
    assert tasks.reporting_month(date(2026, 11, 25))[0].code == "2026-10"
    assert tasks.reporting_month(date(2026, 1, 3)) == (tasks.Period(2025, "M", 12), date(2026, 1, 15))


def test_compliance_on_the_demo_store(engine):
    late = task_facts.reporting_compliance(engine, AS_OF)
    assert set(late.loc[late["state"] == "late", "agency_code"]) == {"THANHDOAN", "QDTPT", "BQLDADDCN"}
    assert "SBN" not in set(late["agency_code"])               # collective leads are not listed
    before = task_facts.reporting_compliance(engine, date(2026, 11, 10))
    assert set(before.loc[before["state"] == "pending", "agency_code"]) == {"THANHDOAN", "QDTPT", "BQLDADDCN"}
    december = task_facts.reporting_compliance(engine, date(2026, 12, 20))
    assert (december["state"] == "late").all()                 # nobody has reported on November


def test_register_on_the_demo_store(engine):
    table = task_facts.task_register(engine, AS_OF)
    assert len(table) == 51 and table["overdue"].sum() >= 3
    assert set(table["state"]) >= {"done", "overdue", "in_progress", "blocked"}
    overdue_once = table[table["overdue"] & (table["recurrence"] == "once")]
    assert (pd.to_datetime(overdue_once["due_date"]).dt.date < AS_OF).all() and (overdue_once["status"] != "done").all()


def test_deadlines_and_agencies_in_english():
    assert tasks.deadline_label("Quý I/2026", "en") == "Q1 2026" and tasks.deadline_label("Hằng quý", "en") == "Quarterly"
    assert tasks.deadline_label("Thường xuyên", "en") == "Ongoing" and tasks.deadline_label("Tháng 01/2026", "en") == "Jan 2026"
    assert tasks.deadline_label("Quý I/2026") == "Quý I/2026"                  # Vietnamese: as the plan writes it
    assert tasks.agency_label("Sở Khoa học và Công nghệ; Công an thành phố", "en") == \
        "Department of Science and Technology; City Police"


def test_compliance_sorts_units_by_their_reporting_state():
    frame = pd.DataFrame({"unit_code": ["SYT", "STC", "SKHCN", "CA", "31120", "31123", "31126"],
                          "unit_type": ["department"] * 4 + ["ward"] * 3,
                          "state": ["late", "partial", "pending", "reported", "reported", "reported", "late"],
                          "reported": [0, 2, 0, 5, 5, 5, 0], "owed": [4, 3, 6, 5, 5, 5, 5]})
    seen = reporting_rules.summary(frame)
    assert seen["late"] == ["SYT"] and seen["pending"] == ["SKHCN"]
    assert seen["partial"] == [("STC", 2, 3)]
    assert seen["wards"] == {"reported": 2, "late": 1}
    assert reporting_rules.summary(frame.iloc[:0])["late"] == []
