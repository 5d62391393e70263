-- The upload history, newest first, with the last thing that happened to each upload.
with last_event as (
    select upload_id, action, actor, happened_at,
           row_number() over (partition by upload_id order by id desc) as event_rank
    from upload_events
)
select u.id, u.kind, u.filename, u.sha256, u.uploaded_by, u.uploaded_at, u.rows_total, u.rows_new,
       u.rows_changed, u.rows_unchanged, u.is_demo, u.status, u.unit_code, e.action as last_action, e.actor as last_actor,
       e.happened_at as last_at
from uploads as u
left join last_event as e on e.upload_id = u.id and e.event_rank = 1
order by u.id desc
