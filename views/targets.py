"""Chỉ tiêu: every target with its gauge and trend, filterable, and as a table."""
import streamlit as st

from cantho_dash.present import gauges, tables, trend, wall
from cantho_dash.scenes import pillar as pillar_scene
from cantho_dash.scenes import targets as targets_scene
from cantho_dash.web import cache, widgets
from cantho_dash.web import session as ui

lang = ui.lang()
ui.page_header("page_targets")
targets = cache.target_status()
pillars = cache.pillars()
agencies = cache.agencies().set_index("code")
agency_name = agencies["name_en" if lang == "en" else "name_vi"]

pillar_col, agency_col, status_col = st.columns([1, 2, 3])
pillar = pillar_col.selectbox(ui.tr("filter_pillar"), [None, *pillars["code"]], key="f_pillar",
                              format_func=lambda c: ui.tr("all") if c is None else
                              pillars.set_index("code").loc[c, "name_en" if lang == "en" else "name_vi"])
agency = agency_col.selectbox(ui.tr("filter_agency"), [None, *targets_scene.lead_agencies(targets)], key="f_agency",
                              format_func=lambda c: ui.tr("all") if c is None else agency_name.get(c, c))
statuses = status_col.pills(ui.tr("filter_status"), list(targets_scene.STATUSES), selection_mode="multi", key="f_status",
                            format_func=ui.status_label)
shown = targets_scene.filtered(targets, pillar, agency, statuses)
st.caption(f"{ui.tr('shown')}: {len(shown)}/{len(targets)} {ui.tr('targets_count')}")
if shown.empty:
    st.info(ui.tr("none_match"))
    st.stop()

# Only the chosen tab is built and sent (the table's grid cost every visit of the page as much as a chart).
chart_tab, table_tab = st.tabs([ui.tr("view_charts"), ui.tr("view_table")], key="targets_view", on_change="rerun")
with chart_tab:
    if chart_tab.open:
        labels = shown.set_index("code")["name_en" if lang == "en" else "name_vi"]
        code = st.selectbox(ui.tr("trend_of"), shown["code"], key="trend_code", format_func=lambda c: f"{c} · {labels[c]}")
        found = targets_scene.detail(shown, code, cache.series())
        row, history = found.row, found.history
        widgets.chart(trend.trend(history, row, ui.as_of(), lang), "trend", f"{ui.tr('trend_of')} {code}")
        if isinstance(row.get("parts"), list):
            st.caption(ui.tr("parts_note"))
        if noted := found.note:
            st.caption(ui.tr("agency_note").format(period=ui.period_label(noted[0])))
            st.text(noted[1])   # the agency's own words: plain text, never markdown or HTML
        st.caption(ui.tr("tile_help"))
        tiles = pillar_scene.tile_table(shown, lang).assign(
            lead=["; ".join(agency_name.get(c, c) for c in codes) for codes in shown["lead_codes"]])
        st.html(wall.gauge_tiles(tiles, ui.tr("col_target"), flowing=True, lead_word=ui.tr("col_lead")))
        widgets.png_button(lambda: gauges.gauge_grid(shown, lang, columns=5), "gauges_targets",
                           f"{ui.tr('page_targets')} · {len(shown)} {ui.tr('targets_count')}")
with table_tab:
    if table_tab.open:
        st.dataframe(tables.grid_safe(tables.styled_targets(shown, cache.agencies(), lang)), hide_index=True,
                     width="stretch", height=min(40 + 35 * len(shown), 1100))
