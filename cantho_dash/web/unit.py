"""The Streamlit side of "Báo cáo của đơn vị": what a unit owes for the month, an entry form that goes
through the upload's own checks, preview and commit, the unit's prefilled templates, and (for
city analysts) every unit's reporting."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from cantho_dash.domain import reporting
from cantho_dash.present.tables import grid_safe
from cantho_dash.web import session as ui, upload as ui_ingest
from cantho_dash.domain.catalog import CITY
from cantho_dash.words.formats import fmt_date, fmt_decimal, fmt_number
from cantho_dash.ingest import entry, pipeline, report
from cantho_dash.domain.scope import is_ward
from cantho_dash.domain.tasks import reporting_month
from cantho_dash.web import cache

STATUS_WORDS = ("Chưa triển khai", "Đang thực hiện", "Hoàn thành", "Vướng mắc")
STATUS_OF = {"not_started": "Chưa triển khai", "in_progress": "Đang thực hiện", "done": "Hoàn thành",
             "blocked": "Vướng mắc"}


def _names() -> dict[str, str]:
    lang = ui.lang()
    agencies = cache.agencies().set_index("code")["name_en" if lang == "en" else "name_vi"].to_dict()
    return agencies | cache.wards().set_index("code")["name_vi"].to_dict() | {CITY: ui.tr("whole_city")}


def choose_unit(account) -> str | None:
    """The account's own unit; a city analyst picks any unit (None: the city's view)."""
    if account.unit:
        st.caption(ui.tr("unit_of_account").format(unit=ui.literal(_names().get(account.unit, account.unit))))
        return account.unit
    table = cache.reporting()
    options = [None, *table["unit_code"]]
    names = _names()
    return st.selectbox(ui.tr("choose_unit"), options, key="unit_choice",
                        format_func=lambda c: ui.tr("city_view") if c is None else f"{names.get(c, c)} ({c})")


def status_line(report_rows: pd.DataFrame) -> None:
    """'Đã báo cáo 5/7 · hạn 15/12/2026 · còn 3 ngày', or 'Quá hạn 2 ngày'."""
    lang = ui.lang()
    month, deadline = reporting_month(ui.as_of())
    done, owed = int(report_rows["is_in"].sum()), len(report_rows)
    days = reporting.days_to_deadline(ui.as_of())
    when = ui.tr("days_left").format(n=days) if days >= 0 else ui.tr("days_late").format(n=-days)
    line = ui.tr("unit_status").format(done=done, owed=owed, deadline=fmt_date(deadline, lang), when=when)
    st.subheader(ui.tr("unit_month").format(month=month.label(lang)))
    (st.success if done >= owed else st.error if days < 0 else st.info)(line)


def owed_table(report_rows: pd.DataFrame) -> None:
    """Each item owed: what, where, the last value and period, whether this month is in."""
    lang = ui.lang()
    names, labels = _names(), cache.target_labels().set_index("code")["short_en" if lang == "en" else "short_vi"]
    _, deadline = reporting_month(ui.as_of())
    st.dataframe(pd.DataFrame({
        ui.tr("col_item"): [f"{c} · {labels.get(c, c)}" if k == "observations" else f"{ui.tr('col_task_no')} {c}"
                            for k, c in zip(report_rows["kind"], report_rows["code"])],
        ui.tr("col_area"): [names.get(a, a) if isinstance(a, str) else "–" for a in report_rows["area"]],
        ui.tr("col_last"): [_last(r) for r in report_rows.itertuples()],
        ui.tr("col_last_period"): [ui.period_label(p) if isinstance(p, str) else "–" for p in report_rows["last_period"]],
        ui.tr("col_this_month"): [ui.tr("is_in") if v else ui.tr("not_in") for v in report_rows["is_in"]],
        ui.tr("col_deadline"): fmt_date(deadline, lang),
    }), hide_index=True, width="stretch", height=min(40 + 35 * len(report_rows), 600))


def _last(row) -> str:
    if row.kind == "observations":
        return fmt_decimal(row.last_value, 2, ui.lang()) if pd.notna(row.last_value) else "–"
    if isinstance(row.last_status, str):
        progress = f" ({fmt_number(row.last_progress, 0, ui.lang())}%)" if pd.notna(row.last_progress) else ""
        return f"{ui.tr('task_' + row.last_status)}{progress}"
    return "–"


def entry_form(unit: str, report_rows: pd.DataFrame, account) -> None:
    """The month's figures and task statuses typed in a grid, checked like a file, previewed, committed."""
    month, _ = reporting_month(ui.as_of())
    names = _names()
    figures = report_rows[report_rows["kind"] == "observations"]
    tasks = report_rows[report_rows["kind"] == "task_status"]
    tabs = st.tabs([ui.tr("entry_figures"), ui.tr("entry_tasks")]) if len(tasks) and len(figures) else [st.container()]
    if len(figures):
        with tabs[0]:
            grid = pd.DataFrame({"code": figures["code"], "area": figures["area"],
                                 "area_name": [names.get(a, a) for a in figures["area"]],
                                 "last": [fmt_decimal(v, 2, ui.lang()) if pd.notna(v) else "" for v in figures["last_value"]],
                                 "value": "", "note": ""})
            edited = st.data_editor(grid, key=f"entry_obs_{unit}_{month.code}", hide_index=True, width="stretch",
                                    disabled=["code", "area", "area_name", "last"], column_config={
                                        "code": ui.tr("col_code"), "area": None, "area_name": ui.tr("col_area"),
                                        "last": ui.tr("col_last"),
                                        "value": st.column_config.TextColumn(ui.tr("col_value_month").format(
                                            month=month.label(ui.lang())), help=ui.tr("entry_value_help")),
                                        "note": st.column_config.TextColumn(ui.tr("col_note"), max_chars=500)})
            _submit("observations", entry.figures_csv(edited, month), unit, month, account)
    if len(tasks):
        with tabs[-1]:
            grid = pd.DataFrame({"task_no": tasks["code"].astype(int),
                                 "last": [STATUS_OF.get(s, "") if isinstance(s, str) else "" for s in tasks["last_status"]],
                                 "status": None, "progress": "", "note": ""})
            edited = st.data_editor(grid, key=f"entry_tasks_{unit}_{month.code}", hide_index=True, width="stretch",
                                    disabled=["task_no", "last"], column_config={
                                        "task_no": ui.tr("col_task_no"), "last": ui.tr("col_last"),
                                        "status": st.column_config.SelectboxColumn(ui.tr("col_status"), options=STATUS_WORDS),
                                        "progress": st.column_config.TextColumn(ui.tr("col_progress")),
                                        "note": st.column_config.TextColumn(ui.tr("col_note"), max_chars=500)})
            _submit("task_status", entry.tasks_csv(edited, month), unit, month, account)


