"""The tasks on a timeline of due dates, and a table drawn for an exported image."""
from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from cantho_dash.present.theme import TASK_STATE_COLORS, base_layout, safe
from cantho_dash.words import t


def task_timeline(table: pd.DataFrame, as_of: date, lang: str = "vi", height: int | None = None) -> go.Figure:
    """The tasks with a due date as bars from the plan's start to their due date, coloured by state,
    with the as-of date."""
    dated = table[table["due_date"].notna()].sort_values(["due_date", "task_no"], ascending=[False, False])
    start = pd.Timestamp(pd.to_datetime(dated["due_date"]).min().year, 1, 1) if len(dated) else pd.Timestamp(as_of.year, 1, 1)
    fig = go.Figure()
    for state, color in TASK_STATE_COLORS.items():
        part = dated[dated["state"] == state]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            y=[t("task_short", lang).format(n=n) for n in part["task_no"]], x=(pd.to_datetime(part["due_date"]) - start).dt.days * 86_400_000,
            base=[start] * len(part), orientation="h", name=t(f"task_{state}", lang), marker=dict(color=color),
            hovertext=[safe(n, 80) for n in part["name_en" if lang == "en" else "name_vi"]],
            hovertemplate="%{y}: %{hovertext}<extra></extra>"))
    fig.add_vline(x=pd.Timestamp(as_of), line=dict(color="#ffffff", width=2, dash="dot"))
    fig.update_layout(barmode="overlay", xaxis=dict(type="date", tickformat="%m/%Y"),
                      yaxis=dict(categoryorder="array",
                                 categoryarray=[t("task_short", lang).format(n=n) for n in dated["task_no"]]),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return base_layout(fig, lang, height or 120 + 22 * len(dated))


def table_figure(frame: pd.DataFrame, height: int = 600) -> go.Figure:
    """A table drawn by plotly, for an exported image."""
    widths = [max([len(str(c))] + [len(str(v)) for v in frame[c]]) for c in frame.columns]
    fig = go.Figure(go.Table(
        columnwidth=[min(max(w, 4), 60) for w in widths],
        header=dict(values=[f"<b>{safe(c)}</b>" for c in frame.columns], fill_color="#1b2a44",
                    font=dict(color="white", size=15), align="left", height=34),
        cells=dict(values=[[safe(v) for v in frame[c]] for c in frame.columns], align="left", height=30,
                   font=dict(size=14), fill_color="rgba(0,0,0,0)")))
    return base_layout(fig, "vi", height)
