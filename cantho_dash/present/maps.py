"""Ward maps: a DataFrame of wards to a pydeck Deck (no queries here).

The map needs no internet by default: map_provider=None and no map_style, so Streamlit fetches no
basemap. Colour shows the value against its centre (the target, the expected path, or for DTI
scores the median) on a red-yellow-green scale, grey where there is no data; the circle's size
shows the value. Tooltips are plain text (deck.gl's "text" tooltip), never HTML.
"""
from __future__ import annotations

import json
import math

import pandas as pd
import pydeck as pdk

from cantho_dash.domain.vntext import key

NO_DATA = [128, 128, 128, 170]
# ColorBrewer RdYlGn, from far below the centre to far above it
SCALE = [(215, 48, 39), (244, 109, 67), (253, 174, 97), (254, 224, 139), (217, 239, 139), (166, 217, 106),
         (102, 189, 99), (26, 152, 80)]
VIEW = pdk.ViewState(latitude=9.79, longitude=105.76, zoom=8.75, pitch=0, bearing=0)
CODE_KEYS = ("ma_xa", "maxa", "ward_code", "wardcode", "code", "ma", "id", "ma_dvhc")
NAME_KEYS = ("ten_xa", "tenxa", "ward", "name", "ten", "ten_dvhc", "name_vi")


def color(delta: float, alpha: int = 215) -> list[int]:
    """The scale's colour for delta in [-1, 1] (0: at the centre); grey for no value."""
    if delta is None or (isinstance(delta, float) and math.isnan(delta)):
        return NO_DATA
    position = (min(max(delta, -1.0), 1.0) + 1) / 2 * (len(SCALE) - 1)
    low = int(math.floor(position))
    high = min(low + 1, len(SCALE) - 1)
    share = position - low
    return [round(SCALE[low][i] + (SCALE[high][i] - SCALE[low][i]) * share) for i in range(3)] + [alpha]


def deltas(values: pd.Series, centres, spread: float, higher_is_better: bool = True) -> pd.Series:
    """(value - centre) / spread, the sign flipped where lower is better."""
    sign = 1.0 if higher_is_better else -1.0
    return (values - centres) / (spread or 1.0) * sign


def radii(values: pd.Series, low_m: float = 700.0, high_m: float = 2600.0) -> pd.Series:
    """A circle radius in metres growing with the value (grey wards get the smallest)."""
    lo, hi = values.min(), values.max()
    span = (hi - lo) or 1.0
    return (low_m + (values - lo) / span * (high_m - low_m)).fillna(low_m)


MAP_COLUMNS = ["area_code", "name_vi", "short_name", "longitude", "latitude", "fill", "radius",
               "tt_value", "tt_target", "tt_status", "tt_rank"]


def records(frame: pd.DataFrame, labels: bool = True) -> list[dict]:
    """The map's columns as plain records (pydeck cannot serialise a pandas 3 DataFrame); without
    labels the short names are left out, and radii are whole metres (a national map is large)."""
    shown = frame[[c for c in MAP_COLUMNS if c in frame and (labels or c != "short_name")]]
    if "radius" in shown:
        shown = shown.assign(radius=shown["radius"].round().astype("Int64"))
    return shown.astype(object).where(shown.notna(), None).to_dict("records")


def ward_layers(frame: pd.DataFrame, labels: bool = True) -> list[pdk.Layer]:
    """A circle per ward (pickable, id 'wards') and, at a readable zoom, its name."""
    data = records(frame, labels)
    layers = [pdk.Layer(
        "ScatterplotLayer", data=data, id="wards", pickable=True, stroked=True, filled=True,
        get_position=["longitude", "latitude"], get_radius="radius", get_fill_color="fill",
        get_line_color=[255, 255, 255, 140], line_width_min_pixels=1, radius_units="'meters'",
    )]
    if labels:
        layers.append(pdk.Layer(
            "TextLayer", data=data, id="ward_names", get_position=["longitude", "latitude"],
            get_text="short_name", get_size=900, size_units="'meters'", size_min_pixels=0, size_max_pixels=15,
            get_color=[245, 248, 252, 255], get_alignment_baseline="'bottom'", get_pixel_offset=[0, -6],
            # deck.gl draws only the characters it was given: the Vietnamese letters of the names.
            # (pydeck reads a bare string as an expression: constants are quoted.)
            character_set="'" + "".join(sorted(set("".join(frame["short_name"].astype(str))) | set(" 0123456789"))) + "'",
            font_family="'Segoe UI, Roboto, Arial, sans-serif'",
        ))
    return layers


def boundary_layer(geojson: dict, colours: dict[str, list[int]], tooltips: dict[str, dict]) -> pdk.Layer:
    """Ward polygons filled by the same colours (features already matched: properties.area_code)."""
    features = []
    for feature in geojson.get("features", []):
        code = feature.get("properties", {}).get("area_code")
        props = {"area_code": code, "fill": colours.get(code, NO_DATA), **tooltips.get(code, {})}
        features.append({"type": "Feature", "geometry": feature.get("geometry"), "properties": props})
    return pdk.Layer("GeoJsonLayer", data={"type": "FeatureCollection", "features": features}, id="boundaries",
                     pickable=True, stroked=True, filled=True, get_fill_color="properties.fill",
                     get_line_color=[255, 255, 255, 120], line_width_min_pixels=1)


def tooltip_of(lines: list[str]) -> dict:
    """The map's tooltip: one line per field, in the dashboard's colours."""
    return {"text": "\n".join(lines), "style": {"backgroundColor": "#141d2f", "color": "#e8eef7", "fontSize": "14px"}}


