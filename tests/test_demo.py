"""The demo data: deterministic, labelled, varied enough that every status occurs, and removable."""
from __future__ import annotations

import pandas as pd

from cantho_dash.store import demo, queries
from cantho_dash.domain.status import STATUSES
from conftest import AS_OF
from cantho_dash.facts import targets as target_facts


def test_demo_is_deterministic():
    first, second = demo.build(), demo.build()
    for kind in first:
        pd.testing.assert_frame_equal(first[kind], second[kind])


def test_demo_covers_january_to_october_city_wide_and_wards():
    obs = demo.build()["observations"]
    city = obs[obs["area_code"] == "CT"]
    monthly = city[city["period"].str.fullmatch(r"2026-\d\d")]
    assert sorted(monthly["period"].unique()) == [f"2026-{m:02d}" for m in range(1, 11)]
    assert set(city["indicator_code"]) >= {"CQS-01", "CQS-12", "CQS-15a", "CQS-15b", "KTS-01", "XHS-11"}
    wards = obs[obs["area_code"] != "CT"]
    assert set(wards["indicator_code"]) == set(demo.WARD_INDICATORS)
    assert wards["area_code"].nunique() == 103


def test_every_status_occurs_on_the_demo_day(engine):
    targets = target_facts.target_status(engine, AS_OF)
    assert len(targets) == 30
    assert set(targets["status"]) == set(STATUSES)


def test_scores_have_two_periods_for_departments_and_wards():
    scores = demo.build()["unit_scores"]
    assert set(scores["period"]) == {"2025", "2026-H1"}
    assert set(scores["pillar"]) == {"CQS", "KTS", "XHS", "TONG"}
    assert scores[scores["unit_kind"] == "ward"]["unit_code"].nunique() == 103
    assert scores[scores["unit_kind"] == "agency"]["unit_code"].nunique() >= 10


def test_task_statuses_cover_all_51_tasks_and_all_states():
    statuses = demo.build()["task_status"]
    assert statuses["task_no"].nunique() == 51
    assert set(statuses["status"]) == {"not_started", "in_progress", "done", "blocked"}


def test_clear_removes_the_demo_rows_and_the_banner(fresh_engine):
    assert demo.active(fresh_engine)
    assert demo.clear(fresh_engine) == 3
    assert not demo.active(fresh_engine)
    assert queries.area_series(fresh_engine, AS_OF).empty
    assert (target_facts.target_status(fresh_engine, AS_OF)["status"] == "no_data").all()
    assert demo.clear(fresh_engine) == 0
