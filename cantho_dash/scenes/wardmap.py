"""The ward map: the 103 wards coloured by a DTI score or by an indicator against its target."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantho_dash.domain.periods import parse_period
from cantho_dash.present import mapfigs, maps
from cantho_dash.scenes.base import Chart
from cantho_dash.words import t
from cantho_dash.words.formats import fmt_target


@dataclass(frozen=True)
class WardMap:
    title: str                      # 'Bản đồ · DTI · Tháng 10/2026'
    frame: pd.DataFrame             # wards with colour, radius and tooltip lines
    centre: str                     # what the middle colour means ('trung vị', 'mục tiêu', …)
    legend: list[tuple[str, str]]   # (css colour, label)

    def chart(self, lang: str = "vi", height: int = 700) -> Chart:
        """The map as a plotly figure (for an image or a slide)."""
        return Chart("map_wards", self.title, mapfigs.ward_map(self.frame, lang, height))


def dti_map(wards: pd.DataFrame, period: str, pillar: str = "TONG", lang: str = "vi") -> WardMap:
    """Wards coloured by a DTI score around the median (dti_map_values rows)."""
    centre = float(wards["value"].median())
    spread = float(wards["value"].std() or 10.0)
    frame = maps.map_frame(wards, centre, spread, True, "", lang)
    name = t("centre_median", lang)
    title = f"{t('scene_map', lang)} · DTI{'' if pillar == 'TONG' else ' ' + pillar} · {parse_period(period).label(lang)}"
    return WardMap(title, frame, name, maps.legend_stops(name))


def indicator_map(wards: pd.DataFrame, code: str, period: str, centre_mode: str = "target",
                  lang: str = "vi") -> WardMap:
    """Wards coloured by an indicator (ward_status rows) around its target, or around the expected
    value on the path to it (centre_mode 'path')."""
    spec = wards.attrs["spec"]
    target = spec["target_value"]
    centres = wards["expected"].fillna(target) if centre_mode == "path" else target
    spread = max(abs(target) * 0.15, 1e-6)
    text = fmt_target(spec["comparator"], target, spec["unit"], lang)
    frame = maps.map_frame(wards, centres, spread, spec["comparator"] in (">", ">="), spec["unit"], lang, text)
    name = t("centre_path" if centre_mode == "path" else "centre_target", lang)
    return WardMap(f"{t('scene_map', lang)} · {code} · {parse_period(period).label(lang)}", frame, name,
                   maps.legend_stops(name))
