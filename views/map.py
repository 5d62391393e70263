"""Bản đồ: the 103 wards coloured by an indicator or a DTI score; click a ward for its profile."""
import streamlit as st

from cantho_dash.present import mapfigs, wall
from cantho_dash.web import session as ui, auth as ui_auth, maps as ui_maps
from cantho_dash.web import widgets

lang = ui.lang()
ui.page_header("page_map")

measure_col, period_col = st.columns([3, 1])
options = ui_maps.measures()
if not options:
    st.info(ui.tr("no_ward_data"))
    st.stop()
labels = ui_maps.short_labels()
measure = measure_col.selectbox(ui.tr("map_measure"), options, key="map_measure",
                                format_func=lambda m: ui_maps.measure_label(m, labels))
period = period_col.selectbox(ui.tr("as_of_period"), ui_maps.periods(measure), key="map_period",
                              format_func=ui.period_label)

scene, deck = ui_maps.built_map(measure, period)
frame = scene.frame
with st.container(key="wide_map"):
    event = st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key="ward_map", height=700)
with st.container(key="narrow_map"):      # a phone: the whole city in the width, drawn at once
    st.html(f'<div style="height:26rem">{wall.dot_map(frame)}</div>')
st.html(wall.legend(scene.legend, flowing=True))
widgets.png_button(lambda: mapfigs.ward_map(frame, lang), "ward_map", f"{ui.tr('page_map')} · {ui_maps.measure_label(measure, labels)} · "
              f"{ui.period_label(period)}")
st.caption(f"{ui.literal(scene.meaning)} · {ui.tr('as_of_period')}: **{ui.period_label(period)}**")

clicked = ui_maps.selected_ward(event)
if clicked and clicked != st.session_state.get("map_clicked"):
    st.session_state["map_clicked"] = st.session_state["map_ward"] = clicked
names = dict(zip(frame["area_code"], frame["name_vi"]))
st.header(ui.tr("ward_profile"))
ward = st.selectbox(ui.tr("choose_ward"), list(names), key="map_ward", format_func=names.get)
ui_maps.show_profile(ward)

if not ui_auth.allows("admin"):
    st.stop()
with st.expander(ui.tr("boundaries"), icon=":material/polyline:"):
    st.caption(ui.tr("boundaries_help"))
    found = ui_maps.boundaries()
    if found:
        st.caption(ui.tr("boundaries_loaded").format(n=len(found[0]["features"])))
        if found[1]:
            st.warning(ui.tr("boundaries_unmatched").format(n=len(found[1]), names=ui.literal(", ".join(found[1][:20]))))
    geo = st.file_uploader("GeoJSON", type=["geojson", "json"], key="geojson_upload")
    if geo is not None and st.button(ui.tr("confirm"), key="save_geojson"):
        matched, unmatched = ui_maps.save_boundaries(geo.getvalue())
        st.rerun()
