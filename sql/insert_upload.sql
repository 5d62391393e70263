insert into uploads (id, kind, filename, sha256, uploaded_by, uploaded_at, rows_total, rows_new, rows_changed,
                     rows_unchanged, is_demo, status)
values (:id, :kind, :filename, :sha256, :uploaded_by, :uploaded_at, :rows_total, :rows_new, :rows_changed,
        :rows_unchanged, :is_demo, :status)
