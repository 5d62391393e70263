"""League tables: ties, missing scores, rank change and movers (pure)."""
from __future__ import annotations

import math

import pandas as pd

from cantho_dash.domain.ranking import change_label, indicator_league, league, movers, rank, rank_history


def scores(**units):
    return pd.DataFrame([{"unit_code": u, "TONG": s} for u, s in units.items()])


def test_ties_share_the_best_rank_and_the_next_rank_skips():
    ranked = rank(pd.Series([80.0, 70.0, 80.0, 60.0, None]))
    assert ranked.tolist()[:4] == [1.0, 3.0, 1.0, 4.0] and math.isnan(ranked.iloc[4])


def test_missing_scores_are_listed_last_and_unranked():
    table = league(scores(A=50.0, B=None, C=70.0))
    assert table["unit_code"].tolist() == ["C", "A", "B"]
    assert table["rank"].tolist()[:2] == [1.0, 2.0] and math.isnan(table["rank"].iloc[2])


def test_rank_change_only_when_ranked_in_both_periods():
    before = scores(A=90.0, B=80.0, C=70.0, D=None)
    now = scores(A=60.0, B=85.0, C=95.0, D=50.0, E=99.0)
    table = league(now, before).set_index("unit_code")
    assert table.loc["C", "rank_change"] == 1      # 3rd -> 2nd
    assert table.loc["A", "rank_change"] == -3     # 1st -> 4th
    assert table.loc["B", "rank_change"] == -1     # 2nd -> 3rd (E came in above it)
    assert math.isnan(table.loc["D", "rank_change"]) and math.isnan(table.loc["E", "rank_change"])


def test_change_labels():
    assert [change_label(c) for c in (3, -2, 0, float("nan"), None)] == ["▲3", "▼2", "–", "", ""]


def test_movers_up_and_down():
    before = scores(A=90.0, B=80.0, C=70.0, D=60.0)
    now = scores(A=50.0, B=95.0, C=85.0, D=99.0)
    up, down = movers(league(now, before), n=2)     # D 4->1, C 3->3, B 2->2, A 1->4
    assert up["unit_code"].tolist() == ["D"] and down["unit_code"].tolist() == ["A"]
    now = scores(A=50.0, B=40.0, C=85.0, D=99.0)    # D 4->1, C 3->2, A 1->3, B 2->4
    up, down = movers(league(now, before), n=2)
    assert up["unit_code"].tolist() == ["D", "C"] and down["unit_code"].tolist() == ["A", "B"]  # equal falls: better rank first


def test_a_last_ward_that_becomes_first():
    before = scores(**{f"W{i}": 50.0 + i for i in range(103)})
    now = before.assign(TONG=lambda f: f["TONG"].where(f["unit_code"] != "W0", 200.0))
    table = league(now, before).set_index("unit_code")
    assert table.loc["W0", "rank"] == 1 and table.loc["W0", "rank_change"] == 102


def test_indicator_league_and_the_share_meeting_the_target():
    values = pd.DataFrame({"area_code": ["a", "b", "c", "d"], "value": [85.0, 79.0, None, 81.0]})
    table, share = indicator_league(values, ">=", 80.0)
    assert table["area_code"].tolist() == ["a", "d", "b", "c"]
    assert share == 2 / 3
    lower, _ = indicator_league(values, "<=", 80.0)
    assert lower["area_code"].tolist()[0] == "b"


def test_rank_history():
    frame = pd.DataFrame({"unit_code": ["A", "B", "A", "B"], "period": ["2025", "2025", "2026-H1", "2026-H1"],
                          "period_end": pd.to_datetime(["2025-12-31"] * 2 + ["2026-06-30"] * 2),
                          "pillar": "TONG", "score": [50.0, 60.0, 70.0, 65.0]})
    history = rank_history(frame).set_index(["unit_code", "period"])["rank"]
    assert history[("A", "2025")] == 2 and history[("A", "2026-H1")] == 1
