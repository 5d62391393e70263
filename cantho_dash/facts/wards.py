"""Wards as the map and the league show them: every ward's value of an indicator with its status and
rank, a ward's profile, and the DTI map's values."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.domain import ranking, status
from cantho_dash.domain.periods import parse_period
from cantho_dash.facts.leagues import league_table, scores
from cantho_dash.facts.targets import indicator_catalog, rules, with_labels
from cantho_dash.store import queries


def ward_indicator_periods(engine: Engine) -> pd.DataFrame:
    """code, period, period_end, wards: what ward-level data exists."""
    return queries.ward_indicators(engine)


def ward_status(engine: Engine, code: str, period: str, as_of: date) -> pd.DataFrame:
    """Every ward with its value of an indicator for a period, its status (judged at the end of the
    period, or the as-of date if earlier), expected value and rank among the wards."""
    spec = indicator_catalog(engine).set_index("code").loc[code]
    end = parse_period(period).end
    day = min(as_of, end)
    history = queries.ward_series(engine, code, day)
    history = history[history["period_end"] <= end]
    wards = queries.wards(engine)
    specs = pd.DataFrame({"code": code, "area_code": wards["code"], "comparator": spec["comparator"],
                          "target_value": spec["target_value"], "deadline": spec["deadline"], "unit": spec["unit"]})
    judged = status.evaluate(history, specs, day, rules(), by=("code", "area_code"))
    in_period = history[history["period"] == period].set_index("area_code")["value"]
    judged["value"] = judged["area_code"].map(in_period)          # this period's value only
    judged.loc[judged["value"].isna(), "status"] = "no_data"
    table, share = ranking.indicator_league(judged, spec["comparator"], spec["target_value"])
    out = table.merge(wards.rename(columns={"code": "area_code"}), on="area_code", how="left")
    out.attrs.update(share=share, spec=spec.to_dict() | {"code": code}, period=period)
    return out


def ward_profile(engine: Engine, area_code: str, as_of: date) -> dict:
    """One ward: each ward-level indicator against its target, its DTI scores, its rank history."""
    specs = indicator_catalog(engine)
    history = queries.ward_all_series(engine, area_code, as_of)
    codes = history["code"].unique().tolist()
    judged = pd.DataFrame()
    if codes:
        wanted = specs[specs["code"].isin(codes)].assign(area_code=area_code)
        judged = status.evaluate(history, wanted, as_of, rules(), by=("code", "area_code"))
        judged = with_labels(judged, queries.target_labels(engine))
    long = scores(engine, "wards")
    history_ranks = ranking.rank_history(long)
    return {"indicators": judged, "scores": long[long["unit_code"] == area_code],
            "ranks": history_ranks[history_ranks["unit_code"] == area_code]}


def dti_map_values(engine: Engine, period: str, pillar: str) -> pd.DataFrame:
    """Every ward with its DTI score on a pillar for a period, and its rank."""
    table = league_table(engine, "wards", period, pillar)
    wards = queries.wards(engine).rename(columns={"code": "unit_code"})
    out = table[["unit_code", pillar, "rank"]].rename(columns={pillar: "value"}).merge(wards, on="unit_code")
    out["status"] = np.where(out["value"].isna(), "no_data", "")
    return out.rename(columns={"unit_code": "area_code"})
