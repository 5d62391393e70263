"""What an upload is checked against: the catalog's series (codes, names, units), the task numbers,
and the vocabulary the layout reader needs to tell a header, a heading and a letterhead apart."""
from __future__ import annotations

import re
from functools import cached_property
from typing import Callable

import pandas as pd

from cantho_dash.domain.catalog import CITY, read_target_labels, read_targets, read_tasks
from cantho_dash.domain.vntext import fold, key
from cantho_dash.ingest import resolve as names
from cantho_dash.ingest.sheet import Vocabulary

_CODE_AT_START = re.compile(r"^\s*((?:cqs|kts|xhs)\s*[-_.]?\s*0*\d{1,2}\s*[ab]?)(?![0-9])(?:\s*[-:.)–]\s*|\s+|$)")
_UNIT_TAIL = re.compile(r"\s*\((?:%|ty le|ty le %|so|diem)\)\s*$")


class Context:
    """The current catalog, read when first needed."""

    def __init__(self, indicators: Callable[[], pd.DataFrame] | pd.DataFrame,
                 task_numbers: Callable[[], set[int]] | set[int],
                 labels: Callable[[], pd.DataFrame] | pd.DataFrame | None = None,
                 tasks: Callable[[], pd.DataFrame] | pd.DataFrame | None = None,
                 targets: Callable[[], pd.DataFrame] | pd.DataFrame | None = None):
        self._indicators, self._task_numbers = indicators, task_numbers
        self._labels = labels if labels is not None else read_target_labels
        self._tasks = tasks if tasks is not None else read_tasks
        self._targets = targets if targets is not None else read_targets

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """code, unit, target_code, name_vi … of every series of the catalog."""
        return self._indicators() if callable(self._indicators) else self._indicators

    @cached_property
    def task_numbers(self) -> set[int]:
        """The task numbers of Appendix II."""
        return self._task_numbers() if callable(self._task_numbers) else self._task_numbers

    @cached_property
    def indicator_codes(self) -> tuple[set[str], dict[str, list[str]]]:
        """(every series code, target code -> its part codes)."""
        parts = self.indicators[self.indicators["code"] != self.indicators["target_code"]]
        return set(self.indicators["code"]), parts.groupby("target_code")["code"].agg(list).to_dict()

    @cached_property
    def by_name(self) -> dict[str, str]:
        """Matching key of a series' name (Vietnamese, English or short label) -> its code."""
        labels = self._labels() if callable(self._labels) else self._labels
        targets = self._targets() if callable(self._targets) else self._targets
        out: dict[str, str] = {}
        for frame, columns in ((self.indicators, ("name_vi", "name_en")), (labels, ("short_vi", "short_en")),
                               (targets, ("name_vi", "name_en"))):
            for row in frame.to_dict("records"):
                for column in columns:
                    if row.get(column):
                        out.setdefault(key(row[column]), row["code"])
        return out

    def indicator(self, raw: str) -> names.Match:
        """A series by its code ('XHS-03', 'XHS–03 (%)', 'XHS-03: Tỷ lệ …') or its exact name."""
        match = names.resolve_indicator(raw, *self.indicator_codes)
        if match.code or match.problem == "target_has_parts":
            return match
        folded = _UNIT_TAIL.sub("", fold(raw).strip())
        lead = _CODE_AT_START.match(folded)
        if lead:
            return names.resolve_indicator(lead.group(1), *self.indicator_codes)
        code = self.by_name.get(key(re.sub(r"^\d{1,2}\s*[.)]\s*", "", folded)))
        return names.resolve_indicator(code, *self.indicator_codes) if code else match

    @cached_property
    def task_by_name(self) -> dict[str, int]:
        """Matching key of a task's name (as Appendix II writes it) -> its number."""
        tasks = self._tasks() if callable(self._tasks) else self._tasks
        return {key(name): int(no) for no, vi, en in zip(tasks["task_no"], tasks["name_vi"], tasks["name_en"])
                for name in (vi, en)}

    def task(self, raw: str) -> names.Match:
        """A task by its number ('12', 'NV-12', 'Nhiệm vụ 12') or its exact name."""
        match = names.resolve_task(raw, self.task_numbers)
        if match.code is None and (number := self.task_by_name.get(key(raw))):
            return names.Match(number)
        return match

    def resolvers(self, kind: str) -> dict[str, Callable[[str], names.Match]]:
        """column -> resolver, for the columns of kind that name things."""
        return {
            "observations": {"indicator_code": self.indicator, "area": names.resolve_area,
                             "period": names.resolve_period},
            "unit_scores": {"unit": names.resolve_unit, "period": names.resolve_period,
                            "pillar": names.resolve_pillar},
            "task_status": {"task_no": self.task,
                            "period": names.resolve_period, "status": names.resolve_task_status},
            "targets": {"code": names.resolve_target_code, "pillar": _pillar_only,
                        "comparator": names.resolve_comparator, "deadline": names.resolve_date,
                        "lead_agency": names.resolve_agency_list,
                        "coordinating_agencies": names.resolve_agency_list},
        }[kind]

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """What the layout reader asks of the catalog."""
        return Vocabulary(indicator_of=self._indicator_header, area_of=_letterhead_unit, known=self._known,
                          ward_of=_ward_named)

    def _indicator_header(self, text: str) -> str | None:
        return self.indicator(text).code if text and text.strip() else None

    def _known(self, text: str) -> bool:
        if self._indicator_header(text):
            return True
        area = names.resolve_area(text)
        return area.code is not None or area.problem in ("legacy_area", "ward_type") or bool(names.resolve_unit(text).code)


def _ward_named(text: str) -> str | None:
    """The ward a sheet's name names ('Cái Khế', 'P. Ninh Kiều'), or None."""
    return names.ward_index().code(text) if text and text.strip() else None


def _letterhead_unit(text: str) -> str | None:
    """'CT' for the city or a department, a ward's code, '?' for a former unit, or None."""
    folded = fold(text).strip()
    if len(folded) > 80:
        return None
    if names.resolve_area(text).code == CITY or folded in ("ubnd thanh pho can tho", "uy ban nhan dan thanh pho can tho"):
        return CITY
    area = names.resolve_area(text)
    if area.code:
        return area.code if re.match(r"^(ubnd|uy ban nhan dan)\s", folded) or names.WARD_PREFIX.match(folded) else None
    if area.problem == "legacy_area" and re.match(r"^(ubnd|uy ban nhan dan|phuong|xa|thi tran|quan|huyen|thi xa|thanh pho)\s",
                                                  folded):
        return "?"
    unit = names.resolve_unit(text)
    return CITY if unit.code and unit.extra == "agency" else None


def _pillar_only(raw: str) -> names.Match:
    match = names.resolve_pillar(raw)
    return match if match.code != "TONG" else names.Match(problem="unknown_pillar")
