"""The tasks: the overdue ones as a table, and all of them on a timeline."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cantho_dash.domain import tasks
from cantho_dash.domain.vntext import distinct_cuts
from cantho_dash.present import timeline
from cantho_dash.scenes.base import Chart
from cantho_dash.words import t


@dataclass(frozen=True)
class Tasks:
    late: pd.DataFrame              # the overdue rows of the register
    overdue: pd.DataFrame           # the same as display text
    timeline: Chart
    states: dict[str, int]          # how many tasks are in each state (done, overdue, at risk, …)


def overdue_table(register: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The overdue tasks as a table: number, task, lead agency, deadline, progress."""
    return task_table(register[register["overdue"]], lang)


def task_table(late: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Some tasks of the register as a table: number, task, lead agency, deadline, progress."""
    return pd.DataFrame({
        t("col_task_no", lang): late["task_no"],
        t("col_task", lang): distinct_cuts(list(late["name_en" if lang == "en" else "name_vi"]), 110),
        t("col_lead", lang): [tasks.agency_label(a, lang) for a in late["lead_agency"]],
        t("col_deadline", lang): [tasks.deadline_label(d, lang) for d in late["deadline_text"]],
        t("col_progress", lang): [f"{int(p)}%" if p == p and p is not None else "–" for p in late["progress_pct"]],
    })


def task_scene(register: pd.DataFrame, as_of: date, lang: str = "vi") -> Tasks:
    """The tasks scene from the task register on the as-of date."""
    counts = register["state"].value_counts()
    return Tasks(register[register["overdue"]], overdue_table(register, lang),
                 Chart("tasks_timeline", t("tasks_timeline", lang), timeline.task_timeline(register, as_of, lang)),
                 {state: int(counts.get(state, 0)) for state in TASK_STATES})


TASK_STATES = ("done", "in_progress", "due_soon", "at_risk", "overdue", "blocked", "not_started")
