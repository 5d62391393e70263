"""Pure rules on the table of targets with their status (facts.targets makes it): counts by status,
the targets furthest behind, the lead agencies with the most lagging targets, filters."""
from __future__ import annotations

import pandas as pd

from cantho_dash.domain import status


def lead_agency_counts(targets: pd.DataFrame) -> pd.DataFrame:
    """Per lead agency: how many of its targets are off track, at risk, or in total."""
    exploded = targets.explode("lead_codes")
    counts = pd.crosstab(exploded["lead_codes"], exploded["status"])
    for col in status.STATUSES:
        if col not in counts:
            counts[col] = 0
    counts["total"] = counts[list(status.STATUSES)].sum(axis=1)
    return (counts.reset_index().rename(columns={"lead_codes": "agency_code"})
            .sort_values(["off_track", "at_risk", "total"], ascending=False, ignore_index=True))


def behind_pace(targets: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The n targets furthest behind their expected path (not achieved, with a value)."""
    candidates = targets[targets["pace_gap"].notna() & ~targets["met"].fillna(False).astype(bool)]
    return candidates.sort_values("pace_gap", ascending=False).head(n)


def status_counts(targets: pd.DataFrame) -> dict[str, int]:
    """How many targets are in each status, every status present (zeros included)."""
    counts = targets["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in status.STATUSES}


def filter_targets(targets: pd.DataFrame, pillar: str | None = None, agency: str | None = None,
                   statuses: list[str] | None = None) -> pd.DataFrame:
    """The targets of one pillar, led by one agency, in some statuses (None: no filter)."""
    keep = pd.Series(True, index=targets.index)
    if pillar:
        keep &= targets["pillar"] == pillar
    if agency:
        keep &= targets["lead_codes"].map(lambda codes: agency in codes)
    if statuses:
        keep &= targets["status"].isin(statuses)
    return targets[keep]


def lead_agencies(targets: pd.DataFrame) -> list[str]:
    """The codes of the agencies that lead at least one target, most targets first."""
    return targets.explode("lead_codes")["lead_codes"].value_counts().index.tolist()


def indicator_history(history: pd.DataFrame, target_row: dict) -> pd.DataFrame:
    """The values of the series that decides a target's status (its weakest part, if it has parts)."""
    code = target_row.get("decided_by") or target_row["code"]
    return history[history["code"] == code]


def latest_note(history: pd.DataFrame) -> tuple[str, str] | None:
    """(period, note) of the newest period of a series that carries a note, or None."""
    if "note" not in history:
        return None
    noted = history[history["note"].fillna("").str.strip() != ""]
    if noted.empty:
        return None
    last = noted.sort_values("period_end").iloc[-1]
    return last["period"], last["note"]
