"""Cần chỉ đạo (needs direction): what a leader must act on, each item with who answers for it and
by how much — the targets furthest behind their path, the overdue tasks, the tasks at risk, and the
departments late in reporting. The briefing wall shows it first; the Overview shows the same block."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cantho_dash.domain import targets as target_rules
from cantho_dash.domain import tasks as task_rules
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_number

ITEMS = 5       # rows per block: what a wall screen shows legibly


@dataclass(frozen=True)
class Direction:
    behind: pd.DataFrame            # targets: code and short name, lead agency, value, path, points behind
    overdue: pd.DataFrame           # tasks past their deadline: number, task, lead agency, days late
    at_risk: pd.DataFrame           # tasks well behind their time: number, task, lead, progress, elapsed, behind
    late: pd.DataFrame              # departments late in reporting: unit, missing items, days late
    counts: dict[str, int]          # how many of each in all (a block shows at most ITEMS)


def direction(targets: pd.DataFrame, register: pd.DataFrame, reporting: pd.DataFrame, as_of: date,
              lang: str = "vi", items: int = ITEMS) -> Direction:
    """The needs-direction scene from the targets' status, the task register and the reporting state."""
    lagging = targets[targets["status"].isin(["off_track", "at_risk"])]
    behind = target_rules.behind_pace(lagging, n=len(lagging))
    overdue = register[register["overdue"]].copy()
    overdue["days_late"] = [_days_late(r, as_of) for r in overdue.to_dict("records")]
    overdue = overdue.sort_values(["days_late", "task_no"], ascending=[False, True])
    risky = register[register["at_risk"]].sort_values("points_behind", ascending=False)
    late = reporting[(reporting["unit_type"] == "department") & reporting["state"].isin(["late", "partial"])]
    late = late.sort_values(["missing", "unit_code"], ascending=[False, True])
    return Direction(_targets_table(behind.head(items), lang), _overdue_table(overdue.head(items), lang),
                     _risk_table(risky.head(items), lang), _late_table(late.head(items), as_of, lang),
                     {"behind": len(behind), "overdue": len(overdue), "at_risk": len(risky), "late": len(late)})


def _days_late(task: dict, as_of: date) -> int:
    """Days since a one-off task's due date (a quarterly one: since its last quarter ended)."""
    due = task.get("due_date")
    if task.get("recurrence") == "once" and isinstance(due, date):
        return (as_of - due).days
    return (as_of - task_rules.quarter_before(as_of).end).days


def _name(row: pd.Series, lang: str, limit: int = 70) -> str:
    text = str(row["name_en" if lang == "en" else "name_vi"])
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _targets_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    short = "short_en" if lang == "en" else "short_vi"
    return pd.DataFrame({
        t("col_code", lang): rows["code"],
        t("col_name", lang): [r[short] if isinstance(r.get(short), str) else _name(r, lang) for _, r in rows.iterrows()],
        t("col_lead", lang): [task_rules.agency_label(a, lang) for a in rows["lead_agency"]],
        t("col_value", lang): [fmt_number(v, 1, lang) for v in rows["value"]],
        t("col_expected", lang): [fmt_number(v, 1, lang) for v in rows["expected"]],
        t("col_points_behind", lang): [fmt_number(v, 1, lang) for v in rows["pace_gap"]],
    })


def _overdue_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_task_no", lang): rows["task_no"],
        t("col_task", lang): [_name(r, lang) for _, r in rows.iterrows()],
        t("col_lead", lang): [task_rules.agency_label(a, lang) for a in rows["lead_agency"]],
        t("col_deadline", lang): [task_rules.deadline_label(d, lang) for d in rows["deadline_text"]],
        t("col_days_late", lang): rows["days_late"].astype(int) if len(rows) else [],
    })


def _risk_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_task_no", lang): rows["task_no"],
        t("col_task", lang): [_name(r, lang) for _, r in rows.iterrows()],
        t("col_lead", lang): [task_rules.agency_label(a, lang) for a in rows["lead_agency"]],
        t("col_progress", lang): [f"{fmt_number(p if p == p else 0, 0, lang)}%" for p in rows["progress_pct"]],
        t("col_elapsed", lang): [f"{fmt_number(e, 0, lang)}%" for e in rows["elapsed_pct"]],
        t("col_points_behind", lang): [fmt_number(b, 0, lang) for b in rows["points_behind"]],
    })


def _late_table(rows: pd.DataFrame, as_of: date, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("col_unit", lang): rows["name_en" if lang == "en" else "name_vi"],
        t("col_missing", lang): rows["missing"],
        t("col_days_late", lang): [(as_of - d).days for d in pd.to_datetime(rows["deadline"]).dt.date],
    })
