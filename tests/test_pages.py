"""Every page under AppTest: no exception, and a key value checked."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from conftest import AS_OF, ROOT
from cantho_dash.domain import targets as target_rules
from cantho_dash.facts import targets as target_facts

PAGES = ["views/overview.py", "views/targets.py", "views/tasks.py", "views/league.py", "views/map.py",
         "views/export.py", "views/upload.py", "views/uploads.py", "views/account.py"]

pytestmark = pytest.mark.both_stores


def run_app(page: str | None = None, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if lang:
        at.session_state["lang"] = lang
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_renders_without_exception(app_env, page, lang):
    at = run_app(page, lang)
    assert not at.exception
    assert at.title and ("Chuyển đổi số Cần Thơ" if lang == "vi" else "Can Tho digital") in at.title[0].value


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang, banner", [("vi", "Dữ liệu minh họa"), ("en", "Demo data")])
def test_demo_banner_on_every_page(app_env, page, lang, banner):
    at = run_app(page, lang=lang)
    assert any(banner in w.value for w in at.warning)


def test_overview_counts_match_the_status_logic(app_env, engine):
    at = run_app()
    expected = target_rules.status_counts(target_facts.target_status(engine, AS_OF))
    labels = [m.label for m in at.metric]
    assert [int(m.value) for m in at.metric] == list(expected.values())
    assert "Đã đạt" in labels[0] and "Chưa có số liệu" in labels[-1]
    assert any("Chính quyền số" in s.value for s in at.subheader)
    assert any("25/11/2026" in c.value for c in at.caption)


def table_view(at: AppTest, label: str = "Bảng") -> AppTest:
    """The Targets page with its table tab chosen (only the chosen tab is built)."""
    at.session_state["targets_view"] = label
    return at.run()


def test_targets_page_table_and_filters(app_env):
    at = run_app("views/targets.py")
    assert not at.dataframe and at.html          # the charts' tab first: tiles, no table built
    table = table_view(at).dataframe[0].value
    assert len(table) == 30
    row = table[table["Mã"] == "CQS-07"].iloc[0]
    assert row["Giá trị"] == "91,8%" and row["Mục tiêu"] == "> 90,0%" and row["Tình trạng"] == "Đã đạt"
    at.selectbox(key="f_pillar").set_value("KTS").run()
    assert not at.exception
    assert at.dataframe[0].value["Mã"].tolist() == ["KTS-01", "KTS-02", "KTS-03", "KTS-04"]
    at.pills(key="f_status").set_value(["stale"]).run()
    assert at.dataframe[0].value["Mã"].tolist() == ["KTS-01"]


def test_language_switch_to_english(app_env):
    at = run_app("views/targets.py", lang="en")
    table = table_view(at, "Table").dataframe[0].value
    assert "Code" in table.columns and table[table["Code"] == "CQS-07"].iloc[0]["Value"] == "91.8%"


def test_league_page_shows_rank_changes_and_search(app_env):
    at = run_app("views/league.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 103 and table["Thay đổi"].str.startswith("▲").any()
    assert len(at.metric) >= 3 and "bậc" in at.metric[0].delta
    at.text_input(key="lg_search").set_value("cai khe").run()
    assert at.dataframe[0].value["Đơn vị"].tolist() == ["Phường Cái Khế"]
    at.text_input(key="lg_search").set_value("").run()
    at.segmented_control(key="lg_group").set_value("departments").run()
    assert not at.exception and "Sở Y tế" in set(at.dataframe[0].value["Đơn vị"])


def test_map_page_profile_follows_the_ward_chosen(app_env):
    at = run_app("views/map.py")
    assert not at.exception and len(at.get("deck_gl_json_chart")) == 1
    at.selectbox(key="map_ward").set_value("31135").run()
    profile = at.dataframe[0].value
    assert set(profile["Mã"]) == {"CQS-01", "KTS-04", "XHS-02", "XHS-03", "XHS-09"}
    at.selectbox(key="map_measure").set_value("DTI:TONG").run()
    assert not at.exception and at.selectbox(key="map_period").value == "2026-H1"


def test_tasks_page_highlights_overdue_and_reporting(app_env):
    at = run_app("views/tasks.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 51 and table.iloc[0]["Tình trạng"] == "Quá hạn"       # overdue first
    assert any("Quá hạn báo cáo" in e.value and "Thành đoàn" in e.value for e in at.error)
    at.pills(key="t_recurrence").set_value(["quarterly"]).run()
    assert at.dataframe[0].value["NV"].tolist() == [2]
    assert "Sở Khoa học và Công nghệ" in set(at.dataframe[1].value["Cơ quan"])


def test_tasks_page_in_english_has_no_vietnamese_left(app_env):
    at = run_app("views/tasks.py", lang="en")
    assert not at.exception
    table = at.dataframe[0].value
    assert "No." in table.columns and {"Quarterly", "Ongoing", "Q1 2026", "Jan 2026"} <= set(table["Deadline"])
    task_2 = table[table["No."] == 2].iloc[0]
    assert task_2["Lead agency"] == "Office of the City People's Committee" or "Department" in task_2["Lead agency"]
    words = " ".join(table["Lead agency"]) + " ".join(table["Coordinating agencies"]) + " ".join(table["Deadline"])
    assert not any(w in words for w in ("Sở ", "Hằng quý", "Thường xuyên", "Tháng ", "Quý ")), words[:300]


def test_overview_shows_reporting_compliance(app_env):
    at = run_app()
    assert any("Báo cáo số liệu Tháng 10/2026 (hạn 15/11/2026)" in e.value for e in at.error)


def test_every_chart_has_a_png_button(app_env):
    at = run_app()
    buttons = [b for b in at.get("download_button") if b.proto.label == "Tải PNG"]
    assert len(buttons) == 6      # the status strip, three gauge grids, behind pace, lead agencies


def test_export_page_builds_the_pack(app_env):
    at = run_app("views/export.py")
    at.button(key="pack_build").click().run()
    assert not at.exception and "trang trình chiếu" in at.success[0].value
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Tải bài trình chiếu (PPTX)" in labels and "Tải tất cả ảnh (ZIP)" in labels
    assert "Tải báo cáo tháng (DOCX)" in labels and "báo cáo tháng" in at.success[0].value


def test_the_overview_writes_the_summary_and_what_changed_since_a_month_before(app_env):
    at = run_app()
    assert [h.value for h in at.subheader][:2] == ["Tóm tắt", "Cần chỉ đạo"]
    assert at.expander[0].label == "Từ lần giao ban trước"


HEADINGS = {"direction": "Cần chỉ đạo", "overview": "Tổng quan", "pillar_CQS": "Chính quyền số ·",
            "pillar_KTS": "Kinh tế số ·", "pillar_XHS": "Xã hội số ·", "league": "Bảng xếp hạng",
            "map": "Bản đồ", "tasks": "Nhiệm vụ quá hạn"}


@pytest.mark.parametrize("scene", list(HEADINGS))
def test_briefing_mode_scenes(app_env, scene):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["mode"] = "briefing"
    at.query_params["scene"] = scene
    at.run()
    assert not at.exception
    shown = [e.proto.body for e in at.get("html")]
    assert any("Trung tâm điều hành" in h and "Ngày đánh giá" in h and "Dữ liệu minh họa" in h for h in shown)
    scenes = [h for h in shown if 'class="w-scene"' in h]
    assert len(scenes) == 1 and f'<div class="w-h">{HEADINGS[scene]}' in scenes[0]
    assert "animation-duration" not in scenes[0]          # pinned: no countdown
    assert not at.sidebar.children or all(type(c).__name__ != "SegmentedControl" for c in at.sidebar.children.values())


def test_briefing_mode_rotates_by_the_clock(app_env):
    from cantho_dash.web import briefing as ui_briefing

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["mode"] = "briefing"
    at.query_params["interval"] = "7"
    at.run()
    assert not at.exception
    assert [ui_briefing.scene_at(t, 7) for t in (0, 6.9, 7, 14, 49, 56)] == [
        "direction", "direction", "overview", "pillar_CQS", "tasks", "direction"]
    assert ui_briefing.scene_at(123, 7, pinned="map") == "map" and ui_briefing.scene_at(0, 7, "nonsense") == "direction"


@pytest.mark.parametrize("given", ["9999-12-31", "0001-01-01", "1900-01-01", "2026-13-01", "hôm qua"])
@pytest.mark.parametrize("page", ["views/overview.py", "views/tasks.py", "views/export.py"])
def test_a_bad_as_of_parameter_is_refused_in_words_not_a_traceback(app_env, page, given):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["as_of"] = given
    at.switch_page(page)
    at.run()
    assert not at.exception
    assert any("Không dùng được ngày đánh giá" in w.value and given in w.value for w in at.warning)
    assert at.session_state["as_of"] == AS_OF
