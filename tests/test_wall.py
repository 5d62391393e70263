"""The briefing wall as data and as HTML: the rotation, the tile layout, the map's groups, the
gauge tiles' words, and every text escaped."""
from __future__ import annotations

import pandas as pd
import pytest

from cantho_dash.present import wall
from cantho_dash.scenes import pillar as pillar_scene
from cantho_dash.web import briefing
from cantho_dash.web.wall import SCENES


@pytest.mark.parametrize("n, cols", [(1, 1), (4, 2), (6, 3), (11, 4), (15, 5), (20, 5)])
def test_tiles_take_the_screens_shape(n, cols):
    assert wall.columns(n) == cols


def test_a_scene_stays_for_its_interval_and_the_next_one_follows_without_a_skip():
    first = briefing.next_scene(None, 0.0, 10)
    assert first == briefing.scene_at(0.0, 10) == SCENES[0]
    assert briefing.next_scene((first, 0.0), 5.0, 10) == first          # a page rerun between: stays
    assert briefing.next_scene((first, 0.0), 9.2, 10) == SCENES[1]      # a rerun a little early: its time is up
    assert briefing.next_scene((first, 0.0), 95.0, 10) == SCENES[1]     # however late: the next one, none skipped
    assert briefing.next_scene((SCENES[-1], 0.0), 10.0, 10) == SCENES[0]
    assert briefing.next_scene((first, 0.0), 50.0, 10, pinned="map") == "map"
    assert briefing.next_scene(("gone", 0.0), 25.0, 10) == briefing.scene_at(25.0, 10)


def _targets() -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["A-01", "A-02", "A-03"], "short_vi": ["Tỷ lệ <b>số</b>", "Thời gian", "Mốc"],
        "short_en": ["Share", "Time", "Milestone"], "unit": ["%", "ngày", "milestone"],
        "comparator": [">=", "<=", ">="], "target_value": [80.0, 5.0, 1.0],
        "value": [60.0, 7.0, 0.85], "baseline": [40.0, 9.0, 0.0], "met": [False, False, False],
        "status": ["at_risk", "off_track", "on_track"],
    })


def test_a_gauge_tile_says_value_target_status_and_trend_in_words():
    tiles = pillar_scene.tile_table(_targets(), "vi")
    assert list(tiles["value"]) == ["60,0%", "7,0", "85%"]
    assert list(tiles["target"])[:2] == ["≥ 80,0%", "≤ 5,0"]
    assert list(tiles["status_text"]) == ["Có nguy cơ", "Chậm tiến độ", "Đúng tiến độ"]
    assert list(tiles["trend"]) == ["▲", "▲", "▲"]       # 9 → 7 days where fewer is better: the good way
    assert tiles["progress"].tolist() == pytest.approx([0.5, 0.5, 0.85])
    worse = _targets().assign(value=[30.0, 11.0, 0.0])
    assert list(pillar_scene.tile_table(worse, "vi")["trend"]) == ["▼", "▼", "▶"]
    html = wall.gauge_tiles(tiles, "Mục tiêu")
    assert "Có nguy cơ" in html and "Mục tiêu: ≥ 80,0%" in html and "60,0% ▲" in html


def test_every_text_is_escaped():
    html = wall.gauge_tiles(pillar_scene.tile_table(_targets(), "vi"), "<i>")
    assert "<b>số</b>" not in html and "&lt;b&gt;số&lt;/b&gt;" in html and "&lt;i&gt;" in html
    listed = wall.items([("<script>x</script>", "<img src=x onerror=alert(1)>", "1")])
    assert "<script>" not in listed and "<img" not in listed
    table = wall.table(pd.DataFrame({"<th>": ["<td>"]}))
    assert "&lt;th&gt;" in table and "&lt;td&gt;" in table
    scene = wall.scene([("<a>", True)], "<h1>", "", seconds=20)
    assert "&lt;a&gt;" in scene and "&lt;h1&gt;" in scene and "animation-duration:20s" in scene


def test_long_lines_are_cut_here_not_by_the_browser():
    listed = wall.items([("x" * 200, "y" * 200, "trễ 5 ngày")], limit=40)
    assert "x" * 40 not in listed and "x" * 27 + "…" in listed and "y" * 39 + "…" in listed


def test_bars_are_escaped_text_with_segments_clamped_to_their_box():
    out = wall.bars([("<img src=x onerror=alert(1)>", "3 <b>", [(0.5, "#d64545"), (1.7, "#f0a030")])])
    assert "<img" not in out and "&lt;img" in out and "3 &lt;b&gt;" in out
    assert "width:50.0%" in out and "width:100.0%" in out
    assert wall.bars([], none="Không có") == '<div class="w-muted">Không có</div>'
