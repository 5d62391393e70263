"""DataFrames to plotly figures: gauges, status strips, trends and bars (no queries here).

Text that may come from an uploaded catalog is escaped before it reaches plotly, which reads
a few HTML tags in labels.
"""
from __future__ import annotations

import html
import math
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from .i18n import fmt_number, plotly_separators, status_label, t
from .status import STATUSES

# The same hues as Streamlit's named colours, so badges, tiles and charts agree.
STATUS_COLORS = {
    "achieved": "#21a366", "on_track": "#3b8ede", "at_risk": "#f0a30a",
    "off_track": "#e03c31", "stale": "#9b6dd6", "no_data": "#8a8f98",
}
STATUS_NAMED = {"achieved": "green", "on_track": "blue", "at_risk": "orange", "off_track": "red",
                "stale": "violet", "no_data": "gray"}

FONT = dict(family="Inter, Segoe UI, Roboto, Arial, sans-serif")


def safe(text: object, limit: int | None = None) -> str:
    """Text for a plotly label: shortened to limit characters, HTML special characters escaped."""
    text = "" if text is None else str(text)
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return html.escape(text)


def _name(row, lang: str) -> str:
    return row["name_en"] if lang == "en" else row["name_vi"]


def _short(row, lang: str) -> str:
    return row.get("short_en" if lang == "en" else "short_vi") or row["code"]


def _scale(row) -> tuple[float, str]:
    """Milestones are shown as a percentage of completion."""
    return (100.0, "%") if row["unit"] == "milestone" else (1.0, "%" if row["unit"] == "%" else "")


def _base_layout(fig: go.Figure, lang: str, height: int, title: str | None = None) -> go.Figure:
    fig.update_layout(height=height, separators=plotly_separators(lang), font=FONT,
                      margin=dict(l=10, r=10, t=50 if title else 10, b=10),
                      paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)")
    if title:
        fig.update_layout(title=dict(text=safe(title), x=0, xanchor="left", font=dict(size=20)))
    return fig


def _indicator(row, lang: str, compact: bool) -> go.Indicator:
    factor, suffix = _scale(row)
    value = row["value"] * factor if pd.notna(row["value"]) else None
    target = row["target_value"] * factor
    expected = row["expected"] * factor if pd.notna(row["expected"]) else None
    higher = row["comparator"] in (">", ">=")
    good, bad = STATUS_COLORS["on_track"], STATUS_COLORS["off_track"]
    top = 100.0 if suffix == "%" else max(target, value or 0) * 1.2 or 1.0
    mode = "gauge+number" + ("+delta" if expected is not None and value is not None else "")
    title = (f"<b>{safe(row['code'])}</b><br><span style='font-size:0.85em'>{safe(_short(row, lang), 30)}</span>"
             if compact else
             f"<b>{safe(row['code'])} · {safe(_short(row, lang))}</b><br>"
             f"<span style='font-size:0.8em'>{safe(_name(row, lang), 70)}</span>")
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
    return _base_layout(fig, lang, height).update_layout(margin=dict(l=25, r=25, t=70, b=10))


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
    return _base_layout(fig, lang, row_height * grid_rows).update_layout(margin=dict(l=20, r=20, t=60, b=5))


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
    return _base_layout(fig, lang, height).update_layout(margin=dict(l=10, r=10, t=40, b=0))


def trend(history: pd.DataFrame, row, as_of: date, lang: str = "vi", height: int = 380) -> go.Figure:
    """Values over time with the expected path, the year-end projection, the target and the as-of date."""
    factor, suffix = _scale(row)
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
    return _base_layout(fig, lang, height)


def behind_pace_bar(rows: pd.DataFrame, lang: str = "vi", height: int = 300) -> go.Figure:
    """How far below the expected path the targets are, as a share of their target."""
    rows = rows.iloc[::-1]
    labels = [f"<b>{safe(r['code'])}</b> {safe(_short(r, lang), 34)}" for _, r in rows.iterrows()]
    gaps = (rows["pace_gap"] * 100).tolist()
    fig = go.Figure(go.Bar(
        y=labels, x=gaps, orientation="h", marker=dict(color=[STATUS_COLORS[s] for s in rows["status"]]),
        text=[f"−{fmt_number(g, 1, lang)}" for g in gaps], textposition="outside", textfont=dict(size=16),
        hovertemplate="%{y}: %{x:.1f}<extra></extra>", cliponaxis=False))
    fig.update_layout(xaxis=dict(title=t("behind_axis", lang), rangemode="tozero"), yaxis=dict(tickfont=dict(size=14)))
    return _base_layout(fig, lang, height).update_layout(margin=dict(l=10, r=40, t=10, b=10))


