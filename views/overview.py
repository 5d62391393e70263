"""Tổng quan: the 30 targets at a glance, for the briefing-room wall."""
import streamlit as st

from cantho_dash.present import theme, wall
from cantho_dash.web import direction, scenes, widgets
from cantho_dash.web import session as ui
from cantho_dash.web import tasks as ui_tasks

ui.page_header("page_overview")
scene = scenes.overview()
html = scenes.overview_html(ui.tr("col_target"), ui.tr("dir_none"))

with st.container(key="status_counts"):
    for column, (status, n) in zip(st.columns(len(scene.counts)), scene.counts.items()):
        column.metric(f":{theme.STATUS_NAMED[status]}[**{ui.status_label(status)}**]", n, border=True)

written = scenes.summary()
st.subheader(ui.tr("sum_heading"))
st.html(wall.paragraphs([written.overall, *written.pillars]))
with st.expander(ui.tr("sum_since_heading")):
    st.html(wall.paragraphs(written.since))

st.subheader(ui.tr("scene_direction"))
direction.block()

st.subheader(ui.tr("status_by_pillar"))
st.html(html["strips"])
widgets.png_button(scene.strip.fig, scene.strip.key, ui.tr("status_by_pillar"))

st.caption(ui.tr("tile_help"))
for pillar in scene.pillars:
    with st.container(border=True):
        st.subheader(ui.literal(pillar.heading))
        with st.container(horizontal=True):
            for status, n in pillar.counts.items():
                if n:
                    st.badge(f"{ui.status_label(status)}: {n}", color=theme.STATUS_NAMED[status])
        st.html(html[pillar.code])
        widgets.png_button(pillar.gauges.fig, f"gauges_{pillar.code}", pillar.heading)

left, right = st.columns(2)
for column, chart, part in ((left, scene.behind, "behind"), (right, scene.agencies, "agencies")):
    with column:
        st.subheader(chart.title)
        st.html(html[part])     # HTML: the page loads no chart library
        widgets.png_button(chart.fig, chart.key, chart.title)
if scene.agencies_note:
    right.caption(ui.literal(scene.agencies_note))
ui_tasks.compliance_notice()
st.caption(scene.caption)
