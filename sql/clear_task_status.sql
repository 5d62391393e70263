-- Empty task_status (a restore, with --force, into a store that has rows).
delete from task_status
