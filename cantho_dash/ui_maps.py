"""The Streamlit side of the ward map: boundaries, the map frame for a measure, the ward profile."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from . import charts, config, maps, ui
from .i18n import fmt_number, fmt_value, status_label
from .ingest.names import ward_index

DTI = "DTI:"


@st.cache_data(ttl=300, show_spinner=False)
def _boundaries(path: str, modified: float) -> tuple[dict, list[str]] | None:
    from pathlib import Path

    try:
        collection = maps.parse_geojson(Path(path).read_bytes())
    except (OSError, ValueError):
        return None
    return maps.match_boundaries(collection, ward_index().code)


def boundaries() -> tuple[dict, list[str]] | None:
    """(matched GeoJSON, unmatched feature names) from the configured file, or None."""
    path = config.settings().wards_geojson
    return _boundaries(str(path), path.stat().st_mtime) if path.is_file() else None


def save_boundaries(data: bytes) -> tuple[int, list[str]]:
    """Keep an uploaded GeoJSON as the boundaries (under a fixed name); (features matched, unmatched)."""
    matched, unmatched = maps.match_boundaries(maps.parse_geojson(data), ward_index().code)
    path = config.settings().wards_geojson
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(matched["features"]), unmatched


def measures() -> list[str]:
    """Ward-level indicators, then the DTI total and pillars."""
    available = ui.call("leagues", "ward_indicator_periods")
    return sorted(available["code"].unique()) + [f"{DTI}{p}" for p in ("TONG", "CQS", "KTS", "XHS")]


def periods(measure: str) -> list[str]:
    """The periods with data for a measure, newest first."""
    if measure.startswith(DTI):
        return ui.call("leagues", "score_periods", "wards")
    available = ui.call("leagues", "ward_indicator_periods")
    return available[available["code"] == measure].sort_values("period_end", ascending=False)["period"].tolist()


def measure_label(measure: str) -> str:
    """'XHS-03 · Tài khoản VNeID', or 'DTI · Tổng điểm'."""
    if measure.startswith(DTI):
        pillar = measure[len(DTI):]
        return f"DTI · {ui.tr('pillar_TONG') if pillar == 'TONG' else pillar}"
    labels = ui.reference("target_labels").set_index("code")["short_en" if ui.lang() == "en" else "short_vi"]
    return f"{measure} · {labels.get(measure, measure)}"


def map_frame(measure: str, period: str, centre_mode: str) -> tuple[pd.DataFrame, str]:
    """The wards coloured for a measure and period, and the name of the colour centre."""
    lang = ui.lang()
    if measure.startswith(DTI):
        wards = ui.call("leagues", "dti_map_values", period, measure[len(DTI):])
        centre = float(wards["value"].median())
        spread = float(wards["value"].std() or 10.0)
        return maps.map_frame(wards, centre, spread, True, "", lang), ui.tr("centre_median")
    wards = ui.call("leagues", "ward_status", measure, period, ui.as_of())
    spec = wards.attrs["spec"]
    target = spec["target_value"]
    centres = wards["expected"].fillna(target) if centre_mode == "path" else target
    spread = max(abs(target) * 0.15, 1e-6)
    text = f"{spec['comparator'].replace('>=', '≥').replace('<=', '≤')} {fmt_value(target, spec['unit'], lang)}"
    frame = maps.map_frame(wards, centres, spread, spec["comparator"] in (">", ">="), spec["unit"], lang, text)
    return frame, ui.tr("centre_path" if centre_mode == "path" else "centre_target")


def deck(frame: pd.DataFrame):
    """The map, with boundaries when there are some, and the configured basemap (none by default)."""
    found = boundaries()
    return maps.deck(frame, maps.TOOLTIP, found[0] if found else None, config.settings().basemap or None)


def selected_ward(event) -> str | None:
    """The ward clicked on the map, if any."""
    objects = (getattr(event, "selection", None) or {}).get("objects", {}) if event else {}
    for layer in ("wards", "boundaries"):
        for picked in objects.get(layer, []):
            code = picked.get("area_code") or picked.get("properties", {}).get("area_code")
            if code:
                return code
    return None


def show_profile(area_code: str) -> None:
    """A ward's indicators against their targets, its DTI scores and its rank over time."""
    lang = ui.lang()
    profile = ui.call("leagues", "ward_profile", area_code, ui.as_of())
    indicators = profile["indicators"]
    if not indicators.empty:
        st.dataframe(pd.DataFrame({
            ui.tr("col_code"): indicators["code"],
            ui.tr("col_name"): indicators["short_en" if lang == "en" else "short_vi"],
            ui.tr("col_value"): [fmt_value(v, u, lang) for v, u in zip(indicators["value"], indicators["unit"])],
            ui.tr("col_period"): [ui.period_label(p) if isinstance(p, str) else "–" for p in indicators["period"]],
            ui.tr("col_target"): [f"{c} {fmt_value(t, u, lang)}" for c, t, u in
                                  zip(indicators["comparator"], indicators["target_value"], indicators["unit"])],
            ui.tr("col_status"): [status_label(s, lang) for s in indicators["status"]],
        }), hide_index=True, width="stretch")
    scores = profile["scores"]
    if not scores.empty:
        st.markdown(f"**{ui.tr('dti_scores')}**")
        wide = scores.pivot_table(index="period", columns="pillar", values="score", aggfunc="first")
        wide = wide.reindex(columns=["CQS", "KTS", "XHS", "TONG"]).map(lambda v: fmt_number(v, 2, lang))
        st.dataframe(wide.rename(index=ui.period_label, columns={"TONG": ui.tr("col_total")}), width="stretch")
    ranks = profile["ranks"]
    if len(ranks) > 0:
        st.markdown(f"**{ui.tr('rank_history')}**")
        fig = go.Figure(go.Scatter(x=[ui.period_label(p) for p in ranks["period"]], y=ranks["rank"],
                                   mode="lines+markers+text", text=[f"#{int(r)}" for r in ranks["rank"]],
                                   textposition="top center", line=dict(width=3, color="#3b8ede")))
        fig.update_layout(yaxis=dict(autorange="reversed", title=ui.tr("col_rank")))
        ui.chart(charts._base_layout(fig, lang, 260), "rank_history", f"{ui.tr('rank_history')} · {area_code}")
