delete from tasks
