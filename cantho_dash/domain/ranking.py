"""League tables: ranks, rank change between periods, movers, and ward leagues on an indicator (pure).

Tie rule: standard competition ranking ("1-2-2-4"): units with the same score share the best rank
of the group, and the next rank skips as many places as units tied. Scores are compared as given
(no rounding). A unit with no score is listed last and gets no rank. A rank change is given only
when the unit was ranked in both periods; it is the number of places climbed (positive = up).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from cantho_dash.domain.vntext import fold

PILLARS = ("TONG", "CQS", "KTS", "XHS")


def rank(scores: pd.Series, higher_is_better: bool = True) -> pd.Series:
    """Competition ranks (1-2-2-4) of the scores; NaN where there is no score."""
    return scores.rank(method="min", ascending=not higher_is_better, na_option="keep")


def league(current: pd.DataFrame, previous: pd.DataFrame | None = None, pillar: str = "TONG") -> pd.DataFrame:
    """Rank units on one pillar, with the rank change against the previous period.

    current / previous: one row per unit_code, a column per pillar (TONG, CQS, KTS, XHS).
    Returns current with rank, previous_rank and rank_change, ranked units first.
    """
    out = current.copy()
    out["rank"] = rank(out[pillar]) if pillar in out else np.nan
    if previous is not None and pillar in previous and len(previous):
        before = rank(previous.set_index("unit_code")[pillar])
        out["previous_rank"] = out["unit_code"].map(before)
    else:
        out["previous_rank"] = np.nan
    out["rank_change"] = out["previous_rank"] - out["rank"]   # NaN unless ranked in both periods
    return out.sort_values(["rank", "unit_code"], na_position="last", kind="stable", ignore_index=True)


def change_label(change) -> str:
    """▲3, ▼2, – (no change), or '' when the unit was not ranked in both periods."""
    if change is None or pd.isna(change):
        return ""
    change = int(change)
    return f"▲{change}" if change > 0 else (f"▼{-change}" if change < 0 else "–")


def movers(table: pd.DataFrame, n: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the n units that climbed most, the n that fell most); only real moves count."""
    moved = table[table["rank_change"].notna()]
    up = moved[moved["rank_change"] > 0].sort_values(["rank_change", "rank"], ascending=[False, True]).head(n)
    down = moved[moved["rank_change"] < 0].sort_values(["rank_change", "rank"], ascending=[True, True]).head(n)
    return up, down


def meets(values: pd.Series, comparator: str, target: float) -> pd.Series:
    """Whether each value satisfies the target's comparator (False where there is no value)."""
    ops = {">": values > target, ">=": values >= target - 1e-9, "<": values < target, "<=": values <= target + 1e-9}
    return ops[comparator].fillna(False) & values.notna()


def indicator_league(values: pd.DataFrame, comparator: str, target: float) -> tuple[pd.DataFrame, float]:
    """Wards ranked on one indicator (value column; lower ranks first where lower is better), and the
    share of wards with a value that meet the target."""
    higher = comparator in (">", ">=")
    out = values.copy()
    out["rank"] = rank(out["value"], higher_is_better=higher)
    out["meets"] = meets(out["value"], comparator, target)
    reported = out["value"].notna().sum()
    share = float(out["meets"].sum() / reported) if reported else float("nan")
    return out.sort_values(["rank", "area_code"], na_position="last", kind="stable", ignore_index=True), share


def rank_history(scores: pd.DataFrame, pillar: str = "TONG") -> pd.DataFrame:
    """Each unit's rank in each period (long form: unit_code, period, rank), ranked within the period."""
    frame = scores[scores["pillar"] == pillar].copy()
    frame["rank"] = frame.groupby("period")["score"].rank(method="min", ascending=False)
    return frame[["unit_code", "period", "period_end", "score", "rank"]].sort_values(["unit_code", "period_end"])


def search(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """The rows whose name or code contains text, with or without diacritics."""
    needle = fold(text).strip()
    if not needle:
        return table
    hay = (table["name_vi"].map(fold) + " " + table["unit_code"].str.lower())
    return table[hay.str.contains(needle, regex=False)]