def _submit(kind: str, data: bytes | None, unit: str, month, account) -> None:
    """Check the typed rows as an upload; show the problems on their rows, or the preview and the commit."""
    key = f"entry_{kind}"
    if data is None:
        st.caption(ui.tr("entry_empty"))
        return
    name = f"nhap_tay_{unit}_{month.code}_{kind}.csv"
    checked = ui_ingest.check_bytes(data, name, kind, unit)
    if checked.duplicate_of:
        st.info(ui_ingest.duplicate_message(checked), icon=":material/content_copy:")
        return
    if not checked.ok:
        ui_ingest.show_problems(checked, key=f"{key}_report", rows=entry.rows_of(data))
        return
    ui_ingest.show_preview(checked)
    if st.button(ui.tr("confirm"), type="primary", icon=":material/save:", key=f"{key}_confirm"):
        upload_id = ui_ingest.commit(checked, account.name)
        st.session_state.pop(f"entry_obs_{unit}_{month.code}", None)
        st.session_state.pop(f"entry_tasks_{unit}_{month.code}", None)
        st.session_state["upload_done"] = ui.tr("committed").format(id=upload_id, n=checked.staged.rows)
        st.rerun()


def templates(unit: str, report_rows: pd.DataFrame) -> None:
    """The unit's own templates, prefilled with what it owes (CSV and Excel)."""
    month, _ = reporting_month(ui.as_of())
    st.subheader(ui.tr("unit_templates"))
    csv_col, xlsx_col = st.columns(2)
    rows = entry.template_rows(report_rows, month)
    csv_col.download_button("CSV", entry.template_csv(rows), file_name=f"mau_{unit}_{month.code}.csv", mime="text/csv",
                            icon=":material/table:", key="unit_tpl_csv")
    xlsx_col.download_button("Excel", entry.template_xlsx(rows), file_name=f"mau_{unit}_{month.code}.xlsx",
                             mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             icon=":material/grid_on:", key="unit_tpl_xlsx")


def city_view() -> None:
    """Every unit's reporting on the month: departments and wards, sortable, as CSV."""
    lang = ui.lang()
    month, deadline = reporting_month(ui.as_of())
    table = cache.reporting()
    st.subheader(ui.tr("compliance").format(month=month.label(lang), deadline=fmt_date(deadline, lang)))
    for kind in ("department", "ward"):
        rows = table[table["unit_type"] == kind]
        st.markdown(f"**{ui.tr('group_departments' if kind == 'department' else 'group_wards')}**")
        shown = pd.DataFrame({ui.tr("col_unit"): rows["name_en" if lang == "en" else "name_vi"],
                              ui.tr("col_code"): rows["unit_code"], ui.tr("col_owed"): rows["owed"],
                              ui.tr("col_reported"): rows["reported"], ui.tr("col_missing"): rows["missing"],
                              ui.tr("col_state"): [ui.tr(f"report_{s}") for s in rows["state"]]})
        st.dataframe(grid_safe(shown), hide_index=True, width="stretch", height=min(40 + 35 * len(shown), 500))
        st.download_button(ui.tr("download_csv"), report.to_plain_csv(shown), file_name=f"bao_cao_{kind}_{month.code}.csv",
                           mime="text/csv", key=f"reporting_csv_{kind}", icon=":material/download:")


def ward_or_department(unit: str) -> str:
    return "ward" if is_ward(unit) else "department"


__all__ = ["choose_unit", "status_line", "owed_table", "entry_form", "templates", "city_view", "pipeline"]
