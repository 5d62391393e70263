"""DataFrames for display: one column per fact, formatted the Vietnamese way (or English)."""
from __future__ import annotations

import pandas as pd

from .charts import STATUS_COLORS
from .i18n import fmt_date, fmt_number, fmt_value, status_label, t
from .periods import parse_period


def _delta(row, lang: str) -> str:
    if pd.isna(row["value"]) or pd.isna(row["expected"]):
        return "–"
    factor = 100.0 if row["unit"] == "milestone" else 1.0
    diff = (row["value"] - row["expected"]) * factor
    sign = "+" if diff >= 0 else "−"
    return f"{sign}{fmt_number(abs(diff), 1, lang)}"


def targets_table(targets: pd.DataFrame, agencies: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """The targets as a readable table: value, period, target, expected, delta, projection, status."""
    names = agencies.set_index("code")["name_en" if lang == "en" else "name_vi"]
    rows = []
    for _, r in targets.iterrows():
        unit = r["unit"]
        rows.append({
            t("col_code", lang): r["code"],
            t("col_name", lang): r["name_en"] if lang == "en" else r["name_vi"],
            t("col_value", lang): fmt_value(r["value"], unit, lang),
            t("col_period", lang): parse_period(r["period"]).label(lang) if pd.notna(r["period"]) else "–",
            t("col_target", lang): f"{r['comparator']} {fmt_value(r['target_value'], unit, lang)}",
            t("col_expected", lang): fmt_value(r["expected"], unit, lang) if unit != "milestone"
            else fmt_number(r["expected"] * 100, 0, lang) + "%" if pd.notna(r["expected"]) else "–",
            t("col_delta", lang): _delta(r, lang),
            t("col_projected", lang): fmt_value(r["projected"], unit, lang) if unit != "milestone"
            else fmt_number(r["projected"] * 100, 0, lang) + "%" if pd.notna(r["projected"]) else "–",
            t("col_status", lang): status_label(r["status"], lang),
            t("col_lead", lang): "; ".join(names.get(c, c) for c in r["lead_codes"]),
            t("col_deadline", lang): fmt_date(r["deadline"], lang),
        })
    return pd.DataFrame(rows)


def styled_targets(targets: pd.DataFrame, agencies: pd.DataFrame, lang: str = "vi"):
    """The targets table with the status cells in their status colour (a pandas Styler, no HTML)."""
    table = targets_table(targets, agencies, lang)
    colours = [f"background-color: {STATUS_COLORS[s]}; color: white" for s in targets["status"]]
    return table.style.apply(lambda _: colours, subset=[t("col_status", lang)])
