"""The ward map: the 103 wards coloured by a DTI score or by an indicator against its target."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cantho_dash.domain.periods import parse_period
from cantho_dash.present import mapfigs, maps
from cantho_dash.scenes.base import Chart
from cantho_dash.words import status_label, t
from cantho_dash.words.formats import fmt_number, fmt_target


@dataclass(frozen=True)
class WardMap:
    title: str                      # 'Bản đồ · DTI · Tháng 10/2026'
    frame: pd.DataFrame             # wards with colour, radius and tooltip lines
    meaning: str                    # what the colours say ('tình trạng so với mục tiêu và lộ trình', …)
    legend: list[tuple[str, str, str]]   # (css colour, what it means, how many wards)

    def chart(self, lang: str = "vi", height: int = 700) -> Chart:
        """The map as a plotly figure (for an image or a slide)."""
        return Chart("map_wards", self.title, mapfigs.ward_map(self.frame, lang, height))


def dti_map(wards: pd.DataFrame, period: str, pillar: str = "TONG", lang: str = "vi") -> WardMap:
    """Wards shaded by a DTI score (dti_map_values rows): five groups of equal size, one hue."""
    colours, _ = maps.bands(wards["value"])
    frame = maps.map_frame(wards, [maps.rgba(c) for c in colours], "", lang)
    title = f"{t('scene_map', lang)} · DTI{'' if pillar == 'TONG' else ' ' + pillar} · {parse_period(period).label(lang)}"
    legend = maps.band_legend(wards["value"], lambda low, high: t("wall_band", lang).format(
        low=fmt_number(low, 1, lang), high=fmt_number(high, 1, lang)), t("wall_no_score", lang))
    return WardMap(title, frame, t("wall_map_note", lang), legend)


def indicator_map(wards: pd.DataFrame, code: str, period: str, lang: str = "vi") -> WardMap:
    """Wards coloured by their status on an indicator (ward_status rows): against its target and
    the expected path, in the six status colours of every page."""
    spec = wards.attrs["spec"]
    text = fmt_target(spec["comparator"], spec["target_value"], spec["unit"], lang)
    frame = maps.map_frame(wards, maps.status_fills(wards["status"]), spec["unit"], lang, text)
    legend = maps.status_legend(wards["status"], lambda s: status_label(s, lang))
    return WardMap(f"{t('scene_map', lang)} · {code} · {parse_period(period).label(lang)}", frame,
                   t("map_status_note", lang), legend)
