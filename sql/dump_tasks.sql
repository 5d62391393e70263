-- Every row of tasks, for a backup.
select * from tasks
