"""Match what analysts write to catalog codes: areas, units, indicators, periods, pillars, tasks, statuses.

Each resolver takes one raw value and returns a Match: the code, or a problem code with a hint.
They run once per distinct value of a file, not once per row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from cantho_dash import config
from cantho_dash.domain.catalog import CITY, AgencyIndex, read_agencies, read_wards
from cantho_dash.domain.periods import PeriodError, parse_period
from cantho_dash.domain.vntext import fold, key, nfc, plain_forms

CITY_KEYS = {"ct", "cantho", "tpcantho", "thanhphocantho", "toanthanhpho", "toantp", "toanthanhphocantho"}
# The prefixes of today's units: 'Phường X' is only a phường, 'Xã X' only a xã; a bare name is either.
WARD_PREFIX = re.compile(r"^(?P<type>phuong|xa|p|x)\b\.?\s*(?P<name>.+)$")
WARD_TYPE_OF_PREFIX = {"phuong": "phuong", "p": "phuong", "xa": "xa", "x": "xa"}
# Units that no longer exist since 1/7/2025: towns (thị trấn), districts (quận, huyện), district towns.
FORMER_PREFIX = re.compile(r"^(thi tran|tt|quan|huyen|thi xa|tx|q|h)\b\.?\s*")
LEGACY_PREFIX = re.compile(r"^(phuong|xa|thi tran|tt|p|x)\b\.?\s*")
DISTRICT_PREFIX = re.compile(r"^(quan|huyen|thi xa|thanh pho|tx|tp|q|h)\b\.?\s*")
FORMER_PROVINCES = ("92", "93", "94")  # Cần Thơ, Hậu Giang, Sóc Trăng before the 2025 merger
# What people add around a ward's name: 'UBND phường X', 'Phường X (mới)', 'Phường X, TP. Cần Thơ'.
_PEOPLES_COMMITTEE = re.compile(r"^(?:ubnd|uy ban nhan dan|(?:cong an|tram y te)(?=\s+(?:phuong|xa|p|x)\b))\s+")
_NEW_MARK = re.compile(r"\s*\((moi|new)\)\s*$")
_CITY_SUFFIX = re.compile(r"\s*(?:,|-|–)\s*(?:tp\.?|thanh pho)?\s*can tho\s*$")


@dataclass(frozen=True)
class Match:
    """The result of resolving one raw value."""

    code: object = None
    problem: str | None = None
    hint: str = ""
    extra: object = None  # e.g. the kind of a unit ('agency' or 'ward'), a period's end date


def bare_area(raw: str) -> str:
    """A ward's name as folded text without 'UBND', '(mới)' or ', TP. Cần Thơ' around it."""
    text = fold(raw).strip()
    text = _CITY_SUFFIX.sub("", _NEW_MARK.sub("", _PEOPLES_COMMITTEE.sub("", text))).strip()
    return text


class WardIndex:
    """Today's wards by code or name, with or without diacritics and prefixes; former units for hints."""

    def __init__(self, wards: pd.DataFrame):
        self.wards = wards.set_index("code", drop=False)
        self.by_short: dict[str, str] = {}
        for row in wards.itertuples():
            self.by_short.setdefault(key(row.short_name), row.code)

    def code(self, raw: str) -> str | None:
        """The current ward code for raw, or None. A former unit's prefix (thị trấn, quận, huyện) is
        never read as today's commune of the same name, nor 'Xã X' as 'Phường X'."""
        text = plain_forms(nfc(raw))
        if re.fullmatch(r"\d{5}", text):
            return text if text in self.wards.index else None
        folded = bare_area(text)
        if FORMER_PREFIX.match(folded):
            return None
        typed = WARD_PREFIX.match(folded)
        if typed and (code := self.by_short.get(key(typed.group("name")))):
            return code if self.wards.at[code, "ward_type"] == WARD_TYPE_OF_PREFIX[typed.group("type")] else None
        return self.by_short.get(key(folded))  # no prefix (or a name that starts like one: 'Xà Phiên')

    def name(self, code: str) -> str:
        """The ward's full name."""
        return self.wards.loc[code, "name_vi"]


@lru_cache(maxsize=1)
def ward_index() -> WardIndex:
    """The index of today's 103 wards."""
    return WardIndex(read_wards())


