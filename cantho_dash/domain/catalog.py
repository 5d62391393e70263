"""The reference data: pillars, the 30 targets and 51 tasks of Plan 224, agencies, and the 103 wards."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from cantho_dash.config import CATALOG_DIR
from cantho_dash.domain.vntext import key, nfc

CITY = "CT"  # the area code of city-wide figures
WARD_TYPES = {"Phường": "phuong", "Xã": "xa"}
CANTHO_PROVINCE_CODE = "92"


def _read_csv(path: Path, **kwargs) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", **kwargs)
    return frame.apply(lambda col: col.map(nfc))


def read_pillars() -> pd.DataFrame:
    """The three pillars, in plan order."""
    frame = _read_csv(CATALOG_DIR / "pillars.csv")
    return frame.assign(sort_order=frame["sort_order"].astype(int))


def read_targets(path: Path | None = None) -> pd.DataFrame:
    """The targets catalog (data/catalog/targets.csv, or a revised one), typed."""
    frame = _read_csv(path or CATALOG_DIR / "targets.csv")
    return frame.assign(
        plan_no=frame["plan_no"].astype(int),
        target_value=frame["target_value"].astype(float),
        deadline=pd.to_datetime(frame["deadline"]).dt.date,
    )


def read_target_parts() -> pd.DataFrame:
    """The parts of targets measured in more than one figure (Plan 224 no. 15)."""
    frame = _read_csv(CATALOG_DIR / "target_parts.csv")
    return frame.assign(target_value=frame["target_value"].astype(float))


def read_target_labels() -> pd.DataFrame:
    """Short labels of targets and parts, for wall screens and charts."""
    return _read_csv(CATALOG_DIR / "target_labels.csv")


def read_tasks() -> pd.DataFrame:
    """The 51 tasks of Appendix II."""
    frame = _read_csv(CATALOG_DIR / "tasks.csv")
    return frame.assign(task_no=frame["task_no"].astype(int),
                        due_date=pd.to_datetime(frame["due_date"].replace("", None)).dt.date)


def read_ward_series() -> set[str]:
    """The series reported by ward as well as city-wide (data/catalog/ward_indicators.csv)."""
    return set(_read_csv(CATALOG_DIR / "ward_indicators.csv")["code"])


def read_agencies() -> pd.DataFrame:
    """Every agency named in the plan, plus the city's other departments."""
    frame = _read_csv(CATALOG_DIR / "agencies.csv")
    return frame.assign(collective=frame["collective"] == "true", in_plan=frame["in_plan"] == "true")


def read_wards() -> pd.DataFrame:
    """Today's 103 wards and communes of Cần Thơ, from the vietnamadminunits package."""
    from vietnamadminunits.database import get_data

    columns = {"wardCode": "code", "ward": "name_vi", "wardShort": "short_name", "wardType": "ward_type",
               "wardLat": "latitude", "wardLon": "longitude", "wardAreaKm2": "area_km2"}
    units = pd.DataFrame(get_data(fields=[*columns, "provinceCode"], table="admin_units"))
    frame = (units[units["provinceCode"] == CANTHO_PROVINCE_CODE][list(columns)].rename(columns=columns)
             .sort_values("code", ignore_index=True))
    for col in ("name_vi", "short_name"):
        frame[col] = frame[col].map(nfc)
    # The type follows the legal name ("Phường Tân Lộc" is a phường): the package's type field
    # contradicts the name for two units (31213, 31299).
    by_name = frame["name_vi"].str.split().str[0].map({"Phường": "phuong", "Xã": "xa"})
    frame["ward_type"] = by_name.fillna(frame["ward_type"].map(WARD_TYPES))
    return frame


def split_agency_list(text: str) -> list[str]:
    """The agency names in a catalog cell ('Sở, ban, ngành; UBND xã, phường' -> two names)."""
    return [name for name in (nfc(part) for part in str(text or "").split(";")) if name]


_AGENCY_WORDS = ((re.compile(r"\s*&\s*"), " và "), (re.compile(r"\btp\b\.?"), "thành phố"),
                 (re.compile(r"^ca\b\.?"), "công an"), (re.compile(r"^ubnd\b\.?"), "ủy ban nhân dân"))
_CITY_TAIL = re.compile(r"\s*(?:,|-)?\s*(?:thành phố|tỉnh)?\s*cần thơ\s*$")


def agency_keys(name: str) -> list[str]:
    """The keys an agency's name is known by: as written, with 'TP', 'CA', 'UBND' and '&' spelt
    out, and without 'thành phố Cần Thơ' at its end ('Công an TP Cần Thơ' = 'Công an thành phố')."""
    text = nfc(name).lower()
    for pattern, words in _AGENCY_WORDS:
        text = pattern.sub(words, text).strip()
    short = _CITY_TAIL.sub("", text)
    keys = [key(name), key(text)]
    if short and short != text:
        keys += [key(short), key(short + " thành phố")]
    return list(dict.fromkeys(k for k in keys if k))


class AgencyIndex:
    """Finds an agency by code, name or alias, with or without diacritics, as people write them."""

    def __init__(self, agencies: pd.DataFrame):
        self.frame = agencies.set_index("code", drop=False)
        self._by_key: dict[str, str] = {}
        for row in agencies.itertuples():
            names = [row.code, row.name_vi, row.name_en, *filter(None, str(row.aliases or "").split("|"))]
            for name in names:
                for k in agency_keys(name):
                    self._by_key.setdefault(k, row.code)

    def code(self, name: str) -> str | None:
        """The agency code for a name, or None."""
        return next((self._by_key[k] for k in agency_keys(name) if k in self._by_key), None)

    def codes(self, cell: str) -> list[str]:
        """Agency codes for every name in a catalog cell; raises KeyError naming an unknown one."""
        codes = []
        for name in split_agency_list(cell):
            code = self.code(name)
            if code is None:
                raise KeyError(name)
            codes.append(code)
        return codes


@lru_cache(maxsize=1)
def agency_index() -> AgencyIndex:
    """The index over data/catalog/agencies.csv."""
    return AgencyIndex(read_agencies())


def indicators(targets: pd.DataFrame, parts: pd.DataFrame) -> pd.DataFrame:
    """The measurable series: each target, or each of its parts where it has parts."""
    whole = targets[~targets["code"].isin(parts["target_code"])].assign(target_code=targets["code"])
    split = parts.merge(targets[["code", "pillar", "deadline", "plan_no"]].rename(columns={"code": "target_code"}),
                        on="target_code")
    cols = ["code", "target_code", "pillar", "plan_no", "name_vi", "name_en", "unit", "comparator",
            "target_value", "deadline"]
    return pd.concat([whole[cols], split[cols]], ignore_index=True).sort_values(["plan_no", "code"],
                                                                                 ignore_index=True)
