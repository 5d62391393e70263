insert into task_status by name select * from staged_rows
