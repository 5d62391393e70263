insert into upload_events (id, upload_id, action, actor, happened_at)
values (:id, :upload_id, :action, :actor, :happened_at)
