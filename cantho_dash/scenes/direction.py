"""Cần chỉ đạo (needs direction): what a leader must act on, each item with who answers for it and
by how much — the targets furthest behind their path, the overdue tasks, the tasks at risk, and the
departments late in reporting. The briefing wall shows it first; the Overview shows the same block."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cantho_dash.domain import targets as target_rules
from cantho_dash.domain import tasks as task_rules
from cantho_dash.domain.vntext import distinct_cuts, shorten
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_number, fmt_value

WALL_NAME = 45        # characters of a task's name on a wall line (wall.items cuts the line again)
ITEMS = 5       # rows per block: what a wall screen shows legibly


@dataclass(frozen=True)
class Direction:
    behind: pd.DataFrame            # targets: code and short name, lead agency, value, path, points behind
    overdue: pd.DataFrame           # tasks past their deadline: number, task, lead agency, days late
    at_risk: pd.DataFrame           # tasks well behind their time: number, task, lead, progress, elapsed, behind
    late: pd.DataFrame              # departments late in reporting: unit, missing items, days late
    counts: dict[str, int]          # how many of each in all (a block shows at most ITEMS)
    items: dict[str, list[tuple[str, str, str]]]    # per block, the wall's lines: title, who and what, by how much


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
    counts = {"behind": len(behind), "overdue": len(overdue), "at_risk": len(risky), "late": len(late)}
    behind, overdue, risky, late = behind.head(items), overdue.head(items), risky.head(items), late.head(items)
    return Direction(_targets_table(behind, lang), _overdue_table(overdue, lang), _risk_table(risky, lang),
                     _late_table(late, as_of, lang), counts, _items(behind, overdue, risky, late, as_of, lang))


def _items(behind, overdue, risky, late, as_of: date, lang: str) -> dict[str, list[tuple[str, str, str]]]:
    """The blocks as lines for the wall: what, who answers and the figure, by how much."""
    def n(value, decimals=1):
        return fmt_number(value, decimals, lang)

    def named(rows: pd.DataFrame) -> list[str]:      # a wall line holds about 45 characters of a task's name
        return distinct_cuts([str(v) for v in rows["name_en" if lang == "en" else "name_vi"]], WALL_NAME)
    overdue_names, risky_names = named(overdue), named(risky)
    return {
        "behind": [(f"{r['code']} · {r['short_en' if lang == 'en' else 'short_vi'] or r['code']}",
                    t("wall_value_meta", lang).format(lead=task_rules.agency_label(r["lead_agency"], lang),
                                                      value=fmt_value(r["value"], r["unit"], lang),
                                                      expected=fmt_value(r["expected"], r["unit"], lang)),
                    t("wall_share_behind", lang).format(n=n(100 * r["pace_gap"])))     # what they are sorted by
                   for r in behind.to_dict("records")],
        "overdue": [(f"{t('col_task_no', lang)} {r['task_no']} · {name}",
                     f"{task_rules.agency_label(r['lead_agency'], lang)} · "
                     f"{t('wall_due', lang).format(d=task_rules.deadline_label(r['deadline_text'], lang))}",
                     t("wall_days", lang).format(n=int(r["days_late"])))
                    for r, name in zip(overdue.to_dict("records"), overdue_names)],
        "at_risk": [(f"{t('col_task_no', lang)} {r['task_no']} · {name}",
                     t("wall_progress_meta", lang).format(lead=task_rules.agency_label(r["lead_agency"], lang),
                                                          progress=n(r["progress_pct"] if r["progress_pct"] == r["progress_pct"] else 0, 0),
                                                          elapsed=n(r["elapsed_pct"], 0)),
                     t("wall_points", lang).format(n=f"{n(r['points_behind'], 0)} {t('wall_pp', lang)}"))
                    for r, name in zip(risky.to_dict("records"), risky_names)],
        "late": [(r["name_en" if lang == "en" else "name_vi"], t("wall_missing", lang).format(n=int(r["missing"])),
                  t("wall_days", lang).format(n=(as_of - pd.Timestamp(r["deadline"]).date()).days))
                 for r in late.to_dict("records")],
    }


def _days_late(task: dict, as_of: date) -> int:
    """Days since a one-off task's due date (a quarterly one: since its last quarter ended)."""
    due = task.get("due_date")
    if task.get("recurrence") == "once" and isinstance(due, date):
        return (as_of - due).days
    return (as_of - task_rules.quarter_before(as_of).end).days


def _name(row, lang: str, limit: int = 70) -> str:
    text = str(row["name_en" if lang == "en" else "name_vi"])
    return shorten(text, limit)


def _targets_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    short = "short_en" if lang == "en" else "short_vi"
    return pd.DataFrame({
        t("col_code", lang): rows["code"],
        t("col_name", lang): [r[short] if isinstance(r.get(short), str) else _name(r, lang) for _, r in rows.iterrows()],
        t("col_lead", lang): [task_rules.agency_label(a, lang) for a in rows["lead_agency"]],
        t("col_value", lang): [fmt_number(v, 1, lang) for v in rows["value"]],
        t("col_expected", lang): [fmt_number(v, 1, lang) for v in rows["expected"]],
        t("col_points_behind", lang): [fmt_number(v, 1, lang) for v in rows["behind"]],
        t("col_share_behind", lang): [fmt_number(100 * v, 1, lang) for v in rows["pace_gap"]],
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
