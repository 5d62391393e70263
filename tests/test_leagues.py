"""League tables and ward data on the demo store, and a unit_scores upload moving a ward from last to first."""
from __future__ import annotations



import pandas as pd

import pytest

from cantho_dash.ingest import pipeline
from conftest import AS_OF
from cantho_dash.facts import wards as ward_facts
from cantho_dash.domain import ranking
from cantho_dash.facts import leagues as league_facts


def test_the_ward_league_ranks_all_103_with_rank_changes(engine):
    table = league_facts.league_table(engine, "wards", "2026-H1")
    assert len(table) == 103 and table["rank"].min() == 1 and table["rank"].notna().all()
    assert table["previous_period"].iloc[0] == "2025"
    assert table["rank_change"].notna().all() and (table["rank_change"] != 0).any()
    assert set(table["change_label"].str[:1]) >= {"▲", "▼"}
    assert set(table["unit_type"]) == {"xa", "phuong"}


def test_the_department_league(engine):
    table = league_facts.league_table(engine, "departments", "2026-H1", "CQS")
    assert len(table) >= 10 and set(table["unit_type"]) == {"department"}
    assert table["CQS"].is_monotonic_decreasing


def test_search_with_or_without_diacritics(engine):
    table = league_facts.league_table(engine, "wards", "2026-H1")
    assert ranking.search(table, "cái khế")["unit_code"].tolist() == ["31120"]
    assert ranking.search(table, "CAI KHE")["unit_code"].tolist() == ["31120"]
    assert len(ranking.search(table, "")) == 103


def test_ward_status_on_an_indicator(engine):
    wards = ward_facts.ward_status(engine, "XHS-03", "2026-10", AS_OF)
    assert len(wards) == 103
    assert 0 < wards.attrs["share"] < 1 and wards.attrs["spec"]["target_value"] == 80
    no_value = wards[wards["value"].isna()]
    assert (no_value["status"] == "no_data").all() and no_value["rank"].isna().all()
    assert wards["rank"].dropna().is_monotonic_increasing


def test_ward_profile(engine):
    profile = ward_facts.ward_profile(engine, "31120", AS_OF)
    assert set(profile["indicators"]["code"]) == {"CQS-01", "KTS-04", "XHS-02", "XHS-03", "XHS-09"}
    assert set(profile["scores"]["period"]) == {"2025", "2026-H1"}
    assert len(profile["ranks"]) == 2


def test_an_upload_that_moves_the_last_ward_first(fresh_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "up"))
    before = league_facts.league_table(fresh_engine, "wards", "2026-H1")
    last = before[before["rank"] == 103].iloc[0]
    data = (f"Đơn vị;Kỳ báo cáo;Trụ cột;Điểm\r\n{last['name_vi']};6 tháng đầu năm 2026;TONG;99,5\r\n").encode("utf-8-sig")
    pipeline.import_file(fresh_engine, data, "diem.csv", "lan")
    after = league_facts.league_table(fresh_engine, "wards", "2026-H1")
    first = after.iloc[0]
    assert first["unit_code"] == last["unit_code"] and first["rank"] == 1
    assert first["rank_change"] == pytest.approx(last["previous_rank"] - 1) and first["change_label"].startswith("▲")


def test_league_bar_colours_halves_of_a_short_league_and_tens_of_a_long_one():
    from cantho_dash.present import bars

    def colours(n):
        table = pd.DataFrame({"rank": range(1, n + 1), "TONG": [100.0 - r for r in range(n)], "name_vi": [f"Sở {r}" for r in range(n)],
                              "name_en": None, "change_label": "–"})
        return list(bars.league_bar(table, "TONG").data[0].marker.color)[::-1]   # top first
    short = colours(14)
    assert short.count(bars.LEAGUE_COLORS["top"]) == 7 and short.count(bars.LEAGUE_COLORS["bottom"]) == 7
    long = colours(103)
    assert len(long) == 20 and long[:10] == [bars.LEAGUE_COLORS["top"]] * 10 and long[10:] == [bars.LEAGUE_COLORS["bottom"]] * 10
