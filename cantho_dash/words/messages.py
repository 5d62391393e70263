"""Bilingual messages of refusals and command-line replies: (Vietnamese, English) str.format templates."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Accounts (store/accounts.py, cli/accounts.py)
    "account_name_invalid": ("Tên tài khoản dài 2–64 ký tự, chỉ gồm chữ, số và . _ @ + -",
                             "An account name is 2–64 letters, digits or . _ @ + -"),
    "password_short": ("Mật khẩu cần ít nhất {least} ký tự.", "A password needs at least {least} characters."),
    "unit_unknown": ("Không có đơn vị “{unit}” (ghi mã cơ quan trong agencies.csv, hoặc mã 5 số của xã, phường).",
                     "No unit “{unit}” (write an agency code from agencies.csv, or a ward's 5-digit code)."),
    "role_invalid": ("Vai trò phải là một trong {roles}.", "The role must be one of {roles}."),
    "role_needed": ("Cần --role viewer|analyst|admin.", "--role viewer|analyst|admin is needed."),
    "account_exists": ("Đã có tài khoản {name}.", "There is already an account {name}."),
    "account_unknown": ("Không có tài khoản {name}.", "There is no account {name}."),
    "account_missing": ("Thiếu tên tài khoản.", "The account name is missing."),
    "last_admin": ("Phải còn ít nhất một quản trị viên.", "At least one admin must remain."),
    "password_prompt": ("Mật khẩu", "Password: "),
    "password_again": ("Nhập lại", "Again: "),
    "entries_differ": ("Hai lần nhập không khớp.", "The two entries differ."),
    "account_created": ("Đã tạo tài khoản {name} ({role}{where}).", "Account {name} ({role}{where}) created."),
    "password_changed": ("Đã đổi mật khẩu của {name}.", "Password of {name} changed."),
    "account_removed": ("Đã xoá tài khoản {name}.", "Account {name} removed."),
    "account_may_not_write": ("Tài khoản {name} không được ghi số liệu (cần vai trò analyst, đang hoạt động).",
                              "The account {name} may not write figures (an enabled analyst is needed)."),
    # Imports (cli/imports.py, ingest/checked.py)
    "file_missing": ("Không có tệp '{file}'.", "There is no file '{file}'."),
    "file_rejected": ("Tệp bị từ chối: {count} vấn đề; không ghi gì vào cơ sở dữ liệu.",
                      "Rejected, problems found: {count}; nothing was written."),
    "import_counts": ("{rows} dòng ({kind}): {new} mới, {changed} thay đổi, {unchanged} không đổi",
                      "{rows} rows: {new} new, {changed} changed, {unchanged} unchanged"),
    "columns_left_out": ("Cột bỏ qua", "columns left out: {columns}"),
    "dry_run_checked": ("Kiểm tra xong, chưa ghi (--dry-run).", "Checked, not written (--dry-run)."),
    "disk_full": ("Không lưu được tệp gốc vào thư mục lưu trữ ({folder}): {reason}. Không có gì được ghi; hãy "
                  "giải phóng dung lượng đĩa rồi tải lên lại.",
                  "The original file could not be kept in the archive folder ({folder}): {reason}. Nothing was "
                  "written; free some disk space and upload again."),
    "store_full": ("Cơ sở dữ liệu không ghi được vì ổ đĩa đã đầy ({reason}). Không có gì được ghi; hãy giải phóng "
                   "dung lượng đĩa rồi nhập lại.",
                   "The store could not write because its disk is full ({reason}). Nothing was written; free some "
                   "disk space and import again."),
    "imported": ("Đã nhập, lần tải lên số {upload}.", "Imported as upload {upload}."),
    "duplicate_upload": ("Tệp này đã được nhập lúc {when} (lần tải lên số {upload}, {by}); không thêm gì.{more_vi}",
                         "This file was already imported at {when} (upload {upload}, by {by}); "
                         "nothing was added.{more_en}"),
    "duplicate_rolled_back": (" Lần tải lên đó đã bị hủy; khôi phục nó trong Lịch sử tải lên (hoặc rollback --undo).",
                              " That upload was rolled back; restore it from the upload history (or rollback --undo)."),
    # Uploads (store/versions.py, cli/reads.py)
    "upload_unknown": ("Không có lần tải lên số {upload}.", "There is no upload {upload}."),
    "upload_not_yours": ("Chỉ đơn vị đã tải lên (hoặc chuyên viên của thành phố) mới hủy hay khôi phục được lần tải "
                         "lên {upload}.",
                         "Only the unit that uploaded it (or a city analyst) can roll back or restore upload {upload}."),
    "upload_not_active": ("Lần tải lên {upload} không còn hiệu lực ({status}).", "Upload {upload} is not active ({status})."),
    "last_catalog": ("Đây là danh mục chỉ tiêu duy nhất còn hiệu lực; không thể hủy.",
                     "This is the only active targets catalog; it cannot be rolled back."),
    "upload_not_rolled_back": ("Lần tải lên {upload} chưa bị hủy.", "Upload {upload} was not rolled back."),
    "upload_restored": ("Đã khôi phục lần tải lên {upload}.", "Upload {upload} restored."),
    "upload_rolled_back": ("Đã hủy lần tải lên {upload}; các giá trị trước đó có hiệu lực trở lại.",
                           "Upload {upload} rolled back; the values before it are current again."),
    # Demo data and reporting (cli/reads.py)
    "demo_cleared": ("Đã xóa dữ liệu minh họa ({cleared} lần nạp).", "Demo data cleared ({cleared} uploads)."),
    "demo_present": ("Dữ liệu minh họa đã có sẵn.", "Demo data is already loaded."),
    "demo_loaded": ("Đã nạp dữ liệu minh họa (lần nạp {numbers}).", "Demo data loaded (uploads {ids})."),
    "month_unreadable": ("Tháng “{month}” không đọc được hoặc chưa kết thúc (ghi YYYY-MM).",
                         "The month “{month}” cannot be read or has not ended (write YYYY-MM)."),
    "reporting_heading": ("Báo cáo tháng {label_vi} (hạn {deadline:%d/%m/%Y}, tính đến {as_of:%d/%m/%Y})",
                          "Reporting on {label_en} (due {deadline:%d %b %Y}, as of {as_of:%d %b %Y})"),
    "heading_departments": ("Sở, ngành", "Departments"),
    "heading_wards": ("Xã, phường", "Wards"),
    # Who may write what (domain/scope.py)
    "kind_unit_scores": ("điểm DTI", "DTI scores"),
    "kind_targets": ("danh mục chỉ tiêu", "the targets catalog"),
    "kind_city_only": ("{what_vi} chỉ do chuyên viên của thành phố (Sở Khoa học và Công nghệ) nhập; tài khoản của "
                       "{unit_vi} không nhập được.",
                       "{what_en} can be entered by the city's analysts only; the account of {unit_en} cannot."),
    "series_joint_lead": ("chỉ tiêu {code} do {lead} cùng chủ trì; chỉ tài khoản của thành phố nhập được",
                          "indicator {code} is led jointly by {lead}; only a city account can enter it"),
    "series_other_lead": ("chỉ tiêu {code} do {leads_vi} chủ trì; tài khoản của {unit_vi} không nhập được",
                          "indicator {code} is led by {leads_en}; the account of {unit_en} cannot enter it"),
    "series_city_figure": ("số liệu toàn thành phố của chỉ tiêu {code} do {leads_vi} báo cáo; {ward} chỉ nhập số liệu "
                           "của mình",
                           "the city-wide figure of {code} is reported by {leads_en}; {ward} enters only its own figures"),
    "series_other_ward": ("{area} tự báo cáo số liệu của mình; tài khoản của {ward} không nhập được",
                          "{area} reports its own figures; the account of {ward} cannot enter them"),
    "series_not_by_ward": ("chỉ tiêu {code} không báo cáo theo xã, phường; do {leads_vi} báo cáo",
                           "indicator {code} is not reported by ward; {leads_en} reports it"),
    "task_other_lead": ("nhiệm vụ {task} do {leads_vi} chủ trì; tài khoản của {unit_vi} không nhập được",
                        "task {task} is led by {leads_en}; the account of {unit_en} cannot enter it"),
    # The store's upkeep (store/engine.py, store/migrate.py, store/backup.py, cli/store.py)
    "store_unsupported": ("CANTHO_DB_URL: {name} không được hỗ trợ; hãy dùng DuckDB (duckdb:///tệp) hoặc PostgreSQL "
                          "(postgresql+psycopg://...).",
                          "CANTHO_DB_URL: {name} is not supported: use DuckDB (duckdb:///file) or PostgreSQL "
                          "(postgresql+psycopg://...)."),
    "store_held": ("Cơ sở dữ liệu {path} vẫn bị một chương trình khác giữ sau thời gian chờ (không phải dashboard hay "
                   "lệnh của ứng dụng này, vốn trả tệp lại khi rảnh). Hãy đóng chương trình đó rồi chạy lại.",
                   "The database {path} stayed held by another program for longer than the wait (not this "
                   "dashboard or its commands, which let the file go when idle). Close that program and run again."),
    "schema_newer": ("Cơ sở dữ liệu ở phiên bản lược đồ {found}, mới hơn bản này ({ours}): hãy dùng bản mới hơn.",
                     "The store is at schema version {found}, newer than this release's {ours}: use a newer release."),
    "migrate_new": ("Cơ sở dữ liệu mới: đã tạo lược đồ phiên bản {version}.",
                    "A new store: schema version {version} created."),
    "migrate_none": ("Lược đồ đã ở phiên bản {version}: không có gì để làm.",
                     "The schema is at version {version}: nothing to do."),
    "migrate_done": ("Lược đồ: phiên bản {before} → {after}; đã chạy {steps}.",
                     "Schema: version {before} → {after}; ran {steps}."),
    "migrate_copy": ("Bản sao trước khi nâng cấp: {path}", "The file as it was before the upgrade: {path}"),
    "backup_not_empty": ("Thư mục {folder} đã có tệp: hãy chọn một thư mục mới.",
                         "The folder {folder} is not empty: choose a new one."),
    "backup_done": ("Đã sao lưu vào {folder}: {rows} dòng ({uploads} lần tải lên), {files} tệp gốc, tệp tài khoản: "
                    "{accounts_vi}.",
                    "Backed up to {folder}: {rows} rows ({uploads} uploads), {files} original files, accounts "
                    "file: {accounts_en}."),
    "restore_not_empty": ("Cơ sở dữ liệu đã có {uploads} lần tải lên: khôi phục vào một cơ sở dữ liệu trống, hoặc dùng "
                          "--force để thay thế.",
                          "The store already holds {uploads} uploads: restore into an empty store, or use --force "
                          "to replace them."),
    "restore_not_backup": ("{folder} không phải là một bản sao lưu (thiếu manifest.json).",
                           "{folder} is not a backup (no readable manifest.json)."),
    "restore_other_release": ("Bản sao lưu {folder} do một phiên bản khác hoặc mới hơn tạo ra.",
                              "The backup {folder} was made by another or a newer release."),
    "restore_missing": ("Bản sao lưu thiếu bảng: {tables}.", "The backup lacks tables: {tables}."),
    "restore_done": ("Đã khôi phục từ {folder}: {rows} dòng ({uploads} lần tải lên), {files} tệp gốc.",
                     "Restored from {folder}: {rows} rows ({uploads} uploads), {files} original files."),
}

# How both() joins the two languages where it is not " / ".
JOINERS: dict[str, str] = {"file_rejected": "\n"}


def pair(key: str, **fields) -> tuple[str, str]:
    """The (Vietnamese, English) message of key, filled in with fields."""
    vi, en = MESSAGES[key]
    return vi.format(**fields), en.format(**fields)


def both(key: str, **fields) -> str:
    """The message of key in both languages on one text: 'vi / en' (or the key's joiner)."""
    return JOINERS.get(key, " / ").join(pair(key, **fields))
