"""Bảng xếp hạng: DTI leagues of departments and of the 103 wards, with rank changes and movers,
and the wards ranked on any ward-level indicator."""
import streamlit as st

from cantho_dash.present import bars, tables
from cantho_dash.scenes import league as league_scene
from cantho_dash.web import cache, scenes, widgets
from cantho_dash.web import session as ui

lang = ui.lang()
ui.page_header("page_league")

group_col, pillar_col, period_col = st.columns([2, 2, 1])
group = group_col.segmented_control(ui.tr("group"), ["wards", "departments"], default="wards", key="lg_group",
                                    format_func=lambda g: ui.tr(f"group_{g}")) or "wards"
pillar = pillar_col.segmented_control(ui.tr("rank_on"), list(league_scene.PILLARS), default="TONG", key="lg_pillar",
                                      format_func=lambda p: ui.tr("pillar_TONG") if p == "TONG" else p) or "TONG"
periods = cache.score_periods(group)
if not periods:
    st.info(ui.tr("no_ward_data"))
    st.stop()
period = period_col.selectbox(ui.tr("col_period"), periods, key="lg_period", format_func=lambda p: ui.period_label(p))
scene = scenes.league(group, period, pillar)
table, up, down = scene.table, scene.up, scene.down
if table["previous_period"].iloc[0]:
    st.caption(ui.tr("vs_period").format(period=ui.period_label(table["previous_period"].iloc[0])))
    up_col, down_col = st.columns(2)
    for column, movers, key in ((up_col, up, "top_up"), (down_col, down, "top_down")):
        with column.container(border=True):
            st.markdown(f"**{ui.tr(key)}**")
            for _, row in movers.iterrows():
                st.metric(ui.literal(tables.unit_name(row, lang)), f"#{int(row['rank'])}",
                          f"{int(row['rank_change']):+d} {ui.tr('places')}", delta_color="normal")

st.subheader(scene.heading)
widgets.chart(scene.chart.fig, scene.chart.key, scene.chart.title)

st.subheader(ui.tr("full_table"))
types = st.pills(ui.tr("show_types"), ["xa", "phuong"], selection_mode="multi", default=["xa", "phuong"],
                 key="lg_types", format_func=lambda t: ui.tr(f"type_{t}")) if group == "wards" else None
needle = st.text_input(ui.tr("search_unit"), key="lg_search")
shown = league_scene.filtered(table, types, needle)
shown = widgets.table_page(shown, "lg_page")[0]
st.dataframe(tables.grid_safe(tables.styled_league(shown, pillar, lang)), hide_index=True, width="stretch",
             height=min(40 + 35 * len(shown), 900))

st.header(ui.tr("indicator_league"))
available = cache.ward_indicator_periods()
if available.empty:
    st.info(ui.tr("no_ward_data"))
    st.stop()
code_col, ind_period_col = st.columns([3, 1])
labels = cache.target_labels().set_index("code")["short_en" if lang == "en" else "short_vi"]
code = code_col.selectbox(ui.tr("indicator"), sorted(available["code"].unique()), key="lg_indicator",
                          format_func=lambda c: f"{c} · {labels.get(c, c)}")
ind_periods = available[available["code"] == code].sort_values("period_end", ascending=False)["period"].tolist()
ind_period = ind_period_col.selectbox(ui.tr("col_period"), ind_periods, key="lg_ind_period",
                                      format_func=lambda p: ui.period_label(p))
wards = cache.ward_status(code, ind_period)
share = wards.attrs["share"]
reported = int(wards["value"].notna().sum())
st.metric(ui.tr("share_meeting"), ui.percent(share * 100, 1) if share == share else "–",
          ui.tr("wards_reported").format(n=ui.number(reported, 0)), delta_color="off", delta_arrow="off",
          border=True)
widgets.chart(bars.indicator_bar(wards, wards.attrs["spec"], lang), "indicator_bar",
         f"{ui.tr('indicator_league')} · {code} · {ui.period_label(ind_period)}")
