"""The pieces a scene is made of."""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go


@dataclass(frozen=True)
class Chart:
    """A figure with its ASCII name (element key, file name) and its title (PNG stamp, slide)."""

    key: str
    title: str
    fig: go.Figure
