"""The ward map tested as data: layers, colours, tooltips, no basemap, boundaries."""
from __future__ import annotations

import json
import math

import pandas as pd

from cantho_dash.present import maps
from cantho_dash.ingest.resolve import ward_index


def wards():
    return pd.DataFrame({
        "area_code": ["31120", "31135", "31309"], "name_vi": ["Phường Cái Khế", "Phường Ninh Kiều", "Xã Trường Long"],
        "short_name": ["Cái Khế", "Ninh Kiều", "Trường Long"], "latitude": [10.05, 10.03, 9.98],
        "longitude": [105.78, 105.78, 105.62], "value": [90.0, 80.0, float("nan")],
        "status": ["achieved", "on_track", "no_data"], "rank": [1.0, 2.0, float("nan")],
    })


def test_colour_scale():
    assert maps.color(float("nan")) == maps.NO_DATA
    assert maps.color(-1.0)[:3] == [215, 48, 39] and maps.color(1.0)[:3] == [26, 152, 80]
    assert maps.color(5.0) == maps.color(1.0)           # clipped
    middle = maps.color(0.0)[:3]
    assert middle == [round((254 + 217) / 2), round((224 + 239) / 2), round((139 + 139) / 2)]


def test_map_frame_colours_a_known_value_and_writes_plain_text_tooltips():
    frame = maps.map_frame(wards(), 80.0, 12.0, True, "%", "vi", "≥ 80%")
    assert frame.loc[1, "fill"] == maps.color(0.0)       # at the target: the middle of the scale
    assert frame.loc[0, "fill"] == maps.color(10 / 12)   # 10 points above, spread 12
    assert frame.loc[2, "fill"] == maps.NO_DATA
    assert frame.loc[0, "tt_value"] == "Giá trị: 90,0%" and frame.loc[0, "tt_rank"] == "Hạng: 1/2"
    assert frame.loc[1, "tt_status"] == "Tình trạng: Đúng tiến độ" and frame.loc[0, "tt_target"] == "Mục tiêu: ≥ 80%"
    lower = maps.map_frame(wards(), 80.0, 12.0, False, "%", "vi")
    assert lower.loc[0, "fill"] == maps.color(-10 / 12)  # lower is better: above the target is bad
    assert frame.loc[0, "radius"] > frame.loc[1, "radius"] > 0


def test_the_deck_needs_no_internet_and_has_the_expected_layers():
    deck = maps.deck(maps.map_frame(wards(), 80.0, 12.0, True, "%", "vi"), maps.TOOLTIP)
    spec = json.loads(deck.to_json())
    # no provider, and only pydeck's placeholder style: nothing to fetch (the browser test checks the network)
    assert spec.get("mapProvider") in (None, "") and spec.get("mapStyle") in (None, "__MAP_STYLE__")
    kinds = {layer["id"]: layer["@@type"] for layer in spec["layers"]}
    assert kinds == {"wards": "ScatterplotLayer", "ward_names": "TextLayer"}
    wards_layer = next(layer for layer in spec["layers"] if layer["id"] == "wards")
    assert wards_layer["pickable"] is True and wards_layer["radiusUnits"] == "meters"
    names = next(layer for layer in spec["layers"] if layer["id"] == "ward_names")
    assert set("Trường") <= set(names["characterSet"])  # the Vietnamese letters are in the font atlas
    assert deck._tooltip["text"] == "{name_vi}\n{tt_value}\n{tt_target}\n{tt_status}\n{tt_rank}"
    assert "html" not in deck._tooltip     # deck.gl shows "text" as text, never as HTML
    row = wards_layer["data"][0]
    assert {"name_vi", "tt_value", "tt_target", "tt_status", "tt_rank", "fill", "radius"} <= set(row)


def test_a_basemap_only_when_configured():
    spec = json.loads(maps.deck(maps.map_frame(wards(), 80.0, 12.0, True, "%", "vi"), maps.TOOLTIP,
                                basemap="carto-dark").to_json())
    assert spec["mapProvider"] == "carto" and spec["mapStyle"]


def _feature(props):
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "Polygon", "coordinates": [[[105.7, 10.0], [105.8, 10.0], [105.8, 10.1], [105.7, 10.0]]]}}


def test_boundaries_match_by_code_or_name_and_report_the_rest():
    collection = {"type": "FeatureCollection", "features": [
        _feature({"ma_xa": "31120"}), _feature({"ten_xa": "Phuong Ninh Kieu"}), _feature({"Name": "Xã Trường Long"}),
        _feature({"ten_xa": "Phường An Hòa"}), _feature({"other": 1})]}
    matched, unmatched = maps.match_boundaries(collection, ward_index().code)
    assert [f["properties"]["area_code"] for f in matched["features"]] == ["31120", "31135", "31309"]
    assert unmatched == ["Phường An Hòa", "#5"]
    frame = maps.map_frame(wards(), 80.0, 12.0, True, "%", "vi")
    spec = json.loads(maps.deck(frame, maps.TOOLTIP, matched).to_json())
    polygons = next(layer for layer in spec["layers"] if layer["id"] == "boundaries")
    fills = {f["properties"]["area_code"]: f["properties"]["fill"] for f in polygons["data"]["features"]}
    assert fills["31120"] == maps.color(10 / 12) and fills["31309"] == maps.NO_DATA
    assert polygons["data"]["features"][0]["properties"]["tt_value"].startswith("Giá trị")


def test_geojson_must_be_a_feature_collection():
    assert maps.parse_geojson(b'\xef\xbb\xbf{"type": "FeatureCollection", "features": []}')["features"] == []
    for bad in (b"[]", b'{"type": "Feature"}', b"not json"):
        try:
            maps.parse_geojson(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_radii_grow_with_the_value():
    r = maps.radii(pd.Series([10.0, 20.0, float("nan")]))
    assert r.iloc[0] < r.iloc[1] and math.isclose(r.iloc[2], r.iloc[0])


def test_a_national_map_is_compact_and_unlabelled():
    many = pd.concat([wards()] * (maps.MAX_LABELS // 3 + 1), ignore_index=True)
    many["area_code"] = [f"{i:05d}" for i in range(len(many))]
    frame = maps.map_frame(many, 80.0, 12.0, True, "%", "vi")
    spec = json.loads(maps.compact_json(maps.deck(frame, maps.TOOLTIP).to_json()))
    assert [layer["id"] for layer in spec["layers"]] == ["wards"]            # names on hover only
    small = json.loads(maps.deck(maps.map_frame(wards(), 80.0, 12.0, True, "%", "vi"), maps.TOOLTIP).to_json())
    assert [layer["id"] for layer in small["layers"]] == ["wards", "ward_names"]
    text = maps.compact_json(maps.deck(frame, maps.TOOLTIP).to_json())
    assert "\n" not in text and "Phường Cái Khế" in text                    # no indent, no escapes
    built = maps.BuiltDeck(text, {"text": "{name_vi}"})
    assert built.to_json() == text and built._tooltip == {"text": "{name_vi}"}


def test_a_built_map_zooms_out_to_fit_a_shorter_frame():
    import json

    built = maps.BuiltDeck(json.dumps({"initialViewState": {"zoom": 8.75, "latitude": 9.79}}), {})
    assert json.loads(built.fitted(350).to_json())["initialViewState"]["zoom"] == 7.75    # half the height: one level out
    assert json.loads(built.fitted(900).to_json())["initialViewState"]["zoom"] == 8.75    # taller: as designed
