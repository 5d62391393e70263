select id, kind, filename, uploaded_by, uploaded_at, is_demo, status
from uploads
where id = :id
