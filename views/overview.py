"""Tổng quan: the 30 targets at a glance, for the briefing-room wall."""
import streamlit as st

from cantho_dash.present import bars, gauges, theme
from cantho_dash.web import session as ui, tasks as ui_tasks
from cantho_dash.words import status_label
from cantho_dash.words.formats import fmt_number
from cantho_dash.domain import targets as target_rules
from cantho_dash.web import widgets
from cantho_dash.web import cache


lang = ui.lang()
ui.page_header("page_overview")
targets = cache.target_status()
pillars = cache.pillars()

counts = target_rules.status_counts(targets)
for column, (status, n) in zip(st.columns(len(counts)), counts.items()):
    column.metric(f":{theme.STATUS_NAMED[status]}[**{status_label(status, lang)}**]", n, border=True)

widgets.chart(gauges.status_strip(targets, pillars, lang), "status_strip", ui.tr("status_by_pillar"))

st.caption(ui.tr("gauge_help"))
for pillar in pillars.itertuples():
    rows = targets[targets["pillar"] == pillar.code]
    pillar_counts = target_rules.status_counts(rows)
    good = pillar_counts["achieved"] + pillar_counts["on_track"]
    with st.container(border=True):
        heading = f"{pillar.name_en if lang == 'en' else pillar.name_vi} · {good}/{len(rows)} {ui.tr('good_share')}"
        st.subheader(heading)
        with st.container(horizontal=True):
            for status, n in pillar_counts.items():
                if n:
                    st.badge(f"{status_label(status, lang)}: {n}", color=theme.STATUS_NAMED[status])
        widgets.chart(gauges.gauge_grid(rows, lang, columns=8), f"gauges_{pillar.code}", heading)

left, right = st.columns(2)
with left:
    st.subheader(ui.tr("behind_title"))
    widgets.chart(bars.behind_pace_bar(target_rules.behind_pace(targets), lang), "behind_pace", ui.tr("behind_title"))
with right:
    st.subheader(ui.tr("agencies_title"))
    widgets.chart(bars.agencies_bar(target_rules.lead_agency_counts(targets), cache.agencies(), lang),
             "lead_agencies", ui.tr("agencies_title"))
ui_tasks.compliance_notice()
st.caption(f"{ui.tr('plan_ref')} · {fmt_number(len(targets), 0, lang)} {ui.tr('targets_count')}")
