select id, kind, filename, uploaded_by, uploaded_at, status
from uploads
where sha256 = :sha256 and not is_demo
order by id
limit 1
