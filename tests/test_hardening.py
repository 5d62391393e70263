"""Hardening: server settings, uploaded text never rendered as HTML, formula injection neutralised in
grids and workbooks, and a full disk that refuses an import and changes nothing."""
from __future__ import annotations

import io
import os
import subprocess
import tomllib

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cantho_dash import config
from cantho_dash.ingest import report
from conftest import ANALYST, ROOT, add_accounts, make_store, sign_in

HOSTILE = "<img src=x onerror=alert(1)>"


def test_server_keeps_xsrf_protection_and_caps_uploads():
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["server"]["enableXsrfProtection"] is True
    assert settings["server"]["maxUploadSize"] == config.Settings().max_upload_mb == 50


def test_report_csv_neutralises_formulas():
    cells = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")", "Phường Cái Khế", "12,5"]
    problems = pd.DataFrame({"line": range(2, 2 + len(cells)), "column": "value", "value": cells,
                             "reason_vi": "lý do", "reason_en": "reason"})
    written = pd.read_csv(io.BytesIO(report.to_csv(problems)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    values = written.iloc[:, 2].tolist()
    assert all(v.startswith("'") for v in values[:7])
    assert values[7:] == ["Phường Cái Khế", "12,5"]


def _analyst_app(monkeypatch, tmp_path) -> AppTest:
    store = tmp_path / "hostile.duckdb"
    make_store(store).dispose()
    monkeypatch.setenv("CANTHO_DB_URL", f"duckdb:///{store.as_posix()}")
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(tmp_path / "archive"))
    add_accounts(os.environ["CANTHO_USERS_FILE"])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.switch_page("views/upload.py")
    at.run()
    return sign_in(at, ANALYST)


def _commit(at: AppTest, name: str, text: str) -> None:
    at.file_uploader[0].set_value((name, text.encode("utf-8-sig"), "text/csv")).run()
    at.button(key="confirm_upload").click().run()
    assert not at.exception and "lần tải lên số" in at.success[0].value


def test_a_hostile_note_shows_as_literal_text(app_env, monkeypatch, tmp_path):
    at = _analyst_app(monkeypatch, tmp_path)
    _commit(at, "ghi_chu.csv", f"Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị;Ghi chú\r\nCQS-01;CT;11/2026;99,7;{HOSTILE}\r\n")
    _commit(at, "nhiem_vu.csv", f"Số nhiệm vụ;Kỳ báo cáo;Trạng thái;Tiến độ (%);Ghi chú\r\n12;11/2026;đang thực hiện;80;{HOSTILE}\r\n"
                                "13;11/2026;đang thực hiện;60;=HYPERLINK(\"http://x\")\r\n")
    at.switch_page("views/targets.py")
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == [HOSTILE]              # st.text: plain text, no markdown, no HTML
    assert not any(HOSTILE in m.value for m in at.markdown)
    at.switch_page("views/tasks.py")
    at.run()
    notes = at.dataframe[0].value.set_index("NV")["Ghi chú"]
    assert notes[12] == HOSTILE and notes[13] == "'=HYPERLINK(\"http://x\")"
    assert not any(HOSTILE in m.value for m in at.markdown)


def test_a_hostile_ward_name_is_rejected_and_shown_as_a_value(app_env, monkeypatch, tmp_path):
    at = _analyst_app(monkeypatch, tmp_path)
    at.file_uploader[0].set_value(("x.csv", f"Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nXHS-03;{HOSTILE};10/2026;80\r\n"
                                   .encode("utf-8-sig"), "text/csv")).run()
    assert not at.exception and "1 vấn đề" in at.error[0].value
    problem = at.dataframe[0].value.iloc[0]
    assert problem["Giá trị"] == HOSTILE and problem["Cột"] == "Địa bàn"
    assert not [b for b in at.button if b.key == "confirm_upload"]
    assert not any(HOSTILE in m.value for m in at.markdown)


def test_no_grid_download_or_template_carries_a_formula():
    import io as _io

    import pandas as _pd
    from openpyxl import load_workbook

    from cantho_dash.ingest.templates import template_xlsx
    from cantho_dash.present.tables import grid_safe

    hostile = ['=HYPERLINK("http://x","Bấm vào đây")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\tx", "\rx",
               "-2+3+cmd|' /C calc'!A0", "-3,2", "−1,5", "Sở Y tế"]
    frame = _pd.DataFrame({"Tên": hostile, "Số": range(len(hostile))})
    shown = grid_safe(frame)["Tên"].tolist()
    assert [v[:1] for v in shown[:6]] == ["'"] * 6 and shown[6:] == ["-3,2", "−1,5", "Sở Y tế"]
    assert frame["Tên"].tolist() == hostile                          # the caller's frame is left alone
    styled = grid_safe(frame.style.map(lambda v: "color: red"))
    assert styled.data["Tên"].iloc[0].startswith("'=")
    book = load_workbook(_io.BytesIO(template_xlsx("observations", {"Chỉ tiêu": frame})))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f" and not (isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r")


def _full_disk_env(tmp_path):
    """An archive folder on a 1 MB tmpfs filled to the last byte (None where nothing can be mounted)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode:
        return None
    with open(mount / "filler", "wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return mount


@pytest.mark.parametrize("mounted", [True, False])
def test_a_full_disk_refuses_the_import_plainly_and_changes_nothing(fresh_engine, tmp_path, monkeypatch, mounted):
    import errno

    from cantho_dash.ingest import pipeline
    from cantho_dash.store import archive, queries

    folder = _full_disk_env(tmp_path) if mounted else tmp_path
    if folder is None:
        pytest.skip("no tmpfs can be mounted here (the simulated full disk still runs)")
    monkeypatch.setenv("CANTHO_UPLOAD_DIR", str(folder / "archive"))
    if not mounted:
        def full(_handle):
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(archive.os, "fsync", full)
    version = queries.data_version(fresh_engine)
    before = queries.checksums(fresh_engine) if fresh_engine.dialect.name == "duckdb" else None
    data = "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nCQS-01;CT;11/2026;99,4\r\n".encode("utf-8-sig")
    try:
        with pytest.raises(archive.DiskFull) as refused:
            pipeline.import_file(fresh_engine, data, "day.csv", "lan")
        assert not list((folder / "archive").glob("*"))              # no partial file, no orphan
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], capture_output=True)
    assert "Không có gì được ghi" in refused.value.strerror and "Nothing was written" in refused.value.strerror
    assert queries.data_version(fresh_engine) == version             # no audit row
    if before is not None:
        assert queries.checksums(fresh_engine) == before


def test_a_refused_file_is_let_go_of_once_taken_off_the_page(app_env, monkeypatch, tmp_path):
    """The session keeps a refused file's report, not its bytes; and nothing once it is removed."""
    at = _analyst_app(monkeypatch, tmp_path)
    at.file_uploader[0].set_value(("x.csv", "Mã chỉ tiêu;Địa bàn;Kỳ báo cáo;Giá trị\r\nXHS-03;CT;10/2026;180\r\n"
                                   .encode("utf-8-sig"), "text/csv")).run()
    assert not at.exception and at.error
    assert at.session_state["checked"].data == b"" and len(at.session_state["checked"].problems) == 1
    at.file_uploader[0].set_value(None).run()
    assert not at.exception and "checked" not in at.session_state