def agencies_bar(counts: pd.DataFrame, agencies: pd.DataFrame, lang: str = "vi", n: int = 6,
                 height: int = 300) -> go.Figure:
    """Lead agencies by their number of off-track and at-risk targets."""
    names = agencies.set_index("code")["name_en" if lang == "en" else "name_vi"]
    top = counts[(counts["off_track"] + counts["at_risk"]) > 0].head(n).iloc[::-1]
    labels = [safe(names.get(c, c), 40) for c in top["agency_code"]]
    fig = go.Figure()
    for status in ("off_track", "at_risk"):
        fig.add_trace(go.Bar(y=labels, x=top[status], orientation="h", name=status_label(status, lang),
                             marker=dict(color=STATUS_COLORS[status]), text=top[status].replace(0, ""),
                             textposition="inside", textfont=dict(size=16, color="white")))
    fig.update_layout(barmode="stack", xaxis=dict(title=t("agencies_axis", lang), dtick=1),
                      yaxis=dict(tickfont=dict(size=14)),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return _base_layout(fig, lang, height)


LEAGUE_COLORS = {"top": "#21a366", "bottom": "#e03c31", "middle": "#5b6b86"}


def _unit_name(row, lang: str) -> str:
    return row["name_en"] if lang == "en" and isinstance(row.get("name_en"), str) else row["name_vi"]


def league_bar(table: pd.DataFrame, pillar: str, lang: str = "vi", title: str | None = None,
               height: int | None = None) -> go.Figure:
    """Ranked units as horizontal bars: the top 10 in green, the bottom 10 in red; with more than 20
    units only those 20 are drawn, the top ones above; with fewer, the top half and the bottom half."""
    ranked = table[table["rank"].notna()]
    n = len(ranked)
    shown = ranked if n <= 20 else pd.concat([ranked.head(10), ranked.tail(10)])
    half = min(10, n // 2)
    groups = ["top" if r <= half else ("bottom" if r > n - half else "middle") for r in shown["rank"]]
    labels = [f"{int(r['rank'])}. {safe(_unit_name(r, lang), 34)}" for _, r in shown.iterrows()]
    texts = [f"{fmt_number(v, 1, lang)}  {r['change_label']}" for v, (_, r) in zip(shown[pillar], shown.iterrows())]
    fig = go.Figure(go.Bar(
        y=labels[::-1], x=shown[pillar].tolist()[::-1], orientation="h",
        marker=dict(color=[LEAGUE_COLORS[g] for g in groups][::-1]), text=texts[::-1], textposition="outside",
        textfont=dict(size=14), cliponaxis=False, hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    fig.update_layout(xaxis=dict(rangemode="tozero", title=t(f"pillar_{pillar}", lang) if pillar == "TONG" else pillar),
                      yaxis=dict(tickfont=dict(size=13)), showlegend=False)
    return _base_layout(fig, lang, height or 120 + 28 * len(shown), title).update_layout(margin=dict(l=10, r=60))


MAX_BARS = 120


def indicator_bar(table: pd.DataFrame, spec: dict, lang: str = "vi", title: str | None = None) -> go.Figure:
    """Every ward's value of an indicator, best first, green where it meets the target, and the target line."""
    factor, suffix = _scale(spec)
    if len(table) > MAX_BARS:     # thousands of communes: the best and the worst, with a gap between
        half = MAX_BARS // 2
        ranked = table[table["value"].notna()]
        table = pd.concat([ranked.head(half), ranked.tail(half)]).drop_duplicates("area_code")
    rows = table.iloc[::-1]
    colors = [STATUS_COLORS["no_data"] if pd.isna(v) else (STATUS_COLORS["achieved"] if m else STATUS_COLORS["off_track"])
              for v, m in zip(rows["value"], rows["meets"])]
    labels = [f"{int(r) if pd.notna(r) else '–'}. {safe(n, 30)}" for r, n in zip(rows["rank"], rows["name_vi"])]
    fig = go.Figure(go.Bar(y=labels, x=rows["value"] * factor, orientation="h", marker=dict(color=colors),
                           hovertemplate="%{y}: %{x:.1f}" + suffix + "<extra></extra>"))
    fig.add_vline(x=spec["target_value"] * factor, line=dict(color="#ffffff", width=2, dash="dash"),
                  annotation_text=f"{t('trend_target', lang)} {fmt_number(spec['target_value'] * factor, 1, lang)}{suffix}",
                  annotation_position="top")
    fig.update_layout(xaxis=dict(ticksuffix=suffix), yaxis=dict(tickfont=dict(size=11)), showlegend=False, bargap=0.15)
    return _base_layout(fig, lang, 80 + 17 * len(rows), title)


def map_legend(stops: list[tuple[str, str]], lang: str = "vi") -> go.Figure:
    """A strip of the map's colours with their meaning."""
    fig = go.Figure(go.Bar(x=[1] * len(stops), y=[""] * len(stops), orientation="h",
                           marker=dict(color=[c for c, _ in stops]), text=[label for _, label in stops],
                           textposition="inside", textfont=dict(size=14, color="#111111"),
                           hoverinfo="skip"))
    fig.update_layout(barmode="stack", xaxis=dict(visible=False), yaxis=dict(visible=False), showlegend=False)
    return _base_layout(fig, lang, 48).update_layout(margin=dict(l=0, r=0, t=0, b=0))


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
    return _base_layout(fig, lang, height)


TASK_STATE_COLORS = {"done": STATUS_COLORS["achieved"], "overdue": STATUS_COLORS["off_track"],
                     "due_soon": STATUS_COLORS["at_risk"], "in_progress": STATUS_COLORS["on_track"],
                     "blocked": STATUS_COLORS["stale"], "not_started": STATUS_COLORS["no_data"]}


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
    return _base_layout(fig, lang, height or 120 + 22 * len(dated))


def table_figure(frame: pd.DataFrame, height: int = 600) -> go.Figure:
    """A table drawn by plotly, for an exported image."""
    widths = [max([len(str(c))] + [len(str(v)) for v in frame[c]]) for c in frame.columns]
    fig = go.Figure(go.Table(
        columnwidth=[min(max(w, 4), 60) for w in widths],
        header=dict(values=[f"<b>{safe(c)}</b>" for c in frame.columns], fill_color="#1b2a44",
                    font=dict(color="white", size=15), align="left", height=34),
        cells=dict(values=[[safe(v) for v in frame[c]] for c in frame.columns], align="left", height=30,
                   font=dict(size=14), fill_color="rgba(0,0,0,0)")))
    return _base_layout(fig, "vi", height)
