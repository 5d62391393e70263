"""The Streamlit side of tasks: the register for display, and the reporting-compliance notice."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from cantho_dash.present import theme
from cantho_dash.domain import tasks
from cantho_dash.web import session as ui
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_date
from cantho_dash.ingest.report import neutralise
from cantho_dash.web import cache


def register() -> pd.DataFrame:
    """The 51 tasks on the as-of date (cached until the next commit)."""
    return cache.task_register()


def compliance_notice() -> None:
    """Who has reported on last month: departments late (after the 15th), partly in, or not yet; and
    how many wards are complete, partly in, late (the unit page lists every unit)."""
    lang = ui.lang()
    month, deadline = tasks.reporting_month(ui.as_of())
    seen = cache.compliance()
    names = cache.agencies().set_index("code")["name_en" if lang == "en" else "name_vi"]
    heading = ui.tr("compliance").format(month=month.label(lang), deadline=fmt_date(deadline, lang))

    def name(code: str) -> str:              # agency names come from the catalog, which can be uploaded
        return ui.literal(names.get(code, code))

    late = [name(c) for c in seen["late"]]
    pending = [name(c) for c in seen["pending"]]
    partial = [f"{name(code)} ({reported}/{owed})" for code, reported, owed in seen["partial"]]
    ward_line = ui.tr("compliance_wards").format(**{s: seen["wards"].get(s, 0) for s in ("reported", "partial", "pending", "late")})
    if late:
        st.error(f"**{heading}** · {ui.tr('compliance_late').format(names='; '.join(late))}", icon=":material/schedule:")
    if pending:
        st.info(f"**{heading}** · {ui.tr('compliance_pending').format(names='; '.join(pending))}",
                icon=":material/hourglass_top:")
    if partial:
        st.warning(f"**{heading}** · {ui.tr('compliance_partial').format(names='; '.join(partial))}",
                   icon=":material/rule:")
    if not late and not pending and not partial:
        st.success(f"**{heading}** · {ui.tr('compliance_all')}", icon=":material/task_alt:")
    st.caption(ward_line)


def table(frame: pd.DataFrame):
    """The register as a readable table, the state cells in their colour (a Styler, no HTML)."""
    lang = ui.lang()
    shown = pd.DataFrame({
        t("col_task_no", lang): frame["task_no"],
        t("col_status", lang): [t(f"task_{s}", lang) for s in frame["state"]],
        t("col_progress", lang): [f"{int(p)}%" if pd.notna(p) else "–" for p in frame["progress_pct"]],
        t("col_deadline", lang): [tasks.deadline_label(d, lang) for d in frame["deadline_text"]],
        t("col_task", lang): frame["name_en" if lang == "en" else "name_vi"],
        t("col_lead", lang): [tasks.agency_label(a, lang) for a in frame["lead_agency"]],
        t("col_coord", lang): [tasks.agency_label(a, lang) for a in frame["coordinating_agencies"]],
        t("col_period", lang): [ui.period_label(p) if isinstance(p, str) else "–" for p in frame["period"]],
        # the agency's words; a formula-like note is neutralised for the table's CSV download
        t("col_note", lang): frame["note"].fillna("").map(neutralise),
    })
    colours = [f"background-color: {theme.TASK_STATE_COLORS[s]}; color: white" for s in frame["state"]]
    return shown.style.apply(lambda _: colours, subset=[t("col_status", lang)])


def summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per lead agency: tasks, done, overdue, at risk, due within 30 days."""
    lang = ui.lang()
    from cantho_dash.domain.catalog import agency_index

    rows = tasks.by_agency(frame, agency_index())
    names = cache.agencies().set_index("code")["name_en" if lang == "en" else "name_vi"]
    return pd.DataFrame({
        t("col_agency", lang): [names.get(c, c) for c in rows["agency_code"]],
        t("col_tasks", lang): rows["tasks"], t("col_done", lang): rows["done"],
        t("col_overdue", lang): rows["overdue"], t("task_at_risk", lang): rows["at_risk"],
        t("col_due_soon", lang): rows["due_soon"],
    })
