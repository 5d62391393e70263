"""The Streamlit side of the ward map: boundaries, the map frame for a measure, the ward profile."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from cantho_dash.present import maps, trend
from cantho_dash import config
from cantho_dash.present.tables import grid_safe
from cantho_dash.web import session as ui
from cantho_dash.words import status_label
from cantho_dash.words.formats import fmt_number, fmt_target, fmt_value
from cantho_dash.ingest.resolve import ward_index
from cantho_dash.web import widgets
from cantho_dash.web import cache
from cantho_dash.scenes import wardmap as wardmap_scene
from cantho_dash.web import scenes as web_scenes

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
    available = cache.ward_indicator_periods()
    return sorted(available["code"].unique()) + [f"{DTI}{p}" for p in ("TONG", "CQS", "KTS", "XHS")]


def periods(measure: str) -> list[str]:
    """The periods with data for a measure, newest first."""
    if measure.startswith(DTI):
        return cache.score_periods("wards")
    available = cache.ward_indicator_periods()
    return available[available["code"] == measure].sort_values("period_end", ascending=False)["period"].tolist()


def measure_label(measure: str, labels: dict | None = None) -> str:
    """'XHS-03 · Tài khoản VNeID', or 'DTI · Tổng điểm'."""
    if measure.startswith(DTI):
        pillar = measure[len(DTI):]
        return f"DTI · {ui.tr('pillar_TONG') if pillar == 'TONG' else pillar}"
    labels = labels if labels is not None else short_labels()
    return f"{measure} · {labels.get(measure, measure)}"


def short_labels() -> dict[str, str]:
    """Short target labels in the chosen language, by code."""
    frame = cache.target_labels()
    return dict(zip(frame["code"], frame["short_en" if ui.lang() == "en" else "short_vi"]))


@st.cache_resource(ttl=ui.KEEP_SECONDS, max_entries=32, show_spinner=False)  # shared, not copied: callers only read it
def _built(url: str, version: int, measure: str, period: str, language: str, day,
           boundaries_stamp: float | None, basemap: str) -> tuple[wardmap_scene.WardMap, str, dict]:
    scene = ward_map(measure, period)
    return scene, maps.compact_json(deck(scene.frame).to_json()), maps.tooltip_of(maps.TOOLTIP)


def built_map(measure: str, period: str) -> tuple[wardmap_scene.WardMap, maps.BuiltDeck]:
    """(the map scene: wards coloured for a measure and period, its legend; the pydeck map), made
    once per data version and choice: thousands of communes take a second to serialise. The scene
    is shared by every session: read it, never change it."""
    path = config.settings().wards_geojson
    stamp = path.stat().st_mtime if path.is_file() else None
    scene, spec, tooltip = _built(*ui.cache_key(), measure, period, ui.lang(), ui.as_of(),
                                  stamp, config.settings().basemap)
    return scene, maps.BuiltDeck(spec, tooltip)


def ward_map(measure: str, period: str) -> wardmap_scene.WardMap:
    """The map scene of a measure (a DTI score or an indicator) and period."""
    return (web_scenes.dti_map(period, measure[len(DTI):]) if measure.startswith(DTI)
            else web_scenes.indicator_map(measure, period))


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


@st.cache_resource(ttl=ui.KEEP_SECONDS, max_entries=64, show_spinner=False)  # shared, not copied: only displayed
def _profile_tables(url: str, version: int, area_code: str, day, language: str):
    """A ward's profile as display tables (made once per ward, data version and language)."""
    profile = cache.ward_profile(area_code)
    indicators, scores, ranks = profile["indicators"], profile["scores"], profile["ranks"]
    lang = language
    table = None
    if not indicators.empty:
        table = pd.DataFrame({
            ui.tr("col_code"): indicators["code"],
            ui.tr("col_name"): indicators["short_en" if lang == "en" else "short_vi"],
            ui.tr("col_value"): [fmt_value(v, u, lang) for v, u in zip(indicators["value"], indicators["unit"])],
            ui.tr("col_period"): [ui.period_label(p) if isinstance(p, str) else "–" for p in indicators["period"]],
            ui.tr("col_target"): [fmt_target(c, t, u, lang) for c, t, u in
                                  zip(indicators["comparator"], indicators["target_value"], indicators["unit"])],
            ui.tr("col_status"): [status_label(s, lang) for s in indicators["status"]],
        })
    wide = None
    if not scores.empty:
        wide = scores.pivot_table(index="period", columns="pillar", values="score", aggfunc="first")
        wide = wide.reindex(columns=["CQS", "KTS", "XHS", "TONG"]).map(lambda v: fmt_number(v, 2, lang))
        wide = wide.rename(index=ui.period_label, columns={"TONG": ui.tr("col_total")})
        wide.index.name, wide.columns.name = ui.tr("col_period"), None
    rank_points = ([ui.period_label(p) for p in ranks["period"]], ranks["rank"].tolist()) if len(ranks) else None
    return table, wide, rank_points


def show_profile(area_code: str) -> None:
    """A ward's indicators against their targets, its DTI scores and its rank over time."""
    table, wide, rank_points = _profile_tables(*ui.cache_key(), area_code, ui.as_of(), ui.lang())
    if table is not None:
        st.dataframe(grid_safe(table), hide_index=True, width="stretch")
    if wide is not None:
        st.markdown(f"**{ui.tr('dti_scores')}**")
        st.dataframe(grid_safe(wide), width="stretch")
    if rank_points:
        st.markdown(f"**{ui.tr('rank_history')}**")
        periods, ranks = rank_points
        widgets.chart(trend.rank_history(periods, ranks, ui.lang()), "rank_history",
                      f"{ui.tr('rank_history')} · {area_code}")
