"""One pillar: its targets as gauges, their status counts and a status table."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantho_dash.domain import targets as target_rules
from cantho_dash.present import gauges
from cantho_dash.scenes.base import Chart
from cantho_dash.words import status_label, t
from cantho_dash.words.formats import fmt_target, fmt_value


@dataclass(frozen=True)
class Pillar:
    code: str
    name: str
    title: str                      # 'Chính quyền số · 15 chỉ tiêu'
    heading: str                    # 'Chính quyền số · 7/15 đạt hoặc đúng tiến độ'
    counts: dict[str, int]
    gauges: Chart
    table: pd.DataFrame             # code, name, value, target, status (display text)


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
                  status_table(rows, lang))
