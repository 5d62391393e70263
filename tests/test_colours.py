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
