"""What each kind of upload holds: its columns, the headers analysts write for them, and templates.

Headers are matched in any case, with or without diacritics, in Vietnamese or English.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from cantho_dash.domain.vntext import key


@dataclass(frozen=True)
class Column:
    """One column of an upload kind."""

    name: str                      # canonical name
    header_vi: str                 # the template's Vietnamese header
    required: bool = True
    aliases: tuple[str, ...] = ()  # other headers people write (Vietnamese or English)
    # headers that name this column only when no other header of the row does ('STT' is the task
    # number in a task list, but only a row number beside 'Nhiệm vụ số')
    weak: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        """Every accepted header, as a matching key."""
        return {key(h) for h in (self.name, self.header_vi, *self.aliases)}


@dataclass(frozen=True)
class Kind:
    """An upload kind: its columns, and the columns that make a row's key."""

    name: str
    label_vi: str
    label_en: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = field(default=())

    @property
    def required(self) -> list[str]:
        """Canonical names of the required columns."""
        return [c.name for c in self.columns if c.required]

    def header_map(self, headers: list[str]) -> dict[int, str]:
        """Position -> canonical name for the headers this kind knows; the others are left out.
        A weak header counts only for a column that no other header names."""
        by_key, weak = _header_keys(self), _weak_keys(self)
        found: dict[int, str] = {}
        for i, header in enumerate(headers):
            name = by_key.get(key(header))
            if name and name not in found.values():
                found[i] = name
        for i, header in enumerate(headers):
            name = weak.get(key(header))
            if name and i not in found and name not in found.values():
                found[i] = name
        return found

    def repeated(self, headers: list[str]) -> str | None:
        """The first header that names a column this kind already found earlier in the row, if any."""
        found, by_key = self.header_map(headers), _header_keys(self)
        return next((h for i, h in enumerate(headers) if i not in found and key(h) in by_key), None)

    def column(self, name: str) -> Column:
        """The column of that canonical name."""
        return next(c for c in self.columns if c.name == name)

    def matches(self, headers: list[str]) -> bool:
        """Whether the headers hold every required column of this kind."""
        return set(self.required) <= set(self.header_map(headers).values())


@lru_cache(maxsize=None)
def _header_keys(kind: Kind) -> dict[str, str]:
    return {k: c.name for c in kind.columns for k in c.keys()}


@lru_cache(maxsize=None)
def _weak_keys(kind: Kind) -> dict[str, str]:
    return {key(h): c.name for c in kind.columns for h in c.weak}


PERIOD = Column("period", "Kỳ báo cáo", aliases=("kỳ", "kỳ số liệu", "thời điểm", "tháng", "kỳ đánh giá",
                                                "period", "thời điểm báo cáo", "kỳ báo cáo số liệu"),
                weak=("thời gian",))
NOTE = Column("note", "Ghi chú", required=False, aliases=("notes", "comment"))

OBSERVATIONS = Kind("observations", "Số liệu chỉ tiêu", "Indicator values", (
    Column("indicator_code", "Mã chỉ tiêu", aliases=("mã", "indicator", "code", "target", "target_code",
                                                   "mã số chỉ tiêu", "indicator code"),
           weak=("chỉ tiêu", "tên chỉ tiêu", "nội dung chỉ tiêu", "nội dung", "chỉ tiêu chuyển đổi số",
                 "tên chỉ tiêu chuyển đổi số")),
    Column("area", "Địa bàn", aliases=("area_code", "khu vực", "xã phường", "xã/phường", "đơn vị hành chính",
                                       "phạm vi", "ward", "mã xã", "mã xã phường", "mã địa bàn", "tên xã phường",
                                       "phường xã", "tên phường xã", "địa bàn xã phường", "mã đơn vị hành chính"),
           weak=("đơn vị", "tên đơn vị", "mã đơn vị", "địa phương", "đơn vị báo cáo")),
    PERIOD,
    Column("value", "Giá trị", aliases=("số liệu", "kết quả", "giá trị thực hiện", "thực hiện", "tỷ lệ",
                                        "kết quả thực hiện", "số liệu thực hiện", "value")),
    NOTE,
    Column("source", "Nguồn", required=False, aliases=("nguồn số liệu", "data source")),
), key=("indicator_code", "area_code", "period"))

UNIT_SCORES = Kind("unit_scores", "Điểm DTI theo đơn vị", "DTI scores by unit", (
    Column("unit", "Đơn vị", aliases=("unit_code", "cơ quan", "cơ quan đơn vị", "đơn vị địa phương", "tên đơn vị",
                                     "mã đơn vị", "agency", "tên cơ quan", "tên cơ quan đơn vị", "unit"),
           weak=("xã phường", "xã/phường", "tên xã phường", "phường xã", "địa phương", "đơn vị báo cáo", "địa bàn")),
    PERIOD,
    Column("pillar", "Trụ cột", aliases=("nhóm", "chỉ số thành phần")),
    Column("score", "Điểm", aliases=("điểm số", "điểm dti", "giá trị", "value")),
), key=("unit_code", "period", "pillar"))

TASK_STATUS = Kind("task_status", "Tiến độ nhiệm vụ", "Task status", (
    Column("task_no", "Nhiệm vụ số", aliases=("số nhiệm vụ", "stt nhiệm vụ", "số thứ tự nhiệm vụ", "nhiệm vụ", "mã nhiệm vụ", "task",
                                              "task_no", "số tt nhiệm vụ"),
           weak=("stt", "số thứ tự", "tt")),
    PERIOD,
    Column("status", "Tình trạng", aliases=("trạng thái", "tình trạng thực hiện", "status"),
           weak=("tình hình thực hiện", "kết quả thực hiện")),
    Column("progress_pct", "Tiến độ (%)", aliases=("tiến độ", "progress", "tỷ lệ hoàn thành", "% hoàn thành",
                                                   "phần trăm hoàn thành")),
    NOTE,
), key=("task_no", "period"))

TARGETS = Kind("targets", "Danh mục chỉ tiêu (năm kế hoạch mới)", "Targets catalog (a new plan year)", (
    Column("code", "Mã chỉ tiêu", aliases=("mã",)),
    Column("plan_no", "STT trong kế hoạch", aliases=("số thứ tự trong kế hoạch",), weak=("stt", "số thứ tự")),
    Column("pillar", "Trụ cột"),
    Column("name_vi", "Tên chỉ tiêu", aliases=("chỉ tiêu", "nội dung")),
    Column("name_en", "Tên tiếng Anh", aliases=("english name",)),
    Column("unit", "Đơn vị tính", aliases=("đơn vị",)),
    Column("comparator", "Phép so sánh", aliases=("so sánh",)),
    Column("target_value", "Giá trị mục tiêu", aliases=("mục tiêu", "target")),
    Column("deadline", "Thời hạn", aliases=("hạn", "hạn hoàn thành")),
    Column("lead_agency", "Cơ quan chủ trì", aliases=("chủ trì",)),
    Column("coordinating_agencies", "Cơ quan phối hợp", required=False, aliases=("phối hợp",)),
), key=("code",))

KINDS: dict[str, Kind] = {k.name: k for k in (OBSERVATIONS, UNIT_SCORES, TASK_STATUS, TARGETS)}
# Detection order: the most specific column sets first.
DETECTION_ORDER = (TARGETS, TASK_STATUS, UNIT_SCORES, OBSERVATIONS)


def detect(headers: list[str]) -> Kind | None:
    """The kind whose required columns the headers hold, or None."""
    return next((k for k in DETECTION_ORDER if k.matches(headers)), None)
