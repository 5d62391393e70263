insert into upload_events (id, upload_id, action, actor, happened_at)
select coalesce(max(id), 0) + 1, :upload_id, :action, :actor, :happened_at
from upload_events
