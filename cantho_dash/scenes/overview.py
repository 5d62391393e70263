"""The overview: the status counts, the status strip, each pillar's gauges, the targets furthest
behind and the lead agencies with most lagging targets."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantho_dash.domain import targets as target_rules
from cantho_dash.present import bars, gauges
from cantho_dash.present.theme import STATUS_COLORS, short_label
from cantho_dash.scenes.base import Chart
from cantho_dash.scenes.pillar import Pillar, pillar
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_number


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    strip: Chart
    pillars: tuple[Pillar, ...]
    behind: Chart
    agencies: Chart
    agencies_note: str              # the collective leads left out of that chart, and how many targets they lead
    caption: str
    # the same two charts as rows for the page's HTML bars: (label, figure, [(share of the longest, colour)])
    behind_rows: tuple[tuple[str, str, list[tuple[float, str]]], ...] = ()
    agency_rows: tuple[tuple[str, str, list[tuple[float, str]]], ...] = ()


def behind_rows(behind: pd.DataFrame, lang: str) -> tuple:
    """The targets furthest behind as bar rows: code and short name, points behind, the status colour."""
    longest = float(behind["pace_gap"].max()) if len(behind) else 0.0
    return tuple((f"{r['code']} {short_label(r, lang)}", f"−{fmt_number(r['pace_gap'] * 100, 1, lang)}",
                  [(r["pace_gap"] / longest if longest else 0.0, STATUS_COLORS[r["status"]])])
                 for _, r in behind.iterrows())


def agency_rows(counts: pd.DataFrame, agencies: pd.DataFrame, lang: str, n: int = 6) -> tuple:
    """The lead agencies with most off-track and at-risk targets as stacked bar rows."""
    names = agencies.set_index("code")["name_en" if lang == "en" else "name_vi"]
    top = counts[(counts["off_track"] + counts["at_risk"]) > 0].head(n)
    longest = float((top["off_track"] + top["at_risk"]).max()) if len(top) else 0.0
    words = {s: t(f"status_{s}", lang) for s in ("off_track", "at_risk")}
    return tuple((str(names.get(r.agency_code, r.agency_code)),
                  " · ".join(f"{int(getattr(r, s))} {words[s].lower()}" for s in words if getattr(r, s)),
                  [(getattr(r, s) / longest, STATUS_COLORS[s]) for s in words if getattr(r, s)])
                 for r in top.itertuples())


def overview(targets: pd.DataFrame, pillars: pd.DataFrame, agencies: pd.DataFrame, lang: str = "vi",
             strip_height: int = 230, gauge_columns: int = 8, gauge_height: int = 200) -> Overview:
    """The overview scene from the targets' status on the as-of date. The lagging-agencies chart names
    only agencies someone answers for: collective leads ('Sở, ban, ngành') go to a note."""
    counts = target_rules.lead_agency_counts(targets)
    collective = set(agencies.loc[agencies["collective"].astype(bool), "code"])
    left_out = counts[counts["agency_code"].isin(collective) & ((counts["off_track"] + counts["at_risk"]) > 0)]
    names = agencies.set_index("code")["name_en" if lang == "en" else "name_vi"]
    note = t("agencies_note", lang).format(names="; ".join(names.get(c, c) for c in left_out["agency_code"]),
                                           n=int((left_out["off_track"] + left_out["at_risk"]).sum())) \
        if len(left_out) else ""
    behind = target_rules.behind_pace(targets)
    accountable = counts[~counts["agency_code"].isin(collective)]
    return Overview(
        target_rules.status_counts(targets),
        Chart("status_strip", t("status_by_pillar", lang), gauges.status_strip(targets, pillars, lang, height=strip_height)),
        tuple(pillar(targets, pillars, code, lang, gauge_columns, gauge_height) for code in pillars["code"]),
        Chart("behind_pace", t("behind_title", lang), bars.behind_pace_bar(behind, lang)),
        Chart("lead_agencies", t("agencies_title", lang), bars.agencies_bar(accountable, agencies, lang)),
        note,
        f"{t('plan_ref', lang)} · {fmt_number(len(targets), 0, lang)} {t('targets_count', lang)}",
        behind_rows(behind, lang),
        agency_rows(accountable, agencies, lang),
    )
