"""The 51 tasks of Appendix II and monthly reporting: overdue, due soon, by agency, compliance (pure).

Rules:
- A task's state on the as-of date is its newest status for a period begun by then.
- A one-off task is overdue when its due date has passed and it is not done; due soon when it is
  not done and due within 30 days.
- A one-off task is at risk when it is not done, not yet overdue, and its progress is at least
  AT_RISK_POINTS (25) points below the share of its time elapsed, from the plan's start (1/1/2026)
  to its due date: 7% done with 90% of the time gone is 83 points behind. At risk outranks due soon.
- A quarterly task ("Hằng quý") is overdue when the last quarter that ended before the as-of date
  has no 'done' status for a period within that quarter. A continuous task ("Thường xuyên") has no
  deadline and is never overdue.
- Reporting: agencies report monthly, before the 15th, on the month before. An agency has reported
  for the as-of month when the store holds a figure of a target it leads, or a status of a task it
  leads, for a period covering the month before. Until the 15th a missing agency is 'pending',
  after it 'late'. Collective leads ("Sở, ban, ngành") are not listed: no one agency answers for them.
"""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from cantho_dash.domain.catalog import agency_index, split_agency_list
from cantho_dash.words import t
from cantho_dash.domain.periods import Period, PeriodError, parse_period
from cantho_dash.domain.vntext import fold

DUE_SOON_DAYS = 30
REPORT_DAY = 15
PLAN_START = date(2026, 1, 1)
AT_RISK_POINTS = 25.0


def quarter_before(day: date) -> Period:
    """The last quarter that ended before the day."""
    quarter = (day.month - 1) // 3 + 1
    return Period(day.year, "Q", quarter - 1) if quarter > 1 else Period(day.year - 1, "Q", 4)


def deadline_label(text: str, lang: str = "vi") -> str:
    """A deadline as the plan writes it ('Quý I/2026', 'Hằng quý'); in English, 'Q1 2026', 'Quarterly'."""
    if lang != "en" or not isinstance(text, str):
        return text if isinstance(text, str) else ""
    recurring = {"hang quy": "deadline_quarterly", "thuong xuyen": "deadline_continuous"}.get(fold(text).strip())
    if recurring:
        return t(recurring, lang)
    try:
        return parse_period(text).label(lang)
    except PeriodError:
        return text


def agency_label(text, lang: str = "vi") -> str:
    """Agencies as the plan writes them; in English, each agency's English name from the catalog."""
    if lang != "en" or not isinstance(text, str):
        return text if isinstance(text, str) else ""
    index = agency_index()
    return "; ".join(index.frame["name_en"].get(index.code(n)) or n for n in split_agency_list(text))


