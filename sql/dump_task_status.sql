-- Every row of task_status, for a backup.
select * from task_status
