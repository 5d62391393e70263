select id, kind, filename, uploaded_by, uploaded_at, is_demo, status, unit_code
from uploads
where id = :id
