"""One pillar: its targets as gauges, their status counts and a status table."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantho_dash.domain import targets as target_rules
from cantho_dash.present import gauges
from cantho_dash.scenes.base import Chart
from cantho_dash.words import status_label, t
from cantho_dash.words.formats import fmt_percent, fmt_target, fmt_value


@dataclass(frozen=True)
class Pillar:
    code: str
    name: str
    title: str                      # 'Chính quyền số · 15 chỉ tiêu'
    heading: str                    # 'Chính quyền số · 7/15 đạt hoặc đúng tiến độ'
    counts: dict[str, int]
    gauges: Chart
    table: pd.DataFrame             # code, name, value, target, status (display text)
    tiles: pd.DataFrame             # one per target: code, name, value, target, status, status_text, trend, progress


TRENDS = {1: "▲", 0: "▶", -1: "▼"}  # since the baseline, in the good direction (▲) or the bad one (▼)


def trend_of(row) -> int:
    """+1 where the value moved the good way since the baseline, -1 the bad way, 0 unchanged or unknown."""
    value, baseline = row["value"], row["baseline"]
    if pd.isna(value) or pd.isna(baseline) or abs(value - baseline) < 1e-9:
        return 0
    up = value > baseline
    return 1 if up == (row["comparator"] not in ("<", "<=")) else -1


def progress_of(row) -> float:
    """How far a value has come from its baseline to its target, in 0..1 (1 where met)."""
    value, baseline, target = row["value"], row["baseline"], row["target_value"]
    met = row.get("met")
    met = bool(met) if met is not None and met == met else False
    if pd.isna(value):
        return 0.0
    if met:
        return 1.0
    if row["unit"] == "milestone":
        return float(min(max(value, 0.0), 1.0))
    if pd.isna(baseline) or abs(target - baseline) < 1e-9:
        return 0.0
    return float(min(max((value - baseline) / (target - baseline), 0.0), 1.0))


def _tile_value(value, unit: str, lang: str) -> str:
    """A tile's big figure: a milestone under way as its share done ('85%'; the status says the rest)."""
    if unit == "milestone" and value == value and value is not None and value < 1:
        return fmt_percent(value * 100, 0, lang)
    return fmt_value(value, unit, lang)


def tile_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What a gauge tile says about each target, in words as well as colour."""
    records = rows.to_dict("records")
    return pd.DataFrame({
        "code": rows["code"].tolist(),
        "name": rows["short_en" if lang == "en" else "short_vi"].fillna(rows["code"]).tolist(),
        "value": [_tile_value(v, u, lang) for v, u in zip(rows["value"], rows["unit"])],
        "target": [fmt_target(c, v, u, lang) for c, v, u in zip(rows["comparator"], rows["target_value"], rows["unit"])],
        "status": rows["status"].tolist(),
        "status_text": [status_label(s, lang) for s in rows["status"]],
        "trend": [TRENDS[trend_of(r)] for r in records],
        "progress": [progress_of(r) for r in records],
        "lead": [r.get("lead_agency") if isinstance(r.get("lead_agency"), str) else "" for r in records],
    }, columns=["code", "name", "value", "target", "status", "status_text", "trend", "progress", "lead"])


def status_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The targets of a pillar as display text: code, name, value, target, status."""
    return pd.DataFrame({
        t("col_code", lang): rows["code"],
        t("col_name", lang): rows["short_en" if lang == "en" else "short_vi"],
        t("col_value", lang): [fmt_value(v, u, lang) for v, u in zip(rows["value"], rows["unit"])],
        t("col_target", lang): [fmt_target(c, v, u, lang) for c, v, u in
                                zip(rows["comparator"], rows["target_value"], rows["unit"])],
        t("col_status", lang): [status_label(s, lang) for s in rows["status"]],
    })


def pillar(targets: pd.DataFrame, pillars: pd.DataFrame, code: str, lang: str = "vi", columns: int = 5,
           row_height: int | None = None) -> Pillar:
    """The scene of one pillar; columns of gauges, and a row height (None: what fits 600 px, at most 260)."""
    info = pillars.set_index("code").loc[code]
    name = info["name_en" if lang == "en" else "name_vi"]
    rows = targets[targets["pillar"] == code]
    counts = target_rules.status_counts(rows)
    good = counts["achieved"] + counts["on_track"]
    columns = max(1, columns)     # as asked: pillars side by side keep one gauge size
    height = row_height if row_height is not None else min(260, 600 // max(1, -(-len(rows) // columns)))
    title = f"{name} · {len(rows)} {t('targets_count', lang)}"
    return Pillar(code, name, title, f"{name} · {good}/{len(rows)} {t('good_share', lang)}", counts,
                  Chart(f"pillar_{code.lower()}", title, gauges.gauge_grid(rows, lang, columns=columns, row_height=height)),
                  status_table(rows, lang), tile_table(rows, lang))
