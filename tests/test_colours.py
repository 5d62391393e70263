"""One meaning per colour: the status hues mean a status wherever they appear, and nothing else."""
from __future__ import annotations

from conftest import AS_OF
from cantho_dash.facts import targets as target_facts
from cantho_dash.present import bars, theme
from cantho_dash.scenes import overview as overview_scene
from cantho_dash.store import queries


def test_a_rank_is_never_painted_in_a_status_colour():
    assert not set(bars.LEAGUE_COLORS.values()) & set(theme.STATUS_COLORS.values())


def test_a_task_at_risk_is_orange_as_a_target_at_risk_and_one_due_soon_is_not():
    assert theme.TASK_STATE_COLORS["at_risk"] == theme.STATUS_COLORS["at_risk"]
    assert theme.TASK_STATE_COLORS["due_soon"] != theme.STATUS_COLORS["at_risk"]
    assert theme.TASK_STATE_COLORS["overdue"] == theme.STATUS_COLORS["off_track"]


def test_collective_leads_are_a_note_not_bars(engine):
    agencies = queries.agencies(engine)
    scene = overview_scene.overview(target_facts.target_status(engine, AS_OF), queries.pillars(engine), agencies)
    shown = {label for trace in scene.agencies.fig.data for label in trace.y}
    collective = set(agencies.loc[agencies["collective"], "name_vi"])
    assert shown and not shown & collective
    assert "Sở, ban, ngành" in scene.agencies_note and "chỉ tiêu" in scene.agencies_note


def test_the_overview_bars_are_the_charts_rows_in_their_status_colours(engine):
    agencies = queries.agencies(engine)
    scene = overview_scene.overview(target_facts.target_status(engine, AS_OF), queries.pillars(engine), agencies)
    assert len(scene.behind_rows) == len(scene.behind.fig.data[0].y)
    assert max(share for _, _, segments in scene.behind_rows for share, _ in segments) == 1.0
    assert all(colour in theme.STATUS_COLORS.values() for _, _, segs in scene.behind_rows for _, colour in segs)
    assert all(figure.startswith("−") and "," in figure for _, figure, _ in scene.behind_rows)
    collective = set(agencies.loc[agencies["collective"], "name_vi"])
    labels = [label for label, _, _ in scene.agency_rows]
    assert labels and not set(labels) & collective
    assert all(("chậm" in figure or "nguy cơ" in figure) for _, figure, _ in scene.agency_rows)
