"""PNG export and the meeting pack: valid images of the asked size with their provenance, the deck,
the command line, and what happens with no browser."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import plotly.graph_objects as go
import pytest
from PIL import Image

from cantho_dash.export import png as export, pack
from conftest import AS_OF, ROOT


@pytest.fixture(scope="module")
def mark(engine):
    return pack.stamp(engine, AS_OF)


def test_the_provenance_line():
    assert export.source_line(True, None) == "Dữ liệu minh họa · Kế hoạch 224/KH-UBND"
    from datetime import datetime

    line = export.source_line(False, {"id": 7, "uploaded_at": datetime(2026, 11, 20, 9, 0)})
    assert line == "Nguồn: Kế hoạch 224/KH-UBND · số liệu: lần tải lên số 7 (20/11/2026)"
    assert "upload 7" in export.source_line(False, {"id": 7, "uploaded_at": datetime(2026, 11, 20)}, "en")


def test_the_stamped_figure_holds_title_as_of_and_footer(mark):
    spec = export.stamped(go.Figure(go.Bar(x=[1], y=[2])), "Tình trạng <b>x</b>", mark, 1920, 1080)
    layout = spec["layout"]
    assert "Tình trạng &lt;b&gt;x&lt;/b&gt;" in layout["title"]["text"] and "25/11/2026" in layout["title"]["text"]
    assert layout["annotations"][-1]["text"] == "Dữ liệu minh họa · Kế hoạch 224/KH-UBND"
    assert (layout["width"], layout["height"]) == (1920, 1080)


@pytest.mark.parametrize("size", ["1920x1080", "1280x720"])
def test_a_png_is_valid_and_of_the_size_asked(mark, size):
    data = export.png(go.Figure(go.Bar(x=["a", "b"], y=[3, 1])), "Thử", mark, size)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and f"{image.width}x{image.height}" == size


def test_no_browser_says_how_to_get_one(monkeypatch):
    monkeypatch.setattr(export, "find_chrome", lambda: None)
    import kaleido

    if kaleido._global_server.is_running():   # noqa: SLF001 - only a fresh process would ask
        monkeypatch.setattr(kaleido._global_server, "is_running", lambda: False)  # noqa: SLF001
    with pytest.raises(export.ExportUnavailable) as err:
        export._server()  # noqa: SLF001
    assert "apt-get install -y chromium" in str(err.value) and "Google Chrome" in str(err.value)


def test_the_pack_has_every_image_the_deck_and_the_report(engine):
    made = pack.build(engine, AS_OF)
    names = [i.name for i in made.items]
    assert names[:4] == ["overview", "pillar_cqs", "pillar_kts", "pillar_xhs"]
    assert {"league_wards", "map_wards", "tasks_overdue"} <= set(names)
    with zipfile.ZipFile(io.BytesIO(made.zip)) as z:
        assert sorted(z.namelist()) == sorted(f"{n}.png" for n in names)
        assert Image.open(io.BytesIO(z.read("map_wards.png"))).size == (1920, 1080)
    from pptx import Presentation

    slides = Presentation(io.BytesIO(made.pptx)).slides
    assert len(slides) == made.slides >= 15
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    assert "Giao ban chuyển đổi số" in texts[0] and "25/11/2026" in texts[0]
    assert all("Ngày đánh giá: 25/11/2026" in text for text in texts[1:])
    assert any("Chính quyền số" in text for text in texts) and any("Nhiệm vụ quá hạn" in text for text in texts)
    assert made.docx[:2] == b"PK"


def test_command_line_export(tmp_path):
    env = dict(os.environ, CANTHO_DB_URL=f"duckdb:///{(tmp_path / 's.duckdb').as_posix()}", CANTHO_AS_OF=AS_OF.isoformat())
    done = subprocess.run([sys.executable, "-m", "cantho_dash", "export", "--out", str(tmp_path / "pack"), "--pptx",
                           "--docx"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=180)
    assert done.returncode == 0, done.stderr
    pngs = sorted((tmp_path / "pack").glob("*.png"))
    assert len(pngs) >= 8 and all(Image.open(p).size == (1920, 1080) for p in pngs)
    assert (tmp_path / "pack" / "giao_ban.pptx").stat().st_size > 50_000
    assert (tmp_path / "pack" / "bao_cao.docx").stat().st_size > 20_000
