insert into tasks by name select * from staged_rows
