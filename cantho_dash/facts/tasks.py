"""Tasks and monthly reporting as the pages show them: the register on an as-of date, who owes what
and who has reported (domain.tasks and domain.reporting on the store's catalog)."""
from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.domain import catalog
from cantho_dash.domain import reporting as rules
from cantho_dash.domain import tasks
from cantho_dash.domain.scope import build_duties
from cantho_dash.store import queries


def task_register(engine: Engine, as_of: date) -> pd.DataFrame:
    """The 51 tasks with their state on the as-of date, and their lead agencies' codes."""
    table = tasks.register(queries.tasks(engine), queries.task_statuses(engine), as_of)
    index = catalog.agency_index()
    table["lead_codes"] = table["lead_agency"].map(lambda cell: [index.code(n) or n for n in catalog.split_agency_list(cell)])
    return table


def duties(engine: Engine):
    """Who leads what, against the store's catalog."""
    return build_duties(queries.targets(engine), queries.target_parts(engine), queries.tasks(engine),
                        queries.agencies(engine), queries.wards(engine), catalog.read_ward_series())


def _done_once(engine: Engine, as_of: date) -> set[int]:
    table = task_register(engine, as_of)
    return set(table.loc[(table["status"] == "done") & (table["recurrence"] == "once"), "task_no"].astype(int))


def reporting(engine: Engine, as_of: date) -> pd.DataFrame:
    """Every reporting unit (departments and wards) with what it owes on the month before the as-of
    month, what is in, and its state (reporting.compliance)."""
    _, start, end = rules.reporting_period(as_of)
    return rules.compliance(duties(engine), queries.wards(engine)["code"].tolist(),
                            queries.reported_keys(engine, start, end), queries.reported_tasks(engine, start, end),
                            _done_once(engine, as_of), as_of)


def reporting_compliance(engine: Engine, as_of: date) -> pd.DataFrame:
    """The lead agencies (departments) and their reporting state on the month before the as-of month."""
    frame = reporting(engine, as_of)
    return frame[frame["unit_type"] == "department"].rename(columns={"unit_code": "agency_code"}).reset_index(drop=True)


def unit_report(engine: Engine, unit: str, as_of: date) -> pd.DataFrame:
    """What a unit owes for the month before the as-of month, one row per item: kind, code, area,
    its last value and period (or task status and progress), and whether this month is in."""
    _, start, end = rules.reporting_period(as_of)
    wards = queries.wards(engine)["code"].tolist()
    items = rules.owed(unit, duties(engine), wards, _done_once(engine, as_of))
    latest = queries.latest_values(engine, as_of, unit if rules.is_ward(unit) else None)
    latest = latest.set_index(["code", "area_code"])
    statuses = queries.task_statuses(engine)
    statuses = statuses[pd.to_datetime(statuses["period_start"]).dt.date <= as_of].sort_values("period_end")
    newest = statuses.groupby("task_no").tail(1).set_index("task_no")
    series_in, tasks_in = queries.reported_keys(engine, start, end), queries.reported_tasks(engine, start, end)
    rows = []
    for item in items:
        row = {"kind": item.kind, "code": item.code, "area": item.area, "is_in": rules.is_in(item, series_in, tasks_in)}
        if item.kind == "observations":
            last = latest.loc[(item.code, item.area)] if (item.code, item.area) in latest.index else None
            row |= {"last_value": None if last is None else float(last["value"]),
                    "last_period": None if last is None else last["period"]}
        else:
            last = newest.loc[int(item.code)] if int(item.code) in newest.index else None
            row |= {"last_period": None if last is None else last["period"],
                    "last_status": None if last is None else last["status"],
                    "last_progress": None if last is None else last["progress_pct"]}
        rows.append(row)
    return pd.DataFrame(rows, columns=["kind", "code", "area", "is_in", "last_value", "last_period", "last_status",
                                       "last_progress"])
