-- The newest active upload of figures (for the provenance line of exports).
select id, kind, uploaded_at, is_demo
from uploads
where status = 'active' and kind <> 'targets'
order by id desc
limit 1
