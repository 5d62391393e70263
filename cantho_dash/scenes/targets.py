"""The targets scene: the targets filtered by pillar, lead agency and status, and one target's
history with the agency's latest note."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantho_dash.domain import targets as target_rules
from cantho_dash.domain.status import STATUSES

__all__ = ["STATUSES", "Detail", "detail", "filtered", "lead_agencies"]


@dataclass(frozen=True)
class Detail:
    row: dict                       # the target's status row, with its code
    history: pd.DataFrame           # its values over time (the combined parts where it has parts)
    note: tuple[str, str] | None    # (period, the agency's words) of the latest note


def lead_agencies(targets: pd.DataFrame) -> list[str]:
    """The agencies leading at least one target (codes), for a filter."""
    return target_rules.lead_agencies(targets)


def filtered(targets: pd.DataFrame, pillar: str | None, agency: str | None, statuses: list[str] | None) -> pd.DataFrame:
    """The targets of a pillar, led by an agency, in some statuses (None: any)."""
    return target_rules.filter_targets(targets, pillar, agency, statuses)


def detail(targets: pd.DataFrame, code: str, series: pd.DataFrame) -> Detail:
    """One target's row, history and latest note."""
    row = targets.set_index("code").loc[code].to_dict() | {"code": code}
    history = target_rules.indicator_history(series, row)
    return Detail(row, history, target_rules.latest_note(history))
