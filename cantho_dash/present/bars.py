"""Bar charts: the targets furthest behind, the lead agencies with the most lagging targets, the DTI
league, the wards on an indicator."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from cantho_dash.present.theme import STATUS_COLORS, base_layout, safe, scale_of, short_label
from cantho_dash.words import status_label, t
from cantho_dash.words.formats import fmt_number


def behind_pace_bar(rows: pd.DataFrame, lang: str = "vi", height: int = 300) -> go.Figure:
    """How far below the expected path the targets are, as a share of their target."""
    rows = rows.iloc[::-1]
    labels = [f"<b>{safe(r['code'])}</b> {safe(short_label(r, lang), 34)}" for _, r in rows.iterrows()]
    gaps = (rows["pace_gap"] * 100).tolist()
    fig = go.Figure(go.Bar(
        y=labels, x=gaps, orientation="h", marker=dict(color=[STATUS_COLORS[s] for s in rows["status"]]),
        text=[f"−{fmt_number(g, 1, lang)}" for g in gaps], textposition="outside", textfont=dict(size=16),
        hovertemplate="%{y}: %{x:.1f}<extra></extra>", cliponaxis=False))
    fig.update_layout(xaxis=dict(title=t("behind_axis", lang), rangemode="tozero"), yaxis=dict(tickfont=dict(size=14)))
    return base_layout(fig, lang, height).update_layout(margin=dict(l=10, r=40, t=10, b=10))


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
    return base_layout(fig, lang, height)


# A rank is not a status: the top and bottom are told apart by lightness, never by the status hues
# (green would say 'achieved', red 'off track').
LEAGUE_COLORS = {"top": "#dbe4f0", "bottom": "#56657e", "middle": "#93a1b8"}


def _unitdisplay_name(row, lang: str) -> str:
    return row["name_en"] if lang == "en" and isinstance(row.get("name_en"), str) else row["name_vi"]


def league_bar(table: pd.DataFrame, pillar: str, lang: str = "vi", title: str | None = None,
               height: int | None = None) -> go.Figure:
    """Ranked units as horizontal bars: the top 10 light, the bottom 10 dark; with more than 20
    units only those 20 are drawn, the top ones above; with fewer, the top half and the bottom half."""
    ranked = table[table["rank"].notna()]
    n = len(ranked)
    shown = ranked if n <= 20 else pd.concat([ranked.head(10), ranked.tail(10)])
    half = min(10, n // 2)
    groups = ["top" if r <= half else ("bottom" if r > n - half else "middle") for r in shown["rank"]]
    labels = [f"{int(r['rank'])}. {safe(_unitdisplay_name(r, lang), 34)}" for _, r in shown.iterrows()]
    texts = [f"{fmt_number(v, 1, lang)}  {r['change_label']}" for v, (_, r) in zip(shown[pillar], shown.iterrows())]
    fig = go.Figure(go.Bar(
        y=labels[::-1], x=shown[pillar].tolist()[::-1], orientation="h",
        marker=dict(color=[LEAGUE_COLORS[g] for g in groups][::-1]), text=texts[::-1], textposition="outside",
        textfont=dict(size=14), cliponaxis=False, hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    fig.update_layout(xaxis=dict(rangemode="tozero", title=t(f"pillar_{pillar}", lang) if pillar == "TONG" else pillar),
                      yaxis=dict(tickfont=dict(size=13)), showlegend=False)
    return base_layout(fig, lang, height or 120 + 28 * len(shown), title).update_layout(margin=dict(l=10, r=60))


MAX_BARS = 120


def indicator_bar(table: pd.DataFrame, spec: dict, lang: str = "vi", title: str | None = None) -> go.Figure:
    """Every ward's value of an indicator, best first, green where it meets the target, and the target line."""
    factor, suffix = scale_of(spec)
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
    return base_layout(fig, lang, 80 + 17 * len(rows), title)
