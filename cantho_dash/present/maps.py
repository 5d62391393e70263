"""Ward maps: a DataFrame of wards to a pydeck Deck (no queries here).

The map needs no internet by default: map_provider=None and no map_style, so Streamlit fetches no
basemap. One meaning per colour: an indicator's ward takes its status's colour (the six colours of
every page, against the target and the expected path); a DTI score, which has no target, takes one of
five shades of a single hue by its fifth of the wards. The circle's size shows the value. Tooltips
are plain text (deck.gl's "text" tooltip), never HTML.
"""
from __future__ import annotations

import json

import pandas as pd
import pydeck as pdk

from cantho_dash.domain.status import STATUSES
from cantho_dash.domain.vntext import key
from cantho_dash.present.theme import STATUS_COLORS

VIEW = pdk.ViewState(latitude=9.79, longitude=105.76, zoom=8.75, pitch=0, bearing=0)
CODE_KEYS = ("ma_xa", "maxa", "ward_code", "wardcode", "code", "ma", "id", "ma_dvhc")
NAME_KEYS = ("ten_xa", "tenxa", "ward", "name", "ten", "ten_dvhc", "name_vi")
# Low to high: one hue, no status meaning, in even steps of lightness (L* about 37, 52, 66, 80, 94), the
# lowest still well off the dark background (it was L* 26, and the middle three hard to tell apart).
BAND_COLOURS = ("#24606e", "#2b8799", "#4fb0c2", "#8dd3df", "#d2f3f7")
NO_SCORE = "#3a4150"
ALPHA = 225


def rgba(css: str, alpha: int = ALPHA) -> list[int]:
    """'#21a366' -> [33, 163, 102, alpha] (deck.gl's colours)."""
    return [int(css[i:i + 2], 16) for i in (1, 3, 5)] + [alpha]


def css(colour: list[int]) -> str:
    """[33, 163, 102, 225] -> '#21a366'."""
    return "#" + "".join(f"{int(c):02x}" for c in colour[:3])


NO_DATA = rgba(STATUS_COLORS["no_data"])


def status_fills(statuses: pd.Series) -> list[list[int]]:
    """Each ward's colour: its status's (no status: no data's)."""
    return [rgba(STATUS_COLORS.get(s, STATUS_COLORS["no_data"])) for s in statuses]


def status_legend(statuses: pd.Series, label) -> list[tuple[str, str, str]]:
    """(colour, status in words, how many wards) for the six statuses; label(status) -> words."""
    counts = statuses.value_counts()
    return [(STATUS_COLORS[s], label(s), str(int(counts.get(s, 0)))) for s in STATUSES]


def bands(values: pd.Series, groups: int = len(BAND_COLOURS)) -> tuple[pd.Series, list[tuple[str, float, float, int]]]:
    """Each value's colour by its group (equal counts, from low to high), and each group's colour,
    lowest and highest value and how many it holds; no value: NO_SCORE."""
    known = values.dropna()
    if known.empty:
        return pd.Series(NO_SCORE, index=values.index), []
    order = known.rank(method="first")
    group = ((order - 1) * groups // len(known)).astype(int).clip(0, groups - 1)
    colours = pd.Series(NO_SCORE, index=values.index)
    colours.loc[group.index] = [BAND_COLOURS[g] for g in group]
    ranges = [(BAND_COLOURS[g], float(known[group == g].min()), float(known[group == g].max()), int((group == g).sum()))
              for g in range(groups) if (group == g).any()]
    return colours, ranges


def band_legend(values: pd.Series, band_label, none_label: str) -> list[tuple[str, str, str]]:
    """(colour, 'low – high', how many wards) from the highest group down, then the wards with no score;
    band_label(low, high) -> words."""
    _, ranges = bands(values)
    rows = [(c, band_label(low, high), str(n)) for c, low, high, n in reversed(ranges)]
    missing = int(values.isna().sum())
    return rows + ([(NO_SCORE, none_label, str(missing))] if missing else [])


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


def map_frame(wards: pd.DataFrame, fills: list[list[int]], unit: str, lang: str,
              target_text: str = "") -> pd.DataFrame:
    """Wards (area_code, name_vi, short_name, latitude, longitude, value, status, rank) with their
    colour (fills, one per ward), radius and plain-text tooltip lines."""
    from cantho_dash.words import status_label, t
    from cantho_dash.words.formats import fmt_value

    out = wards.copy()
    out["fill"] = list(fills)
    out["radius"] = radii(out["value"])
    ranked = int(out["rank"].notna().sum())
    out["tt_value"] = [f"{t('col_value', lang)}: {fmt_value(v, unit, lang)}" for v in out["value"]]
    out["tt_target"] = f"{t('col_target', lang)}: {target_text}" if target_text else ""
    out["tt_status"] = [f"{t('col_status', lang)}: {status_label(s, lang)}" if s else "" for s in out["status"]]
    out["tt_rank"] = [f"{t('col_rank', lang)}: {int(r)}/{ranked}" if pd.notna(r) else "" for r in out["rank"]]
    return out


TOOLTIP = ["{name_vi}", "{tt_value}", "{tt_target}", "{tt_status}", "{tt_rank}"]
