insert into observations by name select * from staged_rows
