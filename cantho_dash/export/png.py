"""PNG export through one warm kaleido server per process, and the meeting pack (ZIP and PPTX).

Every image carries its title, the as-of period and a footer naming its source: Plan 224, the
upload its figures come from (number and date), or "Dữ liệu minh họa" for demo data.
"""
from __future__ import annotations

import io
import threading
import zipfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import plotly.graph_objects as go

from cantho_dash.words import t
from cantho_dash.words.formats import fmt_date

SIZES = {"1920x1080": (1920, 1080), "1280x720": (1280, 720)}
_LOCK = threading.Lock()   # kaleido's sync server is not thread-safe
CHROME_HELP = ("Xuất ảnh cần Chrome hoặc Chromium trên máy chủ: trên Debian/Ubuntu chạy `apt-get install -y chromium`; "
               "trên Windows cài Google Chrome. / PNG export needs Chrome or Chromium on the server: on Debian/Ubuntu "
               "run `apt-get install -y chromium`; on Windows install Google Chrome.")


class ExportUnavailable(RuntimeError):
    """No browser for kaleido; the message says how to get one."""


@dataclass(frozen=True)
class Stamp:
    """What every exported image says about itself."""

    as_of: date
    source: str
    lang: str = "vi"


def find_chrome() -> str | None:
    """The browser kaleido will use (the same search as kaleido's: BROWSER_PATH, PATH, the usual
    install places, a copy kaleido downloaded), if there is one."""
    from choreographer.browsers.chromium import Chromium

    try:
        return Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 - a failed search means no browser
        return None


def _server() -> None:
    import kaleido

    if not find_chrome():
        raise ExportUnavailable(CHROME_HELP)
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


@lru_cache(maxsize=1)
def _paper_template() -> dict:
    import plotly.io as pio

    return pio.templates["plotly_white"].to_plotly_json()


def stamped(fig: go.Figure, title: str, stamp: Stamp, width: int, height: int, plain: bool = False) -> dict:
    """fig for print, as plotly JSON: light background, its title, the as-of date and the source
    footer (plain: none of the three, for a slide or a page that says them once itself). (A dict
    rather than a Figure copy: plotly's validation would take longer than kaleido.)"""
    from cantho_dash.present.theme import safe

    spec = fig.to_plotly_json()
    spec = {"data": [dict(trace) for trace in spec.get("data", [])], "layout": dict(spec.get("layout", {}))}
    layout = spec["layout"]
    lang = stamp.lang
    layout.update(
        template=_paper_template(), paper_bgcolor="white", plot_bgcolor="white", width=width, height=height,
        font=dict(family="Inter, Segoe UI, Roboto, Arial, sans-serif", color="#1b2430", size=max(14, height // 60)),
        title=dict(text=f"<b>{safe(title)}</b><br><span style='font-size:0.7em'>{safe(t('as_of', lang))}: "
                        f"{fmt_date(stamp.as_of, lang)}</span>", x=0.02, xanchor="left", y=0.97, yanchor="top",
                   font=dict(size=max(22, height // 32))),
        margin=dict(l=60, r=60, t=max(120, height // 8), b=max(80, height // 12)),
    )
    if plain:
        layout.update(title=None, margin=dict(l=40, r=40, t=30, b=40))
    # what is drawn white for the dark screen is drawn dark on paper
    for trace in spec["data"]:
        if trace.get("type") == "indicator" and "gauge" in trace:
            gauge = dict(trace["gauge"])
            gauge["threshold"] = dict(gauge.get("threshold", {}), line=dict(gauge.get("threshold", {}).get("line", {}),
                                                                             color="#1b2430"))
            trace["gauge"] = gauge
    layout["shapes"] = [dict(shape, line=dict(shape.get("line", {}), color="#1b2430"))
                        if shape.get("line", {}).get("color") in ("#ffffff", "white") else shape
                        for shape in layout.get("shapes", [])]
    layout["annotations"] = [*layout.get("annotations", [])] + ([] if plain else [dict(
        text=safe(stamp.source), xref="paper", yref="paper", x=0, y=-0.02, xanchor="left", yanchor="top",
        yshift=-max(30, height // 30), showarrow=False, font=dict(size=max(12, height // 75), color="#55606e"))])
    return spec


def png(fig: go.Figure, title: str, stamp: Stamp, size: str = "1920x1080", plain: bool = False) -> bytes:
    """The figure as a PNG of the given size, made by the warm kaleido server (one at a time);
    plain: without its title, date and source (the slide or page around it says them)."""
    import kaleido

    width, height = SIZES[size]
    with _LOCK:
        _server()
        return kaleido.calc_fig_sync(stamped(fig, title, stamp, width, height, plain),
                                     opts=dict(format="png", width=width, height=height))


def source_line(demo: bool, upload: dict | None, lang: str = "vi") -> str:
    """'Nguồn: Kế hoạch 224/KH-UBND · số liệu: lần tải lên số 7 (26/11/2026)', or the demo label."""
    from cantho_dash.store.demo import DEMO_LABEL

    if demo:
        return f"{DEMO_LABEL} · Kế hoạch 224/KH-UBND" if lang == "vi" else "Demo data · Plan 224/KH-UBND"
    if upload is None:
        return "Nguồn: Kế hoạch 224/KH-UBND" if lang == "vi" else "Source: Plan 224/KH-UBND"
    when = fmt_date(upload["uploaded_at"].date() if hasattr(upload["uploaded_at"], "date") else upload["uploaded_at"],
                    lang)
    if lang == "en":
        return f"Source: Plan 224/KH-UBND · figures: upload {upload['id']} ({when})"
    return f"Nguồn: Kế hoạch 224/KH-UBND · số liệu: lần tải lên số {upload['id']} ({when})"


def zip_pngs(images: dict[str, bytes]) -> bytes:
    """The images in one ZIP, each under a plain ASCII name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in images.items():
            archive.writestr(f"{name}.png", data)
    return buffer.getvalue()

