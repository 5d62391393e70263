"""The Streamlit side of uploads: templates, checking with a progress bar, the report, the preview,
committing, and the history with rollback. Uploaded text is shown in tables only, never as HTML."""
from __future__ import annotations

import ctypes
import gc
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from cantho_dash import config
from cantho_dash.facts import targets as target_facts
from cantho_dash.store import queries
from cantho_dash.present.tables import grid_safe
from cantho_dash.web import session as ui
from cantho_dash.words import status_label
from cantho_dash.words.formats import fmt_date, fmt_decimal, fmt_number
from cantho_dash.store import archive, versions
from cantho_dash.ingest import pipeline, report, templates
from cantho_dash.ingest import summary as read_summary
from cantho_dash.ingest.kinds import KINDS
from cantho_dash.domain.periods import parse_period
from cantho_dash.web import cache

BIG_FILE_BYTES = 2_000_000   # about 50,000 rows: show a progress bar


@st.cache_data(ttl=600, show_spinner=False)
def _template_xlsx(url: str, version: int, kind: str) -> bytes:
    engine = ui.engine_for(url)
    sheets: dict[str, pd.DataFrame] = {}
    if kind in ("observations", "targets"):
        specs = target_facts.indicator_catalog(engine)
        sheets["Chỉ tiêu"] = specs[["code", "name_vi", "unit", "comparator", "target_value"]].set_axis(
            ["Mã", "Tên", "Đơn vị tính", "So sánh", "Mục tiêu"], axis=1)
    if kind in ("observations", "unit_scores"):
        sheets["Xã phường"] = queries.wards(engine)[["code", "name_vi", "ward_type"]].set_axis(
            ["Mã", "Tên", "Loại"], axis=1)
    if kind in ("unit_scores", "targets"):
        sheets["Đơn vị"] = queries.agencies(engine)[["code", "name_vi", "agency_type"]].set_axis(
            ["Mã", "Tên", "Loại"], axis=1)
    if kind == "task_status":
        sheets["Nhiệm vụ"] = queries.tasks(engine)[["task_no", "name_vi", "lead_agency", "deadline_text"]].set_axis(
            ["Số", "Nhiệm vụ", "Chủ trì", "Thời hạn"], axis=1)
    return templates.template_xlsx(kind, sheets)


def templates_section() -> None:
    """Download buttons for every kind's template, as CSV and as .xlsx."""
    with st.expander(ui.tr("templates"), icon=":material/download:"):
        st.caption(ui.tr("templates_help"))
        for kind in KINDS:
            left, csv_col, xlsx_col = st.columns([3, 1, 1])
            left.write(ui.tr(f"kind_{kind}"))
            csv_col.download_button("CSV", templates.template_csv(kind), file_name=f"mau_{kind}.csv",
                                    mime="text/csv", key=f"tpl_csv_{kind}", icon=":material/table:")
            xlsx_col.download_button("Excel", _template_xlsx(*ui.cache_key(), kind), file_name=f"mau_{kind}.xlsx",
                                     mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                     key=f"tpl_xlsx_{kind}", icon=":material/grid_on:")
        st.subheader(ui.tr("layouts_read"))
        english = ui.lang() == "en"
        st.caption(templates.READ_FORMATS_EN if english else templates.READ_FORMATS)
        for vi, en, rows in templates.LAYOUTS:
            st.caption(en if english else vi)
            st.table(pd.DataFrame(rows[1:], columns=rows[0]).set_index(rows[0][0]))


def max_upload_mb() -> int:
    """The upload limit in MB (CANTHO_MAX_UPLOAD_MB)."""
    return config.settings().max_upload_mb


def check(uploaded, kind: str | None, unit: str | None = None) -> pipeline.Checked:
    """Check an uploaded file once per file (kept in the session), with a progress bar for big ones;
    unit: the writer's reporting unit, whose rights the rows are checked against."""
    return _check(uploaded.getvalue(), uploaded.name, kind, unit, uploaded.file_id, "checked")


def check_bytes(data: bytes, name: str, kind: str | None, unit: str | None) -> pipeline.Checked:
    """Check what a unit typed (the CSV it stands for), once per content."""
    import hashlib

    return _check(data, name, kind, unit, hashlib.sha256(data).hexdigest(), f"checked_{kind}")


