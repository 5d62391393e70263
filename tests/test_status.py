"""The status rules (domain/status.py), case by case (pure functions, no store)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cantho_dash.domain.periods import month
from cantho_dash.domain.status import STATUSES, Rules, combine_parts, evaluate, expected_on, meets

DEADLINE = date(2026, 12, 31)
AS_OF = date(2026, 11, 25)


def spec(code="A", comparator=">=", target=100.0, unit="%", deadline=DEADLINE):
    return {"code": code, "comparator": comparator, "target_value": target, "deadline": deadline, "unit": unit}


def monthly(code, values, year=2026, first_month=1):
    rows = []
    for i, value in enumerate(values):
        m = month(year, first_month + i)
        rows.append({"code": code, "period": m.code, "period_end": m.end, "value": value})
    return rows


def run(rows, specs, as_of=AS_OF, rules=Rules()):
    series = pd.DataFrame(rows, columns=["code", "period", "period_end", "value"])
    return evaluate(series, pd.DataFrame(specs), as_of, rules).set_index("code")


def straight(start, end, n=10):
    return [start + (end - start) * i / (n - 1) for i in range(n)]


def test_expected_path_is_a_straight_line_from_baseline_to_target():
    jan = date(2026, 1, 31)
    assert expected_on(jan, 60, jan, 80, DEADLINE) == 60
    assert expected_on(DEADLINE, 60, jan, 80, DEADLINE) == 80
    half = jan + (DEADLINE - jan) / 2
    assert expected_on(half, 60, jan, 80, DEADLINE) == pytest.approx(70, abs=0.1)
    assert expected_on(date(2027, 6, 1), 60, jan, 80, DEADLINE) == 80      # never past the target
    assert expected_on(half, 20, jan, 5, DEADLINE, higher=False) == pytest.approx(12.5, abs=0.1)


def test_expected_and_status_use_the_as_of_date():
    out = run(monthly("A", straight(86, 98.9)), [spec()])
    share = (AS_OF - date(2026, 1, 31)).days / (DEADLINE - date(2026, 1, 31)).days
    assert out.loc["A", "expected"] == pytest.approx(86 + (100 - 86) * share)
    assert out.loc["A", "baseline"] == 86 and out.loc["A", "baseline_end"] == date(2026, 1, 31)
    assert out.loc["A", "status"] == "on_track"
    assert out.loc["A", "value"] == pytest.approx(98.9) and out.loc["A", "period"] == "2026-10"


@pytest.mark.parametrize("october, status", [
    (100.0, "achieved"), (98.9, "on_track"), (91.5, "at_risk"), (84.0, "off_track")])
def test_rag_statuses(october, status):
    assert run(monthly("A", straight(86, october)), [spec()]).loc["A", "status"] == status


def test_the_ten_percent_band_is_measured_in_the_target():
    # expected on the as-of date for 50 -> 60: 58.92...; 10% of the target is 6
    rows = monthly("A", straight(50, 52.93)) + monthly("B", straight(50, 52.91))
    out = run(rows, [spec("A", target=60), spec("B", target=60)])
    assert out.loc["A", "status"] == "at_risk"       # 5.99 below the path
    assert out.loc["B", "status"] == "off_track"     # 6.01 below the path


def test_strictly_greater_comparator():
    out = run(monthly("A", straight(85, 90)) + monthly("B", straight(85, 90.1)),
              [spec("A", ">", 90), spec("B", ">", 90)])
    assert out.loc["A", "status"] != "achieved" and out.loc["B", "status"] == "achieved"
    assert meets(90, ">=", 90) and not meets(90, ">", 90) and meets(4, "<", 5) and not meets(5, "<", 5)


def test_lower_is_better_flips_the_comparisons():
    specs = [spec(c, "<=", 5) for c in "ABCD"]
    rows = (monthly("A", straight(20, 4)) + monthly("B", straight(20, 6)) + monthly("C", straight(20, 7.0))
            + monthly("D", straight(20, 12)))
    out = run(rows, specs)
    assert out["status"].to_dict() == {"A": "achieved", "B": "on_track", "C": "at_risk", "D": "off_track"}


def test_no_data_and_stale():
    rows = monthly("B", straight(50, 55, 7))                        # last value July: 117 days old
    rows += monthly("C", straight(50, 59, 10))                      # October: 25 days old
    out = run(rows, [spec("A", target=60), spec("B", target=60), spec("C", target=60)])
    assert out.loc["A", "status"] == "no_data" and pd.isna(out.loc["A", "value"])
    assert out.loc["B", "status"] == "stale"
    assert out.loc["C", "status"] != "stale"


def test_stale_boundary_is_45_days():
    rows = monthly("A", straight(50, 59, 10))                       # October ends 31/10
    assert run(rows, [spec(target=60)], as_of=date(2026, 12, 15)).loc["A", "status"] != "stale"   # 45 days
    assert run(rows, [spec(target=60)], as_of=date(2026, 12, 16)).loc["A", "status"] == "stale"   # 46 days
    assert run(rows, [spec(target=60)], as_of=date(2026, 12, 16),
               rules=Rules(stale_days=60)).loc["A", "status"] != "stale"


def test_values_after_the_as_of_date_are_ignored():
    out = run(monthly("A", straight(50, 70)), [spec(target=65)], as_of=date(2026, 6, 30))
    assert out.loc["A", "period"] == "2026-06"
    assert out.loc["A", "status"] != "achieved"


def test_a_period_counts_once_it_has_begun():
    out = run(monthly("A", straight(50, 70)), [spec(target=60)], as_of=date(2026, 1, 15))
    assert out.loc["A", "period"] == "2026-01"           # January is reported in January
    assert run(monthly("A", straight(50, 70)), [spec(target=60)],
               as_of=date(2025, 12, 31)).loc["A", "status"] == "no_data"


def test_baseline_is_last_value_of_the_year_before_if_there_is_one():
    rows = monthly("A", [40.0, 41.0], year=2025, first_month=11) + monthly("A", straight(50, 60))
    out = run(rows, [spec(target=80)])
    assert out.loc["A", "baseline"] == 41.0 and out.loc["A", "baseline_end"] == date(2025, 12, 31)


def test_milestone_progress_and_done():
    specs = [spec("M", ">=", 1, unit="milestone"), spec("N", ">=", 1, unit="milestone")]
    rows = monthly("M", [0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.85]) + monthly("N", [0.5] * 9 + [1.0])
    out = run(rows, specs)
    assert out.loc["N", "status"] == "achieved"
    assert out.loc["M", "status"] == "at_risk"
    assert 0 <= out.loc["M", "projected"] <= 1


def test_projection_extends_the_recent_trend_to_the_deadline():
    out = run(monthly("A", [40 + 2 * i for i in range(10)]), [spec(target=100)])
    # +2 a month on a line: about 62 at the end of December
    assert out.loc["A", "projected"] == pytest.approx(62, abs=0.5)
    capped = run(monthly("A", [80 + 3 * i for i in range(10)]), [spec(target=100)])
    assert capped.loc["A", "projected"] == 100  # percentages stop at 100
    single = run(monthly("A", [50.0]), [spec(target=100)])
    assert pd.isna(single.loc["A", "projected"])


def test_keys_by_area():
    rows = [dict(r, area_code=a) for a, v in (("W1", 99.0), ("W2", 70.0)) for r in monthly("A", straight(80, v))]
    series = pd.DataFrame(rows)
    specs = pd.DataFrame([dict(spec(), area_code=a) for a in ("W1", "W2", "W3")])
    out = evaluate(series, specs, AS_OF, by=("code", "area_code")).set_index("area_code")
    assert out["status"].to_dict() == {"W1": "on_track", "W2": "off_track", "W3": "no_data"}


def test_parts_combine_to_the_weaker_part():
    specs = [spec("P-a"), spec("P-b"), spec("Q")]
    rows = monthly("P-a", straight(75, 100)) + monthly("P-b", straight(40, 78)) + monthly("Q", straight(80, 99))
    per_part = run(rows, specs).reset_index()
    indicators = pd.DataFrame({"code": ["P-a", "P-b", "Q"], "target_code": ["P", "P", "Q"]})
    out = combine_parts(per_part, indicators).set_index("code")
    assert out.loc["P", "status"] == "off_track" and out.loc["P", "value"] == 78 and out.loc["P", "decided_by"] == "P-b"
    assert out.loc["P", "parts"] == ["P-a", "P-b"]
    assert not isinstance(out.loc["Q", "parts"], list)


def test_every_status_is_named():
    assert set(STATUSES) == {"achieved", "on_track", "at_risk", "off_track", "no_data", "stale"}
