"""UI strings in Vietnamese (default) and English, and Vietnamese number and date formatting."""
from __future__ import annotations

import math
from datetime import date, datetime

LANGS = ("vi", "en")

STRINGS: dict[str, tuple[str, str]] = {
    # key: (Vietnamese, English)
    "app_title": ("Chuyển đổi số Cần Thơ 2026", "Can Tho digital transformation 2026"),
    "plan_ref": ("Kế hoạch 224/KH-UBND", "Plan 224/KH-UBND"),
    "page_overview": ("Tổng quan", "Overview"),
    "page_targets": ("Chỉ tiêu", "Targets"),
    "language": ("Ngôn ngữ", "Language"),
    "as_of": ("Ngày đánh giá", "As-of date"),
    "as_of_help": ("Số liệu và tiến độ được tính đến ngày này; chọn một ngày đã qua để xem lại một buổi giao ban.",
                   "Figures and pace are judged as of this day; pick a past day to reproduce a past briefing."),
    "demo_banner": ("Dữ liệu minh họa: các số liệu đang hiển thị là dữ liệu mẫu, không phải số liệu thật của thành phố.",
                    "Demo data: the figures shown are invented samples, not the city's real figures."),
    "freshness": ("Cập nhật lần cuối", "Last update"),
    "newest_period": ("Kỳ số liệu mới nhất", "Newest period"),
    "no_uploads": ("chưa có", "none yet"),
    "status_achieved": ("Đã đạt", "Achieved"),
    "status_on_track": ("Đúng tiến độ", "On track"),
    "status_at_risk": ("Có nguy cơ", "At risk"),
    "status_off_track": ("Chậm tiến độ", "Off track"),
    "status_stale": ("Số liệu cũ", "Stale"),
    "status_no_data": ("Chưa có số liệu", "No data"),
    "targets_count": ("chỉ tiêu", "targets"),
    "good_share": ("đạt hoặc đúng tiến độ", "achieved or on track"),
    "behind_title": ("5 chỉ tiêu chậm nhất so với lộ trình", "The 5 targets furthest behind pace"),
    "behind_axis": ("Thấp hơn lộ trình (% chỉ tiêu)", "Below the path (% of target)"),
    "agencies_title": ("Cơ quan chủ trì có nhiều chỉ tiêu chậm nhất", "Lead agencies with the most lagging targets"),
    "agencies_axis": ("Số chỉ tiêu", "Targets"),
    "status_by_pillar": ("Tình trạng chỉ tiêu theo trụ cột", "Target status by pillar"),
    "filter_pillar": ("Trụ cột", "Pillar"),
    "filter_agency": ("Cơ quan chủ trì", "Lead agency"),
    "filter_status": ("Tình trạng", "Status"),
    "all": ("Tất cả", "All"),
    "view_charts": ("Biểu đồ", "Charts"),
    "view_table": ("Bảng", "Table"),
    "trend_of": ("Diễn biến chỉ tiêu", "Trend of target"),
    "trend_values": ("Số liệu", "Values"),
    "trend_path": ("Lộ trình kỳ vọng", "Expected path"),
    "trend_projection": ("Dự báo cuối năm", "Year-end projection"),
    "trend_target": ("Chỉ tiêu", "Target"),
    "trend_as_of": ("Ngày đánh giá", "As-of"),
    "col_code": ("Mã", "Code"),
    "col_name": ("Chỉ tiêu", "Target"),
    "col_pillar": ("Trụ cột", "Pillar"),
    "col_value": ("Giá trị", "Value"),
    "col_period": ("Kỳ", "Period"),
    "col_target": ("Mục tiêu", "Target value"),
    "col_expected": ("Kỳ vọng đến nay", "Expected by today"),
    "col_delta": ("Chênh lệch", "Delta"),
    "col_projected": ("Dự báo 31/12", "Projected 31/12"),
    "col_status": ("Tình trạng", "Status"),
    "col_lead": ("Cơ quan chủ trì", "Lead agency"),
    "col_coord": ("Cơ quan phối hợp", "Coordinating agencies"),
    "col_deadline": ("Hạn", "Deadline"),
    "vs_expected": ("so với kỳ vọng", "vs expected"),
    "none_match": ("Không có chỉ tiêu nào khớp bộ lọc.", "No target matches the filters."),
    "milestone_done": ("Đã hoàn thành", "Done"),
    "milestone_progress": ("Đang triển khai", "In progress"),
    "parts_note": ("Chỉ tiêu gồm hai phần; tình trạng lấy theo phần chậm hơn.",
                   "This target has two parts; its status is that of the weaker part."),
    "part": ("Phần", "Part"),
    "shown": ("Đang hiển thị", "Showing"),
    "page_upload": ("Tải dữ liệu", "Upload data"),
    "page_uploads": ("Lịch sử tải lên", "Upload history"),
    "templates": ("Mẫu biểu", "Templates"),
    "templates_help": ("Tải mẫu, điền số liệu trong Excel, rồi tải lên tệp CSV hoặc .xlsx. Tiêu đề cột tiếng Việt hay tiếng Anh, "
                       "có dấu hay không dấu đều được; loại dữ liệu được nhận ra theo tiêu đề.",
                       "Download a template, fill it in Excel, then upload the CSV or .xlsx. Headers may be Vietnamese or "
                       "English, with or without diacritics; the kind of data is recognised from them."),
    "kind_observations": ("Số liệu chỉ tiêu", "Indicator values"),
    "kind_unit_scores": ("Điểm DTI theo đơn vị", "DTI scores by unit"),
    "kind_task_status": ("Tiến độ nhiệm vụ", "Task status"),
    "kind_targets": ("Danh mục chỉ tiêu (năm kế hoạch mới)", "Targets catalog (a new plan year)"),
    "kind_auto": ("Tự nhận biết theo tiêu đề", "Recognise from the headers"),
    "kind": ("Loại dữ liệu", "Kind of data"),
    "choose_file": ("Chọn tệp CSV, Excel (.xlsx, .xls) hoặc LibreOffice (.ods)",
                    "Choose a CSV, Excel (.xlsx, .xls) or LibreOffice (.ods) file"),
    "uploader": ("Người tải lên", "Uploaded by"),
    "checking": ("Đang kiểm tra tệp…", "Checking the file…"),
    "rejected": ("Tệp bị từ chối: {n} vấn đề. Không có gì được ghi vào cơ sở dữ liệu.",
                 "File rejected: {n} problems. Nothing was written to the database."),
    "download_report": ("Tải báo cáo lỗi (CSV)", "Download the report (CSV)"),
    "preview": ("Xem trước khi ghi", "Preview before writing"),
    "rows_new": ("Giá trị mới", "New values"),
    "rows_changed": ("Giá trị thay đổi", "Changed values"),
    "rows_unchanged": ("Không đổi", "Unchanged"),
    "biggest_changes": ("10 thay đổi lớn nhất", "The 10 biggest changes"),
    "status_changes": ("Chỉ tiêu sẽ đổi tình trạng", "Targets whose status would change"),
    "no_status_changes": ("Không chỉ tiêu nào đổi tình trạng.", "No target changes status."),
    "confirm": ("Xác nhận ghi vào cơ sở dữ liệu", "Confirm and write"),
    "committed": ("Đã ghi: lần tải lên số {id} ({n} dòng). Mọi trang đã cập nhật.",
                  "Written: upload {id} ({n} rows). Every page now shows it."),
    "col_sheet": ("Trang tính", "Sheet"),
    "col_row": ("Dòng nhập", "Entry row"),
    "page_unit": ("Báo cáo của đơn vị", "My unit's report"),
    "unit_of_account": ("Đơn vị: {unit}", "Unit: {unit}"),
    "choose_unit": ("Đơn vị", "Unit"),
    "city_view": ("Toàn thành phố: tình hình báo cáo của mọi đơn vị", "The city: every unit's reporting"),
    "unit_month": ("Báo cáo {month}", "Report on {month}"),
    "unit_status": ("Đã báo cáo {done}/{owed} · hạn {deadline} · {when}", "Reported {done}/{owed} · due {deadline} · {when}"),
    "days_left": ("còn {n} ngày", "{n} days left"),
    "days_late": ("quá hạn {n} ngày", "{n} days late"),
    "unit_owes_nothing": ("Đơn vị này không có số liệu hay nhiệm vụ phải báo cáo.", "This unit owes no figure or task."),
    "col_item": ("Nội dung", "Item"),
    "col_last": ("Lần trước", "Last"),
    "col_last_period": ("Kỳ lần trước", "Last period"),
    "col_this_month": ("Tháng này", "This month"),
    "is_in": ("Đã có", "In"),
    "not_in": ("Chưa có", "Missing"),
    "entry_title": ("Nhập số liệu tháng này", "Enter this month's figures"),
    "entry_help": ("Gõ giá trị tháng này vào cột của nó (dấu phẩy thập phân: 81,5); dòng để trống không được gửi. "
                   "Số liệu được kiểm tra như một tệp tải lên, xem trước, rồi mới ghi khi bấm xác nhận.",
                   "Type this month's value in its column (decimal comma: 81,5); empty rows are not sent. The figures "
                   "are checked as an uploaded file is, previewed, and written when you confirm."),
    "entry_figures": ("Chỉ tiêu", "Indicators"),
    "entry_tasks": ("Nhiệm vụ", "Tasks"),
    "entry_empty": ("Chưa nhập gì.", "Nothing typed yet."),
    "entry_value_help": ("Giá trị của tháng báo cáo; tỷ lệ theo %", "The value of the reported month; rates in %"),
    "col_value_month": ("Giá trị {month}", "Value {month}"),
    "unit_templates": ("Mẫu của đơn vị (điền sẵn các dòng phải báo cáo)", "The unit's template (the rows it owes)"),
    "col_owed": ("Phải báo cáo", "Owed"),
    "col_reported": ("Đã báo cáo", "Reported"),
    "col_missing": ("Còn thiếu", "Missing"),
    "report_reported": ("Đã đủ", "Complete"),
    "report_partial": ("Chưa đủ", "Partly"),
    "report_pending": ("Chưa báo cáo (còn hạn)", "Not yet (still due)"),
    "report_late": ("Quá hạn", "Late"),
    "download_csv": ("Tải CSV", "Download CSV"),
    "whole_city": ("Toàn thành phố", "Whole city"),
    "col_unit_of": ("Đơn vị báo cáo", "Reporting unit"),
    "unit_city": ("Thành phố (ghi mọi số liệu)", "The city (writes everything)"),
    "apply_unit": ("Đổi đơn vị", "Set the unit"),
    "layouts_read": ("Các dạng bảng được đọc", "Layouts that are read"),
    "ignored_columns": ("Các cột không dùng đến (bỏ qua): {cols}", "Columns not used (ignored): {cols}"),
    "file_kind": ("Nhận ra: {kind}; số dòng: {rows}; định dạng: {encoding}", "Recognised: {kind}; rows: {rows}; format: {encoding}"),
    "col_line": ("Dòng", "Line"),
    "col_column": ("Cột", "Column"),
    "col_given": ("Giá trị", "Value"),
    "col_reason": ("Lý do", "Reason"),
    "col_area": ("Địa bàn", "Area"),
    "col_old": ("Giá trị cũ", "Old value"),
    "col_new": ("Giá trị mới", "New value"),
    "col_before": ("Trước", "Before"),
    "col_after": ("Sau", "After"),
    "history_help": ("Mọi lần tải lên, mới nhất trước. Hủy một lần tải lên thì các giá trị trước đó có hiệu lực lại; "
                     "việc hủy cũng có thể được khôi phục.",
                     "Every upload, newest first. Rolling one back brings back the values before it; a rollback can "
                     "be undone."),
    "col_id": ("Số", "No."),
    "col_kind": ("Loại", "Kind"),
    "col_file": ("Tệp", "File"),
    "col_by": ("Người tải", "By"),
    "col_at": ("Thời điểm", "At"),
    "col_rows": ("Số dòng", "Rows"),
    "col_state": ("Trạng thái", "State"),
    "state_active": ("Đang hiệu lực", "Active"),
    "state_rolled_back": ("Đã hủy", "Rolled back"),
    "state_cleared": ("Đã xóa (minh họa)", "Cleared (demo)"),
    "choose_upload": ("Chọn lần tải lên", "Choose an upload"),
    "rollback": ("Hủy lần tải lên này", "Roll this upload back"),
    "restore": ("Khôi phục lần tải lên này", "Restore this upload"),
    "rolled_back": ("Đã hủy lần tải lên {id}.", "Upload {id} rolled back."),
    "restored": ("Đã khôi phục lần tải lên {id}.", "Upload {id} restored."),
    "download_original": ("Tải tệp gốc", "Download the original file"),
    "updated_elsewhere": ("Số liệu vừa được cập nhật.", "The figures were just updated."),
    "page_league": ("Bảng xếp hạng", "League tables"),
    "page_map": ("Bản đồ", "Ward map"),
    "col_rank": ("Hạng", "Rank"),
    "places": ("bậc", "places"),
    "task_short": ("NV {n}", "Task {n}"),
    "gauge_help": ("Đồng hồ: giá trị mới nhất; vạch trắng: mục tiêu; ▲/▼: cao hơn/thấp hơn lộ trình kỳ vọng đến "
                   "ngày đánh giá, tính bằng điểm phần trăm.",
                   "Gauges: the latest value; white mark: the target; ▲/▼: above/below the expected path on the "
                   "as-of date, in percentage points."),
    "demo_data": ("Dữ liệu minh họa", "Demo data"),
    "actor_demo": ("(dữ liệu minh họa)", "(demo data)"),
    "actor_system": ("(hệ thống: danh mục Kế hoạch 224)", "(system: Plan 224 catalog)"),
    "col_task_no": ("NV", "No."),
    "deadline_quarterly": ("Hằng quý", "Quarterly"),
    "deadline_continuous": ("Thường xuyên", "Ongoing"),
    "col_change": ("Thay đổi", "Change"),
    "col_unit": ("Đơn vị", "Unit"),
    "col_type": ("Loại", "Type"),
    "col_total": ("Tổng điểm", "Total"),
    "group": ("Nhóm xếp hạng", "League"),
    "group_departments": ("Sở, ban, ngành", "Departments"),
    "group_wards": ("Xã, phường", "Wards and communes"),
    "type_department": ("Sở, ngành", "Department"),
    "type_xa": ("Xã", "Commune"),
    "type_phuong": ("Phường", "Ward"),
    "show_types": ("Hiển thị", "Show"),
    "rank_on": ("Xếp hạng theo", "Rank on"),
    "pillar_TONG": ("Tổng điểm DTI", "DTI total"),
    "search_unit": ("Tìm đơn vị (có dấu hoặc không dấu)", "Find a unit (with or without diacritics)"),
    "top_up": ("Tăng hạng nhiều nhất", "Biggest climbers"),
    "top_down": ("Giảm hạng nhiều nhất", "Biggest fallers"),
    "vs_period": ("So với {period}", "Against {period}"),
    "league_chart": ("10 đơn vị dẫn đầu và 10 đơn vị cuối bảng", "The top 10 and the bottom 10"),
    "league_chart_all": ("Xếp hạng {n} đơn vị (nửa trên xanh, nửa dưới đỏ)", "All {n} units (top half green, bottom half red)"),
    "top10": ("10 đơn vị dẫn đầu", "Top 10"),
    "bottom10": ("10 đơn vị cuối bảng", "Bottom 10"),
    "middle": ("Giữa bảng", "Middle"),
    "full_table": ("Toàn bộ bảng xếp hạng", "The full league table"),
    "not_ranked": ("chưa xếp hạng", "not ranked"),
    "indicator_league": ("Xếp hạng xã, phường theo chỉ tiêu", "Wards ranked on an indicator"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "share_meeting": ("Tỷ lệ xã, phường đạt mục tiêu", "Share of wards meeting the target"),
    "wards_reported": ("{n} xã, phường có số liệu", "{n} wards reported"),
    "map_measure": ("Hiển thị", "Show"),
    "map_centre": ("Tâm thang màu", "Colour centre"),
    "centre_target": ("Mục tiêu", "Target"),
    "centre_path": ("Lộ trình kỳ vọng", "Expected path"),
    "centre_median": ("Trung vị", "Median"),
    "legend": ("Chú giải: màu theo giá trị so với {centre}; kích thước theo giá trị; xám: chưa có số liệu.",
               "Legend: colour by value against {centre}; size by value; grey: no data."),
    "as_of_period": ("Kỳ số liệu", "Period"),
    "ward_profile": ("Hồ sơ xã, phường", "Ward profile"),
    "choose_ward": ("Chọn xã, phường (hoặc bấm vào bản đồ)", "Choose a ward (or click it on the map)"),
    "dti_scores": ("Điểm DTI", "DTI scores"),
    "rank_history": ("Thứ hạng qua các kỳ", "Rank over time"),
    "boundaries": ("Ranh giới xã, phường (GeoJSON)", "Ward boundaries (GeoJSON)"),
    "boundaries_help": ("Tải lên tệp GeoJSON ranh giới 103 xã, phường để tô màu theo vùng; các vùng được ghép theo mã hoặc tên.",
                        "Upload a GeoJSON of the 103 wards' polygons to colour areas; features are matched by code or name."),
    "boundaries_unmatched": ("{n} vùng không khớp xã, phường nào: {names}", "{n} features match no ward: {names}"),
    "boundaries_loaded": ("Đang dùng ranh giới: {n} vùng.", "Boundaries in use: {n} features."),
    "no_ward_data": ("Chưa có số liệu theo xã, phường.", "No ward-level data yet."),
    "page_tasks": ("Nhiệm vụ", "Tasks"),
    "page_export": ("Xuất báo cáo", "Meeting pack"),
    "task_done": ("Hoàn thành", "Done"),
    "task_overdue": ("Quá hạn", "Overdue"),
    "task_due_soon": ("Đến hạn trong 30 ngày", "Due within 30 days"),
    "task_in_progress": ("Đang thực hiện", "In progress"),
    "task_blocked": ("Vướng mắc", "Blocked"),
    "task_not_started": ("Chưa triển khai", "Not started"),
    "rec_once": ("Có thời hạn", "Once"),
    "rec_quarterly": ("Hằng quý", "Quarterly"),
    "rec_continuous": ("Thường xuyên", "Continuous"),
    "col_task": ("Nhiệm vụ", "Task"),
    "col_progress": ("Tiến độ", "Progress"),
    "col_recurrence": ("Tính chất", "Recurrence"),
    "col_tasks": ("Số nhiệm vụ", "Tasks"),
    "col_overdue": ("Quá hạn", "Overdue"),
    "col_due_soon": ("Đến hạn ≤30 ngày", "Due ≤30 days"),
    "col_done": ("Hoàn thành", "Done"),
    "col_agency": ("Cơ quan", "Agency"),
    "col_note": ("Ghi chú", "Note"),
    "filter_recurrence": ("Tính chất", "Recurrence"),
    "filter_state": ("Tình trạng", "State"),
    "tasks_summary": ("Theo cơ quan chủ trì", "By lead agency"),
    "tasks_timeline": ("Thời hạn các nhiệm vụ", "Task deadlines"),
    "overdue_tasks": ("Nhiệm vụ quá hạn", "Overdue tasks"),
    "compliance": ("Báo cáo số liệu {month} (hạn {deadline})", "Reporting on {month} (due {deadline})"),
    "compliance_missing": ("Chưa báo cáo", "Not reported"),
    "compliance_late": ("Quá hạn báo cáo: {names}", "Late: {names}"),
    "compliance_pending": ("Chưa báo cáo (còn hạn): {names}", "Not yet reported (still due): {names}"),
    "compliance_partial": ("Báo cáo chưa đủ: {names}", "Partly reported: {names}"),
    "compliance_wards": ("Xã, phường: {reported} đã đủ, {partial} chưa đủ, {pending} chưa báo cáo (còn hạn), {late} quá hạn "
                         "(chi tiết: trang Báo cáo của đơn vị)",
                         "Wards: {reported} complete, {partial} partly, {pending} not yet (still due), {late} late "
                         "(details: My unit's report)"),
    "compliance_all": ("Tất cả cơ quan chủ trì đã báo cáo.", "Every lead agency has reported."),
    "png": ("Tải PNG", "Download PNG"),
    "png_size": ("Cỡ ảnh PNG", "PNG size"),
    "pack_build": ("Tạo bộ tài liệu họp", "Build the meeting pack"),
    "pack_pptx": ("Tải bài trình chiếu (PPTX)", "Download the slides (PPTX)"),
    "pack_zip": ("Tải tất cả ảnh (ZIP)", "Download every image (ZIP)"),
    "pack_help": ("Một lần bấm: bài trình chiếu PowerPoint (trang bìa, từng trụ cột, bảng xếp hạng, bản đồ, nhiệm vụ quá hạn) "
                  "và tệp ZIP các ảnh PNG, có ngày đánh giá và nguồn số liệu.",
                  "One click: a PowerPoint deck (title, each pillar, the league, the map, overdue tasks) and a ZIP "
                  "of the PNG images, each with the as-of date and the source."),
    "pack_ready": ("Đã tạo {n} ảnh và {slides} trang trình chiếu trong {seconds} giây.",
                   "Made {n} images and {slides} slides in {seconds} s."),
    "briefing": ("Chế độ phòng họp", "Briefing-room mode"),
    "briefing_help": ("Toàn màn hình, tự chuyển cảnh; mở bằng ?mode=briefing", "Full screen, rotating; open with ?mode=briefing"),
    "scene_overview": ("Tổng quan", "Overview"),
    "scene_league": ("Bảng xếp hạng xã, phường", "Ward league"),
    "scene_map": ("Bản đồ xã, phường", "Ward map"),
    "scene_tasks": ("Nhiệm vụ quá hạn", "Overdue tasks"),
    "no_overdue": ("Không có nhiệm vụ quá hạn.", "No task is overdue."),
    "briefing_exit": ("Thoát chế độ phòng họp", "Leave briefing mode"),
    "briefing_title": ("Trung tâm điều hành · Chuyển đổi số Cần Thơ", "Operations centre · Can Tho digital transformation"),
    "agency_note": ("Ghi chú của đơn vị báo cáo, kỳ {period}:", "The reporting agency's note, {period}:"),
    "table_page": ("Trang", "Page"),
    "table_rows": ("Dòng {first}–{last} trong {total}", "Rows {first}–{last} of {total}"),
    "page_account": ("Tài khoản", "Account"),
    "sign_in": ("Đăng nhập", "Sign in"),
    "sign_out": ("Đăng xuất", "Sign out"),
    "sign_in_oidc": ("Đăng nhập bằng tài khoản của thành phố", "Sign in with the city account"),
    "local_sign_in": ("Tài khoản của hệ thống", "Dashboard account"),
    "account_name": ("Tên tài khoản", "Account name"),
    "password": ("Mật khẩu", "Password"),
    "signed_in_as": ("Đã đăng nhập: **{name}** ({role})", "Signed in: **{name}** ({role})"),
    "not_signed_in": ("Chưa đăng nhập (chỉ xem).", "Not signed in (view only)."),
    "wrong_login": ("Sai tên tài khoản hoặc mật khẩu.", "Wrong account name or password."),
    "login_blocked": ("Quá nhiều lần đăng nhập sai. Hãy thử lại sau {minutes} phút.",
                      "Too many failed sign-ins. Try again in {minutes} minutes."),
    "need_role": ("Việc này cần tài khoản {role}. Hãy đăng nhập.", "This needs an {role} account. Please sign in."),
    "need_login": ("Dashboard này cần đăng nhập.", "This dashboard needs a sign-in."),
    "role_viewer": ("người xem", "viewer"),
    "role_analyst": ("phân tích viên", "analyst"),
    "role_admin": ("quản trị viên", "admin"),
    "accounts": ("Quản lý tài khoản", "Manage accounts"),
    "col_role": ("Vai trò", "Role"),
    "col_login": ("Cách đăng nhập", "Sign-in"),
    "login_password": ("Mật khẩu", "Password"),
    "login_oidc": ("Tài khoản thành phố (OIDC)", "City account (OIDC)"),
    "col_created": ("Tạo lúc", "Created"),
    "disabled": ("Đã khoá", "Disabled"),
    "enabled": ("Đang dùng", "Enabled"),
    "add_account": ("Thêm tài khoản", "Add an account"),
    "oidc_only": ("Chỉ đăng nhập bằng tài khoản thành phố (tên là email)", "City account only (the name is the e-mail)"),
    "create": ("Tạo", "Create"),
    "created_account": ("Đã tạo tài khoản {name}.", "Account {name} created."),
    "change_account": ("Sửa một tài khoản", "Change an account"),
    "choose_account": ("Tài khoản", "Account"),
    "apply_role": ("Đổi vai trò", "Change the role"),
    "new_password": ("Mật khẩu mới", "New password"),
    "set_password": ("Đặt mật khẩu", "Set the password"),
    "disable": ("Khoá", "Disable"),
    "enable": ("Mở khoá", "Enable"),
    "remove": ("Xoá tài khoản", "Remove the account"),
    "account_done": ("Đã cập nhật tài khoản {name}.", "Account {name} updated."),
    "own_password": ("Đổi mật khẩu của tôi", "Change my password"),
    "clear_demo": ("Xoá dữ liệu minh hoạ", "Remove the demo data"),
    "clear_demo_help": ("Gỡ mọi dòng minh hoạ; lịch sử vẫn giữ các lần tải lên minh hoạ với trạng thái 'đã xoá'.",
                        "Takes every demo row out; the history keeps the demo uploads as 'cleared'."),
    "demo_cleared": ("Đã xoá dữ liệu minh hoạ ({n} lần tải lên).", "Demo data removed ({n} uploads)."),
    "rollback_needs": ("Đăng nhập bằng tài khoản phân tích viên để hủy hoặc khôi phục một lần tải lên.",
                       "Sign in as an analyst to roll an upload back or restore it."),
}


def t(key: str, lang: str = "vi") -> str:
    """The UI string key in lang (Vietnamese when lang is not English)."""
    vi, en = STRINGS[key]
    return en if lang == "en" else vi


def status_label(status: str, lang: str = "vi") -> str:
    """The label of a status code."""
    return t(f"status_{status}", lang)


def fmt_number(value, decimals: int = 1, lang: str = "vi") -> str:
    """76.46 -> '76,5' in Vietnamese ('1.234,5' with thousands), '76.5' in English; '–' for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_decimal(value, decimals: int = 2, lang: str = "vi") -> str:
    """As fmt_number, without trailing zeros: 98.90 -> '98,9', 100.0 -> '100'."""
    text = fmt_number(value, decimals, lang)
    return text.rstrip("0").rstrip(",.") if decimals > 0 and text != "–" else text


def fmt_percent(value, decimals: int = 1, lang: str = "vi") -> str:
    """76.46 -> '76,5%'."""
    text = fmt_number(value, decimals, lang)
    return text if text == "–" else f"{text}%"


COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


def fmt_target(comparator: str, value, unit: str, lang: str = "vi") -> str:
    """A target as people write it: '≥ 80,0%', '> 50,0%', 'Đã hoàn thành'."""
    if unit == "milestone":
        return fmt_value(value, unit, lang)
    return f"{COMPARATOR_SIGNS.get(comparator, comparator)} {fmt_value(value, unit, lang)}"


def fmt_value(value, unit: str, lang: str = "vi", decimals: int = 1) -> str:
    """A target's value in its unit: '76,5%', 'Đã hoàn thành' / 'Đang triển khai (85%)', or a number."""
    if unit == "milestone":
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        if value >= 1:
            return t("milestone_done", lang)
        return f"{t('milestone_progress', lang)} ({fmt_percent(value * 100, 0, lang)})"
    if unit == "%":
        return fmt_percent(value, decimals, lang)
    return fmt_number(value, decimals, lang)


def fmt_date(value, lang: str = "vi") -> str:
    """25/11/2026 (or 25 Nov 2026 in English); '–' for none."""
    if value is None or value != value:
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%H:%M %d/%m/%Y") if lang == "vi" else value.strftime("%d %b %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y") if lang == "vi" else value.strftime("%d %b %Y")
    return str(value)


def plotly_separators(lang: str = "vi") -> str:
    """Plotly's layout.separators: decimal then thousands."""
    return ".," if lang == "en" else ",."