def _check(data: bytes, name: str, kind: str | None, unit: str | None, identity: str, slot: str) -> pipeline.Checked:
    key = (slot, identity, kind, unit, ui.data_version())
    if st.session_state.get(f"{slot}_key") != key:
        bar = st.progress(0.0, text=ui.tr("checking")) if len(data) > BIG_FILE_BYTES else None
        tell = (lambda share, label: bar.progress(share, text=ui.tr("checking"))) if bar else None
        with st.spinner(ui.tr("checking")), _stopping_on_full_disk():
            checked = pipeline.check(ui.engine(), data, name, kind, as_of=ui.as_of(), progress=tell, unit=unit)
        if bar:
            bar.empty()
            _give_back_memory()
        st.session_state[f"{slot}_key"], st.session_state[slot] = key, checked
    return st.session_state[slot]


def forget_checked(slot: str | None = None) -> None:
    """The session lets go of what it checked: one slot ('checked', the chosen file's, once the file
    is removed from the page) or every one (after a commit)."""
    slots = [slot, f"{slot}_key"] if slot else [k for k in st.session_state if str(k).startswith("checked")]
    for name in slots:
        st.session_state.pop(name, None)


@contextmanager
def _stopping_on_full_disk():
    """A full disk while checking or committing: its plain refusal on the page, and the run stops."""
    try:
        yield
    except archive.DiskFull as full:
        st.error(full.strerror, icon=":material/hard_drive:")
        st.stop()


def _give_back_memory() -> None:
    """Return the memory a big check (one with a progress bar) freed to the system: glibc keeps freed
    heap otherwise, and one refused 50 MB file would leave the server hundreds of megabytes bigger."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: the allocator keeps its own ways
        pass


def duplicate_message(checked: pipeline.Checked) -> str:
    """When the same file was imported before, and by whom."""
    return str(pipeline.DuplicateUpload(checked.duplicate_of))


ENCODING_LABELS = {"utf-8": "CSV UTF-8", "utf-8-sig": "CSV UTF-8 (BOM)", "utf-16": "CSV UTF-16 (Unicode Text)",
                   "utf-16-le": "CSV UTF-16 (Unicode Text)", "utf-16-be": "CSV UTF-16 (Unicode Text)",
                   "windows-1258": "CSV Windows-1258", "xlsx": "Excel .xlsx", "xls": "Excel 97-2003 .xls",
                   "ods": "LibreOffice .ods", "html": "HTML (.xls)"}
UPLOAD_TYPES = ["csv", "txt", "xlsx", "xls", "ods", "htm", "html"]


def kind_label(kind: str) -> str:
    """An upload's kind (or kinds, 'observations,task_status') in the chosen language."""
    return " + ".join(ui.tr(f"kind_{k}") for k in str(kind).split(","))


def show_problems(checked: pipeline.Checked, key: str = "report_csv", rows: dict[int, str] | None = None) -> None:
    """The rejection: how many problems, each with line, column, value and reason, and the CSV.
    rows: for typed entries, what each line is about (the problem is shown on its row)."""
    problems = checked.problems
    st.error(ui.tr("rejected").format(n=fmt_number(len(problems), 0, ui.lang())), icon=":material/block:")
    reason = "reason_en" if ui.lang() == "en" else "reason_vi"
    shown = ["sheet"] if problems["sheet"].fillna("").astype(str).str.strip().any() else []
    if rows is not None:
        problems = problems.assign(sheet=[rows.get(int(n), "") if pd.notna(n) else "" for n in problems["line"]])
        shown = ["sheet"]
    table = problems[[*shown, "line", "column", "value", reason]].rename(columns={
        "sheet": ui.tr("col_row") if rows is not None else ui.tr("col_sheet"), "line": ui.tr("col_line"),
        "column": ui.tr("col_column"), "value": ui.tr("col_given"), reason: ui.tr("col_reason")})
    st.dataframe(grid_safe(table.head(2000)), hide_index=True, width="stretch", column_config={
        ui.tr("col_line"): st.column_config.NumberColumn(width=70, format="%d"),
        ui.tr("col_column"): st.column_config.TextColumn(width=140),
        ui.tr("col_given"): st.column_config.TextColumn(width=180),
        ui.tr("col_reason"): st.column_config.TextColumn(width="large")})
    st.download_button(ui.tr("download_report"), report.to_csv(checked.problems), file_name="bao_cao_loi.csv",
                       mime="text/csv", icon=":material/download:", key=key)


