"""The ward map as a plotly figure, drawn for an exported image or a slide."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cantho_dash.present.theme import base_layout, safe


def ward_map(frame: pd.DataFrame, lang: str = "vi", height: int = 700) -> go.Figure:
    """The ward map as a plotly figure (for PNG export): the same colours and sizes as the pydeck map,
    on longitude and latitude axes kept to scale (no basemap, nothing to fetch)."""
    rgb = [f"rgba({c[0]},{c[1]},{c[2]},{c[3] / 255:.2f})" for c in frame["fill"]]
    size = 8 + 22 * (frame["radius"] - frame["radius"].min()) / ((frame["radius"].max() - frame["radius"].min()) or 1)
    hover = frame["name_vi"].map(safe) + "<br>" + frame["tt_value"].map(safe)
    fig = go.Figure(go.Scatter(x=frame["longitude"], y=frame["latitude"], mode="markers+text", text=frame["short_name"].map(safe),
                               textposition="top center", textfont=dict(size=9), hovertext=hover, hoverinfo="text",
                               marker=dict(size=size, color=rgb, line=dict(width=1, color="rgba(255,255,255,0.6)"))))
    fig.update_layout(xaxis=dict(visible=False), yaxis=dict(visible=False, scaleanchor="x", scaleratio=1.0154),
                      showlegend=False)
    return base_layout(fig, lang, height)