def deck(frame: pd.DataFrame, tooltip_lines: list[str], geojson: dict | None = None, basemap: str | None = None,
         labels: bool = True) -> pdk.Deck:
    """The ward map. frame: one row per ward with longitude, latitude, short_name, fill, radius and the
    tooltip fields. basemap 'carto-dark' or 'carto-light' needs internet; None needs none."""
    layers = []
    if geojson:
        tips = frame.set_index("area_code")[[c for c in frame.columns if c.startswith("tt_") or c == "name_vi"]]
        layers.append(boundary_layer(geojson, dict(zip(frame["area_code"], frame["fill"])),
                                     tips.to_dict("index")))
    layers += ward_layers(frame, labels and len(frame) <= MAX_LABELS)
    tooltip = tooltip_of(tooltip_lines)
    if basemap:
        provider, style = basemap.split("-", 1)
        return pdk.Deck(layers=layers, initial_view_state=VIEW, tooltip=tooltip, map_provider=provider,
                        map_style=style)
    return pdk.Deck(layers=layers, initial_view_state=VIEW, tooltip=tooltip, map_provider=None)


MAX_LABELS = 300   # names on the map up to this many units; a national map shows them on hover only


def compact_json(spec: str) -> str:
    """pydeck's JSON without its indentation and escapes (a third of the size for thousands of units)."""
    import json

    return _dumps(json.loads(spec))


def _dumps(spec: dict) -> str:
    import json

    return json.dumps(spec, separators=(",", ":"), ensure_ascii=False)


class BuiltDeck(pdk.Deck):
    """A deck serialised once: st.pydeck_chart calls to_json() on every rerun, and pydeck's own
    serialiser takes about a second for thousands of communes. The page caches the JSON instead."""

    def __init__(self, spec: str, tooltip: dict):
        super().__init__(layers=[], map_provider=None, tooltip=tooltip)
        self._spec, self.tooltip_spec = spec, tooltip

    def to_json(self) -> str:
        return self._spec

    def fitted(self, height: int, designed_for: int = 700) -> "BuiltDeck":
        """The same map zoomed out to show the whole city in a shorter frame (height in pixels)."""
        import json
        import math

        spec = json.loads(self._spec)
        view = spec.get("initialViewState", {})
        view["zoom"] = view.get("zoom", VIEW.zoom) + math.log2(min(1.0, height / designed_for))
        return BuiltDeck(_dumps(spec), self.tooltip_spec)


def match_boundaries(geojson: dict, resolve) -> tuple[dict, list[str]]:
    """Match each feature to a ward by a code property, else by a name property (resolve(name) ->
    code or None). Returns the GeoJSON with properties.area_code set, and the features that matched
    no ward (their names, or their index)."""
    matched, unmatched = [], []
    for i, feature in enumerate(geojson.get("features", [])):
        props = {key(k): v for k, v in (feature.get("properties") or {}).items()}
        code = None
        for k in CODE_KEYS:
            value = str(props.get(key(k), "")).strip()
            if value.isdigit():
                code = resolve(value.zfill(5))
                if code:
                    break
        name = next((str(props[key(k)]) for k in NAME_KEYS if props.get(key(k))), None)
        if not code and name:
            code = resolve(name)
        if code:
            feature = dict(feature, properties=dict(feature.get("properties") or {}, area_code=code))
            matched.append(feature)
        else:
            unmatched.append(name or f"#{i + 1}")
    return {"type": "FeatureCollection", "features": matched}, unmatched


def parse_geojson(data: bytes) -> dict:
    """A FeatureCollection from bytes (UTF-8, with or without BOM); ValueError if it is not one."""
    collection = json.loads(data.decode("utf-8-sig"))
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ValueError("not a GeoJSON FeatureCollection")
    return collection


def legend_stops(centre_label: str) -> list[tuple[str, str]]:
    """(css colour, label) pairs for a legend: below, at and above the centre, and no data."""
    def css(delta: float) -> str:
        r, g, b, _ = color(delta)
        return f"#{r:02x}{g:02x}{b:02x}"
    return [(css(-1.0), "−"), (css(-0.5), ""), (css(0.0), centre_label), (css(0.5), ""), (css(1.0), "+"),
            ("#808080", "∅")]


def map_frame(wards: pd.DataFrame, centres, spread: float, higher_is_better: bool, unit: str, lang: str,
              target_text: str = "") -> pd.DataFrame:
    """Wards (area_code, name_vi, short_name, latitude, longitude, value, status, rank) with their
    colour, radius and plain-text tooltip lines."""
    from cantho_dash.words import status_label, t
    from cantho_dash.words.formats import fmt_value

    out = wards.copy()
    out["fill"] = [color(d) for d in deltas(out["value"], centres, spread, higher_is_better)]
    out["radius"] = radii(out["value"])
    ranked = int(out["rank"].notna().sum())
    out["tt_value"] = [f"{t('col_value', lang)}: {fmt_value(v, unit, lang)}" for v in out["value"]]
    out["tt_target"] = f"{t('col_target', lang)}: {target_text}" if target_text else ""
    out["tt_status"] = [f"{t('col_status', lang)}: {status_label(s, lang)}" if s else "" for s in out["status"]]
    out["tt_rank"] = [f"{t('col_rank', lang)}: {int(r)}/{ranked}" if pd.notna(r) else "" for r in out["rank"]]
    return out


TOOLTIP = ["{name_vi}", "{tt_value}", "{tt_target}", "{tt_status}", "{tt_rank}"]
