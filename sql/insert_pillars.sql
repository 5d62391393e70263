insert into pillars by name select * from staged_rows
