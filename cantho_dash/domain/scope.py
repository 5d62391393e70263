"""Who may write what (pure). An account belongs to a reporting unit, or to none (a city analyst,
the plan's secretariat, who may write everything).

- A department writes the city-wide figures and the ward rows of the targets (and parts) it leads,
  and the statuses of the tasks it leads.
- A ward writes its own rows of the ward-level indicators, nothing city-wide.
- DTI scores and the targets catalog are written by city analysts only.
- A collective lead ("Sở, ban, ngành", "UBND xã, phường") gives no unit a right by itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from cantho_dash.domain.catalog import CITY, agency_index, read_agencies, read_target_parts, read_targets, read_tasks, read_wards
from cantho_dash.domain.catalog import read_ward_series, split_agency_list
from cantho_dash.words.messages import pair

CITY_ONLY_KINDS = ("unit_scores", "targets")


def is_ward(unit: str | None) -> bool:
    """Whether a unit code is a ward's (five digits) rather than an agency's."""
    return bool(unit) and bool(re.fullmatch(r"\d{5}", unit))


@dataclass(frozen=True)
class Duties:
    """The catalog as rights: who leads each series and task, which series are reported by ward."""

    series_leads: dict[str, frozenset[str]]
    task_leads: dict[int, frozenset[str]]
    ward_series: frozenset[str]
    names: dict[str, tuple[str, str]]          # unit code -> (Vietnamese name, English name)
    lead_text: dict[str, str]                  # series code or 'task:N' -> the lead as the plan writes it

    def name(self, unit: str, lang: str = "vi") -> str:
        vi, en = self.names.get(unit, (unit, unit))
        return en if lang == "en" else vi

    def series_of(self, unit: str) -> list[str]:
        """The series an agency leads, in catalog order."""
        return [code for code, leads in self.series_leads.items() if unit in leads]

    def tasks_of(self, unit: str) -> list[int]:
        """The tasks an agency leads."""
        return sorted(n for n, leads in self.task_leads.items() if unit in leads)


def build_duties(targets: pd.DataFrame, parts: pd.DataFrame, tasks: pd.DataFrame, agencies: pd.DataFrame,
                 wards: pd.DataFrame, ward_series: set[str]) -> Duties:
    """Duties from the catalog's frames."""
    index = agency_index()
    collective = set(agencies.loc[agencies["collective"], "code"])

    def leads(cell: str) -> frozenset[str]:
        return frozenset(c for c in (index.code(n) for n in split_agency_list(cell)) if c and c not in collective)

    part_of = parts.groupby("target_code")["code"].agg(list).to_dict()
    series, text = {}, {}
    for row in targets.sort_values("plan_no").itertuples():
        for code in part_of.get(row.code, [row.code]):
            series[code], text[code] = leads(row.lead_agency), row.lead_agency
    task_leads = {int(t.task_no): leads(t.lead_agency) for t in tasks.itertuples()}
    text |= {f"task:{int(t.task_no)}": t.lead_agency for t in tasks.itertuples()}
    names = {r.code: (r.name_vi, r.name_en) for r in agencies.itertuples()}
    names |= {r.code: (r.name_vi, r.name_vi) for r in wards.itertuples()}
    return Duties(series, task_leads, frozenset(ward_series), names, text)


@lru_cache(maxsize=1)
def catalog_duties() -> Duties:
    """Duties from data/catalog (the CLI and the accounts check use these)."""
    return build_duties(read_targets(), read_target_parts(), read_tasks(), read_agencies(), read_wards(),
                        read_ward_series())


@lru_cache(maxsize=1)
def unit_names() -> dict[str, str]:
    """Every unit an account may belong to: non-collective agencies and today's wards, code -> name."""
    agencies = read_agencies()
    out = {r.code: r.name_vi for r in agencies[~agencies["collective"]].itertuples()}
    return out | {r.code: r.name_vi for r in read_wards().itertuples()}


def _sentence_case(text: str) -> str:
    """The first letter upper-case, the rest as written ('điểm DTI' -> 'Điểm DTI', not 'Điểm dti')."""
    return text[:1].upper() + text[1:]


