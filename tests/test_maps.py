"""The ward map tested as data: layers, colours, tooltips, no basemap, boundaries."""
from __future__ import annotations

import json
import math

import pandas as pd

from cantho_dash.present import maps
from cantho_dash.present.theme import STATUS_COLORS
from cantho_dash.ingest.resolve import ward_index


def wards():
    return pd.DataFrame({
        "area_code": ["31120", "31135", "31309"], "name_vi": ["Phường Cái Khế", "Phường Ninh Kiều", "Xã Trường Long"],
        "short_name": ["Cái Khế", "Ninh Kiều", "Trường Long"], "latitude": [10.05, 10.03, 9.98],
        "longitude": [105.78, 105.78, 105.62], "value": [90.0, 80.0, float("nan")],
        "status": ["achieved", "on_track", "no_data"], "rank": [1.0, 2.0, float("nan")],
    })


def _frame(table=None, target_text: str = ""):
    table = wards() if table is None else table
    return maps.map_frame(table, maps.status_fills(table["status"]), "%", "vi", target_text)


def test_a_ward_takes_its_statuss_colour_and_a_dti_score_its_fifths_shade():
    assert maps.status_fills(pd.Series(["achieved", "off_track", None])) == [
        maps.rgba(STATUS_COLORS["achieved"]), maps.rgba(STATUS_COLORS["off_track"]), maps.NO_DATA]
    assert maps.rgba("#21a366") == [33, 163, 102, maps.ALPHA] and maps.css([33, 163, 102, 9]) == "#21a366"
    colours, ranges = maps.bands(pd.Series([float(v) for v in range(103)] + [math.nan]))
    assert {n for *_, n in ranges} == {20, 21} and sum(n for *_, n in ranges) == 103
    assert [c for c, *_ in ranges] == list(maps.BAND_COLOURS)
    assert ranges[0][1] == 0 and ranges[-1][2] == 102 and [r[1] for r in ranges] == sorted(r[1] for r in ranges)
    assert colours.iloc[-1] == maps.NO_SCORE and colours.iloc[0] == maps.BAND_COLOURS[0]
    assert colours.iloc[102] == maps.BAND_COLOURS[-1]
    assert not set(maps.BAND_COLOURS) & set(STATUS_COLORS.values())      # a shade never reads as a status


def test_the_legends_carry_numbers():
    legend = maps.status_legend(wards()["status"], str)
    assert [(label, n) for _, label, n in legend] == [("achieved", "1"), ("on_track", "1"), ("at_risk", "0"),
                                                        ("off_track", "0"), ("stale", "0"), ("no_data", "1")]
    bands = maps.band_legend(pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, math.nan]), lambda lo, hi: f"{lo:g}-{hi:g}", "none")
    assert [(label, n) for _, label, n in bands] == [("5-5", "1"), ("4-4", "1"), ("3-3", "1"), ("2-2", "1"),
                                                     ("1-1", "1"), ("none", "1")]


def test_map_frame_colours_by_status_and_writes_plain_text_tooltips():
    frame = _frame(target_text="≥ 80%")
    assert frame.loc[0, "fill"] == maps.rgba(STATUS_COLORS["achieved"])
    assert frame.loc[1, "fill"] == maps.rgba(STATUS_COLORS["on_track"]) and frame.loc[2, "fill"] == maps.NO_DATA
    assert frame.loc[0, "tt_value"] == "Giá trị: 90,0%" and frame.loc[0, "tt_rank"] == "Hạng: 1/2"
    assert frame.loc[1, "tt_status"] == "Tình trạng: Đúng tiến độ" and frame.loc[0, "tt_target"] == "Mục tiêu: ≥ 80%"
    assert frame.loc[0, "radius"] > frame.loc[1, "radius"] > 0


def test_the_deck_needs_no_internet_and_has_the_expected_layers():
    deck = maps.deck(_frame(), maps.TOOLTIP)
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
    spec = json.loads(maps.deck(_frame(), maps.TOOLTIP,
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
    frame = _frame()
    spec = json.loads(maps.deck(frame, maps.TOOLTIP, matched).to_json())
    polygons = next(layer for layer in spec["layers"] if layer["id"] == "boundaries")
    fills = {f["properties"]["area_code"]: f["properties"]["fill"] for f in polygons["data"]["features"]}
    assert fills["31120"] == maps.rgba(STATUS_COLORS["achieved"]) and fills["31309"] == maps.NO_DATA
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
    frame = _frame(many)
    spec = json.loads(maps.compact_json(maps.deck(frame, maps.TOOLTIP).to_json()))
    assert [layer["id"] for layer in spec["layers"]] == ["wards"]            # names on hover only
    small = json.loads(maps.deck(_frame(), maps.TOOLTIP).to_json())
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
