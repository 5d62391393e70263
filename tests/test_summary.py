"""The written summaries on fixed data, in Vietnamese and English: one sentence for the plan, one per
pillar, and what changed since the last meeting."""
from __future__ import annotations

from datetime import date

import pandas as pd

from cantho_dash.scenes import summary

PILLARS = pd.DataFrame({"code": ["CQS", "KTS"], "name_vi": ["Chính quyền số", "Kinh tế số"],
                        "name_en": ["Digital government", "Digital economy"], "sort_order": [1, 2]})


def _targets(statuses: dict[str, str]) -> pd.DataFrame:
    leads = {"CQS-01": "Sở Nội vụ", "CQS-02": "Sở Khoa học và Công nghệ", "CQS-03": "Công an thành phố",
             "KTS-01": "Sở Tài chính", "KTS-02": "Sở Công Thương"}
    return pd.DataFrame({"code": list(statuses), "pillar": [c[:3] for c in statuses], "status": list(statuses.values()),
                         "lead_agency": [leads[c] for c in statuses]})


NOW = _targets({"CQS-01": "achieved", "CQS-02": "off_track", "CQS-03": "at_risk", "KTS-01": "on_track",
                "KTS-02": "no_data"})
BEFORE = _targets({"CQS-01": "on_track", "CQS-02": "at_risk", "CQS-03": "at_risk", "KTS-01": "on_track",
                   "KTS-02": "no_data"})


def _tasks(done: list[int], overdue: list[int], at_risk: list[int] = ()) -> pd.DataFrame:
    numbers = [1, 2, 3, 4]
    return pd.DataFrame({"task_no": numbers, "status": ["done" if n in done else "in_progress" for n in numbers],
                         "overdue": [n in overdue for n in numbers], "at_risk": [n in at_risk for n in numbers],
                         "lead_agency": ["Sở Nội vụ", "Sở Y tế", "Sở Tài chính", "Thành đoàn"]})


def test_the_plan_and_each_pillar_in_one_sentence_in_vietnamese():
    tasks = _tasks(done=[1], overdue=[2], at_risk=[3])
    assert summary.overall(NOW, tasks) == ("2/5 chỉ tiêu đạt hoặc đúng tiến độ; 1 chậm tiến độ, 1 có nguy cơ; "
                                           "1 nhiệm vụ quá hạn, 1 nhiệm vụ có nguy cơ chậm.")
    assert summary.pillar_sentences(NOW, PILLARS) == (
        "Chính quyền số: 1/3 chỉ tiêu đạt hoặc đúng tiến độ; chậm tiến độ: CQS-02 (Sở Khoa học và Công nghệ); "
        "có nguy cơ: CQS-03.",
        "Kinh tế số: 1/2 chỉ tiêu đạt hoặc đúng tiến độ; chưa có số hoặc số liệu cũ: KTS-02.")


def test_the_same_in_english():
    assert summary.pillar_sentences(NOW, PILLARS, "en")[0] == (
        "Digital government: 1/3 targets achieved or on track; off track: CQS-02 (Sở Khoa học và Công nghệ); "
        "at risk: CQS-03.")
    assert summary.overall(NOW, _tasks([], []), "en").endswith("0 tasks overdue, 0 tasks at risk.")


def test_since_the_last_meeting_status_changes_tasks_and_league_movers():
    league = pd.DataFrame({"name_vi": ["Phường A", "Xã B", "Xã C"], "name_en": ["Phường A", "Xã B", "Xã C"],
                           "rank_change": [6.0, -1.0, 0.0]})
    lines = summary.since_sentences(BEFORE, NOW, _tasks([], []), _tasks([1], [2]), date(2026, 10, 25),
                                    date(2026, 11, 25), league, "6 tháng đầu năm 2026", "năm 2025")
    assert lines == (
        "Từ 25/10/2026 đến 25/11/2026:",
        "2 chỉ tiêu đổi tình trạng: CQS-01 Đúng tiến độ → Đã đạt; CQS-02 Có nguy cơ → Chậm tiến độ.",
        "nhiệm vụ hoàn thành: NV 1 (Sở Nội vụ).",
        "nhiệm vụ mới quá hạn: NV 2 (Sở Y tế).",
        "Xếp hạng DTI xã, phường 6 tháng đầu năm 2026 so với năm 2025: Phường A lên 6 bậc, Xã B xuống 1 bậc.")


def test_nothing_changed_is_said_plainly_in_both_languages():
    same = summary.since_sentences(NOW, NOW, _tasks([1], [2]), _tasks([1], [2]), date(2026, 10, 25),
                                   date(2026, 11, 25))
    assert same[1:] == ("không chỉ tiêu nào đổi tình trạng.", "không nhiệm vụ nào mới hoàn thành.",
                        "không nhiệm vụ nào mới quá hạn.")
    english = summary.since_sentences(NOW, NOW, _tasks([], []), _tasks([], []), date(2026, 10, 25),
                                      date(2026, 11, 25), lang="en")
    assert english == ("From 25 Oct 2026 to 25 Nov 2026:", "no target changed status.", "no task newly completed.",
                       "no task newly overdue.")
