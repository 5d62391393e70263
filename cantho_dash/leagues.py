"""What the league and map pages show: DTI leagues, ward leagues on an indicator, ward profiles."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from . import db, queries, ranking, status
from .periods import parse_period
from .service import indicator_catalog, rules, with_labels
from .vntext import fold

GROUPS = {"departments": "agency", "wards": "ward"}


def _read(engine: Engine, name: str, **params) -> pd.DataFrame:
    with engine.connect() as conn:
        return db.read(conn, name, **params)


def units(engine: Engine) -> pd.DataFrame:
    """Every unit that can be scored: departments and wards, with a display type."""
    agencies = queries.agencies(engine)
    departments = agencies[(agencies["agency_type"] == "department") & ~agencies["collective"]]
    wards = queries.wards(engine)
    return pd.concat([
        departments.assign(unit_type="department")[["code", "name_vi", "name_en", "unit_type"]],
        wards.assign(name_en=wards["name_vi"], unit_type=wards["ward_type"])[["code", "name_vi", "name_en", "unit_type"]],
    ], ignore_index=True).rename(columns={"code": "unit_code"})


def score_periods(engine: Engine, group: str) -> list[str]:
    """The periods with scores for a group (departments | wards), newest first."""
    return _read(engine, "unit_score_periods", unit_kind=GROUPS[group])["period"].tolist()


def scores(engine: Engine, group: str) -> pd.DataFrame:
    """All current scores of a group, long form."""
    frame = _read(engine, "unit_scores_by_kind", unit_kind=GROUPS[group])
    return frame.assign(period_end=pd.to_datetime(frame["period_end"]))


def _wide(long: pd.DataFrame, period: str) -> pd.DataFrame:
    frame = long[long["period"] == period].pivot_table(index="unit_code", columns="pillar", values="score",
                                                       aggfunc="first")
    return frame.reindex(columns=list(ranking.PILLARS)).reset_index()


def league_table(engine: Engine, group: str, period: str, pillar: str = "TONG") -> pd.DataFrame:
    """Every unit of the group, ranked on a pillar for a period, with its rank change against the
    group's previous period. Units of the group with no score are listed last, unranked."""
    periods = score_periods(engine, group)
    previous = periods[periods.index(period) + 1] if period in periods and periods.index(period) + 1 < len(periods) else None
    long = _read(engine, "unit_scores_of_periods", unit_kind=GROUPS[group], period=period, previous=previous or period)
    everyone = units(engine)
    everyone = everyone[(everyone["unit_type"] == "department") == (group == "departments")]
    current = everyone[["unit_code"]].merge(_wide(long, period), on="unit_code", how="left")
    before = _wide(long, previous) if previous else None
    table = ranking.league(current, before, pillar).merge(everyone, on="unit_code", how="left")
    table["change_label"] = table["rank_change"].map(ranking.change_label)
    table["previous_period"] = previous
    return table


def search(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """The rows whose name or code contains text, with or without diacritics."""
    needle = fold(text).strip()
    if not needle:
        return table
    hay = (table["name_vi"].map(fold) + " " + table["unit_code"].str.lower())
    return table[hay.str.contains(needle, regex=False)]


def ward_indicator_periods(engine: Engine) -> pd.DataFrame:
    """code, period, period_end, wards: what ward-level data exists."""
    frame = _read(engine, "ward_indicators")
    return frame.assign(period_end=pd.to_datetime(frame["period_end"]).dt.date,
                        period_start=pd.to_datetime(frame["period_start"]).dt.date)


def ward_status(engine: Engine, code: str, period: str, as_of: date) -> pd.DataFrame:
    """Every ward with its value of an indicator for a period, its status (judged at the end of the
    period, or the as-of date if earlier), expected value and rank among the wards."""
    spec = indicator_catalog(engine).set_index("code").loc[code]
    end = parse_period(period).end
    day = min(as_of, end)
    history = _read(engine, "ward_series", code=code, as_of=day)
    history = history[pd.to_datetime(history["period_end"]).dt.date <= end].assign(
        period_end=lambda f: pd.to_datetime(f["period_end"]).dt.date)
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
    history = _read(engine, "ward_all_series", area_code=area_code, as_of=as_of)
    history = history.assign(period_end=pd.to_datetime(history["period_end"]).dt.date)
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

