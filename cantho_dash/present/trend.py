"""Lines over time: a target's values with its expected path and projection."""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from cantho_dash.present.theme import STATUS_COLORS, base_layout, scale_of
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_number


def trend(history: pd.DataFrame, row, as_of: date, lang: str = "vi", height: int = 380) -> go.Figure:
    """Values over time with the expected path, the year-end projection, the target and the as-of date."""
    factor, suffix = scale_of(row)
    fig = go.Figure()
    points = history.sort_values("period_end")
    fig.add_trace(go.Scatter(x=points["period_end"], y=points["value"] * factor, mode="lines+markers",
                             name=t("trend_values", lang), line=dict(width=3, color="#4aa3ff"),
                             marker=dict(size=8), hovertemplate="%{x|%m/%Y}: %{y:.1f}" + suffix + "<extra></extra>"))
    deadline = pd.Timestamp(row["deadline"])
    if pd.notna(row.get("baseline")) and pd.notna(row.get("baseline_end")):
        fig.add_trace(go.Scatter(x=[pd.Timestamp(row["baseline_end"]), deadline],
                                 y=[row["baseline"] * factor, row["target_value"] * factor], mode="lines",
                                 name=t("trend_path", lang), line=dict(dash="dot", width=2, color="#aaaaaa")))
    if pd.notna(row.get("projected")) and pd.notna(row.get("value")):
        fig.add_trace(go.Scatter(x=[pd.Timestamp(row["period_end"]), deadline],
                                 y=[row["value"] * factor, row["projected"] * factor], mode="lines+markers",
                                 name=t("trend_projection", lang),
                                 line=dict(dash="dash", width=2, color=STATUS_COLORS[row["status"]]),
                                 marker=dict(size=[0, 10], symbol="diamond")))
    fig.add_hline(y=row["target_value"] * factor, line=dict(color="#e74c3c", width=1.5, dash="longdash"),
                  annotation_text=f"{t('trend_target', lang)} {fmt_number(row['target_value'] * factor, 1, lang)}{suffix}",
                  annotation_position="top left")
    fig.add_vline(x=pd.Timestamp(as_of), line=dict(color="#888888", width=1, dash="dot"))
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
                      xaxis=dict(range=[pd.Timestamp(deadline.year, 1, 1) - pd.Timedelta(days=20),
                                        deadline + pd.Timedelta(days=20)], tickformat="%m/%Y"),
                      yaxis=dict(ticksuffix=suffix))
    return base_layout(fig, lang, height)


def rank_history(periods: list[str], ranks: list[int], lang: str = "vi", height: int = 260) -> go.Figure:
    """A unit's rank over time (1 at the top)."""
    fig = go.Figure(go.Scatter(x=periods, y=ranks, mode="lines+markers+text", text=[f"#{int(r)}" for r in ranks],
                               textposition="top center", line=dict(width=3, color="#3b8ede")))
    fig.update_layout(yaxis=dict(autorange="reversed", title=t("col_rank", lang)), xaxis=dict(type="category"))
    return base_layout(fig, lang, height)