@lru_cache(maxsize=1)
def _legacy_units() -> pd.DataFrame:
    """The wards of Cần Thơ, Hậu Giang and Sóc Trăng before 1/7/2025, each with the ward it became."""
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import get_data

    fields = ["province", "district", "ward", "wardShort", "districtShort", "wardCode", "provinceCode"]
    units = pd.DataFrame(get_data(fields=fields, table="admin_units_legacy"))
    units = units[units["provinceCode"].isin(FORMER_PROVINCES)].copy()
    units["current_code"] = [convert_address(f"{w}, {d}, {p}").ward_code
                             for w, d, p in zip(units["ward"], units["district"], units["province"])]
    units["ward_key"] = units["wardShort"].map(key)
    units["typed_key"] = units["ward"].map(lambda name: _typed_key(fold(name)))
    units["district_key"] = units["districtShort"].map(key)
    return units


def _former_wards(ward: pd.DataFrame) -> tuple[str, list[str]]:
    """('Ward, District' of each former ward, the current wards they became)."""
    names = [f"{w}, {d}" for w, d in zip(ward["ward"], ward["district"])]
    return "; ".join(dict.fromkeys(names)), list(dict.fromkeys(ward["current_code"].dropna()))


_PREFIX_WORDS = ((re.compile(r"^tt\b\.?\s*"), "thi tran "), (re.compile(r"^p\b\.?\s*"), "phuong "),
                 (re.compile(r"^x\b\.?\s*"), "xa "))


def _typed_key(folded: str) -> str:
    """A unit's key with its type: 'TT Phong Điền' and 'Thị trấn Phong Điền' -> 'thitranphongdien'."""
    for pattern, word in _PREFIX_WORDS:
        folded = pattern.sub(word, folded)
    return key(folded)


def legacy_hint(raw: str) -> tuple[str, list[str]] | None:
    """If raw names a former ward or district, (its former name, the current wards it became).
    An address such as 'Phường An Hòa, Quận Ninh Kiều' is read as a ward of that district; a name
    with its type ('Thị trấn Châu Thành') is matched with that type."""
    text = bare_area(raw)
    units = _legacy_units()
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+[-–]\s+", text.strip()) if p]
    if len(parts) > 1:
        ward = units[(units["ward_key"] == key(LEGACY_PREFIX.sub("", parts[0])))
                     & (units["district_key"] == key(DISTRICT_PREFIX.sub("", parts[1])))]
        return _former_wards(ward) if not ward.empty else legacy_hint(parts[0])
    typed = LEGACY_PREFIX.match(text)
    ward = (units[units["typed_key"] == _typed_key(text)] if typed
            else units[units["ward_key"] == key(text)])
    if re.fullmatch(r"\d{5}", plain_forms(nfc(raw))):
        ward = units[units["wardCode"] == plain_forms(nfc(raw))]
    if not ward.empty and not DISTRICT_PREFIX.match(text):
        return _former_wards(ward)
    district = units[units["district_key"] == key(DISTRICT_PREFIX.sub("", text))]
    if not district.empty:
        return district["district"].iloc[0], list(dict.fromkeys(district["current_code"].dropna()))
    return None


def resolve_area(raw: str) -> Match:
    """CT for the whole city, a current ward code, or a problem (with the current ward for a former one)."""
    if key(raw) in CITY_KEYS or fold(raw).strip() in ("toan thanh pho", "ca thanh pho"):
        return Match(CITY)
    index = ward_index()
    code = index.code(raw)
    if code:
        return Match(code)
    former = legacy_hint(raw)
    if former:
        old_name, codes = former
        names = ", ".join(index.name(c) for c in codes if c in index.wards.index)
        return Match(problem="legacy_area", hint=f"{old_name} → {names}" if names else old_name)
    typed = WARD_PREFIX.match(bare_area(raw))
    if typed and (other := index.by_short.get(key(typed.group("name")))):
        return Match(problem="ward_type", hint=index.name(other))  # 'Phường Phong Điền' is Xã Phong Điền
    return Match(problem="unknown_area")


@lru_cache(maxsize=1)
def _agency_index() -> AgencyIndex:
    return AgencyIndex(read_agencies())


def resolve_unit(raw: str) -> Match:
    """A scored unit: a (non-collective) agency by code or name, or a ward; extra is 'agency' or 'ward'."""
    agencies = _agency_index()
    code = agencies.code(raw)
    if code:
        if agencies.frame.loc[code, "collective"]:
            return Match(problem="collective_unit", hint=agencies.frame.loc[code, "name_vi"])
        return Match(code, extra="agency")
    area = resolve_area(raw)
    if area.code and area.code != CITY:
        return Match(area.code, extra="ward")
    if area.problem == "legacy_area":
        return area
    return Match(problem="unknown_unit")


INDICATOR = re.compile(r"(cqs|kts|xhs)\s*[-_.]?\s*0*(\d{1,2})\s*([ab]?)")