def register(tasks: pd.DataFrame, statuses: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Every task with its newest status, progress, and whether it is overdue or due soon.

    tasks: the catalog (task_no, due_date, recurrence, ...); statuses: current task statuses
    (task_no, period, period_start, period_end, status, progress_pct, note).
    """
    begun = statuses[pd.to_datetime(statuses["period_start"]).dt.date <= as_of]
    newest = begun.sort_values("period_end").groupby("task_no").tail(1).set_index("task_no")
    out = tasks.copy()
    for column in ("period", "status", "progress_pct", "note"):
        out[column] = out["task_no"].map(newest[column]) if column in newest else None
    out["status"] = out["status"].fillna("not_started")
    quarter = quarter_before(as_of)
    done_in_quarter = set(begun[(begun["status"] == "done")
                                & (pd.to_datetime(begun["period_end"]).dt.date >= quarter.start)
                                & (pd.to_datetime(begun["period_end"]).dt.date <= quarter.end)]["task_no"])
    due = pd.to_datetime(out["due_date"]).dt.date
    once = out["recurrence"] == "once"
    not_done = out["status"] != "done"
    out["overdue"] = (once & not_done & due.map(lambda d: d is not None and d == d and d < as_of)) | (
        (out["recurrence"] == "quarterly") & ~out["task_no"].isin(done_in_quarter))
    soon = as_of + timedelta(days=DUE_SOON_DAYS)
    out["due_soon"] = once & not_done & due.map(lambda d: d is not None and d == d and as_of <= d <= soon)
    out["elapsed_pct"], out["points_behind"] = zip(*[pace(d, p, as_of) for d, p in zip(due, out["progress_pct"])]) \
        if len(out) else ((), ())
    out["at_risk"] = once & not_done & ~out["overdue"] & (out["points_behind"].astype(float) >= AT_RISK_POINTS)
    out["state"] = out["status"].where(~out["overdue"], "overdue").where(~out["due_soon"], "due_soon")
    out["state"] = out["state"].where(~out["at_risk"], "at_risk").where(out["status"] != "done", "done")
    return out


def pace(due: date | None, progress: float | None, as_of: date) -> tuple[float, float]:
    """(share of the time from the plan's start to the due date that has elapsed, in %, and how many
    points the progress lies below it); (nan, nan) without a due date."""
    if due is None or due != due or due <= PLAN_START:
        return float("nan"), float("nan")
    elapsed = min(max((as_of - PLAN_START).days / (due - PLAN_START).days, 0.0), 1.0) * 100
    done = 0.0 if progress is None or progress != progress else float(progress)
    return elapsed, elapsed - done


def by_agency(table: pd.DataFrame, index) -> pd.DataFrame:
    """Per lead agency: tasks, done, overdue, at risk, due within 30 days (collective leads included)."""
    rows = []
    for _, task in table.iterrows():
        for name in split_agency_list(task["lead_agency"]):
            rows.append({"agency_code": index.code(name) or name, "done": task["status"] == "done",
                         "overdue": bool(task["overdue"]), "at_risk": bool(task.get("at_risk", False)),
                         "due_soon": bool(task["due_soon"])})
    frame = pd.DataFrame(rows)
    summary = frame.groupby("agency_code").agg(tasks=("done", "size"), done=("done", "sum"),
                                               overdue=("overdue", "sum"), at_risk=("at_risk", "sum"),
                                               due_soon=("due_soon", "sum"))
    return summary.reset_index().sort_values(["overdue", "at_risk", "due_soon", "tasks"], ascending=False,
                                             ignore_index=True)


def reporting_month(as_of: date) -> tuple[Period, date]:
    """(the month reported on in as_of's month, the deadline: the 15th of as_of's month)."""
    first = as_of.replace(day=1)
    before = first - timedelta(days=1)
    return Period(before.year, "M", before.month), first.replace(day=REPORT_DAY)


def compliance(targets: pd.DataFrame, tasks: pd.DataFrame, indicators: pd.DataFrame, reported_indicators: set,
               reported_tasks: set, agencies: pd.DataFrame, index, as_of: date) -> pd.DataFrame:
    """Every (non-collective) lead agency with: reported (bool) and state (reported | pending | late).

    reported_indicators / reported_tasks: the series and tasks with a figure or status covering the
    month before the as-of month.
    """
    _, deadline = reporting_month(as_of)
    series_of = indicators.groupby("target_code")["code"].agg(set).to_dict()
    duties: dict[str, dict] = {}
    for _, target in targets.iterrows():
        for name in split_agency_list(target["lead_agency"]):
            code = index.code(name) or name
            duties.setdefault(code, {"targets": set(), "tasks": set()})["targets"] |= series_of.get(target["code"], set())
    for _, task in tasks.iterrows():
        for name in split_agency_list(task["lead_agency"]):
            code = index.code(name) or name
            duties.setdefault(code, {"targets": set(), "tasks": set()})["tasks"].add(task["task_no"])
    collective = set(agencies.loc[agencies["collective"], "code"])
    rows = []
    for code, duty in duties.items():
        if code in collective:
            continue
        done = bool(duty["targets"] & reported_indicators) or bool(duty["tasks"] & reported_tasks)
        state = "reported" if done else ("pending" if as_of <= deadline else "late")
        rows.append({"agency_code": code, "targets": len(duty["targets"]), "tasks": len(duty["tasks"]),
                     "reported": done, "state": state, "deadline": deadline})
    order = {"late": 0, "pending": 1, "reported": 2}
    frame = pd.DataFrame(rows)
    return frame.sort_values(by=["state", "agency_code"], key=lambda c: c.map(order) if c.name == "state" else c,
                             ignore_index=True)

