"""The dashboard's look: the six status colours (the same hues as Streamlit's named colours, so badges,
tiles and charts agree), the font, the dark layout, and text made safe for plotly labels (which read a few
HTML tags)."""
from __future__ import annotations

import html

import plotly.graph_objects as go

from cantho_dash.domain.vntext import shorten
from cantho_dash.words.formats import plotly_separators


STATUS_COLORS = {
    "achieved": "#21a366", "on_track": "#3b8ede", "at_risk": "#f0a30a",
    "off_track": "#e03c31", "stale": "#9b6dd6", "no_data": "#8a8f98",
}


STATUS_NAMED = {"achieved": "green", "on_track": "blue", "at_risk": "orange", "off_track": "red",
                "stale": "violet", "no_data": "gray"}


FONT = dict(family="Inter, Segoe UI, Roboto, Arial, sans-serif")


# One meaning per colour: orange is 'at risk' here as for targets; a task due soon but on pace is blue.
TASK_STATE_COLORS = {"done": STATUS_COLORS["achieved"], "overdue": STATUS_COLORS["off_track"],
                     "at_risk": STATUS_COLORS["at_risk"], "due_soon": STATUS_COLORS["on_track"],
                     "in_progress": STATUS_COLORS["on_track"],
                     "blocked": STATUS_COLORS["stale"], "not_started": STATUS_COLORS["no_data"]}


def safe(text: object, limit: int | None = None) -> str:
    """Text for a plotly label: shortened to limit characters, HTML special characters escaped."""
    text = "" if text is None else str(text)
    return html.escape(shorten(text, limit) if limit else text)


def display_name(row, lang: str) -> str:
    """A row's name in the language."""
    return row["name_en"] if lang == "en" else row["name_vi"]


def short_label(row, lang: str) -> str:
    """A row's short label in the language, or its code."""
    return row.get("short_en" if lang == "en" else "short_vi") or row["code"]


def scale_of(row) -> tuple[float, str]:
    """Milestones are shown as a percentage of completion."""
    return (100.0, "%") if row["unit"] == "milestone" else (1.0, "%" if row["unit"] == "%" else "")


def base_layout(fig: go.Figure, lang: str, height: int, title: str | None = None) -> go.Figure:
    """The dashboard's layout on a figure: height, separators, font, transparent background, a title."""
    fig.update_layout(height=height, separators=plotly_separators(lang), font=FONT,
                      margin=dict(l=10, r=10, t=50 if title else 10, b=10),
                      paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)")
    if title:
        fig.update_layout(title=dict(text=safe(title), x=0, xanchor="left", font=dict(size=20)))
    return fig
