"""The written summaries, in Vietnamese or English, made from the figures: one sentence for the
whole plan, one per pillar, and what changed since an earlier as-of date (the last meeting). The
deck's summary slide, the monthly report and the Overview page say the same sentences."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cantho_dash.words import status_label, t
from cantho_dash.words.formats import fmt_date

GOOD = ("achieved", "on_track")


@dataclass(frozen=True)
class Summary:
    overall: str
    pillars: tuple[str, ...]
    since: tuple[str, ...]          # empty without an earlier date


def _code_and_lead(rows: pd.DataFrame) -> str:
    """'CQS-05 (Sở Khoa học và Công nghệ), CQS-08 (...)': each target with who leads it."""
    return ", ".join(f"{r.code} ({r.lead_agency})" if isinstance(r.lead_agency, str) and r.lead_agency
                     else str(r.code) for r in rows.itertuples())


def overall(targets: pd.DataFrame, tasks: pd.DataFrame, lang: str = "vi") -> str:
    """One sentence: targets good of all, off track, at risk; tasks overdue and at risk."""
    status = targets["status"]
    return t("sum_counts", lang).format(good=int(status.isin(GOOD).sum()), total=len(targets),
                                        off=int((status == "off_track").sum()), risk=int((status == "at_risk").sum()),
                                        overdue=int(tasks["overdue"].astype(bool).sum()) if len(tasks) else 0,
                                        at_risk=int(tasks["at_risk"].astype(bool).sum()) if len(tasks) else 0)


def pillar_sentence(targets: pd.DataFrame, name: str, lang: str = "vi") -> str:
    """'Chính quyền số: 7/15 chỉ tiêu đạt hoặc đúng tiến độ; chậm tiến độ: CQS-05 (lead), …; có nguy cơ: …'."""
    ordered = targets.sort_values("code")
    parts = [t("sum_pillar", lang).format(pillar=name, good=int(ordered["status"].isin(GOOD).sum()),
                                          total=len(ordered))]
    off = ordered[ordered["status"] == "off_track"]
    if len(off):
        parts.append(t("sum_off", lang).format(items=_code_and_lead(off)))
    risk = ordered[ordered["status"] == "at_risk"]
    if len(risk):
        parts.append(t("sum_risk", lang).format(items=", ".join(risk["code"])))
    missing = ordered[ordered["status"].isin(("stale", "no_data"))]
    if len(missing):
        parts.append(t("sum_missing", lang).format(items=", ".join(missing["code"])))
    return "; ".join(parts) + "."


def pillar_sentences(targets: pd.DataFrame, pillars: pd.DataFrame, lang: str = "vi") -> tuple[str, ...]:
    """A sentence per pillar, in the plan's order."""
    column = "name_en" if lang == "en" else "name_vi"
    return tuple(pillar_sentence(targets[targets["pillar"] == p.code], getattr(p, column), lang)
                 for p in pillars.sort_values("sort_order").itertuples())


def _task_items(rows: pd.DataFrame, lang: str) -> str:
    return ", ".join(t("sum_task", lang).format(no=int(r.task_no), lead=r.lead_agency) for r in rows.itertuples())


def since_sentences(before: pd.DataFrame, now: pd.DataFrame, tasks_before: pd.DataFrame, tasks_now: pd.DataFrame,
                    since: date, today: date, league: pd.DataFrame | None = None, period_label: str = "",
                    previous_label: str = "", lang: str = "vi", movers: int = 3) -> tuple[str, ...]:
    """What changed from an earlier as-of date to this one: targets whose status changed (from → to),
    tasks completed and tasks newly overdue, and the wards that moved most in the latest DTI league."""
    out = [t("sum_since", lang).format(since=fmt_date(since, lang), today=fmt_date(today, lang))]
    joined = now[["code", "status"]].merge(before[["code", "status"]], on="code", suffixes=("", "_before"))
    changed = joined[joined["status"] != joined["status_before"]].sort_values("code")
    if len(changed):
        items = "; ".join(f"{r.code} {status_label(r.status_before, lang)} → {status_label(r.status, lang)}"
                          for r in changed.itertuples())
        out.append(t("sum_changed", lang).format(n=len(changed), items=items))
    else:
        out.append(t("sum_unchanged", lang))
    was = tasks_before.set_index("task_no")
    done = tasks_now[(tasks_now["status"] == "done")
                     & (tasks_now["task_no"].map(was["status"]).fillna("") != "done")]
    out.append(t("sum_done", lang).format(items=_task_items(done, lang)) if len(done) else t("sum_no_done", lang))
    late = tasks_now[tasks_now["overdue"].astype(bool)
                     & ~tasks_now["task_no"].map(was["overdue"]).fillna(False).astype(bool)]
    out.append(t("sum_overdue", lang).format(items=_task_items(late, lang)) if len(late)
               else t("sum_no_overdue", lang))
    if league is not None and len(league) and league["rank_change"].notna().any():
        moved = league[league["rank_change"].fillna(0) != 0]
        moved = moved.reindex(moved["rank_change"].abs().sort_values(ascending=False, kind="stable").index).head(movers)
        name = "name_en" if lang == "en" else "name_vi"
        items = ", ".join(t("sum_up" if r["rank_change"] > 0 else "sum_down", lang).format(
            name=r[name], n=int(abs(r["rank_change"]))) for _, r in moved.iterrows())
        if items:
            out.append(t("sum_movers", lang).format(period=period_label, previous=previous_label, items=items))
    return tuple(out)


def summary(targets: pd.DataFrame, pillars: pd.DataFrame, tasks: pd.DataFrame, lang: str = "vi",
            since: tuple[str, ...] = ()) -> Summary:
    """The whole summary; since: since_sentences' sentences (none without an earlier date)."""
    return Summary(overall(targets, tasks, lang), pillar_sentences(targets, pillars, lang), since)
