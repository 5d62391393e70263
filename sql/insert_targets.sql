insert into targets by name select * from staged_rows
