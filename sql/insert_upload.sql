-- A new upload's audit row; its id is the next one (writes are serialised).
insert into uploads (id, kind, filename, sha256, uploaded_by, uploaded_at, rows_total, rows_new, rows_changed,
                     rows_unchanged, is_demo, status, unit_code)
select coalesce(max(id), 0) + 1, :kind, :filename, :sha256, :uploaded_by, :uploaded_at, :rows_total, :rows_new,
       :rows_changed, :rows_unchanged, :is_demo, :status, :unit_code
from uploads
returning id
