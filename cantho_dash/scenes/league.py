"""A DTI league: the ranked units of a group on a pillar for a period, its chart and its movers."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantho_dash.domain import ranking
from cantho_dash.domain.periods import parse_period
from cantho_dash.present import bars
from cantho_dash.scenes.base import Chart
from cantho_dash.words import t


@dataclass(frozen=True)
class League:
    title: str                      # 'Xếp hạng · Tổng điểm · Tháng 10/2026'
    heading: str                    # the chart's heading: 'Top 10 và cuối 10 …'
    period: str
    table: pd.DataFrame             # every unit, ranked (unranked last)
    ranked: int
    chart: Chart
    up: pd.DataFrame                # the units that rose most
    down: pd.DataFrame              # and fell most


def league(table: pd.DataFrame, period: str, pillar: str = "TONG", lang: str = "vi",
           height: int | None = None) -> League:
    """The league scene from a league table (facts.leagues.league_table)."""
    ranked = int(table["rank"].notna().sum())
    chart_title = t("league_chart", lang) if ranked > 20 else t("league_chart_all", lang).format(n=ranked)
    label = parse_period(period).label(lang)
    title = f"{t('scene_league', lang)} · {t(f'pillar_{pillar}', lang) if pillar == 'TONG' else pillar} · {label}"
    up, down = ranking.movers(table)
    return League(title, chart_title, period, table, ranked,
                  Chart("league_bar", f"{chart_title} · {label}", bars.league_bar(table, pillar, lang, height=height)),
                  up, down)


PILLARS = ranking.PILLARS           # what a league ranks on: the total and each pillar


def filtered(table: pd.DataFrame, types: list[str] | None, needle: str) -> pd.DataFrame:
    """The league's rows of the chosen unit types (None or empty: all) whose name matches a search."""
    return ranking.search(table[table["unit_type"].isin(types)] if types else table, needle)