def show_preview(checked: pipeline.Checked) -> None:
    """What committing would change: counts, the ten biggest changes, the targets that change status."""
    lang = ui.lang()
    table = checked.staged.table
    st.caption(ui.tr("file_kind").format(kind=kind_label(checked.kind), rows=fmt_number(checked.staged.rows, 0, lang),
                                        encoding=ENCODING_LABELS.get(table.encoding, table.encoding)))
    ignored = list(dict.fromkeys(h for part in checked.staged.each if part.table for h in part.table.ignored))
    lines = [ui.tr("ignored_columns").format(cols=", ".join(h or "–" for h in ignored))] if ignored else []
    lines += [en if lang == "en" else vi for vi, en in read_summary.lines(checked.staged.book)]
    if lines:
        st.text("\n".join(lines))   # headers and sheet names come from the file: plain text, never markdown
    new, changed, same = st.columns(3)
    new.metric(ui.tr("rows_new"), fmt_number(checked.counts["new"], 0, lang), border=True)
    changed.metric(ui.tr("rows_changed"), fmt_number(checked.counts["changed"], 0, lang), border=True)
    same.metric(ui.tr("rows_unchanged"), fmt_number(checked.counts["unchanged"], 0, lang), border=True)
    if checked.top_changes is not None and len(checked.top_changes):
        st.subheader(ui.tr("biggest_changes"))
        st.dataframe(grid_safe(_changes_table(checked.top_changes)), hide_index=True, width="stretch")
    st.subheader(ui.tr("status_changes"))
    changes = checked.status_changes
    if changes is None or changes.empty:
        st.caption(ui.tr("no_status_changes"))
    else:
        st.dataframe(pd.DataFrame({
            ui.tr("col_code"): changes["code"],
            ui.tr("col_before"): [status_label(s, lang) if isinstance(s, str) else "–" for s in changes["status_before"]],
            ui.tr("col_after"): [status_label(s, lang) if isinstance(s, str) else "–" for s in changes["status_after"]],
        }), hide_index=True, width="stretch")


def _changes_table(top: pd.DataFrame) -> pd.DataFrame:
    lang = ui.lang()
    out = top.copy()
    for col in ("old_value", "new_value"):
        out[col] = [fmt_decimal(v, 2, lang) for v in out[col]]
    if "period" in out:
        out["period"] = [parse_period(p).label(lang) for p in out["period"]]
    return out.rename(columns={"indicator_code": ui.tr("col_code"), "area_code": ui.tr("col_area"),
                               "period": ui.tr("col_period"), "old_value": ui.tr("col_old"),
                               "new_value": ui.tr("col_new")})


def commit(checked: pipeline.Checked, user: str) -> int:
    """Write the checked upload; the session forgets it, and every page reads the new version."""
    with _stopping_on_full_disk():
        upload_id = pipeline.commit(ui.engine(), checked, user)
    ui.forget_version()
    forget_checked()
    return upload_id


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    """The upload history for display."""
    lang = ui.lang()
    return pd.DataFrame({
        ui.tr("col_id"): history["id"],
        ui.tr("col_kind"): [kind_label(k) for k in history["kind"]],
        ui.tr("col_state"): [ui.tr(f"state_{s}") for s in history["status"]],
        ui.tr("col_file"): [ui.tr("demo_data") if demo else ("" if pd.isna(f) else f)
                            for f, demo in zip(history["filename"], history["is_demo"])],
        ui.tr("col_by"): [ui.tr(f"actor_{u}") if u in ("demo", "system") else u for u in history["uploaded_by"]],
        ui.tr("col_at"): [fmt_date(pd.Timestamp(t).to_pydatetime(), lang) for t in history["uploaded_at"]],
        ui.tr("col_rows"): [fmt_number(n, 0, lang) for n in history["rows_total"]],
        ui.tr("rows_new"): [fmt_number(n, 0, lang) if pd.notna(n) else "–" for n in history["rows_new"]],
        ui.tr("rows_changed"): [fmt_number(n, 0, lang) if pd.notna(n) else "–" for n in history["rows_changed"]],
    })


def history() -> pd.DataFrame:
    """Every upload, newest first."""
    return versions.history(ui.engine())


def archived_file(upload: dict) -> tuple[bytes, str] | None:
    """The archived original of an upload (found by its SHA-256, never by its name), with a download name."""
    found = archive.find(upload.get("sha256"))
    return (found[0], f"upload_{upload['id']}.{found[1]}") if found else None


def demo_active() -> bool:
    """Whether demo rows are shown (the 'clear the demo data' button is offered then)."""
    return cache.demo_active()


def clear_demo(actor: str) -> int:
    """Remove the demo rows (an analyst's action, audited under their name)."""
    cleared = versions.clear_demo(ui.engine(), actor)
    ui.forget_version()
    return cleared


def roll(upload_id: int, undo: bool, user: str, unit: str | None = None) -> str | None:
    """Roll an upload back (or undo that); returns an error message, or None."""
    try:
        (versions.restore if undo else versions.rollback)(ui.engine(), upload_id, user, unit)
    except versions.UploadActionError as exc:
        return str(exc)
    finally:
        ui.forget_version()
    return None
