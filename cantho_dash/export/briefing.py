"""What a meeting's outputs say, read once from the store: the scenes the pages and the wall show
(overview, pillars, needs direction, league, map, tasks) and the written summaries, for an as-of
date and (for 'since the last meeting') an earlier one. The deck, the report and the PNGs use it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy.engine import Engine

from cantho_dash.domain.periods import parse_period
from cantho_dash.export import png as export
from cantho_dash.facts import leagues as league_facts
from cantho_dash.facts import targets as target_facts
from cantho_dash.facts import tasks as task_facts
from cantho_dash.facts import wards as ward_facts
from cantho_dash.scenes import direction as scenes_direction
from cantho_dash.scenes import league as scenes_league
from cantho_dash.scenes import overview as scenes_overview
from cantho_dash.scenes import pillar as scenes_pillar
from cantho_dash.scenes import summary as scenes_summary
from cantho_dash.scenes import tasks as scenes_tasks
from cantho_dash.scenes import wardmap as scenes_wardmap
from cantho_dash.scenes.base import Chart
from cantho_dash.store import demo, queries


@dataclass(frozen=True)
class Briefing:
    as_of: date
    since: date | None
    lang: str
    mark: export.Stamp
    demo: bool
    targets: pd.DataFrame
    register: pd.DataFrame
    overview: scenes_overview.Overview
    pillars: tuple[scenes_pillar.Pillar, ...]
    direction: scenes_direction.Direction
    full: scenes_direction.Direction        # the same with every item (the report lists them all)
    league: scenes_league.League | None
    map: Chart | None
    tasks: scenes_tasks.Tasks
    summary: scenes_summary.Summary


def month_before(day: date) -> date:
    """The same day a month earlier (the last day of that month where it is shorter)."""
    return (pd.Timestamp(day) - pd.DateOffset(months=1)).date()


def since_sentences(engine: Engine, targets: pd.DataFrame, register: pd.DataFrame, as_of: date, since: date,
                    lang: str) -> tuple[str, ...]:
    """What changed from the earlier date to the as-of date, in sentences."""
    periods = league_facts.score_periods(engine, "wards")
    table = league_facts.league_table(engine, "wards", periods[0]) if periods else None
    previous = "" if table is None or not len(table) else str(table["previous_period"].dropna().iloc[0]) \
        if table["previous_period"].notna().any() else ""
    return scenes_summary.since_sentences(
        target_facts.target_status(engine, since), targets, task_facts.task_register(engine, since), register,
        since, as_of, table, parse_period(periods[0]).label(lang) if periods else "",
        _mid_sentence(parse_period(previous).label(lang)) if previous else "", lang)


def _mid_sentence(label: str) -> str:
    """A period's label inside a sentence: 'năm 2025', not 'Năm 2025'."""
    return label[:1].lower() + label[1:]


def gather(engine: Engine, as_of: date, lang: str = "vi", since: date | None = None) -> Briefing:
    """Everything a meeting's outputs show for the as-of date (since: the last meeting's date)."""
    targets = target_facts.target_status(engine, as_of)
    pillars = queries.pillars(engine)
    register = task_facts.task_register(engine, as_of)
    view = scenes_overview.overview(targets, pillars, queries.agencies(engine), lang, strip_height=500)
    scenes = []
    for code in pillars["code"]:
        columns = min(5, int((targets["pillar"] == code).sum()))     # a slide's gauges fill its width
        scenes.append(scenes_pillar.pillar(targets, pillars, code, lang, columns=columns, row_height=200))
    periods = league_facts.score_periods(engine, "wards")
    ranked = chart = None
    if periods:
        ranked = scenes_league.league(league_facts.league_table(engine, "wards", periods[0]), periods[0], "TONG", lang)
        chart = scenes_wardmap.dti_map(ward_facts.dti_map_values(engine, periods[0], "TONG"), periods[0], "TONG",
                                       lang).chart(lang)
    later = since_sentences(engine, targets, register, as_of, since, lang) if since else ()
    active = demo.active(engine)
    reporting = task_facts.reporting(engine, as_of)
    return Briefing(
        as_of, since, lang,
        export.Stamp(as_of, export.source_line(active, queries.latest_upload(engine), lang), lang), active,
        targets, register, view, tuple(scenes),
        scenes_direction.direction(targets, register, reporting, as_of, lang),
        scenes_direction.direction(targets, register, reporting, as_of, lang, items=len(targets) + len(register)
                                   + len(reporting)),
        ranked, chart, scenes_tasks.task_scene(register, as_of, lang),
        scenes_summary.summary(targets, pillars, register, lang, later))
