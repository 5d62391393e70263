delete from task_status
where upload_id in (select id from uploads where is_demo)
