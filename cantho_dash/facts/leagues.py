"""DTI leagues as the pages show them: every unit of a group ranked on a pillar for a period, with
its rank change against the previous period."""
from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.domain import ranking
from cantho_dash.store import queries

GROUPS = {"departments": "agency", "wards": "ward"}


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
    return queries.unit_score_periods(engine, GROUPS[group])["period"].tolist()


def scores(engine: Engine, group: str) -> pd.DataFrame:
    """All current scores of a group, long form."""
    return queries.unit_scores_by_kind(engine, GROUPS[group])


def _wide(long: pd.DataFrame, period: str) -> pd.DataFrame:
    frame = long[long["period"] == period].pivot_table(index="unit_code", columns="pillar", values="score",
                                                       aggfunc="first")
    return frame.reindex(columns=list(ranking.PILLARS)).reset_index()


def league_table(engine: Engine, group: str, period: str, pillar: str = "TONG") -> pd.DataFrame:
    """Every unit of the group, ranked on a pillar for a period, with its rank change against the
    group's previous period. Units of the group with no score are listed last, unranked."""
    periods = score_periods(engine, group)
    previous = periods[periods.index(period) + 1] if period in periods and periods.index(period) + 1 < len(periods) else None
    long = queries.unit_scores_of_periods(engine, GROUPS[group], period, previous or period)
    everyone = units(engine)
    everyone = everyone[(everyone["unit_type"] == "department") == (group == "departments")]
    current = everyone[["unit_code"]].merge(_wide(long, period), on="unit_code", how="left")
    before = _wide(long, previous) if previous else None
    table = ranking.league(current, before, pillar).merge(everyone, on="unit_code", how="left")
    table["change_label"] = table["rank_change"].map(ranking.change_label)
    table["previous_period"] = previous
    return table
