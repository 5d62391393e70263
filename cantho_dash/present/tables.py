"""DataFrames for display: one column per fact, formatted the Vietnamese way (or English)."""
from __future__ import annotations

import pandas as pd

from cantho_dash.present.theme import STATUS_COLORS
from cantho_dash.words import status_label, t
from cantho_dash.words.formats import FORMULA_STARTS, fmt_date, fmt_number, fmt_target, fmt_value, formula_safe
from cantho_dash.domain.periods import parse_period


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
            t("col_target", lang): fmt_target(r["comparator"], r["target_value"], unit, lang),
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


def unit_name(row, lang: str = "vi") -> str:
    """A unit's name in the chosen language (wards keep their Vietnamese name)."""
    name = row.get("name_en") if lang == "en" else None
    return name if isinstance(name, str) and name else str(row.get("name_vi") or row.get("unit_code"))


def unit_names(table: pd.DataFrame, lang: str = "vi") -> list[str]:
    """unit_name of every row, without iterating rows (a national league has thousands)."""
    names = table["name_vi"].where(table["name_vi"].notna(), table["unit_code"]).astype(str)
    if lang == "en" and "name_en" in table:
        english = table["name_en"]
        names = english.where(english.notna() & (english.astype(str) != ""), names).astype(str)
    return names.tolist()


def league_table(table: pd.DataFrame, pillar: str, lang: str = "vi") -> pd.DataFrame:
    """The league as a readable table: rank, change, unit, type, the pillars and the total."""
    return pd.DataFrame({
        t("col_rank", lang): [str(int(r)) if pd.notna(r) else t("not_ranked", lang) for r in table["rank"]],
        t("col_change", lang): table["change_label"],
        t("col_unit", lang): unit_names(table, lang),
        t("col_type", lang): [t(f"type_{u}", lang) for u in table["unit_type"]],
        "CQS": [fmt_number(v, 2, lang) for v in table["CQS"]],
        "KTS": [fmt_number(v, 2, lang) for v in table["KTS"]],
        "XHS": [fmt_number(v, 2, lang) for v in table["XHS"]],
        t("col_total", lang): [fmt_number(v, 2, lang) for v in table["TONG"]],
    })


def styled_league(table: pd.DataFrame, pillar: str, lang: str = "vi"):
    """The league table with climbs in green and falls in red (a pandas Styler, no HTML)."""
    shown = league_table(table, pillar, lang)
    colours = {"▲": "color: #21a366; font-weight: 600", "▼": "color: #e03c31; font-weight: 600"}
    return shown.style.map(lambda v: colours.get(str(v)[:1], ""), subset=[t("col_change", lang)])


NUMBER = r"^[+\-−]?[\d\s.,%]+$"


def grid_safe(shown):
    """A frame (or a Styler's frame) for a data grid, whose own 'Download as CSV' a spreadsheet
    opens: every text cell a spreadsheet would run as a formula gets a leading apostrophe (a signed
    number such as '-3,2' stays as it is)."""
    styler = not isinstance(shown, pd.DataFrame)
    safe = (shown.data if styler else shown).copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            text = safe[column]
            risky = text.map(lambda v: isinstance(v, str) and v[:1] in FORMULA_STARTS) \
                & ~text.astype(str).str.match(NUMBER)
            if risky.any():
                safe[column] = [formula_safe(v) if r else v for v, r in zip(text, risky)]
    if not styler:
        return safe
    shown.data = safe                  # the Styler's styles stay on the same cells
    return shown
