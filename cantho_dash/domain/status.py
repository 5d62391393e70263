"""Status of targets against Plan 224: attainment, pace against the deadline, projection (pure).

The rules:
- achieved: the latest value meets the comparator against the target;
- on_track: the latest value is at or above the expected path on the as-of date; the path runs
  straight from the baseline (the last value of the year before the plan year, else the first
  value of the plan year) to the target at the deadline;
- at_risk: below that path by less than 10% of the target; off_track: by 10% of the target or more;
- no_data: no value for a period begun by the as-of date; stale: the newest value's period ended
  more than 45 days before it.
Where lower is better (comparator < or <=) the comparisons flip. A milestone is a target of 1
(done), reported as progress from 0 to 1, so it follows the same rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from cantho_dash.domain.periods import period_starts

STATUSES = ("achieved", "on_track", "at_risk", "off_track", "stale", "no_data")
# For a target with parts, the part that decides: the worst known state first.
PART_SEVERITY = {"off_track": 6, "at_risk": 5, "no_data": 4, "stale": 3, "on_track": 2, "achieved": 1}
HIGHER = {">": True, ">=": True, "<": False, "<=": False}


@dataclass(frozen=True)
class Rules:
    """The tunable numbers of the status rules."""

    stale_days: int = 45
    risk_band: float = 0.10       # share of the target below the path that is still 'at risk'
    projection_points: int = 6    # the newest points the trend is fitted on


def meets(value, comparator: str, target: float) -> bool:
    """Whether value satisfies 'value <comparator> target'."""
    if value is None or pd.isna(value):
        return False
    return {">": value > target, ">=": value >= target - 1e-9,
            "<": value < target, "<=": value <= target + 1e-9}[comparator]


def expected_on(day: date, baseline: float, baseline_end: date, target: float, deadline: date,
                higher: bool = True) -> float:
    """The value the straight path from the baseline to the target expects on day."""
    span = (deadline - baseline_end).days
    share = 1.0 if span <= 0 else min(max((day - baseline_end).days / span, 0.0), 1.0)
    path = baseline + (target - baseline) * share
    return min(path, target) if higher else max(path, target)


def _bounds(unit: str) -> tuple[float, float]:
    return {"%": (0.0, 100.0), "milestone": (0.0, 1.0)}.get(unit, (0.0, np.inf))


def evaluate(series: pd.DataFrame, specs: pd.DataFrame, as_of: date, rules: Rules = Rules(),
             by: tuple[str, ...] = ("code",)) -> pd.DataFrame:
    """One row per key of specs (code, or code and area) with value, baseline, expected, projected and status.

    series: code[, area_code], period, period_end, value (current values; any order).
    specs: code[, area_code], comparator, target_value, deadline, unit.
    """
    by = list(by)
    as_of_ts = pd.Timestamp(as_of)
    data = series.assign(period_end=pd.to_datetime(series["period_end"]))
    begun = pd.to_datetime(pd.Series(period_starts(series["period"]), index=series.index)) <= as_of_ts
    data = data[begun].merge(specs[[*by, "deadline"]], on=by)
    data["plan_start"] = pd.to_datetime(pd.to_datetime(data["deadline"]).dt.year.astype(str) + "-01-01")
    data = data.sort_values([*by, "period_end"], kind="stable")
    in_plan = data["period_end"] >= data["plan_start"]
    year_before = ~in_plan & (data["period_end"] >= data["plan_start"] - pd.DateOffset(years=1))

    latest = data.groupby(by, sort=False).tail(1).set_index(by)[["period", "period_end", "value"]]
    prior = data[year_before].groupby(by, sort=False).tail(1).set_index(by)
    first = data[in_plan].groupby(by, sort=False).head(1).set_index(by)
    base = prior[["value", "period_end"]].combine_first(first[["value", "period_end"]])
    base.columns = ["baseline", "baseline_end"]
    slope_fit = _trend(data[in_plan], by, rules.projection_points)

    out = specs.set_index(by).join(latest).join(base).join(slope_fit)
    out["higher"] = out["comparator"].map(HIGHER)
    deadline = pd.to_datetime(out["deadline"])
    span = (deadline - out["baseline_end"]).dt.days
    share = ((as_of_ts - out["baseline_end"]).dt.days / span.where(span > 0)).clip(0, 1).fillna(1.0)
    path = out["baseline"] + (out["target_value"] - out["baseline"]) * share
    out["expected"] = np.where(out["higher"], np.minimum(path, out["target_value"]),
                               np.maximum(path, out["target_value"]))
    out.loc[out["baseline"].isna(), "expected"] = np.nan

    lo_hi = out["unit"].map(_bounds)
    x_end = (deadline - out["x0"]).dt.days
    projected = out["intercept"] + out["slope"] * x_end
    out["projected"] = projected.clip(lower=lo_hi.str[0], upper=lo_hi.str[1])

    sign = np.where(out["higher"], 1.0, -1.0)
    out["behind"] = (out["expected"] - out["value"]) * sign
    scale = out["target_value"].abs().where(out["target_value"] != 0, out["baseline"].abs()).replace(0, 1.0)
    out["pace_gap"] = out["behind"] / scale
    out["age_days"] = (as_of_ts - out["period_end"]).dt.days
    out["met"] = [meets(v, c, t) for v, c, t in zip(out["value"], out["comparator"], out["target_value"])]
    out["status"] = np.select(
        [out["value"].isna(), out["age_days"] > rules.stale_days, out["met"],
         out["behind"] <= 1e-9, out["pace_gap"] < rules.risk_band],
        ["no_data", "stale", "achieved", "on_track", "at_risk"], default="off_track")
    out["period_end"] = out["period_end"].dt.date
    out["baseline_end"] = out["baseline_end"].dt.date
    return out.drop(columns=["x0", "intercept", "slope", "higher"]).reset_index()


def _trend(data: pd.DataFrame, by: list[str], points: int) -> pd.DataFrame:
    """Least-squares line (intercept at x0, slope per day) through each key's newest points."""
    recent = data.groupby(by, sort=False).tail(points)
    x0 = recent.groupby(by, sort=False)["plan_start"].first()
    x = (recent["period_end"] - recent["plan_start"]).dt.days.astype(float)
    frame = pd.DataFrame({"x": x, "y": recent["value"].astype(float), "xy": x * recent["value"], "xx": x * x})
    for col in by:
        frame[col] = recent[col].values
    sums = frame.groupby(by, sort=False).agg(n=("x", "size"), sx=("x", "sum"), sy=("y", "sum"),
                                             sxy=("xy", "sum"), sxx=("xx", "sum"))
    denom = sums["n"] * sums["sxx"] - sums["sx"] ** 2
    slope = ((sums["n"] * sums["sxy"] - sums["sx"] * sums["sy"]) / denom.where(denom > 0))
    intercept = (sums["sy"] - slope * sums["sx"]) / sums["n"]
    return pd.DataFrame({"x0": x0, "slope": slope, "intercept": intercept})


def combine_parts(results: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per target: a target with parts takes the row of its worst part, and lists the parts."""
    merged = results.drop(columns="target_code", errors="ignore").merge(
        indicators[["code", "target_code"]], on="code", how="left")
    merged["severity"] = merged["status"].map(PART_SEVERITY)
    merged = merged.sort_values(["target_code", "severity", "pace_gap"], ascending=[True, False, False],
                                na_position="last", kind="stable")
    parts = merged.groupby("target_code")["code"].agg(sorted)
    worst = merged.groupby("target_code", sort=False).head(1).set_index("target_code")
    worst["parts"] = parts.where(parts.str.len() > 1)
    worst["decided_by"] = worst["code"]
    return worst.drop(columns=["code", "severity"]).rename_axis("code").reset_index()