def resolve_indicator(raw: str, known: set[str], parts: dict[str, list[str]]) -> Match:
    """A series code of the catalog (CQS-01, CQS-15a ...); a target with parts is refused with its parts."""
    m = INDICATOR.fullmatch(fold(raw).strip())
    if not m:
        return Match(problem="unknown_indicator")
    code = f"{m.group(1).upper()}-{int(m.group(2)):02d}{m.group(3)}"
    if code in parts:
        return Match(problem="target_has_parts", hint=" / ".join(parts[code]))
    return Match(code) if code in known else Match(problem="unknown_indicator")


def resolve_period(raw: str) -> Match:
    """A period code, with the Period itself as extra."""
    try:
        period = parse_period(raw)
    except PeriodError:
        return Match(problem="bad_period")
    if period.start > config.today():  # most often a typo (2062 for 2026): it would sit unseen until then
        return Match(problem="future_period", hint=period.label())
    return Match(period.code, extra=period)


PILLARS = {"cqs": "CQS", "chinhquyenso": "CQS", "digitalgovernment": "CQS", "kts": "KTS", "kinhteso": "KTS",
           "digitaleconomy": "KTS", "xhs": "XHS", "xahoiso": "XHS", "digitalsociety": "XHS", "tong": "TONG",
           "tongdiem": "TONG", "tongcong": "TONG", "total": "TONG", "dti": "TONG", "chisodti": "TONG"}


def resolve_pillar(raw: str) -> Match:
    """CQS, KTS, XHS or TONG (the total)."""
    code = PILLARS.get(key(raw))
    return Match(code) if code else Match(problem="unknown_pillar")


def resolve_task(raw: str, known: set[int]) -> Match:
    """A task number of Appendix II ('12', 'NV12', 'Nhiệm vụ 12')."""
    m = re.fullmatch(r"(?:nv|nhiem vu|nhiem vu so|task|so)?\s*[.:#-]?\s*(\d{1,3})(?:\.0+|\.)?", fold(raw).strip())
    if not m or int(m.group(1)) not in known:
        return Match(problem="unknown_task")
    return Match(int(m.group(1)))


TASK_STATUSES = {
    "not_started": ("notstarted", "chuatrienkhai", "chuathuchien", "chuabatdau"),
    "in_progress": ("inprogress", "dangthuchien", "dangtrienkhai", "ongoing"),
    "done": ("done", "hoanthanh", "dahoanthanh", "completed", "xong"),
    "blocked": ("blocked", "vuongmac", "gapvuongmac", "khokhan", "gapkhokhan"),
}
# Not a synonym of any of them, so refused rather than guessed: "Tạm dừng" (paused) is a decision, not
# an obstacle; "Chậm tiến độ" (late) says nothing of whether work goes on.
_STATUS_BY_KEY = {k: status for status, keys in TASK_STATUSES.items() for k in keys}


def resolve_task_status(raw: str) -> Match:
    """not_started, in_progress, done or blocked, from English codes or Vietnamese words."""
    status = _STATUS_BY_KEY.get(key(raw))
    return Match(status) if status else Match(problem="unknown_status")


def resolve_target_code(raw: str) -> Match:
    """A catalog code: CQS-01 … (the pillar's letters and a two-digit number)."""
    m = re.fullmatch(r"(cqs|kts|xhs)\s*[-_.]?\s*(\d{1,2})", fold(raw).strip())
    return Match(f"{m.group(1).upper()}-{int(m.group(2)):02d}") if m else Match(problem="bad_code")


COMPARATORS = {">": ">", ">=": ">=", "≥": ">=", "=>": ">=", "<": "<", "<=": "<=", "≤": "<=", "=<": "<="}


def resolve_comparator(raw: str) -> Match:
    """>, >=, < or <= (also ≥, ≤)."""
    code = COMPARATORS.get(nfc(raw).replace(" ", ""))
    return Match(code) if code else Match(problem="bad_comparator")


def resolve_date(raw: str) -> Match:
    """A date written 2026-12-31 or 31/12/2026; extra is the date."""
    text = nfc(raw)
    for pattern, order in ((r"(\d{4})-(\d{1,2})-(\d{1,2})(?: 00:00:00)?", "ymd"), (r"(\d{1,2})/(\d{1,2})/(\d{4})", "dmy")):
        m = re.fullmatch(pattern, text)
        if m:
            parts = dict(zip(order, map(int, m.groups())))
            try:
                from datetime import date

                day = date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                break
            return Match(day.isoformat(), extra=day)
    return Match(problem="bad_date")


def resolve_agency_list(raw: str) -> Match:
    """A cell naming agencies, separated by ';': every name must be in the agencies catalog."""
    from cantho_dash.domain.catalog import split_agency_list

    names = split_agency_list(raw)
    for name in names:
        if _agency_index().code(name) is None:
            return Match(problem="unknown_agency", hint=name)
    return Match("; ".join(names))
