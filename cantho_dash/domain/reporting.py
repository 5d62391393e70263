"""What each reporting unit owes for a month, and who has reported (pure).

Units report monthly, before the 15th, on the month before. A department owes the city-wide
figure of each series it leads, and each ward's figure where the series is reported by ward, and
the status of each task it leads (a one-off task once done owes nothing more). A ward owes its own
figure of each ward-level series. An item is in when the store holds a figure (or a status) for a
period covering the month, whoever entered it.

States: reported (everything in), partial (some in), pending (nothing yet, the 15th not passed),
late (nothing in after the 15th).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from cantho_dash.domain.catalog import CITY
from cantho_dash.domain.scope import Duties, is_ward
from cantho_dash.domain.tasks import reporting_month

STATES = ("late", "partial", "pending", "reported")


@dataclass(frozen=True)
class Item:
    """One figure or status a unit owes: ('observations', series code, area) or ('task_status', task, None)."""

    kind: str
    code: object
    area: str | None = None


def owed(unit: str, duties: Duties, wards: list[str], done_tasks: set[int] = frozenset()) -> list[Item]:
    """Everything a unit owes for one month, in catalog order."""
    if is_ward(unit):
        return [Item("observations", code, unit) for code in duties.series_leads if code in duties.ward_series]
    items = []
    for code in duties.series_of(unit):
        items.append(Item("observations", code, CITY))
        if code in duties.ward_series:
            items += [Item("observations", code, ward) for ward in wards]
    items += [Item("task_status", task) for task in duties.tasks_of(unit) if task not in done_tasks]
    return items


def is_in(item: Item, series_in: set[tuple[str, str]], tasks_in: set[int]) -> bool:
    """Whether an owed item has a figure (or status) for the month."""
    return (item.code, item.area) in series_in if item.kind == "observations" else int(item.code) in tasks_in


def state_of(owed_count: int, in_count: int, as_of: date) -> str:
    """reported, partial, pending or late."""
    _, deadline = reporting_month(as_of)
    if in_count >= owed_count:
        return "reported"
    if in_count:
        return "partial"
    return "pending" if as_of <= deadline else "late"


def compliance(duties: Duties, wards: list[str], series_in: set[tuple[str, str]], tasks_in: set[int],
               done_tasks: set[int], as_of: date) -> pd.DataFrame:
    """Every unit that owes something: unit_code, unit_type (department | ward), owed, reported,
    missing, state, deadline; late first."""
    _, deadline = reporting_month(as_of)
    agencies = sorted({a for leads in (*duties.series_leads.values(), *duties.task_leads.values()) for a in leads})
    rows = []
    for unit in [*agencies, *wards]:
        items = owed(unit, duties, wards, done_tasks)
        if not items:
            continue
        done = sum(is_in(i, series_in, tasks_in) for i in items)
        rows.append({"unit_code": unit, "unit_type": "ward" if is_ward(unit) else "department",
                     "name_vi": duties.name(unit), "name_en": duties.name(unit, "en"), "owed": len(items),
                     "reported": done, "missing": len(items) - done, "state": state_of(len(items), done, as_of),
                     "deadline": deadline})
    frame = pd.DataFrame(rows, columns=["unit_code", "unit_type", "name_vi", "name_en", "owed", "reported", "missing",
                                        "state", "deadline"])
    order = {s: i for i, s in enumerate(STATES)}
    return frame.sort_values(["unit_type", "state", "unit_code"], key=lambda c: c.map(order) if c.name == "state" else c,
                             ignore_index=True)


def days_to_deadline(as_of: date) -> int:
    """Days from the as-of date to the 15th (negative: late by that many days)."""
    _, deadline = reporting_month(as_of)
    return (deadline - as_of).days


def reporting_period(as_of: date):
    """(the month reported on, its first and last day) for an as-of date."""
    month, _ = reporting_month(as_of)
    return month, month.start, month.end


def previous_month(day: date) -> date:
    """A day in the month before."""
    return day.replace(day=1) - timedelta(days=1)


def summary(reporting: pd.DataFrame) -> dict:
    """Who has reported on the month, from compliance() of every unit (facts.tasks.reporting): the
    departments late, not yet in and partly in (code, reported, owed), and the wards in each state."""
    departments = reporting[reporting["unit_type"] == "department"]
    codes = departments.groupby("state")["unit_code"].agg(list)
    partial = departments[departments["state"] == "partial"]
    wards = reporting.loc[reporting["unit_type"] == "ward", "state"].value_counts()
    return {"late": codes.get("late", []), "pending": codes.get("pending", []),
            "partial": list(zip(partial["unit_code"], partial["reported"], partial["owed"])),
            "wards": {state: int(count) for state, count in wards.items()}}
