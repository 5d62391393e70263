"""Needs direction: the at-risk rule of tasks (pure) and the scene as data."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from conftest import AS_OF
from cantho_dash.domain import tasks as task_rules
from cantho_dash.facts import targets as target_facts
from cantho_dash.facts import tasks as task_facts
from cantho_dash.scenes import direction as direction_scene


def _register(progress, due, as_of, status="in_progress", recurrence="once"):
    catalog = pd.DataFrame({"task_no": [1], "due_date": [due], "recurrence": [recurrence], "lead_agency": ["Sở Y tế"]})
    statuses = pd.DataFrame({"task_no": [1], "period": ["2026-11"], "period_start": [date(2026, 11, 1)],
                             "period_end": [date(2026, 11, 30)], "status": [status], "progress_pct": [progress],
                             "note": [None]})
    return task_rules.register(catalog, statuses, as_of).iloc[0]


@pytest.mark.parametrize("progress, due, as_of, at_risk, state", [
    (7, date(2026, 12, 31), date(2026, 12, 5), True, "at_risk"),          # 93% of the time gone, 7% done
    (80, date(2026, 12, 31), date(2026, 12, 5), False, "due_soon"),       # 13 points behind: due soon only
    (None, date(2026, 12, 31), date(2026, 11, 25), True, "at_risk"),      # no progress reported, 90% gone
    (30, date(2027, 12, 31), date(2026, 11, 25), False, "in_progress"),   # 45% of the time gone, 30% done
    (50, date(2026, 10, 31), date(2026, 11, 25), False, "overdue"),       # overdue outranks at risk
    (100, date(2026, 12, 31), date(2026, 12, 5), False, "done"),
])
def test_a_task_is_at_risk_when_progress_lags_the_time_elapsed(progress, due, as_of, at_risk, state):
    row = _register(progress, due, as_of, status="done" if progress == 100 else "in_progress")
    assert bool(row["at_risk"]) is at_risk and row["state"] == state
    if state != "done":
        assert row["points_behind"] == pytest.approx(row["elapsed_pct"] - (progress or 0))


def test_the_points_behind_are_the_share_of_time_minus_the_progress():
    elapsed, behind = task_rules.pace(date(2026, 12, 31), 7, date(2026, 12, 5))
    assert elapsed == pytest.approx(338 / 364 * 100) and behind == pytest.approx(elapsed - 7)
    assert task_rules.pace(None, 10, date(2026, 12, 5)) != task_rules.pace(None, 10, date(2026, 12, 5))  # nan


def test_a_continuous_task_is_never_at_risk():
    assert not _register(0, None, date(2026, 12, 5), recurrence="continuous")["at_risk"]


def test_the_scene_names_who_answers_and_by_how_much(engine):
    day = date(2026, 12, 5)
    scene = direction_scene.direction(target_facts.target_status(engine, day), task_facts.task_register(engine, day),
                                      task_facts.reporting(engine, day), day, "vi")
    assert list(scene.behind.columns) == ["Mã", "Chỉ tiêu", "Cơ quan chủ trì", "Giá trị", "Kỳ vọng đến nay", "Chậm (điểm)",
                                           "Chậm (% mục tiêu)"]
    assert 0 < len(scene.behind) <= direction_scene.ITEMS and scene.counts["behind"] >= len(scene.behind)
    assert list(scene.overdue.columns)[-1] == "Trễ (ngày)" and (scene.overdue["Trễ (ngày)"] > 0).all()
    assert scene.counts["at_risk"] > 0 and list(scene.at_risk.columns)[-3:] == ["Tiến độ", "Thời gian đã qua",
                                                                                 "Chậm (điểm)"]
    behind_points = [float(v.replace(",", ".")) for v in scene.at_risk["Chậm (điểm)"]]
    assert behind_points == sorted(behind_points, reverse=True) and min(behind_points) >= task_rules.AT_RISK_POINTS
    assert scene.late.empty or (scene.late["Trễ (ngày)"] == 20).all()       # the deadline was 15/11
    english = direction_scene.direction(target_facts.target_status(engine, day), task_facts.task_register(engine, day),
                                        task_facts.reporting(engine, day), day, "en")
    assert "Behind (points)" in english.behind.columns and english.counts == scene.counts
    # the wall's lines: what, who answers, and by how much, the same rows as the tables
    assert [title.split(" · ")[0] for title, _, _ in scene.items["behind"]] == list(scene.behind["Mã"])
    lead = scene.behind["Cơ quan chủ trì"].iloc[0]
    assert scene.items["behind"][0][1].startswith(lead) and scene.items["behind"][0][2].startswith("chậm ")
    assert [figure for _, _, figure in scene.items["overdue"]] == [f"trễ {n} ngày" for n in scene.overdue["Trễ (ngày)"]]
    assert all(figure.endswith("điểm %") for _, _, figure in scene.items["at_risk"])
    assert english.items["overdue"][0][2].endswith("days late")
    # the figure shown is the one they are sorted by (points of different targets do not compare)
    shares = [float(figure.split()[1].rstrip("%").replace(",", ".")) for _, _, figure in scene.items["behind"]]
    assert shares == sorted(shares, reverse=True) and all(f.endswith("% mục tiêu") for _, _, f in scene.items["behind"])
    assert shares == [float(v.replace(",", ".")) for v in scene.behind["Chậm (% mục tiêu)"]]


def test_nothing_to_direct_gives_empty_blocks():
    empty_targets = pd.DataFrame(columns=["code", "status", "pace_gap", "behind", "unit", "met", "lead_agency", "value", "expected",
                                          "name_vi", "name_en", "short_vi", "short_en"])
    register = task_rules.register(pd.DataFrame(columns=["task_no", "due_date", "recurrence", "lead_agency"]),
                                   pd.DataFrame(columns=["task_no", "period", "period_start", "period_end", "status",
                                                         "progress_pct", "note"]), AS_OF)
    reporting = pd.DataFrame(columns=["unit_code", "unit_type", "name_vi", "name_en", "missing", "state", "deadline"])
    scene = direction_scene.direction(empty_targets, register.assign(name_vi=[], name_en=[], deadline_text=[]),
                                      reporting, AS_OF)
    assert scene.counts == {"behind": 0, "overdue": 0, "at_risk": 0, "late": 0}
    assert scene.items == {"behind": [], "overdue": [], "at_risk": [], "late": []}
