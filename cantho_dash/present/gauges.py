"""Gauges of targets: one tile a target (value, a marker at the target, the delta to the expected
value), a grid of them, and the strip of statuses by pillar."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from cantho_dash.present.theme import STATUS_COLORS, base_layout, display_name, safe, scale_of, short_label
from cantho_dash.words import status_label
from cantho_dash.domain.status import STATUSES


def _indicator(row, lang: str, compact: bool) -> go.Indicator:
    factor, suffix = scale_of(row)
    value = row["value"] * factor if pd.notna(row["value"]) else None
    target = row["target_value"] * factor
    expected = row["expected"] * factor if pd.notna(row["expected"]) else None
    higher = row["comparator"] in (">", ">=")
    good, bad = STATUS_COLORS["on_track"], STATUS_COLORS["off_track"]
    top = 100.0 if suffix == "%" else max(target, value or 0) * 1.2 or 1.0
    mode = "gauge+number" + ("+delta" if expected is not None and value is not None else "")
    title = (f"<b>{safe(row['code'])}</b><br><span style='font-size:0.85em'>{safe(short_label(row, lang), 30)}</span>"
             if compact else
             f"<b>{safe(row['code'])} · {safe(short_label(row, lang))}</b><br>"
             f"<span style='font-size:0.8em'>{safe(display_name(row, lang), 70)}</span>")
    return go.Indicator(
        mode=mode, value=value,
        number=dict(suffix=suffix, valueformat=".1f", font=dict(size=22 if compact else 36)),
        delta=dict(reference=expected, valueformat=".1f", position="bottom", font=dict(size=13 if compact else 16),
                   increasing=dict(color=good if higher else bad), decreasing=dict(color=bad if higher else good)),
        gauge=dict(
            axis=dict(range=[0, top], tickwidth=1, nticks=3 if compact else 6, tickfont=dict(size=9 if compact else 11)),
            bar=dict(color=STATUS_COLORS[row["status"]], thickness=0.6),
            bgcolor="rgba(127,127,127,0.15)", borderwidth=0,
            threshold=dict(line=dict(color="#e74c3c" if not higher else "#ffffff", width=3), thickness=0.9, value=target),
        ),
        title=dict(text=title, font=dict(size=14 if compact else 15)),
    )


def gauge(row, lang: str = "vi", height: int = 260) -> go.Figure:
    """One target's gauge: the value, a marker at the target, and the delta to expected-by-today."""
    fig = go.Figure(_indicator(row, lang, compact=False))
    return base_layout(fig, lang, height).update_layout(margin=dict(l=25, r=25, t=70, b=10))


def gauge_grid(rows: pd.DataFrame, lang: str = "vi", columns: int = 8, row_height: int = 200) -> go.Figure:
    """A compact grid of gauges, one per target, for a wall screen."""
    n = len(rows)
    grid_rows = max(1, math.ceil(n / columns))
    fig = go.Figure()
    for i, (_, row) in enumerate(rows.iterrows()):
        indicator = _indicator(row, lang, compact=True)
        indicator.domain = dict(row=i // columns, column=i % columns)
        fig.add_trace(indicator)
    fig.update_layout(grid=dict(rows=grid_rows, columns=columns, pattern="independent", ygap=0.35, xgap=0.25))
    return base_layout(fig, lang, row_height * grid_rows).update_layout(margin=dict(l=20, r=20, t=60, b=5))


def status_strip(targets: pd.DataFrame, pillars: pd.DataFrame, lang: str = "vi", height: int = 230) -> go.Figure:
    """One stacked bar per pillar: how many of its targets are in each status."""
    names = {r.code: (r.name_en if lang == "en" else r.name_vi) for r in pillars.itertuples()}
    order = list(pillars.sort_values("sort_order")["code"])[::-1]
    counts = pd.crosstab(targets["pillar"], targets["status"]).reindex(index=order, columns=STATUSES, fill_value=0)
    labels = [f"{safe(names.get(p, p))} ({counts.loc[p].sum()})" for p in order]
    fig = go.Figure()
    for status in STATUSES:
        values = counts[status].tolist()
        fig.add_trace(go.Bar(
            y=labels, x=values, orientation="h", name=status_label(status, lang),
            marker=dict(color=STATUS_COLORS[status]), text=[str(v) if v else "" for v in values],
            textposition="inside", insidetextanchor="middle", textfont=dict(size=22, color="white"),
            hovertemplate="%{y}: %{x} " + safe(status_label(status, lang)) + "<extra></extra>"))
    fig.update_layout(barmode="stack", bargap=0.25,
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, font=dict(size=15), traceorder="normal"),
                      xaxis=dict(visible=False), yaxis=dict(tickfont=dict(size=17)))
    return base_layout(fig, lang, height).update_layout(margin=dict(l=10, r=10, t=40, b=0))
