insert into agencies by name select * from staged_rows