def kind_refusal(unit: str | None, kind: str, duties: Duties) -> tuple[str, str] | None:
    """Why a unit may not write a kind at all (scores, the catalog), or None."""
    if unit is None or kind not in CITY_ONLY_KINDS:
        return None
    what_vi, what_en = pair("kind_unit_scores" if kind == "unit_scores" else "kind_targets")
    return pair("kind_city_only", what_vi=_sentence_case(what_vi), what_en=_sentence_case(what_en),
                unit_vi=duties.name(unit), unit_en=duties.name(unit, "en"))


def _lead_names(duties: Duties, key: str, leads: frozenset[str], lang: str) -> str:
    if leads:
        return ", ".join(duties.name(c, lang) for c in sorted(leads))
    return duties.lead_text.get(key, "")


def _series_reason(unit: str, code: str, area: str, duties: Duties) -> tuple[str, str] | None:
    leads = duties.series_leads.get(code, frozenset())
    if not is_ward(unit):
        if unit in leads:
            return None
        if not leads:
            return pair("series_joint_lead", code=code, lead=duties.lead_text.get(code, ""))
        return pair("series_other_lead", code=code, leads_vi=_lead_names(duties, code, leads, "vi"),
                    leads_en=_lead_names(duties, code, leads, "en"), unit_vi=duties.name(unit),
                    unit_en=duties.name(unit, "en"))
    if area == CITY:
        return pair("series_city_figure", code=code, leads_vi=_lead_names(duties, code, leads, "vi"),
                    leads_en=_lead_names(duties, code, leads, "en"), ward=duties.name(unit))
    if area != unit:
        return pair("series_other_ward", area=duties.name(area), ward=duties.name(unit))
    if code not in duties.ward_series:
        return pair("series_not_by_ward", code=code, leads_vi=_lead_names(duties, code, leads, "vi"),
                    leads_en=_lead_names(duties, code, leads, "en"))
    return None


def _task_reason(unit: str, task: int, duties: Duties) -> tuple[str, str] | None:
    leads = duties.task_leads.get(int(task), frozenset())
    if unit in leads:
        return None
    who_vi = _lead_names(duties, f"task:{int(task)}", leads, "vi")
    who_en = _lead_names(duties, f"task:{int(task)}", leads, "en")
    return pair("task_other_lead", task=int(task), leads_vi=who_vi, leads_en=who_en, unit_vi=duties.name(unit),
                unit_en=duties.name(unit, "en"))


def out_of_scope(unit: str | None, kind: str, rows: pd.DataFrame, duties: Duties) -> pd.DataFrame:
    """row_id, column, reason_vi, reason_en of every row the unit may not write (None: a city analyst).
    rows: row_id and the kind's keys (indicator_code and area_code, or task_no)."""
    columns = ["row_id", "column", "reason_vi", "reason_en"]
    if unit is None or rows.empty or kind not in ("observations", "task_status"):
        return pd.DataFrame(columns=columns)
    if kind == "observations":
        keys = rows[["indicator_code", "area_code"]].drop_duplicates()
        reasons = {(c, a): _series_reason(unit, c, a, duties) for c, a in keys.itertuples(index=False)}
        found = [(r, "area" if is_ward(unit) and a != unit else "indicator_code", *reasons[(c, a)])
                 for r, c, a in rows[["row_id", "indicator_code", "area_code"]].itertuples(index=False) if reasons[(c, a)]]
    else:
        reasons = {t: _task_reason(unit, t, duties) for t in rows["task_no"].drop_duplicates()}
        found = [(r, "task_no", *reasons[t]) for r, t in rows[["row_id", "task_no"]].itertuples(index=False) if reasons[t]]
    return pd.DataFrame(found, columns=columns)


def may_roll_back(unit: str | None, upload_unit: str | None) -> bool:
    """A city analyst may roll back any upload; a unit's analyst only the uploads of that unit."""
    return unit is None or (upload_unit is not None and unit == upload_unit)
